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
// it: the pack of every KAM shows the rows of their accounts. One query
// reads the rows of every key (a column of the query says whose a row is),
// one grouped aggregate measures each key's rows, and one query reads the
// notes of the marts' unavailable inputs; each workbook's sheet then shows
// its key's rows, measured and ordered exactly as the table's query
// restricted to that key would, and runs no query of its own. Before, each
// of 200 packs ran its own twelve queries over the whole marts: 2,400 scans
// at 1 M lines, two thirds of the packs' time.
//
// The rows are read as the workbooks are written: the query returns them
// ordered by key, in the order the keys are taken (Take), so only the keys
// taken and not yet released are in memory, not the whole table — at 10 M
// lines and 2,000 KAMs holding every KAM's rows at once doubled the run's
// peak memory.
type Split struct {
	t       report.Table
	key     string
	pos     map[string]int   // key → its place in the order the query returns the keys
	measure map[string][]any // key → the block's measure row
	empty   []any            // the measure row of a key without rows
	notes   []string         // the unavailable inputs of the sheet's marts
	rr      array.RecordReader
	col     int               // the key's column
	rec     arrow.RecordBatch // the batch being read; nil before the first and after the last
	off     int               // the first row of rec not yet read
	last    int               // the place of the last key taken
}

// OpenSplit starts reading t for every key. t.Query returns the rows of
// every key, the keys in the order of order (keys not in order anywhere:
// their rows are skipped) and each key's rows in the order they are shown
// (its order by must be total, as a table's always is), with the key as
// text in column key; marts are the sheet's marts (Sheet.Marts), whose
// unavailable inputs the sheet notes. The split holds the query's result
// open on src until Close.
func OpenSplit(ctx context.Context, src report.Source, marts []string, t report.Table, key string, order []string) (*Split, error) {
	s := &Split{t: t, key: key, measure: map[string][]any{}, pos: make(map[string]int, len(order)), last: -1}
	for i, k := range order {
		if _, ok := s.pos[k]; !ok {
			s.pos[k] = i
		}
	}
	bl := block{cols: t.Cols}
	sel, _ := measures(bl.visible())
	s.empty = make([]any, len(sel))
	s.empty[0] = int64(0) // count(*) of no rows; every other measure is NULL
	q := "select cast(t." + ident(key) + " as varchar), " + strings.Join(sel, ", ") +
		" from (" + t.Query + ") as t group by t." + ident(key)
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
	if s.rr, err = src.ArrowQuery(ctx, t.Query, t.Args...); err != nil {
		return nil, fmt.Errorf("read %s: %w", t.ID, err)
	}
	col := s.rr.Schema().FieldIndices(key)
	if len(col) != 1 {
		s.Close()
		return nil, fmt.Errorf("read %s: the query has no column %s", t.ID, key)
	}
	if id := s.rr.Schema().Field(col[0]).Type.ID(); id != arrow.STRING && id != arrow.LARGE_STRING && id != arrow.STRING_VIEW {
		s.Close()
		return nil, fmt.Errorf("read %s: the key %s is not text", t.ID, key)
	}
	s.col = col[0]
	return s, nil
}

// Take reads key's rows, skipping those of the keys before it. Keys are
// taken in their order, each once; the part is released when written.
func (s *Split) Take(key string) (*Part, error) {
	p, ok := s.pos[key]
	if !ok || p <= s.last {
		return nil, fmt.Errorf("read %s: key %q taken out of order", s.t.ID, key)
	}
	s.last = p
	part := &Part{t: s.t, schema: s.rr.Schema(), notes: s.notes, measure: s.empty}
	if v, ok := s.measure[key]; ok {
		part.measure = v
	}
	for {
		if s.rec == nil || s.off >= int(s.rec.NumRows()) {
			if s.rec == nil && s.off < 0 { // read to the end
				return part, nil
			}
			if !s.rr.Next() {
				s.rec, s.off = nil, -1
				if err := s.rr.Err(); err != nil {
					part.Release()
					return nil, fmt.Errorf("read %s: %w", s.t.ID, err)
				}
				return part, nil
			}
			s.rec, s.off = s.rr.RecordBatch(), 0
		}
		keys := s.rec.Column(s.col)
		n := int(s.rec.NumRows())
		k, ok := keyOf(keys, s.off)
		hi := s.off + 1
		for hi < n {
			if k2, ok2 := keyOf(keys, hi); k2 != k || ok2 != ok {
				break
			}
			hi++
		}
		at, known := s.pos[k]
		switch {
		case ok && k == key:
			part.rows = append(part.rows, s.rec.NewSlice(int64(s.off), int64(hi)))
		case ok && known && at > p: // a later key's: left for it
			return part, nil
		}
		s.off = hi // a key before this one, unknown, or NULL: skipped
	}
}

func keyOf(keys arrow.Array, i int) (string, bool) {
	if keys.IsNull(i) {
		return "", false
	}
	return cellValue(keys, i).(string), true
}

// Close ends the reading; parts taken stay valid until released.
func (s *Split) Close() {
	if s.rr != nil {
		s.rr.Release()
		s.rr, s.rec = nil, nil
	}
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
