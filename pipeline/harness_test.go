package pipeline

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

// runFixture writes files (path → content) into a fresh input folder, runs
// the whole pipeline (ingest, staging, models; no reports) for period ("" =
// latest month with sales) with the configuration changed by edit, and
// returns the finished warehouse opened read-only.
func runFixture(t *testing.T, files map[string]string, period string, edit func(*Config)) *sql.DB {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for name, content := range files {
		p := filepath.Join(in, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return runInput(t, in, filepath.Join(dir, "out"), period, edit)
}

// fixtureFiles reads the hand-computed fixture's files (testdata/fixture/in
// without products.csv) as name → content, to be changed by a test and
// written with runFixture.
func fixtureFiles(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, f := range []string{"accounts.csv", "activities.csv", "fx_rates.csv", "kams.csv", "opportunities.csv", "sales.csv", "service_costs.csv", "targets.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata/fixture/in", f))
		if err != nil {
			t.Fatal(err)
		}
		files[f] = string(b)
	}
	return files
}

// runInput runs the pipeline on an existing input folder.
func runInput(t *testing.T, in, out, period string, edit func(*Config)) *sql.DB {
	t.Helper()
	cfg := DefaultConfig()
	cfg.RejectLimit = 1
	if edit != nil {
		edit(&cfg)
	}
	db := filepath.Join(out, "kam.duckdb")
	_, err := Run(context.Background(), RunOptions{Command: "run", Input: in, Out: out, DB: db, Period: period, Config: cfg})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	conn, err := sql.Open("duckdb", db+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// rows returns a query's rows as text (NULL for nulls; numbers as DuckDB
// prints them after a cast to varchar in the query when exactness matters).
func rows(t *testing.T, db *sql.DB, q string, args ...any) [][]string {
	t.Helper()
	r, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer r.Close()
	cols, _ := r.Columns()
	var out [][]string
	for r.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := r.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			if v == nil {
				row[i] = "NULL"
			} else {
				row[i] = fmt.Sprint(v)
			}
		}
		out = append(out, row)
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// one returns the single value of a one-row, one-column query as text.
func one(t *testing.T, db *sql.DB, q string, args ...any) string {
	t.Helper()
	rs := rows(t, db, q, args...)
	if len(rs) != 1 || len(rs[0]) != 1 {
		t.Fatalf("%s: want one value, got %v", q, rs)
	}
	return rs[0][0]
}

// csvLines joins lines into a file body.
func csvLines(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

func TestHarnessProfitability(t *testing.T) {
	t.Parallel()
	db := runFixture(t, map[string]string{
		"clientes.csv": csvLines("codigo;nombre;grupo;cuenta clave", "C1;Uno;G;si", "C2;Dos;G;no", "G;Grupo;;no", "C3;Tres;;no"),
		"ventas.csv": csvLines("factura;fecha;cliente;importe;coste",
			"F1;01/10/2026;C1;100;60", "F2;02/09/2026;C1;50;", "F3;03/10/2026;C2;30;10", "F4;03/10/2026;C9;5;1", "F5;04/10/2026;C3;20;25"),
	}, "", nil)
	// G = C1 + C2: LTM revenue 100 + 50 + 30 = 180; costed 130 − cogs 70 = 60 margin; 50 without cost.
	got := rows(t, db, `select account_id, cast(revenue as varchar), cast(cogs as varchar), cast(revenue_without_cost as varchar),
		cast(gross_margin as varchar), is_key_account, net_contribution is null from account_profitability where time_window = 'ltm' order by account_id`)
	want := [][]string{{"C3", "20.000000", "25.000000", "0.000000", "-5.000000", "false", "true"}, {"G", "180.000000", "70.000000", "50.000000", "60.000000", "true", "true"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("profitability:\n got %v\nwant %v", got, want)
	}
	// Reconciliation: loaded 205 = attributed 200 + unattributed 5.
	if got := rows(t, db, "select cast(loaded_revenue as varchar), cast(attributed_revenue as varchar), cast(unattributed_revenue as varchar), cast(difference as varchar) from revenue_reconciliation where time_window = 'ltm'"); fmt.Sprint(got) != "[[205.000000 200.000000 5.000000 0.000000]]" {
		t.Errorf("reconciliation: %v", got)
	}
}
