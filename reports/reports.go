// Package reports writes the period's Excel workbook and HTML report from
// the marts. Report writers only read marts: every business number comes
// from SQL; the writers (reports/excel, reports/html) format, lay out and
// chart them. Each report part is declared once, in the catalogue, and
// both writers are driven from it.
package reports

import (
	"context"
	"errors"

	"kam/reports/excel"
	"kam/reports/html"
	"kam/reports/packs"
	"kam/reports/report"
)

// Source is where the writers read the marts: the run's warehouse
// connection, inside its transaction.
type Source = report.Source

// Run describes the run the reports belong to.
type Run = report.Run

// ErrNotBuilt marks a report writer that does not exist yet.
var ErrNotBuilt = errors.New("not built yet")

// ErrNoChartLibrary is returned by WriteHTML when kam was built without the
// chart library.
var ErrNoChartLibrary = html.ErrNoChartLibrary

// WriteExcel writes portfolio-<period>.xlsx into dir and returns its path.
func WriteExcel(ctx context.Context, src Source, run Run, dir string) (string, error) {
	return excel.Write(ctx, src, run, dir, excelSheets())
}

// WriteHTML writes portfolio-<period>.html into dir and returns its path.
func WriteHTML(ctx context.Context, src Source, run Run, dir string) (string, error) {
	return html.Write(ctx, src, run, dir, htmlParts())
}

// WritePacks writes a pack per KAM (kams/<kam>.html and .xlsx) and a page
// per key account (accounts/<account>.html) into dir, beside the report
// they link back to, and returns their paths.
func WritePacks(ctx context.Context, src Source, run Run, dir string) ([]string, error) {
	return packs.Write(ctx, src, run, dir)
}
