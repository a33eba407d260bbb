package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kam/pipeline/config"
	"kam/pipeline/warehouse"
)

// ingestInput loads an input folder into a new warehouse, as a run's ingest
// does, and returns the warehouse (open, its transaction committed).
func ingestInput(t *testing.T, in string) *warehouse.Warehouse {
	t.Helper()
	ctx := context.Background()
	cfg := config.DefaultConfig()
	dir := t.TempDir()
	w, err := warehouse.OpenWarehouse(ctx, filepath.Join(dir, "kam.duckdb"), cfg.DuckDB)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if err := w.Begin(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Ingest(ctx, w, in, cfg, dir, nil, warehouse.NoProgress{}); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	if err := w.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	return w
}

// one returns a query's single value as text ("NULL" for null).
func one(t *testing.T, w *warehouse.Warehouse, q string, args ...any) string {
	t.Helper()
	var v sql.NullString
	if err := w.QueryRow(context.Background(), q, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if !v.Valid {
		return "NULL"
	}
	return v.String
}

// The native path sets aside values its reader cannot convert; they are
// re-read through the general grammar, and every row keeps its own line.
func TestNativeSetAsideLines(t *testing.T) {
	old := sampleRows
	sampleRows = 16 // one record per sampled chunk: the odd values below go unseen
	t.Cleanup(func() { sampleRows = old })

	var b strings.Builder
	b.WriteString("factura;fecha;cliente;importe\n")
	odd := map[int]string{1503: "1.234,56 €", 20011: "(7,50)", 33333: "12,34,5", 40000: "2.000 EUR"}
	badDate := map[int]bool{27000: true}
	for line := 2; line <= 45001; line++ {
		amount := fmt.Sprintf("%d,%02d", line%1000, line%100)
		if v, ok := odd[line]; ok {
			amount = v
		}
		date := fmt.Sprintf("%02d/%02d/2026", 1+line%28, 1+line%10)
		if badDate[line] {
			date = "31/02/2026"
		}
		fmt.Fprintf(&b, "L%d;%s;C%d;%s\n", line, date, line%7, amount)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "in"), 0o755)
	os.WriteFile(filepath.Join(dir, "in", "ventas.csv"), []byte(b.String()), 0o644)
	db := ingestInput(t, filepath.Join(dir, "in"))

	// The native reader took the file and set the odd lines aside.
	if notes := one(t, db, "select notes from meta.files"); !strings.Contains(notes, "5 line(s) with values in another form") {
		t.Errorf("notes %s: want the 5 set-aside lines (4 odd amounts, one of them unreadable, and a bad date)", notes)
	}
	// Every row, native or re-read, carries its own line (the invoice id says which).
	if got := one(t, db, "select count(*) from raw.sales where source_line <> cast(substr(invoice_id, 2) as bigint)"); got != "0" {
		t.Errorf("%s rows with a wrong line", got)
	}
	if got := one(t, db, "select count(*) from raw.sales"); got != "45000" {
		t.Errorf("rows stored: %s, want 45000", got)
	}
	// The set-aside values read as the general grammar reads them...
	want := map[string]string{"L1503": "1234.5600", "L20011": "-7.5000", "L40000": "2000.0000"}
	for inv, v := range want {
		if got := one(t, db, "select cast(net_amount as varchar) from raw.sales where invoice_id = ?", inv); got != v {
			t.Errorf("%s: net_amount %s, want %s", inv, got, v)
		}
	}
	// ...and what no grammar reads is rejected on its own line.
	got := one(t, db, "select string_agg(source_line || ' ' || reject.reason, ', ' order by source_line) from raw.sales where reject is not null")
	if got != "27000 date, 33333 number" {
		t.Errorf("rejects: %v, want lines 27000 (date) and 33333 (number)", got)
	}
}

// TestSampleTextSmallFile: in a file smaller than the sampled chunks, each
// record is sampled once; a record read twice would count twice in the
// column decisions (the last lines of a small file outvoted the others).
func TestSampleTextSmallFile(t *testing.T) {
	t.Parallel()
	for _, rows := range []int{1, 10, 300, 5000} {
		var b strings.Builder
		b.WriteString("factura;importe\n")
		for i := 1; i <= rows; i++ {
			fmt.Fprintf(&b, "F%d;%d\n", i, i)
		}
		path := filepath.Join(t.TempDir(), "ventas.csv")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		recs, err := sampleText(path, ';', 1, 2000)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, r := range recs {
			if seen[r[0]] {
				t.Fatalf("%d rows: %s sampled twice", rows, r[0])
			}
			seen[r[0]] = true
		}
		if want := min(rows, 2000); len(recs) < want*9/10 || len(recs) > want {
			t.Errorf("%d rows: %d sampled, want about %d", rows, len(recs), want)
		}
	}
}
