package excel

import (
	"archive/zip"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	duckdb "github.com/duckdb/duckdb-go/v2"

	"kam/reports/report"
)

// conn is one DuckDB connection as a report.Source.
type conn struct{ c *sql.Conn }

func (s conn) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.c.QueryContext(ctx, q, args...)
}

func (s conn) ArrowQuery(ctx context.Context, q string, args ...any) (array.RecordReader, error) {
	var rr array.RecordReader
	err := s.c.Raw(func(c any) error {
		a, err := duckdb.NewArrowFromConn(c.(driver.Conn))
		if err != nil {
			return err
		}
		rr, err = a.QueryContext(ctx, q, args...)
		return err
	})
	return rr, err
}

// noSource fails every query.
type noSource struct{}

var errQueried = errors.New("queried")

func (noSource) Query(context.Context, string, ...any) (*sql.Rows, error) { return nil, errQueried }
func (noSource) ArrowQuery(context.Context, string, ...any) (array.RecordReader, error) {
	return nil, errQueried
}

// TestSplitEqualsOwnQuery: a workbook whose sheet shows its key's rows of
// a Split is the workbook of the table's own query restricted to that key
// — every part byte for byte (the document's dates aside): the same rows in
// the same order, the same widths (measured, once for every key), notes and
// formats — and runs no query. The rows are read a group of keys at a
// time, by queries of their own: a key's rows span several record batches
// (5,000 rows by key, then amount), a key without rows (k9) gets a sheet
// without rows, a key read and not taken (k0's NULL companion rows, k2 in
// the second round) is released, and the NULL key's rows are never shown.
func TestSplitEqualsOwnQuery(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, q := range []string{
		`create table main.run_params as select 'currency' as key, cast(null as double) as num, 'EUR' as txt
			union all select 'sheet_max_rows', 5000, null`,
		`create table main.input_kinds as select 'sales' as kind, true as is_loaded`,
		`create table main.kam_performance as select 'K1' as kam_id, 'Ana' as kam_name, 'kam' as role, 1 as accounts`,
		`create table main.account_health as select 'A1' as account_id, 'Uno' as account_name, true as is_key_account`,
		`create table main.plan_vs_actual as select
			'A' || (i % 97) as account_id,
			case when i % 7 = 0 then null else 'Cuenta número ' || repeat('x', i % 13) end as account_name,
			['k1', 'k2', 'k3', null][1 + i % 4] as kam,
			cast(round(1000000 / (i + 1), 2) as decimal(18, 2)) - 3000 as amount,
			(i % 5) / 4.0 as share,
			['on_track', 'at_risk', 'off_track'][1 + i % 3] as status,
			case when i % 2 = 0 then ['no_costs'] else [] end as unavailable_inputs
			from range(5000) t(i)`,
	} {
		if _, err := c.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	cols := []report.Col{report.C("account_id", report.Text), report.C("account_name", report.Text),
		report.C("amount", report.Money).Bar(), report.C("share", report.Pct).Scale(), report.E("status")}
	own := report.Table{ID: "pack_plan", Title: "xlsx.block.pack_plan", Freeze: 2, Cols: cols,
		Query: `select account_id, account_name, amount, share, status from main.plan_vs_actual where kam = ? order by amount desc, account_id, share, account_name`}
	all := own
	all.Query = `select kam as pack_kam, account_id, account_name, amount, share, status from main.plan_vs_actual order by kam, amount desc, account_id, share, account_name`
	marts := []string{"plan_vs_actual"}
	src := conn{c}
	meta, err := report.ReadMeta(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	run := report.Run{Period: "2026-10", Language: "en"}
	dir := t.TempDir()
	split, err := OpenSplit(ctx, src, marts, all, "pack_kam")
	if err != nil {
		t.Fatal(err)
	}
	// Each round reads groups of keys, each group by one query (the NULL
	// key's rows with the last group), and takes some of them.
	for _, round := range []struct{ groups, taken [][]string }{
		{[][]string{{"k1", "k2"}, {"k9", "k3"}}, [][]string{{"k1", "k2"}, {"k9", "k3"}}},
		{[][]string{{"k2", "k3"}}, [][]string{{"k3"}}},
	} {
		for gi, keys := range round.groups {
			q := `select kam as pack_kam, account_id, account_name, amount, share, status from main.plan_vs_actual
				where list_contains(?, kam)` + map[bool]string{true: ` or kam is null`}[gi == len(round.groups)-1] + `
				order by kam, amount desc, account_id, share, account_name`
			rows, err := split.Read(ctx, src, q, keys)
			if err != nil {
				t.Fatal(err)
			}
			for _, key := range round.taken[gi] {
				part := rows.Take(key)
				if key == "k2" && len(part.rows) < 2 {
					t.Fatalf("k2's rows are in %d record batches; the test needs them spread over several", len(part.rows))
				}
				// Cell by cell (a small sheet) and streamed (a pack's).
				for _, stream := range []bool{false, true} {
					t1 := own
					t1.Args = []any{key}
					name := fmt.Sprintf("%s-%t.xlsx", key, stream)
					want, err := WriteFile(ctx, src, run, dir, "own/"+name, []Sheet{{ID: "pack_plan", Marts: marts, Write: Table(t1), Stream: stream}})
					if err != nil {
						t.Fatal(err)
					}
					got, err := WriteFileMeta(ctx, noSource{}, run, meta, dir, "split/"+name, []Sheet{{ID: "pack_plan", Marts: marts, Write: part.Table(), Stream: stream}})
					if err != nil {
						t.Fatalf("%s: %v", key, err)
					}
					a, b := zipParts(t, want), zipParts(t, got)
					if len(a) != len(b) {
						t.Fatalf("%s: %d parts, want %d", name, len(b), len(a))
					}
					for pn, w := range a {
						if b[pn] != w {
							t.Errorf("reading %v, %s: part %s differs from the own query's workbook:\n got %.600s\nwant %.600s", keys, name, pn, b[pn], w)
						}
					}
					if key == "k9" && !regexp.MustCompile(`<sheetData>.*</sheetData>`).MatchString(b["xl/worksheets/sheet1.xml"]) {
						t.Errorf("k9 (no rows, streamed %t): no sheet data", stream)
					}
				}
				part.Release()
			}
			rows.Release()
		}
	}
}

var dates = regexp.MustCompile(`<dcterms:(created|modified)[^>]*>[^<]*</dcterms:(created|modified)>`)

func zipParts(t *testing.T, path string) map[string]string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	out := map[string]string{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = dates.ReplaceAllString(string(b), "")
	}
	if len(out) == 0 {
		t.Fatal(fmt.Sprintf("%s: empty", filepath.Base(path)))
	}
	return out
}
