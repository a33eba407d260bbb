package warehouse

import (
	"context"
	"database/sql/driver"

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
	return rr, err
}
