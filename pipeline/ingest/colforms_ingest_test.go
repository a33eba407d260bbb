package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNativeFormsEqualFileCheck: the native columns' forms found by the
// decode pass decide exactly what DuckDB's full read of the file decided.
// Several files with late odd values (values DuckDB's reader converts
// wrongly, values it refuses, quoted markers, too many odd values, white
// space around a date) are loaded twice, once with the forms and once with
// DuckDB reading every file again: every row, value, line and reject, and
// every file's accounting, must be the same.
func TestNativeFormsEqualFileCheck(t *testing.T) {
	old := sampleRows
	sampleRows = 16 // the odd values below go unsampled: the columns are read natively
	t.Cleanup(func() { sampleRows = old })

	in := filepath.Join(t.TempDir(), "in")
	os.MkdirAll(in, 0o755)
	write := func(name, header, eol string, n int, line func(i int) string, odd map[int]string) {
		var b strings.Builder
		b.WriteString(header + eol)
		for i := 1; i <= n; i++ {
			l, ok := odd[i]
			if !ok {
				l = line(i)
			}
			b.WriteString(l + eol)
		}
		if err := os.WriteFile(filepath.Join(in, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	semi := func(i int) string {
		return fmt.Sprintf("A%d;%02d/%02d/2025;C%d;%d,%02d", i, 1+i%28, 1+i%12, i%9, i%500, i%100)
	}
	comma := func(i int) string {
		return fmt.Sprintf("B%d,2025-%02d-%02d,C%d,%d.%02d", i, 1+i%12, 1+i%28, i%9, i%500, i%100)
	}
	// Converted wrongly by the reader ("1_000", "- "), refused by it ("1.234,56 €",
	// "(7,50)"), not a number at all: the amount column is not read natively.
	write("ventas_a.csv", "factura;fecha;cliente;importe", "\n", 3000, semi, map[int]string{
		2100: "A2100;01/01/2025;C1;1_000", 2200: "A2200;01/01/2025;C1;- ", 2300: "A2300;01/01/2025;C1;1.234,56 €",
		2400: "A2400;01/01/2025;C1;(7,50)", 2500: "A2500;01/01/2025;C1;doce"})
	// Only refused values: set aside and re-read; a quoted grouped number and a
	// quoted date are in their forms; CR LF line ends.
	write("ventas_b.csv", "factura,fecha,cliente,importe", "\r\n", 3000, comma, map[int]string{
		1500: `B1500,"2025-03-01",C2,"1,234.50"`, 2600: "B2600,2025-02-30,C2,5.00", 2700: "B2700,2025-02-01,C2,12.34.5",
		2800: `"B2800","2025-02-01","Say ""hi""",7.25`})
	// A quoted missing-value marker and "1e3" (the reader's 1000).
	write("ventas_c.csv", "factura,fecha,cliente,importe", "\n", 3000, comma, map[int]string{
		2000: `B2000,2025-01-01,C3,"-"`, 2999: "B2999,2025-01-01,C3,1e3"})
	// Clean: every value in its form.
	write("ventas_d.csv", "factura;fecha;cliente;importe", "\n", 3000, semi, nil)
	// More odd values than the decode pass keeps.
	odd := map[int]string{}
	for k := 0; k < 3*maxOdd; k++ {
		odd[1000+k*50] = fmt.Sprintf("A%d;01/01/2025;C4;%d,5 EUR", 1000+k*50, k)
	}
	write("ventas_e.csv", "factura;fecha;cliente;importe", "\n", 3000, semi, odd)
	// Dates with white space around them or one digit for the month.
	write("ventas_f.csv", "factura,fecha,cliente,importe", "\n", 3000, comma, map[int]string{
		2100: "B2100, 2025-01-05,C5,1.00", 2200: "B2200,2025-1-5,C5,1.00", 2300: "B2300,2025-01-05 ,C5,1.00"})

	dump := func(force bool) (string, int64) {
		old := forceNativeCheck
		forceNativeCheck = force
		t.Cleanup(func() { forceNativeCheck = old })
		before := nativeFileChecks.Load()
		db := ingestInput(t, in)
		reads := nativeFileChecks.Load() - before
		var b strings.Builder
		for _, q := range []string{
			"select f.path, s.* exclude (file_id) from raw.sales s join meta.files f using (file_id) order by f.path, s.source_line",
			"select * exclude (file_id, loaded_at) from meta.files order by path",
		} {
			rows, err := db.Query(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintln(&b, vals...)
			}
			rows.Close()
		}
		return b.String(), reads
	}
	want, fullReads := dump(true)
	got, reads := dump(false)
	if fullReads != 6 {
		t.Errorf("DuckDB read %d files again when forced, want all 6", fullReads)
	}
	// The forms leave to DuckDB only the file with too many odd values and
	// the one with a quoted marker.
	if reads != 2 {
		t.Errorf("DuckDB read %d files again, want 2 (ventas_c.csv, ventas_e.csv)", reads)
	}
	if got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d differs from DuckDB's full check:\n got %s\nwant %s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%d lines, want %d", len(gl), len(wl))
	}
	// The check is not vacuous: rejects in several files, set-aside lines,
	// and columns taken off the native path.
	for _, s := range []string{"ventas_a.csv", "ventas_b.csv", "ventas_c.csv", "ventas_f.csv"} {
		if !strings.Contains(want, s) {
			t.Fatalf("%s not loaded", s)
		}
	}
	for _, s := range []string{"ventas_a.csv 2501 A2500 ", "reason:number value:doce]", "ventas_a.csv 2101 A2100 ", "reason:number value:1_000]",
		"ventas_b.csv 2601 B2600 ", "reason:date value:2025-02-30]", "ventas_c.csv 2001 B2000 ", "reason:missing value:<nil>]",
		"line(s) with values in another form"} {
		if !strings.Contains(want, s) {
			t.Errorf("want %q in the loaded rows:\n%s", s, rejectLines(want))
		}
	}
}

func rejectLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "reason") || !strings.HasPrefix(l, "ventas") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
