package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kam/pipeline/config"
	"kam/pipeline/warehouse"
)

// TestTotalLinesBothWays loads a report-style sales file — customers of
// two to four lines, each followed by its subtotal (blank ids), a
// customer's subtotal that is off by a cent (not a total: rejected for its
// missing invoice number), a real line equal to the sum above it, a grand
// total and a "Total" line — with the total lines numbered by one CASE and
// by window functions (totalCaseLimit), and checks both against the
// expectations computed here from the lines written.
func TestTotalLinesBothWays(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("factura;fecha;cliente;importe\n")
	line := 1
	want := map[int64]string{} // line → reason (detail for total_row)
	var grand int64            // cents of every line in force
	var grandN int
	inv := 0
	add := func(amount int64) {
		inv++
		line++
		fmt.Fprintf(&b, "F%d;01/10/2026;C%d;%d,%02d\n", inv, inv%7, amount/100, amount%100)
		grand += amount
		grandN++
	}
	for c := 1; c <= 40; c++ {
		n := 2 + c%3
		var sum int64
		first := line + 1
		for i := 0; i < n; i++ {
			a := int64(1000*c + 37*i + 1)
			add(a)
			sum += a
		}
		last := line
		line++
		if c == 17 {
			// Off by a cent: a row without an invoice number, not a total.
			fmt.Fprintf(&b, ";01/10/2026;C%d;%d,%02d\n", c, (sum+1)/100, (sum+1)%100)
			want[int64(line)] = "missing"
			continue
		}
		fmt.Fprintf(&b, ";;;%d,%02d\n", sum/100, sum%100)
		want[int64(line)] = fmt.Sprintf("total_row %d/%d/%d", n, first, last)
	}
	// A real line equal to the sum of every line above it loads.
	add(grand)
	first := 2
	last := line
	line++
	fmt.Fprintf(&b, ";;;%d,%02d\n", grand/100, grand%100)
	want[int64(line)] = fmt.Sprintf("total_row %d/%d/%d", grandN, first, last)
	line++
	fmt.Fprintf(&b, "Total;;;%d,%02d\n", grand/100, grand%100)
	want[int64(line)] = fmt.Sprintf("total_row %d/%d/%d", grandN, first, last)
	if err := os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, limit := range []int{totalCaseLimit, 0} {
		old := totalCaseLimit
		totalCaseLimit = limit
		t.Cleanup(func() { totalCaseLimit = old })
		ctx := context.Background()
		cfg := config.DefaultConfig()
		dir := t.TempDir()
		db, err := warehouse.OpenWarehouse(ctx, filepath.Join(dir, "kam.duckdb"), cfg.DuckDB)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Begin(ctx); err != nil {
			t.Fatal(err)
		}
		if _, _, err := Ingest(ctx, db, in, cfg, dir, nil, warehouse.NoProgress{}); err != nil {
			t.Fatalf("ingest: %v", err)
		}
		rows, err := db.Query(ctx, `select source_line, reject.reason, coalesce(replace(reject.detail, chr(31), '/'), '')
			from raw.sales where reject is not null order by source_line`)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int64]string{}
		for rows.Next() {
			var l int64
			var reason, detail string
			if err := rows.Scan(&l, &reason, &detail); err != nil {
				t.Fatal(err)
			}
			if reason == "total_row" {
				reason += " " + detail
			}
			got[l] = reason
		}
		rows.Close()
		for l, w := range want {
			if got[l] != w {
				t.Errorf("limit %d: line %d: %q, want %q", limit, l, got[l], w)
			}
		}
		for l, g := range got {
			if _, ok := want[l]; !ok {
				t.Errorf("limit %d: line %d rejected (%s), want it loaded", limit, l, g)
			}
		}
		db.Close()
	}
}
