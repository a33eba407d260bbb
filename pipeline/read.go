package pipeline

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// rawTable is one file's rows as text in a temporary DuckDB table: columns
// c0..cN-1 in header order, plus the expressions that give each row's source
// line and its real number of fields.
type rawTable struct {
	Name       string
	Header     []string
	LineExpr   string // SQL: the source line of a row
	FieldsExpr string // SQL: the fields the row had; "" when every row has len(Header)
	Rows       int64  // data rows read
	Format     string // csv, csv.gz, xlsx, parquet
	Encoding   string
	Delimiter  string
	Sheet      string
	HeaderLine int64
	Notes      []string
	Serial     bool         // Excel serial dates are possible (XLSX cells)
	Numeric    map[int]bool // columns that hold typed numbers (decimal point)
	NumberHint string       // locale hint for numbers no value decides: "es" or "en"
	rowBase    int64        // rowid of the first row
	textPath   string
	scan       *scanner
}

func (r *rawTable) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// readRaw reads any container into a raw table named name.
func (w *Warehouse) readRaw(ctx context.Context, f InputFile, name, tmpDir, numberLocale string) (*rawTable, error) {
	var rt *rawTable
	var err error
	switch f.Container {
	case "csv", "csv.gz":
		rt, err = w.readCSV(ctx, f, name, tmpDir, numberLocale)
	case "xlsx":
		rt, err = w.readXLSX(ctx, f, name)
	case "parquet":
		rt, err = w.readParquet(ctx, f, name)
	default:
		return nil, fmt.Errorf("unsupported container %s", f.Container)
	}
	if err != nil || rt.LineExpr != "_line" {
		return rt, err
	}
	err = w.QueryRow(ctx, "select coalesce(min(rowid), 0) from "+name).Scan(&rt.rowBase)
	return rt, err
}

func (w *Warehouse) readCSV(ctx context.Context, f InputFile, name, tmpDir, numberLocale string) (*rawTable, error) {
	tr := newTracer(f.Rel)
	tf, err := readText(ctx, f, tmpDir)
	if err != nil {
		return nil, err
	}
	tr.mark("decode pass")
	sc := tf.Scan
	rt := &rawTable{Name: name, Header: tf.Header, Format: f.Container, Encoding: tf.Encoding,
		Delimiter: delimName(tf.Delim), HeaderLine: tf.HeaderLine, textPath: tf.TextPath, scan: sc,
		NumberHint: numberLocale}
	if tf.Delim == ',' && numberLocale == "es" {
		// A comma-delimited file cannot use decimal commas unquoted; its
		// ambiguous numbers (1.234) are most likely decimal points.
		rt.NumberHint = "en"
	}
	if tf.HeaderLine > 1 {
		rt.note("skipped %d line(s) above the header on line %d", tf.HeaderLine-1, tf.HeaderLine)
	}
	if sc.footerLines > 0 {
		rt.note("ignored a footer of %d line(s) from line %d (not data: report totals or notices)", sc.footerLines, sc.footerFrom)
	}
	if tf.Encoding == encMixed {
		rt.note("mostly UTF-8 with stray Windows-1252 bytes: those bytes were read as Windows-1252")
	}
	if sc.regular() {
		err := w.readCSVFast(ctx, rt, tf)
		if err == nil {
			return rt, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		rt.note("DuckDB's reader refused the file (%v); read by kam's own CSV reader instead", firstLine(err.Error()))
	}
	if err := w.readCSVGo(ctx, rt, tf); err != nil {
		return nil, err
	}
	return rt, nil
}

// readCSVFast lets DuckDB parse the text in parallel. Every record is one
// line, so a row's line is its position after the header.
func (w *Warehouse) readCSVFast(ctx context.Context, rt *rawTable, tf *textFile) error {
	cols := make([]string, len(rt.Header))
	for i := range cols {
		cols[i] = fmt.Sprintf("%s: 'VARCHAR'", sqlString(rawCol(i)))
	}
	maxLine := max(tf.Scan.maxRecordBytes*2, 2<<20)
	q := fmt.Sprintf(`create or replace temp table %s as select * from read_csv(%s,
		delim = %s, quote = '"', escape = '"', header = false, skip = %d, auto_detect = false,
		strict_mode = true, null_padding = false, max_line_size = %d, columns = {%s})`,
		rt.Name, sqlString(tf.TextPath), sqlString(string(tf.Delim)), tf.HeaderLine, maxLine, strings.Join(cols, ", "))
	if err := w.Exec(ctx, q); err != nil {
		return err
	}
	// Row ids follow the file's order (DuckDB preserves insertion order),
	// but inside a transaction they start at a large base: measure it, and
	// check that they are contiguous before trusting them as positions.
	var n, lo, hi int64
	if err := w.QueryRow(ctx, "select count(*), coalesce(min(rowid), 0), coalesce(max(rowid), -1) from "+rt.Name).Scan(&n, &lo, &hi); err != nil {
		return err
	}
	if n != tf.Scan.records {
		return fmt.Errorf("read %d rows where the file has %d", n, tf.Scan.records)
	}
	if hi-lo+1 != n {
		return fmt.Errorf("row ids are not contiguous")
	}
	rt.Rows = n
	rt.LineExpr = fmt.Sprintf("(rowid - %d + %d)", lo, tf.HeaderLine+1)
	rt.rowBase = lo
	return nil
}

// readCSVGo reads files with ragged rows, quoted line breaks, stray quotes,
// blank lines or footers, keeping every row's real line and field count.
func (w *Warehouse) readCSVGo(ctx context.Context, rt *rawTable, tf *textFile) error {
	file, err := os.Open(tf.TextPath)
	if err != nil {
		return err
	}
	defer file.Close()
	r := csv.NewReader(file)
	r.Comma = rune(tf.Delim)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	footer := tf.Scan.footerFrom
	next := func() ([]string, int64, int, bool, error) {
		for {
			rec, err := r.Read()
			if err == io.EOF {
				return nil, 0, 0, false, nil
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					return nil, 0, 0, false, fmt.Errorf("line %d: %v", pe.Line, pe.Err)
				}
				return nil, 0, 0, false, err
			}
			line, _ := r.FieldPos(0)
			if int64(line) <= tf.HeaderLine {
				continue
			}
			if footer > 0 && int64(line) >= footer {
				return nil, 0, 0, false, nil
			}
			return rec, int64(line), len(rec), true, nil
		}
	}
	n, err := w.loadRows(ctx, rt.Name, len(rt.Header), next)
	if err != nil {
		return err
	}
	rt.Rows = n
	rt.LineExpr = "_line"
	rt.FieldsExpr = "_fields"
	return nil
}

func delimName(d byte) string {
	switch d {
	case '\t':
		return "tab"
	}
	return string(d)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
