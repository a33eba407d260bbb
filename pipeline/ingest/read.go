package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"kam/i18n"
	"os"
	"slices"
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
	Notes      []i18n.Note
	Serial     bool         // Excel serial dates are possible (XLSX cells)
	Date1904   bool         // the workbook counts serial dates from 1904 (old Mac workbooks)
	Numeric    map[int]bool // columns that hold typed numbers (decimal point)
	NumberHint string       // locale hint for numbers no value decides: "es" or "en"
	Missing    []string     // texts read as a missing value (Config.MissingValues)
	rowBase    int64        // rowid of the first row
	formulas   int          // workbook cells holding a formula without a saved value (formulaMarker)
	// bookedCurrency is the company's currency the rows show beside an
	// amount given in it and in the document's (bookedCurrency), "" for
	// none.
	bookedCurrency string
	native         bool // Name is a read_csv query whose typed columns are read as they are
	excelText      bool // cells written as Excel's text formula ="…" are read as their text
	few            bool // Name holds a handful of rows (the lines the native reader set aside)
	textPath       string
	scan           *scanner
}

// note adds the note key (a "note." key of the locale files) with args.
func (r *rawTable) note(key string, args ...any) {
	r.Notes = append(r.Notes, i18n.N(key, args...))
}

// textSQL is the SQL text of a raw column: trimmed, NULL when blank or a
// missing-value marker.
func (r *rawTable) textSQL(col string) string {
	blank := []string{"''"}
	for _, m := range r.Missing {
		blank = append(blank, sqlString(m))
	}
	v := "trim(" + col + ")"
	if r.excelText {
		v = `regexp_replace(` + v + `, '^="(.*)"$', '\1')`
	}
	return fmt.Sprintf("(case when %[1]s in (%[2]s) then null else %[1]s end)", v, strings.Join(blank, ", "))
}

// present is the Go side of textSQL: the trimmed value, "" when blank or a
// marker.
func (r *rawTable) present(v string) string {
	v = strings.TrimSpace(v)
	if r.excelText {
		v = excelTextValue(v)
	}
	if slices.Contains(r.Missing, v) {
		return ""
	}
	return v
}

// excelTextValue is the text of a cell written as Excel's text formula,
// ="00123": exports that want Excel to keep a code's leading zeros (or a
// long number's digits) wrap it so, and Excel shows 00123.
func excelTextValue(v string) string {
	if len(v) >= 3 && strings.HasPrefix(v, `="`) && strings.HasSuffix(v, `"`) {
		return v[2 : len(v)-1]
	}
	return v
}

// decideExcelText: a text file whose sampled cells write a value as ="…"
// (Excel's text formula) has every such cell read as its text; the note
// says so.
func (r *rawTable) decideExcelText(recs [][]string) {
	for _, rec := range recs {
		for _, v := range rec {
			if v = strings.TrimSpace(v); excelTextValue(v) != v {
				r.excelText = true
				r.note("note.excel_text_cells", v, excelTextValue(v))
				return
			}
		}
	}
}

// readRaw reads an XLSX or Parquet file into a raw table named name; text
// files go through openText and then the native or the Go reader.
func (w *loader) readRaw(ctx context.Context, f InputFile, name string) (*rawTable, error) {
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
func openText(ctx context.Context, f InputFile, name, tmpDir, numberLocale string, missing []string) (*rawTable, *textFile, error) {
	tr := newTracer(f.Rel)
	tf, err := readText(ctx, f, tmpDir, missing)
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
		rt.note("note.skipped_lines", tf.HeaderLine-1, tf.HeaderLine)
	}
	if sc.footerLines > 0 {
		rt.note("note.footer", sc.footerLines, sc.footerFrom)
	}
	for _, t := range tf.Stacked {
		rt.noteStacked(t)
	}
	if tf.Encoding == encMixed {
		rt.note("note.stray_cp1252")
	}
	switch {
	case tf.EncodingGuessed:
		rt.note("note.codepage_detected", tf.Encoding)
	case tf.EncodingAlt != "":
		rt.note("note.codepage_unsure", tf.EncodingAlt, f.Rel, tf.EncodingAlt)
	}
	tf.Cleaned.notes(rt)
	return rt, tf, nil
}

// readCSVGo reads files with ragged rows, quoted line breaks, stray quotes,
// blank lines or footers, keeping every row's real line and field count.
func (w *loader) readCSVGo(ctx context.Context, rt *rawTable, tf *textFile) error {
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
	var split []lineRecord // lines of a record re-read one by one
	stacks := tf.Stacked
	var table *stackedTable // the stacked table the records are in, nil for the first
	// row gives a record of a stacked table in the file's columns, by
	// their names; one with another number of fields than its header
	// stays as it is, rejected for it.
	row := func(rec []string, line int64) ([]string, int64, int, bool, error) {
		if table != nil && len(rec) == len(table.Header) {
			rec = table.realign(rec)
		}
		return rec, line, len(rec), true, nil
	}
	next := func() ([]string, int64, int, bool, error) {
		for {
			if len(split) > 0 {
				l := split[0]
				split = split[1:]
				if footer > 0 && l.line >= footer {
					split = nil
					return nil, 0, 0, false, nil
				}
				return row(l.fields, l.line)
			}
			start := r.InputOffset()
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
			if len(stacks) > 0 && stacks[0].Title == int64(line) {
				continue // its title
			}
			if len(stacks) > 0 && stacks[0].Line == int64(line) {
				table, stacks = stacks[0], stacks[1:]
				continue
			}
			if spansLines(rec) {
				// A record over several lines may be a quote that never
				// closed and swallowed the lines after it.
				raw := make([]byte, r.InputOffset()-start)
				if _, err := file.ReadAt(raw, start); err != nil && err != io.EOF {
					return nil, 0, 0, false, err
				}
				if lines := splitSwallowed(raw, tf.Delim, len(rt.Header), int64(line)); lines != nil {
					split = lines
					continue
				}
			}
			return row(rec, int64(line))
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

// spansLines: a field holds a line break, so the record covers several lines.
func spansLines(rec []string) bool {
	for _, f := range rec {
		if strings.IndexByte(f, '\n') >= 0 {
			return true
		}
	}
	return false
}

// lineRecord is one line of a record that was re-read on its own.
type lineRecord struct {
	fields []string
	line   int64
}

// splitSwallowed re-reads a record that spans several lines one line at a
// time when its quotes do not pair up or it has the wrong number of fields:
// a stray quote that never closes makes the lenient reader take every line
// up to the next quote into one field, and those lines are rows of their
// own. raw is the record's text (after any blank lines the reader skipped),
// line the number of its first line. It returns nil for a well-formed
// record, which keeps its quoted line breaks.
func splitSwallowed(raw []byte, delim byte, fields int, line int64) []lineRecord {
	raw = bytes.TrimLeft(raw, "\r\n")
	body := bytes.TrimRight(raw, "\r\n")
	if !bytes.Contains(body, []byte{'\n'}) {
		return nil
	}
	strict := csv.NewReader(bytes.NewReader(raw))
	strict.Comma = rune(delim)
	strict.FieldsPerRecord = -1
	if rec, err := strict.Read(); err == nil && len(rec) == fields {
		if _, err := strict.Read(); err == io.EOF {
			return nil
		}
	}
	var out []lineRecord
	for i, text := range bytes.Split(body, []byte{'\n'}) {
		text = bytes.TrimRight(text, "\r")
		if len(text) == 0 {
			continue // a blank line is no row
		}
		one := csv.NewReader(bytes.NewReader(text))
		one.Comma = rune(delim)
		one.LazyQuotes = true
		one.FieldsPerRecord = -1
		rec, err := one.Read()
		if err != nil {
			rec = []string{string(text)}
		}
		out = append(out, lineRecord{rec, line + int64(i)})
	}
	return out
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
