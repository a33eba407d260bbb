package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kam/pipeline/config"
	"kam/pipeline/warehouse"
)

// TestNativeFormsEqualFileCheck: the native columns' forms found by the
// decode pass decide exactly what DuckDB's full read of the file decided.
// Several files with late odd values (values DuckDB's reader converts
// wrongly, values it refuses, quoted markers, too many odd values, white
// space around a date) are loaded twice, once with the forms and once with
// DuckDB reading every file again, and with the next file's decode pass
// ahead of its turn or not: every row, value, line and reject, and every
// file's accounting, must be the same as one file after the other with
// DuckDB's full check.
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

	// Compressed and Windows-1252 files are decoded into copies.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	fmt.Fprintf(zw, "factura,fecha,cliente,importe\n")
	for i := 1; i <= 3000; i++ {
		l := comma(i)
		if i == 2900 {
			l = "B2900,2025-01-01,C6,siete"
		}
		fmt.Fprintln(zw, l)
	}
	zw.Close()
	os.WriteFile(filepath.Join(in, "ventas_g.csv.gz"), gz.Bytes(), 0o644)
	write("ventas_h.csv", "factura;fecha;cliente;importe", "\n", 3000, semi, map[int]string{
		1234: "A1234;01/01/2025;C\xe9sar;1.234,56 \x80", 2345: "A2345;01/01/2025;C7;1_000"})

	dump := func(force, prefetch bool) (string, int64) {
		oldForce, oldPrefetch := forceNativeCheck, prefetchNext
		forceNativeCheck, prefetchNext = force, prefetch
		t.Cleanup(func() { forceNativeCheck, prefetchNext = oldForce, oldPrefetch })
		before := nativeFileChecks.Load()
		ctx := context.Background()
		cfg := config.DefaultConfig()
		dir := t.TempDir()
		db, err := warehouse.OpenWarehouse(ctx, filepath.Join(dir, "kam.duckdb"), cfg.DuckDB)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		// Twice: the second time every file is unchanged and none is read.
		for run := 0; run < 2; run++ {
			if err := db.Begin(ctx); err != nil {
				t.Fatal(err)
			}
			if _, _, err := Ingest(ctx, db, in, cfg, dir, nil, warehouse.NoProgress{}); err != nil {
				t.Fatalf("ingest: %v", err)
			}
			if err := db.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		}
		// No decoded copy is left behind.
		if left, _ := filepath.Glob(filepath.Join(dir, "text-*")); len(left) > 0 {
			t.Errorf("decoded copies left: %v", left)
		}
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
	// The reference: one file after the other, DuckDB reading each again.
	want, fullReads := dump(true, false)
	if fullReads != 8 {
		t.Errorf("DuckDB read %d files again when forced, want all 8", fullReads)
	}
	for _, mode := range []struct {
		name            string
		force, prefetch bool
		reads           int64
	}{
		// The forms leave to DuckDB only the file with too many odd values
		// and the one with a quoted marker.
		{"forms", false, false, 2},
		{"next file decoded ahead", true, true, 8},
		{"both", false, true, 2},
	} {
		got, reads := dump(mode.force, mode.prefetch)
		if reads != mode.reads {
			t.Errorf("%s: DuckDB read %d files again, want %d", mode.name, reads, mode.reads)
		}
		if got != want {
			gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Fatalf("%s: line %d differs from the reference:\n got %s\nwant %s", mode.name, i+1, gl[i], wl[i])
				}
			}
			t.Fatalf("%s: %d lines, want %d", mode.name, len(gl), len(wl))
		}
	}
	// The check is not vacuous: rejects in several files, set-aside lines,
	// and columns taken off the native path.
	for _, s := range []string{"ventas_a.csv", "ventas_b.csv", "ventas_c.csv", "ventas_f.csv", "ventas_g.csv.gz", "ventas_h.csv"} {
		if !strings.Contains(want, s) {
			t.Fatalf("%s not loaded", s)
		}
	}
	for _, s := range []string{"ventas_a.csv 2501 A2500 ", "reason:number value:doce]", "ventas_a.csv 2101 A2100 ", "reason:number value:1_000]",
		"ventas_b.csv 2601 B2600 ", "reason:date value:2025-02-30]", "ventas_c.csv 2001 B2000 ", "reason:missing value:<nil>]",
		"ventas_g.csv.gz 2901 B2900 ", "reason:number value:siete]", "ventas_h.csv 2346 A2345 ", "windows-1252",
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
