package ingest

import (
	"context"
	"database/sql/driver"
	"fmt"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/duckdb/duckdb-go/v2"
)

// rowSource yields the rows that Go itself reads (XLSX cells, CSV files
// DuckDB's reader cannot take as they are), one at a time, with the source
// line and the number of fields the row really had.
type rowSource func() (cells []string, line int64, fields int, ok bool, err error)

const arrowBatchRows = 64 << 10

// rowReader turns a rowSource into Arrow record batches of text columns
// c0..cN-1 plus _line and _fields, so that the rows enter DuckDB in bulk
// through duckdb-go's Arrow view instead of row-by-row inserts.
type rowReader struct {
	refs   atomic.Int64
	schema *arrow.Schema
	width  int
	next   rowSource
	ctx    context.Context
	cur    arrow.RecordBatch
	err    error
	done   bool
	rows   int64
}

func newRowReader(ctx context.Context, width int, next rowSource) *rowReader {
	fields := make([]arrow.Field, 0, width+2)
	for i := 0; i < width; i++ {
		fields = append(fields, arrow.Field{Name: rawCol(i), Type: arrow.BinaryTypes.String, Nullable: true})
	}
	fields = append(fields,
		arrow.Field{Name: "_line", Type: arrow.PrimitiveTypes.Int64},
		arrow.Field{Name: "_fields", Type: arrow.PrimitiveTypes.Int32})
	r := &rowReader{schema: arrow.NewSchema(fields, nil), width: width, next: next, ctx: ctx}
	r.refs.Store(1)
	return r
}

func rawCol(i int) string { return fmt.Sprintf("c%d", i) }

func (r *rowReader) Retain() { r.refs.Add(1) }
func (r *rowReader) Release() {
	if r.refs.Add(-1) == 0 && r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
}
func (r *rowReader) Schema() *arrow.Schema          { return r.schema }
func (r *rowReader) RecordBatch() arrow.RecordBatch { return r.cur }
func (r *rowReader) Record() arrow.RecordBatch      { return r.cur }
func (r *rowReader) Err() error                     { return r.err }

func (r *rowReader) Next() bool {
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	if r.done || r.err != nil {
		return false
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, r.schema)
	defer b.Release()
	n := 0
	for n < arrowBatchRows {
		if n%1024 == 0 {
			if err := r.ctx.Err(); err != nil {
				r.err = err
				return false
			}
		}
		cells, line, fields, ok, err := r.next()
		if err != nil {
			r.err = err
			return false
		}
		if !ok {
			r.done = true
			break
		}
		for i := 0; i < r.width; i++ {
			sb := b.Field(i).(*array.StringBuilder)
			if i < len(cells) && cells[i] != "" {
				sb.Append(cells[i])
			} else {
				sb.AppendNull()
			}
		}
		b.Field(r.width).(*array.Int64Builder).Append(line)
		b.Field(r.width + 1).(*array.Int32Builder).Append(int32(fields))
		n++
	}
	if n == 0 {
		return false
	}
	r.rows += int64(n)
	r.cur = b.NewRecordBatch()
	return true
}

// loadRows materialises a rowSource as the temporary table name.
func (w *loader) loadRows(ctx context.Context, name string, width int, next rowSource) (int64, error) {
	rr := newRowReader(ctx, width, next)
	defer rr.Release()
	view := name + "_arrow"
	var release func()
	err := w.Raw(func(c driver.Conn) error {
		a, err := duckdb.NewArrowFromConn(c)
		if err != nil {
			return err
		}
		release, err = a.RegisterView(rr, view)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("register rows with DuckDB: %w", err)
	}
	defer release()
	err = w.Exec(ctx, fmt.Sprintf("create or replace temp table %s as select * from %s", name, view))
	if rr.err != nil {
		return 0, rr.err
	}
	if err != nil {
		return 0, err
	}
	w.Exec(ctx, "drop view if exists "+view)
	return rr.rows, nil
}
