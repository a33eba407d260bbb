// Package parse turns the text of real exports into numbers, dates, booleans
// and periods. Formats are decided per column from a sample of its values
// (Detect*), then every value is converted with that decision, either in Go
// (Parse*, used for XLSX and tests) or in DuckDB (SQL, the bulk path). Both
// must agree on every value; the tests run one table through both.
package parse
