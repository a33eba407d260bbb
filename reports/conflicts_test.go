package reports

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kam/pipeline"
)

// TestReportsShowConflicts: a duplicate whose values differ from the row
// kept (an older export with another amount for the fixture's first line)
// is counted apart in the Data quality sheet and section, and the first
// ones are listed with what differed and which row was kept.
func TestReportsShowConflicts(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(excelFixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(excelFixture, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, e.Name()), b, 0o644)
	}
	old := filepath.Join(in, "sales_old.csv")
	os.WriteFile(old, []byte("invoice_id,line_no,invoice_date,account_id,product_line,quantity,net_amount,cost_amount,discount_amount,kam_id,currency\n"+
		"F2509-G1,1,2025-09-10,G1,Alpha,60,6500.00,3600.00,400.00,K1,EUR\n"), 0o644)
	past := time.Now().Add(-48 * time.Hour)
	os.Chtimes(old, past, past)

	r := runExcel(t, in, "en")
	f := r.open(t)
	defer f.Close()
	files := xlFindTable(t, f, "files")
	if v, _ := f.GetCellValue(files.sheet, files.cell(t, f, "File", "sales_old.csv", "Conflicting duplicates")); v != "1" {
		t.Errorf("sales_old.csv: conflicting duplicates %q, want 1", v)
	}
	tb := xlFindTable(t, f, "conflicts")
	row := tb.row(t, f, map[string]string{"File": "sales_old.csv", "Key": "F2509-G1 / 1"})
	diff, _ := f.GetCellValue(tb.sheet, tb.at(row, "What differs (this row → the row kept)"))
	kept, _ := f.GetCellValue(tb.sheet, tb.at(row, "Row kept: file"))
	if diff != "net_amount: 6500.0000 → 6000.0000" || kept != "sales.csv" {
		t.Errorf("conflict row: %q kept from %q", diff, kept)
	}

	// The HTML page, from the same warehouse.
	w, err := pipeline.OpenWarehouse(context.Background(), r.db, pipeline.DuckDBSettings{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	page, err := WriteHTML(context.Background(), w, Run{Period: excelPeriod, Language: "en"}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Conflicting duplicates: the same key with other values", "net_amount: 6500.0000 → 6000.0000"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the HTML report does not show %q", want)
		}
	}
}
