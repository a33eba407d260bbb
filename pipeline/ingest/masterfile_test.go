package ingest

import (
	"strings"
	"testing"

	"kam/pipeline/ingest/schema"
)

// TestTransactionList: a file whose rows repeat the master's key, each
// with a date and an amount, is a list of transactions; a master with a
// key written twice, or a list that repeats keys without a dated amount
// (an accounts-with-contacts report), is not.
func TestTransactionList(t *testing.T) {
	cases := []struct {
		name, kind string
		serial     bool
		rows       [][]string
		want       string // a part of the reason, "" for none
	}{
		{"payments", schema.Accounts, false, [][]string{
			{"Customer ID", "Customer Description", "Created (UTC)", "Amount"},
			{"cus_A", "Acme", "2026-10-02 10:00:00", "100.00"},
			{"cus_A", "Acme", "2026-10-05 10:00:00", "250.00"},
			{"cus_B", "Beta", "2026-10-07 10:00:00", "80.00"},
			{"cus_B", "Beta", "2026-10-09 10:00:00", "60.00"},
		}, `repeat the same account_id ("Customer ID": 2 of 4 sampled rows`},
		{"workbook serials", schema.Accounts, true, [][]string{
			{"Customer ID", "Customer Description", "Created", "Amount"},
			{"cus_A", "Acme", "46297", "100.5"},
			{"cus_A", "Acme", "46300", "250"},
			{"cus_B", "Beta", "46302", "80"},
			{"cus_B", "Beta", "46304", "60"},
		}, `each with a date ("Created") and an amount ("Amount")`},
		{"serials only in a workbook", schema.Accounts, false, [][]string{
			{"Customer ID", "Customer Description", "Created", "Amount"},
			{"cus_A", "Acme", "46297", "100.5"},
			{"cus_A", "Acme", "46300", "250"},
			{"cus_B", "Beta", "46302", "80"},
			{"cus_B", "Beta", "46304", "60"},
		}, ""},
		{"master with a duplicate", schema.Accounts, false, [][]string{
			{"Customer ID", "Customer Description", "Created", "Credit limit"},
			{"cus_A", "Acme", "2020-01-02", "1000.00"},
			{"cus_B", "Beta", "2021-03-04", "500.00"},
			{"cus_C", "Gamma", "2022-05-06", "700.00"},
			{"cus_C", "Gamma SL", "2022-05-06", "700.00"},
		}, ""},
		{"accounts with contacts", schema.Accounts, false, [][]string{
			{"Customer ID", "Customer Description", "Contact", "Contact created"},
			{"cus_A", "Acme", "Ana", "2026-10-02"},
			{"cus_A", "Acme", "Luis", "2026-10-05"},
			{"cus_B", "Beta", "Eva", "2026-10-07"},
			{"cus_B", "Beta", "Juan", "2026-10-09"},
		}, ""},
		{"sales lines are events", schema.Sales, false, [][]string{
			{"Invoice", "Date", "Customer", "Amount"},
			{"F1", "2026-10-02", "cus_A", "100.00"},
			{"F1", "2026-10-02", "cus_A", "100.00"},
			{"F1", "2026-10-02", "cus_A", "100.00"},
			{"F1", "2026-10-02", "cus_A", "100.00"},
		}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			header := c.rows[0]
			m, _ := schema.Map("f.csv", c.kind, header, nil)
			sample := func(i int) ([]string, error) {
				var out []string
				for _, r := range c.rows[1:] {
					if v := strings.TrimSpace(r[i]); v != "" {
						out = append(out, v)
					}
				}
				return out, nil
			}
			got, err := transactionList(c.kind, header, c.serial, m, sample)
			if err != nil {
				t.Fatal(err)
			}
			if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
