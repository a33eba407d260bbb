package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"kam/pipeline/ingest/schema"
)

// TestHeaderFileNamesTheFirstLineFile: when several files hold the lines
// of a header file's orders, the header's note names the first of them in
// the folder's order, the same every run (it once named any of them, as a
// map happened to be ordered).
func TestHeaderFileNamesTheFirstLineFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) InputFile {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return InputFile{Abs: p, Rel: name, Container: "csv", NameKinds: []string{schema.Sales, schema.Invoices}}
	}
	lines := "order_id,line_no,product_id,quantity\nA1,1,P1,2\n"
	for run := 0; run < 30; run++ {
		files := []InputFile{
			write("orders.csv", "order_id,order_date,customer_id,total\nA1,2025-01-02,C1,10\n"),
			write("sales_a.csv", lines),
			write("sales_b.csv", lines),
			write("sales_c.csv", lines),
			write("sales_d.csv", lines),
		}
		markHeaderFiles(files)
		if files[0].LinesIn != "sales_a.csv" {
			t.Fatalf("run %d: the header names %q as its lines' file, want sales_a.csv (the first)", run, files[0].LinesIn)
		}
	}
}
