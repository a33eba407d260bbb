package packs

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"
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

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case nil:
		return 0, false
	case float64:
		return x, !math.IsNaN(x)
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int8:
		return float64(x), true
	case int16:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint8:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint64:
		return float64(x), true
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f, true
	case interface{ Float64() float64 }: // duckdb.Decimal
		return x.Float64(), true
	}
	return 0, false
}

// query reads every row of q; the connection is the run's, so the rows are
// closed before the next query.
func query(ctx context.Context, src Source, q string, args ...any) ([]row, error) {
	rs, err := src.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", strings.Join(strings.Fields(q), " "), err)
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, err
	}
	var out []row
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, err
		}
		r := make(row, len(cols))
		for i, c := range cols {
			r[c] = vals[i]
		}
		out = append(out, r)
	}
	return out, rs.Err()
}

// groupBy splits rows by a column's text.
func groupBy(rows []row, col string) map[string][]row {
	out := map[string][]row{}
	for _, r := range rows {
		out[r.str(col)] = append(out[r.str(col)], r)
	}
	return out
}
