package pipeline

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestHeaderCreditTypeRestagesLines: an invoice header whose only change is
// its document type (an invoice turned credit note) restages its lines on
// the next run, so their amounts turn negative as in a build from scratch:
// the header's hash of what its lines take from it holds is_credit.
func TestHeaderCreditTypeRestagesLines(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	write := func(name, body string) {
		t.Helper()
		clock = clock.Add(time.Minute)
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, clock, clock); err != nil {
			t.Fatal(err)
		}
	}
	revenue := func() string {
		t.Helper()
		db, err := sql.Open("duckdb", filepath.Join(out, "kam.duckdb")+"?access_mode=read_only")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		return one(t, db, "select string_agg(invoice_id || '=' || cast(net_amount as varchar) || '/' || cast(cost_amount as varchar), ',' order by invoice_id) from staging.stg_sales_lines")
	}
	write("sales.csv", csvLines("invoice_id,line_no,product_id,quantity,net_amount,cost_amount",
		"X1,1,P1,2,100.00,60.00", "X2,1,P1,1,50.00,30.00"))
	write("invoices.csv", csvLines("invoice_id,invoice_date,account_id,document_type",
		"X1,2026-10-05,C1,Invoice", "X2,2026-10-06,C1,Invoice"))
	incRun(t, in, out)
	if got, want := revenue(), "X1=100.000000/60.000000,X2=50.000000/30.000000"; got != want {
		t.Fatalf("first run: %s, want %s", got, want)
	}
	write("invoices.csv", csvLines("invoice_id,invoice_date,account_id,document_type",
		"X1,2026-10-05,C1,Invoice", "X2,2026-10-06,C1,Credit Note"))
	incRun(t, in, out)
	if got, want := revenue(), "X1=100.000000/60.000000,X2=-50.000000/-30.000000"; got != want {
		t.Fatalf("after X2 became a credit note: %s, want %s", got, want)
	}
}
