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

// yearAhead turns on history_ahead: the run keeps the twelve months
// before its period.
func yearAhead(c *Config) { c.HistoryAhead = true }

// salesMonths is the history of the month window with sales: period and
// revenue.
const salesMonths = "select period, cast(sum(revenue) as varchar) from history_account_profitability where time_window = 'month' group by period having sum(revenue) <> 0 order by period"

// By default a run keeps only the months its report compares with: the
// previous month and the same month a year before.
func TestHistoryComparisonMonthsOnly(t *testing.T) {
	t.Parallel()
	db := runFixture(t, map[string]string{"ventas.csv": historySales}, "2026-10", nil)
	got := rows(t, db, "select distinct period from history_account_profitability order by period")
	// 2025-10 (F4 = 50), 2026-09 (F2 = 200) and the report month; not 2026-08 (F1).
	if s := strings.Join(flat(got), " "); s != "[2025-10] [2026-09] [2026-10]" {
		t.Errorf("kept months: %s, want [2025-10 2026-09 2026-10]", s)
	}
}

// Re-running a period replaces that period's snapshot and leaves the
// others alone; with history_ahead the first run keeps the twelve months
// before its period from the first month with sales on (the previous
// month and the prior year among them).
func TestHistorySnapshots(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(historySales), 0o644)
	db := runInput(t, in, out, "2026-10", yearAhead)
	// 2025-10 (the first month with sales) to 2026-10: thirteen months.
	if got := one(t, db, "select count(distinct period) || ' ' || min(period) || ' ' || max(period) from history_account_profitability"); got != "13 2025-10 2026-10" {
		t.Errorf("kept months: %s, want 13 from 2025-10 to 2026-10", got)
	}
	got := rows(t, db, salesMonths)
	// 2025-10: F4 = 50; 2026-08: F1 = 100; 2026-09: F2 = 200; 2026-10: F3 = 300.
	want := "[[2025-10 50.000000] [2026-08 100.000000] [2026-09 200.000000] [2026-10 300.000000]]"
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
	db = runInput(t, in, out, "2026-09", yearAhead)
	got = rows(t, db, salesMonths)
	if len(got) != 4 || got[2][1] != "250.000000" || got[3][1] != "300.000000" {
		t.Errorf("after re-running 2026-09: %v; want September 250 and October untouched at 300", got)
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
// inputs — a new month of sales in a new file restates neither September
// nor the October a year before, which the first run kept ahead — and the
// reused snapshots equal those a run from scratch keeps; a corrected
// September line, or a changed parameter, rebuilds the comparison months
// it touches, and the manifest names the input that changed.
func TestSnapshotReuse(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.MkdirAll(in, 0o755)
	upToSeptember := csvLines("factura;fecha;cliente;importe;coste",
		"F1;15/08/2026;C1;100;50", "F2;15/09/2026;C1;200;100", "F4;15/10/2025;C1;50;20", "F5;15/09/2026;C2;70;30")
	os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(upToSeptember), 0o644)
	runInput(t, in, out, "", yearAhead).Close()
	// The twelve months before 2026-09 from the first with sales
	// (2025-10): 2026-08 compared with, the others kept ahead.
	d := snapshotDecisions(t, out, "2026-09")
	if d["2026-08"].Action != "built" || d["2026-08"].Reason != "not kept yet" || d["2026-09"].Reason != "the report month" {
		t.Fatalf("first run: %v, want 2026-08 built and 2026-09 the report month", d)
	}
	if d["2025-10"].Action != "built" || d["2025-10"].Reason != "not kept yet; kept ahead as the prior year of 2026-10" {
		t.Errorf("first run: 2025-10 %+v, want built ahead as the prior year of 2026-10", d["2025-10"])
	}
	if _, ok := d["2025-09"]; ok || len(d) != 12 {
		t.Errorf("first run: %d months %v, want 2025-10 to 2026-09 (none before the first sales)", len(d), d)
	}

	// October arrives in a file of its own: both comparison months are
	// kept from the same inputs, nothing is built but October.
	os.WriteFile(filepath.Join(in, "ventas_octubre.csv"), []byte(csvLines("factura;fecha;cliente;importe;coste", "F3;15/10/2026;C1;300;100")), 0o644)
	db := runInput(t, in, out, "", yearAhead)
	d = snapshotDecisions(t, out, "2026-10")
	for q, dec := range d {
		if q != "2026-10" && dec.Action != "reused" {
			t.Errorf("October run: %s %+v, want reused", q, dec)
		}
	}
	if d["2026-09"].Action != "reused" || d["2025-10"].Action != "reused" || d["2026-10"].Action != "built" {
		t.Errorf("October run: %v, want 2026-09 and 2025-10 reused", d)
	}
	scratch := runInput(t, in, t.TempDir(), "", yearAhead)
	all, err := warehouse.AllModels()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"2025-10", "2026-09"} {
		for _, m := range warehouse.HistoryMarts(all) {
			sel := "select * from history_" + m + " where period = ? order by all"
			if m == "input_coverage" {
				// last_month is the span of the data loaded when the snapshot
				// was built: a month added later does not restate it, by design.
				sel = "select * exclude (last_month) from history_" + m + " where period = ? order by all"
			}
			if got, want := fmt.Sprint(rows(t, db, sel, q)), fmt.Sprint(rows(t, scratch, sel, q)); got != want {
				t.Errorf("history_%s of %s reused:\n%s\nwant (from scratch):\n%s", m, q, got, want)
			}
		}
	}
	db.Close()
	scratch.Close()

	// A corrected September line: September's inputs changed, not those of
	// the months before it.
	os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(strings.Replace(upToSeptember, "F2;15/09/2026;C1;200;100", "F2;15/09/2026;C1;250;100", 1)), 0o644)
	db = runInput(t, in, out, "", yearAhead)
	d = snapshotDecisions(t, out, "2026-10")
	if d["2026-09"].Action != "rebuilt" || !strings.Contains(d["2026-09"].Reason, "staging.stg_sales_lines") {
		t.Errorf("after correcting September: 2026-09 %+v, want rebuilt naming the sales lines", d["2026-09"])
	}
	for q, dec := range d {
		if q < "2026-09" && dec.Action != "reused" {
			t.Errorf("after correcting September: %s %+v, want reused (its months did not change)", q, dec)
		}
	}
	if got := one(t, db, "select cast(sum(revenue) as varchar) from history_account_profitability where period = '2026-09' and time_window = 'month'"); got != "320.000000" {
		t.Errorf("September rebuilt: revenue %s, want 250 + 70 = 320", got)
	}
	db.Close()

	// A parameter: every snapshot's inputs changed. The two the report
	// compares with are rebuilt; the others are left until a report
	// compares with them.
	runInput(t, in, out, "", func(c *Config) {
		c.HistoryAhead = true
		c.Params = map[string]float64{"sow_backup_below": 0.2}
	}).Close()
	d = snapshotDecisions(t, out, "2026-10")
	for _, q := range []string{"2025-10", "2026-09"} {
		if d[q].Action != "rebuilt" || d[q].Reason != "inputs changed: params" {
			t.Errorf("after changing a parameter: %s %+v, want rebuilt (inputs changed: params)", q, d[q])
		}
	}
	if d["2026-03"].Action != "left" || !strings.Contains(d["2026-03"].Reason, "inputs changed since it was kept (params)") {
		t.Errorf("after changing a parameter: 2026-03 %+v, want left (inputs changed: params)", d["2026-03"])
	}

	// A parameter of the reports alone: no model reads it.
	runInput(t, in, out, "", func(c *Config) {
		c.HistoryAhead = true
		c.Params = map[string]float64{"sow_backup_below": 0.2, "sheet_max_rows": 100}
	}).Close()
	d = snapshotDecisions(t, out, "2026-10")
	for _, q := range []string{"2025-10", "2026-09"} {
		if d[q].Action != "reused" {
			t.Errorf("after changing sheet_max_rows: %s %+v, want reused", q, d[q])
		}
	}
}

// A monthly run: the sample fixture's sales up to September, then
// October's invoices in a file of their own. The October run builds no
// month before its own — the first run kept the twelve months before
// September, so the prior year (2025-10) and the previous month are kept
// from the same inputs — and its warehouse equals a run from scratch on
// the same files, mart by mart, row by row: every mart of the period, the
// history models and every kept month of the history both hold.
func TestMonthlyRerunBuildsOneMonth(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "testdata/fixture/in"
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	var october []string
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "sales.csv" {
			// invoice_id,line_no,invoice_date,…: October's lines go to a
			// file of their own, added by the second run.
			lines := strings.Split(strings.TrimSpace(string(b)), "\n")
			earlier := []string{lines[0]}
			october = []string{lines[0]}
			for _, l := range lines[1:] {
				if strings.Split(l, ",")[2] >= "2026-10" {
					october = append(october, l)
				} else {
					earlier = append(earlier, l)
				}
			}
			b = []byte(csvLines(earlier...))
		}
		if err := os.WriteFile(filepath.Join(in, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(october) < 2 {
		t.Fatal("the fixture has no October sales")
	}
	runInput(t, in, out, "", yearAhead).Close()
	d := snapshotDecisions(t, out, "2026-09")
	if len(d) != 13 || d["2025-09"].Action != "built" || d["2025-10"].Action != "built" {
		t.Fatalf("first run (2026-09): %v, want the twelve months from 2025-09 built and the report month", d)
	}

	os.WriteFile(filepath.Join(in, "sales_2026_10.csv"), []byte(csvLines(october...)), 0o644)
	db := runInput(t, in, out, "", yearAhead)
	d = snapshotDecisions(t, out, "2026-10")
	if len(d) != 13 {
		t.Errorf("October run: %d months %v, want 2025-10 to 2026-10", len(d), d)
	}
	for q, dec := range d {
		want := "reused"
		if q == "2026-10" {
			want = "built"
		}
		if dec.Action != want {
			t.Errorf("October run: %s %+v, want %s", q, dec, want)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "2026-10", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Backfilled) != 0 {
		t.Errorf("October run built %v before its month, want none", m.Backfilled)
	}

	scratch := runInput(t, in, t.TempDir(), "", yearAhead)
	tables := rows(t, scratch, "select table_name from information_schema.tables where table_catalog = current_database() and table_schema = 'main' order by all")
	if len(tables) < 30 {
		t.Fatalf("the scratch warehouse has %d tables in main", len(tables))
	}
	for _, tb := range tables {
		name := tb[0]
		sel := "select * from main." + name + " order by all"
		if name == "data_quality" {
			// One row per file: the id and time each was loaded are the
			// load's own bookkeeping, the October file loaded by a later run.
			sel = "select * exclude (file_id, loaded_at) from main." + name + " order by all"
		}
		if strings.HasPrefix(name, "history_") {
			// The scratch run keeps 2025-10 to 2026-10; the monthly one
			// also 2025-09 (kept by its first run).
			sel = "select * from main." + name + " where period >= '2025-10' order by all"
			if name == "history_input_coverage" {
				// last_month: the span of the data loaded when the month
				// was kept, by design not restated by a later month.
				sel = "select * exclude (last_month) from main." + name + " where period >= '2025-10' order by all"
			}
		}
		got, want := rows(t, db, sel), rows(t, scratch, sel)
		if len(want) == 0 && !strings.HasPrefix(name, "history_") {
			continue
		}
		if len(want) == 0 {
			t.Errorf("%s: the scratch run kept no rows", name)
		}
		if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
			t.Errorf("%s after the monthly run:\n%s\nwant (from scratch):\n%s", name, g, w)
		}
	}
}
