package parse

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	_ "github.com/duckdb/duckdb-go/v2"
)

// The SQL side of every test runs in one in-memory DuckDB per test process.
var (
	duckOnce sync.Once
	duckDB   *sql.DB
	duckErr  error
)

func duck(tb testing.TB) *sql.DB {
	tb.Helper()
	duckOnce.Do(func() {
		duckDB, duckErr = sql.Open("duckdb", "")
	})
	if duckErr != nil {
		tb.Fatalf("open duckdb: %v", duckErr)
	}
	return duckDB
}

// sqlOK reports whether DuckDB can hold s as a VARCHAR at all: it rejects
// invalid UTF-8, which a reader has transcoded or rejected long before
// these expressions see it.
func sqlOK(s string) bool { return utf8.ValidString(s) }

// evalSQL evaluates each expression over a temporary table of the inputs,
// in one statement, so the rows go through DuckDB's vectors together as
// they would in a load (a bad row must not disturb its neighbours). The
// column is called v. It returns, per expression, the value of each input.
func evalSQL(tb testing.TB, inputs []string, exprs ...string) [][]any {
	tb.Helper()
	ctx := context.Background()
	conn, err := duck(tb).Conn(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "create or replace temp table inputs (i integer, v varchar)"); err != nil {
		tb.Fatal(err)
	}
	// Many rows per statement: DuckDB inserts row by row slowly.
	for lo := 0; lo < len(inputs); lo += 500 {
		hi := min(lo+500, len(inputs))
		q := "insert into inputs values " + strings.Repeat("(?, ?), ", hi-lo-1) + "(?, ?)"
		args := make([]any, 0, 2*(hi-lo))
		for i := lo; i < hi; i++ {
			args = append(args, i, inputs[i])
		}
		if _, err := conn.ExecContext(ctx, q, args...); err != nil {
			tb.Fatalf("insert: %v", err)
		}
	}
	q := "select i"
	for _, e := range exprs {
		q += ", " + e
	}
	rows, err := conn.QueryContext(ctx, q+" from inputs order by i")
	if err != nil {
		tb.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	out := make([][]any, len(exprs))
	for k := range out {
		out[k] = make([]any, len(inputs))
	}
	for rows.Next() {
		var i int
		vals := make([]any, len(exprs))
		ptrs := []any{&i}
		for k := range vals {
			ptrs = append(ptrs, &vals[k])
		}
		if err := rows.Scan(ptrs...); err != nil {
			tb.Fatal(err)
		}
		for k := range vals {
			out[k][i] = vals[k]
		}
	}
	if err := rows.Err(); err != nil {
		tb.Fatalf("%v\n%s", err, q)
	}
	return out
}

// oneSQL evaluates expr for a single input, for the fuzz targets. The
// statements are prepared once per expression and process.
func oneSQL(tb testing.TB, expr, input string) any {
	tb.Helper()
	stmt := prepared(tb, "select "+expr+" from (select ?::varchar as v)")
	var out any
	if err := stmt.QueryRow(input).Scan(&out); err != nil {
		tb.Fatalf("%q: %v", input, err)
	}
	return out
}

var (
	stmtMu sync.Mutex
	stmts  = map[string]*sql.Stmt{}
)

func prepared(tb testing.TB, q string) *sql.Stmt {
	tb.Helper()
	stmtMu.Lock()
	defer stmtMu.Unlock()
	if s, ok := stmts[q]; ok {
		return s
	}
	s, err := duck(tb).Prepare(q)
	if err != nil {
		tb.Fatalf("%v\n%s", err, q)
	}
	stmts[q] = s
	return s
}

// TestSQLTypes pins the types the callers are written against, and that a
// NULL (an empty CSV field) is a blank everywhere.
func TestSQLTypes(t *testing.T) {
	t.Parallel()
	label, start, months := PeriodSQL("v", 4)
	exprs := map[string]string{
		NumberFormat{Decimal: ','}.SQL("v"):             "DECIMAL(38,10)",
		NumberFormat{Decimal: '.'}.SQL("v"):             "DECIMAL(38,10)",
		DateFormat{Order: "mdy", Serial: true}.SQL("v"): "DATE",
		DateFormat{Order: "ymd"}.SQL("v"):               "DATE",
		BoolFormat{}.SQL("v"):                           "BOOLEAN",
		label:                                           "VARCHAR",
		start:                                           "DATE",
		months:                                          "INTEGER",
	}
	for expr, want := range exprs {
		var typ string
		var val any
		q := "select typeof(" + expr + "), " + expr + " from (select NULL::varchar as v)"
		if err := duck(t).QueryRow(q).Scan(&typ, &val); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		if typ != want || val != nil {
			t.Errorf("%s: %s %v; want %s NULL", expr[:40], typ, val, want)
		}
	}
}
