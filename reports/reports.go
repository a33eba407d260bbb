// Package reports writes the period's Excel workbook and HTML report from
// the marts. Report writers only read marts: every business number comes
// from SQL; here numbers are formatted, laid out and charted.
package reports

import (
	"context"
	"database/sql"

	"github.com/apache/arrow-go/v18/arrow/array"

	"kam/pipeline"
)

// Source is where the writers read the marts: the run's warehouse
// connection, inside its transaction.
type Source interface {
	Query(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	ArrowQuery(ctx context.Context, q string, args ...any) (array.RecordReader, error)
}

// Run describes the run the reports belong to.
type Run struct {
	Period   string // YYYY-MM
	Language string // es, en
	Manifest *pipeline.Manifest
}
