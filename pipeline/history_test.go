package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kam/pipeline/warehouse"
)

var historySales = csvLines("factura;fecha;cliente;importe;coste",
	"F1;15/08/2026;C1;100;50", "F2;15/09/2026;C1;200;100", "F3;15/10/2026;C1;300;100", "F4;15/10/2025;C1;50;20")

// Re-running a period replaces that period's snapshot and leaves the
// others alone; the first run backfills the previous month and the prior year.
func TestHistorySnapshots(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(historySales), 0o644)
	db := runInput(t, in, out, "2026-10", nil)
	got := rows(t, db, "select period, cast(sum(revenue) as varchar) from history_account_profitability where time_window = 'month' group by period order by period")
	// 2025-10: F4 = 50; 2026-09: F2 = 200; 2026-10: F3 = 300.
	want := "[[2025-10 50.000000] [2026-09 200.000000] [2026-10 300.000000]]"
	if s := "[" + strings.Join(flat(got), " ") + "]"; s != want {
		t.Fatalf("snapshots: %s, want %s", s, want)
	}
	if got := rows(t, db, "select kpi, value, value_prior_month, value_prior_year from kpi_summary where kpi = 'revenue_month'"); len(got) != 1 || got[0][1] != "300" || got[0][2] != "200" || got[0][3] != "50" {
		t.Errorf("kpi revenue_month vs previous month and prior year: %v, want 300 / 200 / 50", got)
	}
	// KPI values are exact decimals like every money column, not DOUBLE.
	if got := one(t, db, "select string_agg(distinct typeof(value), ',') || ' ' || string_agg(distinct typeof(change_prior_month), ',') from kpi_summary"); got != "DECIMAL(38,10) DECIMAL(38,10)" {
		t.Errorf("kpi_summary value types: %s, want DECIMAL(38,10)", got)
	}
	db.Close()

	// A corrected September file: re-running 2026-09 replaces September's
	// snapshot only; October keeps its numbers until it is re-run.
	os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(strings.Replace(historySales, "F2;15/09/2026;C1;200;100", "F2;15/09/2026;C1;250;100", 1)), 0o644)
	db = runInput(t, in, out, "2026-09", nil)
	got = rows(t, db, "select period, cast(sum(revenue) as varchar) from history_account_profitability where time_window = 'month' group by period order by period")
	if len(got) != 4 || got[2][1] != "250.000000" || got[3][1] != "300.000000" {
		t.Errorf("after re-running 2026-09: %v; want September 250 and October untouched at 300 (plus 2025-09 backfilled)", got)
	}
}

func flat(rs [][]string) []string {
	var out []string
	for _, r := range rs {
		out = append(out, "["+strings.Join(r, " ")+"]")
	}
	return out
}

// A failing data test stops the run before anything is published: exit 1
// naming the test and its rows, the warehouse as before.
func TestFailedCheckBlocksPublishing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(historySales), 0o644)
	// A and B are each other's parent: a cycle.
	os.WriteFile(filepath.Join(in, "clientes.csv"), []byte(csvLines("codigo;nombre;grupo", "C1;Uno;A", "A;Grupo A;B", "B;Grupo B;A")), 0o644)
	cfg := DefaultConfig()
	_, err := Run(context.Background(), RunOptions{Command: "run", Input: in, Out: out, DB: filepath.Join(out, "kam.duckdb"), Config: cfg})
	var ce *ChecksError
	if !errors.As(err, &ce) {
		t.Fatalf("run with a parent cycle: %v, want a data test failure", err)
	}
	msg := err.Error()
	for _, want := range []string{"hierarchy_cycles", "A", "B"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not name %q", msg, want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "2026-10", "manifest.json")); err == nil {
		t.Errorf("a manifest was published despite the failed data test")
	}
	// Nothing was committed: the warehouse holds no files.
	w, err := OpenWarehouse(context.Background(), filepath.Join(out, "kam.duckdb"), DuckDBSettings{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var n int
	if err := w.QueryRow(context.Background(), "select count(*) from meta.files").Scan(&n); err != nil || n != 0 {
		t.Errorf("warehouse after the failed run holds %d files (%v), want 0", n, err)
	}
}

// A backfilled comparison month is built only from the models its history
// keeps; its snapshot must equal the one a run reporting that month keeps.
// Both comparison months of the fixture (the prior year first, then the
// previous month, whose models were last built for the prior year) are
// compared mart by mart, every column, every row.
func TestBackfillEqualsDirectRun(t *testing.T) {
	t.Parallel()
	backfilled := runInput(t, "testdata/fixture/in", t.TempDir(), "2026-10", nil)
	all, err := warehouse.AllModels()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"2025-10", "2026-09"} {
		direct := runInput(t, "testdata/fixture/in", t.TempDir(), q, nil)
		for _, m := range warehouse.HistoryMarts(all) {
			sel := "select * from history_" + m + " where period = ? order by all"
			got, want := rows(t, backfilled, sel, q), rows(t, direct, sel, q)
			if len(want) == 0 {
				t.Fatalf("history_%s of %s: the direct run kept no rows", m, q)
			}
			if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
				t.Errorf("history_%s of %s backfilled:\n%s\nwant (run for %s):\n%s", m, q, g, q, w)
			}
		}
	}
}

// Feeding follows reads through layers and leaves out what the targets do
// not read.
func TestFeeding(t *testing.T) {
	t.Parallel()
	ms := []warehouse.Model{
		{Name: "int_a"},
		{Name: "int_b", Reads: []string{"int_a"}},
		{Name: "int_c"},
		{Name: "mart_x", Reads: []string{"int_b"}},
		{Name: "mart_y", Reads: []string{"int_c"}},
		{Name: "mart_z", Reads: []string{"mart_x"}},
	}
	var got []string
	for _, m := range warehouse.Feeding(ms, []string{"mart_z"}) {
		got = append(got, m.Name)
	}
	if s := strings.Join(got, " "); s != "int_a int_b mart_x mart_z" {
		t.Errorf("Feeding(mart_z) = %s, want int_a int_b mart_x mart_z", s)
	}
	// The real models: a comparison month skips marts no history keeps.
	rest, err := warehouse.LoadModels("intermediate", "marts")
	if err != nil {
		t.Fatal(err)
	}
	feeds := map[string]bool{}
	for _, m := range warehouse.Feeding(rest, warehouse.HistoryMarts(rest)) {
		feeds[m.Name] = true
	}
	for _, m := range warehouse.HistoryMarts(rest) {
		if !feeds[m] {
			t.Errorf("history mart %s is not built for a comparison month", m)
		}
	}
	if feeds["whale_curve"] || feeds["portfolio_trend"] {
		t.Errorf("whale_curve or portfolio_trend built for a comparison month; no history keeps them")
	}
}

// snapshotDecisions reads what a run's manifest says of each history
// snapshot: period → action and reason.
func snapshotDecisions(t *testing.T, out, period string) map[string]SnapshotDecision {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, period, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	got := map[string]SnapshotDecision{}
	for _, d := range m.History {
		got[d.Period] = d
	}
	return got
}

// A re-run reuses the snapshot of a comparison month built from the same
// inputs — a new month of sales in a new file does not restate September —
// and the reused snapshot equals the one a run from scratch keeps; a
// corrected September line, or a changed parameter, rebuilds it, and the
// manifest names the input that changed.
func TestSnapshotReuse(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.MkdirAll(in, 0o755)
	upToSeptember := csvLines("factura;fecha;cliente;importe;coste",
		"F1;15/08/2026;C1;100;50", "F2;15/09/2026;C1;200;100", "F4;15/10/2025;C1;50;20", "F5;15/09/2026;C2;70;30")
	os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(upToSeptember), 0o644)
	runInput(t, in, out, "", nil).Close()
	if d := snapshotDecisions(t, out, "2026-09"); d["2026-08"].Action != "built" || d["2026-09"].Reason != "the report month" {
		t.Fatalf("first run: %v, want 2026-08 built and 2026-09 the report month", d)
	}

	// October arrives in a file of its own.
	os.WriteFile(filepath.Join(in, "ventas_octubre.csv"), []byte(csvLines("factura;fecha;cliente;importe;coste", "F3;15/10/2026;C1;300;100")), 0o644)
	db := runInput(t, in, out, "", nil)
	d := snapshotDecisions(t, out, "2026-10")
	if d["2026-09"].Action != "reused" || d["2026-10"].Action != "built" {
		t.Errorf("October run: %v, want 2026-09 reused", d)
	}
	if d["2025-10"].Action != "built" || d["2025-10"].Reason != "not kept yet" {
		t.Errorf("October run: 2025-10 %+v, want built (not kept yet)", d["2025-10"])
	}
	scratch := runInput(t, in, t.TempDir(), "", nil)
	all, err := warehouse.AllModels()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range warehouse.HistoryMarts(all) {
		sel := "select * from history_" + m + " where period = '2026-09' order by all"
		if m == "input_coverage" {
			// last_month is the span of the data loaded when the snapshot
			// was built: a month added later does not restate it, by design.
			sel = "select * exclude (last_month) from history_" + m + " where period = '2026-09' order by all"
		}
		if got, want := fmt.Sprint(rows(t, db, sel)), fmt.Sprint(rows(t, scratch, sel)); got != want {
			t.Errorf("history_%s of 2026-09 reused:\n%s\nwant (from scratch):\n%s", m, got, want)
		}
	}
	db.Close()
	scratch.Close()

	// A corrected September line: September's inputs changed.
	os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(strings.Replace(upToSeptember, "F2;15/09/2026;C1;200;100", "F2;15/09/2026;C1;250;100", 1)), 0o644)
	db = runInput(t, in, out, "", nil)
	d = snapshotDecisions(t, out, "2026-10")
	if d["2026-09"].Action != "rebuilt" || !strings.Contains(d["2026-09"].Reason, "staging.stg_sales_lines") {
		t.Errorf("after correcting September: 2026-09 %+v, want rebuilt naming the sales lines", d["2026-09"])
	}
	if d["2025-10"].Action != "reused" {
		t.Errorf("after correcting September: 2025-10 %+v, want reused (its months did not change)", d["2025-10"])
	}
	if got := one(t, db, "select cast(sum(revenue) as varchar) from history_account_profitability where period = '2026-09' and time_window = 'month'"); got != "320.000000" {
		t.Errorf("September rebuilt: revenue %s, want 250 + 70 = 320", got)
	}
	db.Close()

	// A parameter: every snapshot's inputs changed.
	runInput(t, in, out, "", func(c *Config) {
		c.Params = map[string]float64{"sow_backup_below": 0.2}
	}).Close()
	d = snapshotDecisions(t, out, "2026-10")
	for _, q := range []string{"2025-10", "2026-09"} {
		if d[q].Action != "rebuilt" || d[q].Reason != "inputs changed: params" {
			t.Errorf("after changing a parameter: %s %+v, want rebuilt (inputs changed: params)", q, d[q])
		}
	}

	// A parameter of the reports alone: no model reads it.
	runInput(t, in, out, "", func(c *Config) {
		c.Params = map[string]float64{"sow_backup_below": 0.2, "sheet_max_rows": 100}
	}).Close()
	d = snapshotDecisions(t, out, "2026-10")
	for _, q := range []string{"2025-10", "2026-09"} {
		if d[q].Action != "reused" {
			t.Errorf("after changing sheet_max_rows: %s %+v, want reused", q, d[q])
		}
	}
}
