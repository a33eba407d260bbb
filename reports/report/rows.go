package report

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// Querier reads rows; both a Source and a narrower reader satisfy it.
type Querier interface {
	Query(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// Rows reads every row of q as maps by column name, values as the driver
// returns them (a HUGEINT returned by value is kept by pointer). The
// connection is the run's, so the rows are closed before the next query.
func Rows(ctx context.Context, src Querier, q string, args ...any) ([]map[string]any, error) {
	rs, err := src.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", strings.Join(strings.Fields(q), " "), err)
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, err
		}
		r := make(map[string]any, len(cols))
		for i, c := range cols {
			if b, ok := vals[i].(big.Int); ok { // HUGEINT by value
				vals[i] = &b
			}
			r[c] = vals[i]
		}
		out = append(out, r)
	}
	return out, rs.Err()
}

// ToFloat reads a number the database driver returned (DECIMAL, HUGEINT,
// integers, doubles); ok is false for NULL and non-numbers.
func ToFloat(v any) (float64, bool) {
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
	case uint16:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint64:
		return float64(x), true
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f, true
	case duckdb.Decimal:
		return decimalFloat(x), true
	case interface{ Float64() float64 }:
		return x.Float64(), true
	}
	return 0, false
}

// pow10 holds the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// decimalFloat is the float64 nearest a DECIMAL. When its unscaled value
// and 10^scale are both exact in a float64 (every amount below 2^53
// units of its last digit), one IEEE division rounds the quotient once,
// to the nearest: the driver's Float64 divides in math/big, which was a
// tenth of the CPU of writing the key-account pages at 10 M lines.
func decimalFloat(d duckdb.Decimal) float64 {
	if d.Value != nil && d.Value.IsInt64() && int(d.Scale) < len(pow10) {
		if v := d.Value.Int64(); v > -1<<53 && v < 1<<53 {
			return float64(v) / pow10[d.Scale]
		}
	}
	f, _ := strconv.ParseFloat(d.String(), 64) // the nearest float64 as well
	return f
}
