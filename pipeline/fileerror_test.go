package pipeline

import (
	"errors"
	"strings"
	"testing"

	"kam/pipeline/ingest/schema"
)

// A failed file is named once in the message, whether or not the inner
// error names it already.
func TestFileErrorNamesTheFileOnce(t *testing.T) {
	t.Parallel()
	_, mapErr := schema.Map("erp/ventas.csv", "sales", []string{"Rechnungsnummer", "Datum", "Kunde", "Betrag"}, nil)
	if mapErr == nil {
		t.Fatal("German headers mapped onto the sales contract")
	}
	for _, inner := range []error{mapErr, errors.New("not a valid gzip file")} {
		msg := (&FileError{Path: "erp/ventas.csv", Err: inner}).Error()
		if n := strings.Count(msg, "erp/ventas.csv"); n != 1 {
			t.Errorf("the file is named %d times in %q", n, msg)
		}
		if !strings.HasPrefix(msg, "erp/ventas.csv: ") {
			t.Errorf("the message does not start with the file: %q", msg)
		}
	}
}

// A bad date in a column of ISO dates is explained in the column's own form
// (year first), not in the configured day-first order.
func TestRejectedISODateNamesTheISOForm(t *testing.T) {
	t.Parallel()
	db := runFixture(t, map[string]string{
		"ventas.csv": csvLines("invoice_id,invoice_date,account_id,net_amount",
			"1,2026-02-01,A,12.5", "2,2026-02-31,A,10", "3,2026-03-01,A,7"),
	}, "2026-03", nil)
	got := rows(t, db, "select source_line, column_name, raw_value, reason, detail from staging.stg_rejects")
	want := [][]string{{"3", "invoice_date", "2026-02-31", "date", "ymd"}}
	if len(got) != 1 || strings.Join(got[0], "|") != strings.Join(want[0], "|") {
		t.Fatalf("rejects %v, want %v", got, want)
	}
}
