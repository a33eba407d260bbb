package excel

import (
	"context"
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"kam/reports/report"
)

// Split is a table read once for many workbooks that each show a part of
// it: the pack of every KAM shows the rows of their accounts. One grouped
// aggregate measures each key's rows and one query reads the notes of the
// marts' unavailable inputs; the rows are then read a bounded group of keys
// at a time (Read), each query's result read to its end and closed before
// the next, and each workbook's sheet shows its key's rows (a Part),
// measured and ordered exactly as the table's query restricted to that key
// would, and runs no query of its own. Before, each of 200 packs ran its
// own twelve queries over the whole marts: 2,400 scans at 1 M lines, two
// thirds of the packs' time. Holding every key's rows at once doubled the
// run's peak memory at 10 M lines; holding each table's result open while
// the workbooks were written kept it pinned in DuckDB's buffer pool, more
// than a small memory_limit holds.
type Split struct {
	t       report.Table
	key     string
	measure map[string][]any // key → the block's measure row
	empty   []any            // the measure row of a key without rows
	notes   []string         // the unavailable inputs of the sheet's marts
}

// OpenSplit measures t for every key. t.Query returns the rows of every
// key with the key as text in column key; marts are the sheet's marts
// (Sheet.Marts), whose unavailable inputs the sheet notes. It holds no
// query's result open.
func OpenSplit(ctx context.Context, src report.Source, marts []string, t report.Table, key string) (*Split, error) {
	s := &Split{t: t, key: key, measure: map[string][]any{}}
	bl := block{cols: t.Cols}
	sel, _ := measures(bl.visible())
	s.empty = make([]any, len(sel))
	s.empty[0] = int64(0) // count(*) of no rows; every other measure is NULL
	q := "select cast(t." + ident(key) + " as varchar), " + strings.Join(sel, ", ") +
		" from (" + unordered(t.Query) + ") as t group by t." + ident(key) // the measures do not depend on the rows' order
	rows, err := src.Query(ctx, q, t.Args...)
	if err != nil {
		return nil, fmt.Errorf("measure %s: %w", t.ID, err)
	}
	for rows.Next() {
		var k *string
		vals := make([]any, len(sel))
		ptrs := []any{&k}
		for i := range vals {
			ptrs = append(ptrs, &vals[i])
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return nil, err
		}
		if k != nil {
			s.measure[*k] = vals
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if s.notes, err = unavailable(ctx, src, sheetMarts(marts, t.Query)); err != nil {
		return nil, err
	}
	return s, nil
}

// Rows is the rows of the keys one Read returned, by key, until taken.
type Rows struct {
	s      *Split
	schema *arrow.Schema
	rows   map[string][]arrow.RecordBatch // key → its rows, in the query's order
	n      int                            // the rows read, every key's
}

// Read reads the rows of the keys q returns: t's rows of those keys (the
// columns of t.Query, the key as text in column key), each key's rows in
// the order t.Query returns them; rows of the NULL key are skipped. The
// query's result is read to its end and released before Read returns.
func (s *Split) Read(ctx context.Context, src report.Source, q string, args ...any) (*Rows, error) {
	rr, err := src.ArrowQuery(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", s.t.ID, err)
	}
	defer rr.Release()
	r := &Rows{s: s, schema: rr.Schema(), rows: map[string][]arrow.RecordBatch{}}
	col := r.schema.FieldIndices(s.key)
	if len(col) != 1 {
		return nil, fmt.Errorf("read %s: the query has no column %s", s.t.ID, s.key)
	}
	if id := r.schema.Field(col[0]).Type.ID(); id != arrow.STRING && id != arrow.LARGE_STRING && id != arrow.STRING_VIEW {
		return nil, fmt.Errorf("read %s: the key %s is not text", s.t.ID, s.key)
	}
	for rr.Next() {
		rec := rr.RecordBatch()
		keys := rec.Column(col[0])
		n := int(rec.NumRows())
		r.n += n
		for lo := 0; lo < n; {
			k, ok := keyOf(keys, lo)
			hi := lo + 1
			for hi < n {
				if k2, ok2 := keyOf(keys, hi); k2 != k || ok2 != ok {
					break
				}
				hi++
			}
			if ok {
				r.rows[k] = append(r.rows[k], rec.NewSlice(int64(lo), int64(hi)))
			}
			lo = hi
		}
	}
	if err := rr.Err(); err != nil {
		r.Release()
		return nil, fmt.Errorf("read %s: %w", s.t.ID, err)
	}
	return r, nil
}

func keyOf(keys arrow.Array, i int) (string, bool) {
	if keys.IsNull(i) {
		return "", false
	}
	return cellValue(keys, i).(string), true
}

// Len is how many rows the read returned.
func (r *Rows) Len() int { return r.n }

// Take hands over key's rows as a part, released when written; a key
// without rows (or taken before) gets a part of none.
func (r *Rows) Take(key string) *Part {
	p := &Part{t: r.s.t, schema: r.schema, notes: r.s.notes, measure: r.s.empty, rows: r.rows[key]}
	if v, ok := r.s.measure[key]; ok {
		p.measure = v
	}
	delete(r.rows, key)
	return p
}

// Release frees the rows of the keys not taken.
func (r *Rows) Release() {
	for _, recs := range r.rows {
		for _, rec := range recs {
			rec.Release()
		}
	}
	r.rows = nil
}

// Part is one key's rows of a Split: its sheet runs no query.
type Part struct {
	t       report.Table
	schema  *arrow.Schema
	rows    []arrow.RecordBatch // the key's rows, in the query's order
	measure []any               // the block's measure row
	notes   []string
}

// Table writes the sheet of the part's rows, as Table writes a table's sheet.
func (p *Part) Table() func(context.Context, *Book) error {
	t := p.t
	bl := block{id: t.ID, title: t.Title, query: t.Query, cols: t.Cols, freeze: t.Freeze, part: p}
	return func(ctx context.Context, b *Book) error {
		return b.tableSheet(ctx, bl, p.notes)
	}
}

// reader reads the part's rows.
func (p *Part) reader() (array.RecordReader, error) {
	if p.rows == nil && p.schema == nil {
		return nil, fmt.Errorf("read %s: the part was released", p.t.ID)
	}
	return array.NewRecordReader(p.schema, p.rows)
}

// Release frees the rows.
func (p *Part) Release() {
	for _, r := range p.rows {
		r.Release()
	}
	p.rows, p.schema = nil, nil
}
