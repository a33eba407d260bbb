package packs

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"kam/reports/report"
)

// Source is where the packs read the marts: the run's warehouse connection.
type Source interface {
	Query(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// row is one row of a mart by column name, values as the driver returns them.
type row map[string]any

func (r row) str(col string) string {
	switch v := r[col].(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

// num reads a number (DECIMAL, HUGEINT, integers, doubles); ok is false for NULL.
func (r row) num(col string) (float64, bool) { return toFloat(r[col]) }

func (r row) is(col string) bool { b, _ := r[col].(bool); return b }

func (r row) list(col string) []string {
	vs, _ := r[col].([]any)
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func (r row) date(col string) (time.Time, bool) {
	t, ok := r[col].(time.Time)
	return t, ok && !t.IsZero()
}

func toFloat(v any) (float64, bool) { return report.ToFloat(v) }

// query reads every row of q; the connection is the run's, so the rows are
// closed before the next query.
func query(ctx context.Context, src Source, q string, args ...any) ([]row, error) {
	rs, err := report.Rows(ctx, src, q, args...)
	out := make([]row, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return out, err
}

// groupBy splits rows by a column's text.
func groupBy(rows []row, col string) map[string][]row {
	out := map[string][]row{}
	for _, r := range rows {
		out[r.str(col)] = append(out[r.str(col)], r)
	}
	return out
}
