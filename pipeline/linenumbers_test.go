package pipeline

import (
	"fmt"
	"strings"
	"testing"
)

// TestLineNumbersOfLargeFiles: every row of a file read natively keeps the
// number of the line it was read from, in files of several of DuckDB's row
// groups (122,880 rows) loaded one after the other in one run, with a
// rejected line in the middle. Each row's invoice_id is built from its
// file and its own line number, so a row stored under another line's
// number is seen. (The rows were once numbered from the order they were
// stored in, which the insert of the second large file of a run does not
// keep: rejects pointed at other lines of the file.)
func TestLineNumbersOfLargeFiles(t *testing.T) {
	const bad = 250_001 // the line (header = 1) of big2.csv with a bad date
	sizes := map[string]int{"big1": 200_000, "big2": 400_000}
	files := fixtureFiles(t)
	for name, n := range sizes {
		var b strings.Builder
		b.WriteString("invoice_id,line_no,invoice_date,account_id,product_line,quantity,net_amount,cost_amount,discount_amount,kam_id,currency\n")
		for line := 2; line <= n+1; line++ {
			date := "2025-09-10"
			if name == "big2" && line == bad {
				date = "2025-02-31"
			}
			fmt.Fprintf(&b, "%s-%d,1,%s,G1,Alpha,1,1.00,0.50,,K1,EUR\n", name, line, date)
		}
		files["sales_"+name+".csv"] = b.String()
	}
	db := runFixture(t, files, "2025-09", nil)
	for name, n := range sizes {
		path := "sales_" + name + ".csv"
		file := one(t, db, "select file_id from meta.files where path = ?", path)
		if got := one(t, db, "select count(*) from raw.sales where file_id = ?", file); got != fmt.Sprint(n) {
			t.Fatalf("%s rows of %s in raw.sales, want %d", got, path, n)
		}
		wrong := rows(t, db, `select source_line, invoice_id, count(*) over () from raw.sales
			where file_id = ? and invoice_id <> ? || '-' || source_line order by source_line limit 3`, file, name)
		if len(wrong) > 0 {
			t.Errorf("%s: rows stored under another line's number (line, invoice, how many): %v", path, wrong)
		}
	}
	rej := rows(t, db, "select path, source_line from staging.stg_rejects where path like 'sales_big%'")
	if len(rej) != 1 || rej[0][0] != "sales_big2.csv" || rej[0][1] != fmt.Sprint(bad) {
		t.Errorf("rejects of the large files: %v, want one, sales_big2.csv line %d", rej, bad)
	}
}
