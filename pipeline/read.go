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
	native     bool         // Name is a read_csv query whose typed columns are read as they are
	textPath   string
	scan       *scanner
}

func (r *rawTable) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// readRaw reads an XLSX or Parquet file into a raw table named name; text
// files go through openText and then the native or the Go reader.
func (w *Warehouse) readRaw(ctx context.Context, f InputFile, name string) (*rawTable, error) {
	var rt *rawTable
	var err error
	switch f.Container {
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

// openText decodes a text container (one pass: hash-free decode, sniff,
// structure scan) and describes it; no table is made yet.
func openText(ctx context.Context, f InputFile, name, tmpDir, numberLocale string) (*rawTable, *textFile, error) {
	tr := newTracer(f.Rel)
	tf, err := readText(ctx, f, tmpDir)
	if err != nil {
		return nil, nil, err
	}
	tr.mark("decode pass")
	sc := tf.Scan
	rt := &rawTable{Name: name, Header: tf.Header, Format: f.Container, Encoding: tf.Encoding,
		Delimiter: delimName(tf.Delim), HeaderLine: tf.HeaderLine, textPath: tf.TextPath, scan: sc,
		NumberHint: numberLocale, Rows: sc.records}
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
	return rt, tf, nil
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
	return w.QueryRow(ctx, "select coalesce(min(rowid), 0) from "+rt.Name).Scan(&rt.rowBase)
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
