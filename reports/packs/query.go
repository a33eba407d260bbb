package packs

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/big"
	"strings"
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

// cursor reads a query's rows one group at a time: the query returns them
// ordered by column pack_seq (the group's number, NULL for the group of no
// KAM, last), which the rows read lose.
type cursor struct {
	rs   *sql.Rows
	cols []string
	next row   // the next row; nil at the end
	seq  int64 // next's group; math.MaxInt64 for NULL
}

func openCursor(ctx context.Context, src Source, q string, args ...any) (*cursor, error) {
	rs, err := src.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", strings.Join(strings.Fields(q), " "), err)
	}
	c := &cursor{rs: rs}
	if c.cols, err = rs.Columns(); err != nil {
		rs.Close()
		return nil, err
	}
	if err := c.advance(); err != nil {
		rs.Close()
		return nil, err
	}
	return c, nil
}

// advance reads the next row, as report.Rows reads one.
func (c *cursor) advance() error {
	c.next = nil
	if !c.rs.Next() {
		return c.rs.Err()
	}
	vals := make([]any, len(c.cols))
	ptrs := make([]any, len(c.cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := c.rs.Scan(ptrs...); err != nil {
		return err
	}
	r := make(row, len(c.cols))
	for i, col := range c.cols {
		if b, ok := vals[i].(big.Int); ok { // HUGEINT by value
			vals[i] = &b
		}
		r[col] = vals[i]
	}
	c.seq = math.MaxInt64
	if s, ok := r["pack_seq"].(int64); ok {
		c.seq = s
	}
	delete(r, "pack_seq")
	c.next = r
	return nil
}

// take reads the rows of group seq, skipping those of earlier groups.
func (c *cursor) take(seq int64) ([]row, error) {
	var out []row
	for c.next != nil && c.seq <= seq {
		if c.seq == seq {
			out = append(out, c.next)
		}
		if err := c.advance(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c *cursor) close() { c.rs.Close() }
