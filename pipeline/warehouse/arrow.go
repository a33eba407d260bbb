package warehouse

import (
	"context"
	"database/sql/driver"
	"sync"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/duckdb/duckdb-go/v2"
)

// ArrowQuery runs a query on the run's connection and returns its result as
// Arrow record batches (duckdb-go's Arrow API), the way the report writers
// read the marts. The caller releases the reader.
func (w *Warehouse) ArrowQuery(ctx context.Context, q string, args ...any) (array.RecordReader, error) {
	var rr array.RecordReader
	err := w.Raw(func(c driver.Conn) error {
		a, err := duckdb.NewArrowFromConn(c)
		if err != nil {
			return err
		}
		rr, err = a.QueryContext(ctx, q, args...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &lockedReader{RecordReader: rr, mu: &w.qmu}, nil
}

// lockedReader fetches its batches and frees its result under the
// warehouse's statement lock (see Warehouse.qmu): duckdb-go's reader calls
// DuckDB outside database/sql's own lock.
type lockedReader struct {
	array.RecordReader
	mu *sync.Mutex
}

func (r *lockedReader) Next() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.RecordReader.Next()
}

func (r *lockedReader) Release() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.RecordReader.Release()
}
