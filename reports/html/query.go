package html

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"kam/reports/report"
)

// row is one row of a mart, by column name. Values are what the driver
// returns, with DECIMAL and HUGEINT left for toFloat to read.
type martRow map[string]any

func (r martRow) str(col string) string {
	switch v := r[col].(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

func (r martRow) num(col string) (float64, bool) { return toFloat(r[col]) }

// f is the column as a number, 0 when NULL (for chart geometry only).
func (r martRow) f(col string) float64 { f, _ := toFloat(r[col]); return f }

func (r martRow) is(col string) bool { b, _ := r[col].(bool); return b }

// list reads a LIST column of text.
func (r martRow) list(col string) []string {
	vs, _ := r[col].([]any)
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// query reads every row of q (report.Rows). Report queries only select
// from marts.
func query(ctx context.Context, src report.Source, q string, args ...any) ([]martRow, error) {
	rs, err := report.Rows(ctx, src, q, args...)
	out := make([]martRow, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return out, err
}

// top reads the first limit rows of rowsSQL, a query that ends in its
// ORDER BY, and how many rows it has in all: countSQL, a count(*) over the
// same rows, is asked only when the limit is reached. At 100,000 accounts
// the report read every row of a mart to show 25 of them.
func (b *Builder) top(rowsSQL, countSQL string, limit int) ([]martRow, int, error) {
	rows, err := b.q(rowsSQL+" limit ?", limit)
	if err != nil || len(rows) < limit {
		return rows, len(rows), err
	}
	n, err := b.count(countSQL)
	return rows, n, err
}

// count reads the one number a count(*) query selects.
func (b *Builder) count(q string, args ...any) (int, error) {
	rs, err := b.src.Query(b.ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", strings.Join(strings.Fields(q), " "), err)
	}
	defer rs.Close()
	n := 0
	if rs.Next() {
		err = rs.Scan(&n)
	}
	if err == nil {
		err = rs.Err()
	}
	return n, err
}

// isNum is SQL for a column martRow.num reads as a number: not NULL, and
// not NaN (a DOUBLE column), so a filter moved from Go into SQL keeps the
// same rows.
func isNum(col string) string {
	return "(" + col + " is not null and not isnan(" + col + "))"
}

// unavailable lists the input kinds a mart names in unavailable_inputs.
func unavailable(ctx context.Context, src report.Source, mart string) ([]string, error) {
	rs, err := query(ctx, src, `select distinct unnest(unavailable_inputs) as kind from main.`+mart+` order by 1`)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range rs {
		out = append(out, r.str("kind"))
	}
	return out, nil
}

// missingKinds merges the kinds marts report missing with the required
// kinds main.input_kinds says are not loaded, without repeats.
func missingKinds(inputs map[string]bool, required []string, fromMarts ...[]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range required {
		if loaded, known := inputs[k]; known && !loaded && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, ks := range fromMarts {
		for _, k := range ks {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}
