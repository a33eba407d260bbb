package pipeline

import (
	"database/sql"
	"encoding/csv"
	"fmt"
	"math"
	"math/big"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestFixtureGolden runs the whole pipeline on the hand-computed fixture in
// testdata/fixture/in and compares every mart value listed in
// testdata/fixture/expected.csv. The expected values come from the
// arithmetic written out in testdata/fixture/README.md, never from kam's own
// output: a mismatch means the model or the arithmetic is wrong, and the
// arithmetic is to be re-checked first. Do not regenerate expected.csv from
// a run.
//
// expected.csv is long: mart,key,column,expected. key is
// "col=value;col=value" (the mart's primary key); expected is NULL, true,
// false, text, or a number. A number written with exactly four decimals is
// money: the column must be DECIMAL and equal to the cent and beyond. Any
// other number is compared as a double with a relative tolerance of 1e-9.
func TestFixtureGolden(t *testing.T) {
	t.Parallel()
	want := readFixtureExpected(t, "testdata/fixture/expected.csv")
	db := runInput(t, "testdata/fixture/in", t.TempDir(), "2026-10", nil)
	cols := fixtureMartColumns(t, db)

	missingMart := map[string]int{}
	missingCol := map[string]int{}
	var fails []string
	for _, e := range want {
		mc, ok := cols[e.mart]
		if !ok {
			missingMart[e.mart]++
			continue
		}
		absent := false
		for _, c := range append([]string{e.column}, e.keyCols...) {
			if !mc[c] {
				missingCol[e.mart+"."+c]++
				absent = true
			}
		}
		if absent {
			continue
		}
		if msg := e.check(db); msg != "" {
			fails = append(fails, msg)
		}
	}
	for _, m := range fixtureSortedKeys(missingMart) {
		t.Errorf("mart main.%s does not exist: %d expected values unchecked", m, missingMart[m])
	}
	for _, c := range fixtureSortedKeys(missingCol) {
		t.Errorf("column main.%s does not exist: %d expected values unchecked", c, missingCol[c])
	}
	for _, f := range fails {
		t.Error(f)
	}
	checked := len(want)
	for _, n := range missingMart {
		checked -= n
	}
	t.Logf("%d expected values, %d in existing marts, %d mismatches", len(want), checked, len(fails))

	// Nothing is lost: every file's rows are accounted for.
	for _, r := range rows(t, db, `select path, rows_read, rows_loaded, rows_rejected, rows_duplicate from main.data_quality order by path`) {
		n := make([]int64, 4)
		for i := range n {
			n[i], _ = strconv.ParseInt(r[i+1], 10, 64)
		}
		if n[0] != n[1]+n[2]+n[3] {
			t.Errorf("data_quality %s: rows_read %d != loaded %d + rejected %d + duplicate %d", r[0], n[0], n[1], n[2], n[3])
		}
	}
	// Company revenue ties out in every window.
	got := rows(t, db, `select time_window, cast(difference as varchar) from main.revenue_reconciliation order by time_window`)
	if len(got) != 3 {
		t.Errorf("revenue_reconciliation: want the windows month, ytd and ltm, got %v", got)
	}
	for _, r := range got {
		if d, ok := new(big.Rat).SetString(r[1]); !ok || d.Sign() != 0 {
			t.Errorf("revenue_reconciliation %s: difference %s, want 0", r[0], r[1])
		}
	}
}

// fixtureExpectation is one line of expected.csv.
type fixtureExpectation struct {
	line              int
	mart, key, column string
	keyCols, keyVals  []string
	want              string
}

func readFixtureExpected(t *testing.T, path string) []fixtureExpectation {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != "mart,key,column,expected" {
		t.Fatalf("%s: header must be mart,key,column,expected", path)
	}
	var out []fixtureExpectation
	for i, r := range recs[1:] {
		e := fixtureExpectation{line: i + 2, mart: r[0], key: r[1], column: r[2], want: r[3]}
		for _, kv := range strings.Split(r[1], ";") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				t.Fatalf("%s:%d: key %q is not col=value;col=value", path, e.line, r[1])
			}
			e.keyCols = append(e.keyCols, k)
			e.keyVals = append(e.keyVals, v)
		}
		out = append(out, e)
	}
	return out
}

// fixtureMartColumns lists the columns of every table and view in schema main.
func fixtureMartColumns(t *testing.T, db *sql.DB) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	for _, r := range rows(t, db, `select table_name, column_name from information_schema.columns where table_schema = 'main'`) {
		if out[r[0]] == nil {
			out[r[0]] = map[string]bool{}
		}
		out[r[0]][r[1]] = true
	}
	return out
}

func fixtureQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

var fixtureMoneyText = regexp.MustCompile(`^-?\d+\.\d{4}$`)

// check compares the mart's value with the fixtureExpectation and returns a
// message when they differ ("" when they agree).
func (e fixtureExpectation) check(db *sql.DB) string {
	col := fixtureQuote(e.column)
	var where []string
	args := make([]any, len(e.keyVals))
	for i, k := range e.keyCols {
		where = append(where, "cast("+fixtureQuote(k)+" as varchar) = ?")
		args[i] = e.keyVals[i]
	}
	q := "select typeof(" + col + "), cast(" + col + " as varchar), try_cast(" + col + " as double) from main." +
		fixtureQuote(e.mart) + " where " + strings.Join(where, " and ")
	r, err := db.Query(q, args...)
	if err != nil {
		return e.fail("query: %v", err)
	}
	defer r.Close()
	var typ string
	var text sql.NullString
	var num sql.NullFloat64
	n := 0
	for r.Next() {
		if err := r.Scan(&typ, &text, &num); err != nil {
			return e.fail("scan: %v", err)
		}
		n++
	}
	if err := r.Err(); err != nil {
		return e.fail("query: %v", err)
	}
	if n != 1 {
		return e.fail("want one row for the key, got %d", n)
	}
	got := "NULL"
	if text.Valid {
		got = text.String
	}
	switch {
	case e.want == "NULL" || !text.Valid:
		if e.want != got {
			return e.fail("want %s, got %s", e.want, got)
		}
	case fixtureMoneyText.MatchString(e.want):
		w, _ := new(big.Rat).SetString(e.want)
		g, ok := new(big.Rat).SetString(got)
		if !strings.HasPrefix(typ, "DECIMAL") {
			return e.fail("money must be DECIMAL, column is %s (value %s, want %s)", typ, got, e.want)
		}
		if !ok || w.Cmp(g) != 0 {
			return e.fail("want %s, got %s", e.want, got)
		}
	default:
		w, err := strconv.ParseFloat(e.want, 64)
		if err != nil { // text, boolean, date
			if got != e.want {
				return e.fail("want %q, got %q", e.want, got)
			}
			return ""
		}
		if !num.Valid {
			return e.fail("want number %s, got %q (%s)", e.want, got, typ)
		}
		if d := math.Abs(num.Float64 - w); d > 1e-9*math.Max(math.Abs(w), math.Abs(num.Float64)) && d > 1e-12 {
			return e.fail("want %s, got %s (%s)", e.want, got, typ)
		}
	}
	return ""
}

func (e fixtureExpectation) fail(format string, a ...any) string {
	return fmt.Sprintf("expected.csv:%d %s[%s].%s: %s", e.line, e.mart, e.key, e.column, fmt.Sprintf(format, a...))
}

func fixtureSortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
