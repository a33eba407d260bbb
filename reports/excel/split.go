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
// A Split holds its rows in memory until Release; it is read-only once
// made, so the workbooks of several keys may be written at the same time.
type Split struct {
	t        report.Table
	key      string
	schema   *arrow.Schema
	measure  map[string][]any               // key → the block's measure row
	empty    []any                          // the measure row of a key without rows
	rows     map[string][]arrow.RecordBatch // key → its rows, in the query's order
	notes    []string                       // the unavailable inputs of the sheet's marts
	released bool
}

// ReadSplit reads t for every key. t.Query returns the rows of every key
// in the order each key's rows are shown (its order by must be total, as a
// table's always is), with the key as text in column key; marts are the
// sheet's marts (Sheet.Marts), whose unavailable inputs the sheet notes.
func ReadSplit(ctx context.Context, src report.Source, marts []string, t report.Table, key string) (*Split, error) {
	s := &Split{t: t, key: key, measure: map[string][]any{}, rows: map[string][]arrow.RecordBatch{}}
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
	if err := s.read(ctx, src); err != nil {
		s.Release()
		return nil, err
	}
	return s, nil
}

// read keeps every row, as slices of the record batches the query returns,
// grouped by key in the order they come.
func (s *Split) read(ctx context.Context, src report.Source) error {
	rr, err := src.ArrowQuery(ctx, s.t.Query, s.t.Args...)
	if err != nil {
		return fmt.Errorf("read %s: %w", s.t.ID, err)
	}
	defer rr.Release()
	s.schema = rr.Schema()
	col := s.schema.FieldIndices(s.key)
	if len(col) != 1 {
		return fmt.Errorf("read %s: the query has no column %s", s.t.ID, s.key)
	}
	if id := s.schema.Field(col[0]).Type.ID(); id != arrow.STRING && id != arrow.LARGE_STRING && id != arrow.STRING_VIEW {
		return fmt.Errorf("read %s: the key %s is not text", s.t.ID, s.key)
	}
	for rr.Next() {
		rec := rr.RecordBatch()
		keys := rec.Column(col[0])
		keyOf := func(i int) (string, bool) {
			if keys.IsNull(i) {
				return "", false
			}
			return cellValue(keys, i).(string), true
		}
		n := int(rec.NumRows())
		for lo := 0; lo < n; {
			k, ok := keyOf(lo)
			hi := lo + 1
			for hi < n {
				k2, ok2 := keyOf(hi)
				if k2 != k || ok2 != ok {
					break
				}
				hi++
			}
			if ok {
				s.rows[k] = append(s.rows[k], rec.NewSlice(int64(lo), int64(hi)))
			}
			lo = hi
		}
	}
	return rr.Err()
}

// measured is key's measure row.
func (s *Split) measured(key string) []any {
	if v, ok := s.measure[key]; ok {
		return v
	}
	return s.empty
}

// reader reads key's rows.
func (s *Split) reader(key string) (array.RecordReader, error) {
	if s.released {
		return nil, fmt.Errorf("read %s: the split was released", s.t.ID)
	}
	return array.NewRecordReader(s.schema, s.rows[key])
}

// Release frees the rows.
func (s *Split) Release() {
	if s.released {
		return
	}
	s.released = true
	for _, recs := range s.rows {
		for _, r := range recs {
			r.Release()
		}
	}
	s.rows = nil
}

// Table writes the sheet of key's rows, as Table writes a table's sheet.
func (s *Split) Table(key string) func(context.Context, *Book) error {
	t := s.t
	bl := block{id: t.ID, title: t.Title, query: t.Query, cols: t.Cols, freeze: t.Freeze, split: s, key: key}
	return func(ctx context.Context, b *Book) error {
		return b.tableSheet(ctx, bl, s.notes)
	}
}
