package warehouse

import (
	"context"
	"path/filepath"
	"testing"

	"kam/pipeline/config"
)

// TestSnapshotKeepsNewColumns: a mart that gained a column since its
// history table was made (a newer kam) has the column added to the
// history, null for the months kept before; a mart not built is not kept;
// a month kept again replaces its rows.
func TestSnapshotKeepsNewColumns(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	w, err := OpenWarehouse(ctx, filepath.Join(t.TempDir(), "w.duckdb"), config.DuckDBSettings{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Begin(ctx); err != nil {
		t.Fatal(err)
	}
	exec := func(q string) {
		t.Helper()
		if err := w.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec("create table main.m (period varchar, a integer)")
	exec("insert into main.m values ('2026-01', 1)")
	if err := w.Snapshot(ctx, "2026-01", []string{"m", "absent"}); err != nil {
		t.Fatal(err)
	}
	exec("drop table main.m")
	exec("create table main.m (period varchar, a integer, b decimal(38,10), c varchar[])")
	exec("insert into main.m values ('2026-02', 2, 2.5, ['x'])")
	if err := w.Snapshot(ctx, "2026-02", []string{"m", "absent"}); err != nil {
		t.Fatal(err)
	}
	exec("update main.m set a = 3")
	if err := w.Snapshot(ctx, "2026-02", []string{"m"}); err != nil {
		t.Fatal(err)
	}
	rows, err := w.summary(ctx, "select period, a, coalesce(cast(b as varchar), 'null'), coalesce(cast(c as varchar), 'null') from main.history_m order by period")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"2026-01", "1", "null", "null"}, {"2026-02", "3", "2.5000000000", "[x]"}}
	if len(rows) != len(want) {
		t.Fatalf("history_m has %d rows, want %d: %v", len(rows), len(want), rows)
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("history_m row %d column %d = %q, want %q", i, j, rows[i][j], want[i][j])
			}
		}
	}
	types, err := w.summary(ctx, "select data_type from duckdb_columns() where table_name = 'history_m' and column_name = 'b'")
	if err != nil || len(types) != 1 || types[0][0] != "DECIMAL(38,10)" {
		t.Errorf("history_m.b has type %v (%v), want DECIMAL(38,10)", types, err)
	}
	absent, err := w.summary(ctx, "select count(*) from duckdb_tables() where table_name = 'history_absent'")
	if err != nil || absent[0][0] != "0" {
		t.Errorf("a mart not built got a history table: %v %v", absent, err)
	}
}
