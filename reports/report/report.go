// Package report is what the report writers (reports/excel, reports/html)
// share: where they read the marts (Source), the run they write for (Run),
// what they read before any part (Meta), and how a mart column is shown
// (Col, Table).
package report

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
