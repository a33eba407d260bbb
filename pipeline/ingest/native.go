package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"

	"kam/pipeline/ingest/schema"
)

// The native path: a regular CSV file (one record per line, every record
// with the header's fields) is read by DuckDB's CSV reader with its numbers
// and dates typed by the reader itself, in the format decided for each
// column, and inserted straight into raw.<kind>. Values the reader cannot
// convert (a "1.234,56 €", a date in another form) do not fail the file:
// DuckDB sets their lines aside, and those lines go through the general
// SQL grammar like any other file. Both paths read every value the same
// way; the native one is only faster.

// nativeShare is the share of a column's sampled values that must be in the
// reader's own form for the column to be read natively: all of them, so
// that values the reader sets aside stay rare (they are re-read through the
// general grammar, and every one of them shifts the lines after it).
const nativeShare = 1.0

// nativeFormats is the per-file configuration of DuckDB's reader.
type nativeFormats struct {
	decimal, thousands string // number separators, "" when no column is native
	dateFormat         string // strptime format, "" when no column is native
}

// sampleText reads up to n records spread over a regular text file: its
// first lines and short runs at even offsets, so that the column decisions
// see the whole file without reading it all.
func sampleText(path string, delim byte, headerLine int64, n int) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	const chunks, chunkBytes = 16, 64 << 10
	per := max(n/chunks, 1)
	var out [][]string
	buf := make([]byte, chunkBytes)
	// covered is where the records read so far end: in a small file the
	// chunks' offsets fall inside what an earlier chunk read, and reading
	// those records again would weigh the end of the file twice or more
	// in every column decision.
	var covered int64
	for c := 0; c < chunks; c++ {
		off := st.Size() * int64(c) / chunks
		atLine := c > 0 && off <= covered
		if atLine {
			off = covered
		}
		if c > 0 && off >= st.Size() {
			break
		}
		k, err := f.ReadAt(buf, off)
		if err != nil && err != io.EOF {
			return nil, err
		}
		data := buf[:k]
		switch nl := bytes.IndexByte(data, '\n'); {
		case atLine:
			// covered is the start of a line: nothing to skip.
		case c == 0:
			// Skip the header and anything above it.
			for i := int64(0); i < headerLine; i++ {
				nl := bytes.IndexByte(data, '\n')
				if nl < 0 {
					data = nil
					break
				}
				data = data[nl+1:]
			}
		case nl >= 0:
			data = data[nl+1:] // a partial line
		default:
			continue
		}
		start := off + int64(k-len(data))
		if nl := bytes.LastIndexByte(data, '\n'); nl >= 0 {
			data = data[:nl+1] // and the partial line at the end
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.Comma = rune(delim)
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		for i := 0; i < per; i++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			out = append(out, rec)
		}
		covered = max(covered, start+r.InputOffset())
	}
	return out, nil
}

var (
	nativeNumberComma = regexp.MustCompile(`^\s*-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*$`)
	nativeNumberPoint = regexp.MustCompile(`^\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$`)
	nativeDates       = map[string]*regexp.Regexp{
		"%Y-%m-%d": regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`),
		"%d/%m/%Y": regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{4}$`),
		"%m/%d/%Y": regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{4}$`),
	}
)

// share is the fraction of values that match.
func share(values []string, ok func(string) bool) float64 {
	if len(values) == 0 {
		return 0
	}
	n := 0
	for _, v := range values {
		if ok(v) {
			n++
		}
	}
	return float64(n) / float64(len(values))
}

// decideNative chooses, after planTyping, which columns DuckDB's reader
// types itself, with one number convention and one date format per file.
func (t *typing) decideNative(samples map[string][]string) nativeFormats {
	var nf nativeFormats
	for _, name := range t.order {
		c := t.cols[name]
		vals := samples[name]
		if len(vals) == 0 {
			continue
		}
		switch c.Col.Type {
		case schema.Money, schema.Number:
			dec, re := ",", nativeNumberComma
			if c.numberFormat.Decimal == '.' {
				dec, re = ".", nativeNumberPoint
			}
			if nf.decimal != "" && nf.decimal != dec {
				continue
			}
			if share(vals, re.MatchString) < nativeShare {
				continue
			}
			nf.decimal = dec
			grouped := share(vals, func(v string) bool { return strings.Contains(v, map[string]string{",": ".", ".": ","}[dec]) }) > 0
			if grouped {
				nf.thousands = map[string]string{",": ".", ".": ","}[dec]
			}
			c.Native = "decimal(18,4)"
			if c.Col.Type == schema.Number {
				c.Native = "decimal(18,8)"
			}
		case schema.Date:
			format := "%Y-%m-%d"
			if share(vals, nativeDates[format].MatchString) < nativeShare {
				switch c.dateFormat.Order {
				case "dmy":
					format = "%d/%m/%Y"
				case "mdy":
					format = "%m/%d/%Y"
				default:
					continue
				}
				if share(vals, nativeDates[format].MatchString) < nativeShare {
					continue
				}
			}
			if nf.dateFormat != "" && nf.dateFormat != format {
				continue
			}
			nf.dateFormat = format
			c.Native, c.nativeDate = "date", format
		}
	}
	// A decimal comma with no grouping in any column still needs a
	// thousands separator that differs from it, or none.
	return nf
}

// nativeValue is the typed expression of a natively read column: the
// reader's value, with dates kept to the years every path accepts.
func (c *column) nativeValue(ref string) string {
	if c.Native == "date" {
		return fmt.Sprintf("(case when %[1]s between date '1900-01-01' and date '2100-12-31' then %[1]s end)", ref)
	}
	return ref
}

// rejectValue is what a reject shows of the column: the text as the file
// wrote it. A date DuckDB's reader typed itself is written back in the
// format it was read with (the reader keeps no text).
func (c *column) rejectValue(native bool) string {
	r := sqlIdent("r_" + c.Name)
	if native && c.nativeDate != "" {
		return "strftime(" + r + ", " + sqlString(c.nativeDate) + ")"
	}
	return r
}

// readCSVOptions is the read_csv call of the native path. With rejects
// "" every column is read as text and nothing is set aside (the check of
// checkNative).
func (t *typing) readCSVOptions(rt *rawTable, path string, tf *textFile, nf nativeFormats, rejects string) string {
	cols := make([]string, len(rt.Header))
	for i := range cols {
		cols[i] = fmt.Sprintf("%s: 'VARCHAR'", sqlString(rawCol(i)))
	}
	for _, name := range t.order {
		if c := t.cols[name]; c.Native != "" && rejects != "" {
			cols[c.Index] = fmt.Sprintf("%s: %s", sqlString(rawCol(c.Index)), sqlString(c.Native))
		}
	}
	opts := []string{
		sqlString(path),
		"delim = " + sqlString(string(tf.Delim)),
		`quote = '"'`, `escape = '"'`, "header = false", fmt.Sprintf("skip = %d", tf.HeaderLine),
		"auto_detect = false", "null_padding = false", "ignore_errors = true",
		fmt.Sprintf("max_line_size = %d", max(tf.Scan.maxRecordBytes*2, 2<<20)),
		"columns = {" + strings.Join(cols, ", ") + "}",
	}
	if rejects != "" {
		opts = append(opts, "store_rejects = true", "rejects_table = "+sqlString(rejects), "rejects_scan = "+sqlString(rejects+"_scan"))
	}
	if nf.decimal != "" {
		opts = append(opts, "decimal_separator = "+sqlString(nf.decimal))
		if nf.thousands != "" {
			opts = append(opts, "thousands = "+sqlString(nf.thousands))
		}
	}
	if nf.dateFormat != "" {
		opts = append(opts, "dateformat = "+sqlString(nf.dateFormat))
	}
	if len(rt.Missing) > 0 {
		// The markers of a missing value are NULL to the reader too, or
		// every line with one in a typed column would be set aside.
		nulls := []string{"''"}
		for _, m := range rt.Missing {
			nulls = append(nulls, sqlString(m))
		}
		opts = append(opts, "nullstr = ["+strings.Join(nulls, ", ")+"]")
	}
	return "read_csv(" + strings.Join(opts, ", ") + ")"
}

// nativePattern is the form every value of a natively read column must
// have (checked on the trimmed text, as the sample was).
func (c *column) nativePattern(nf nativeFormats) *regexp.Regexp {
	switch {
	case c.nativeDate != "":
		return nativeDates[c.nativeDate]
	case nf.decimal == ",":
		return nativeNumberComma
	default:
		return nativeNumberPoint
	}
}

// checkNative checks the sample's decision on the whole file: DuckDB's
// reader converts more than the native forms, and converts some of it
// wrongly without setting the line aside ("- " and " - " are the decimal 0,
// "1_000" is 1000, "1e3" is 1000). A column with any value outside its
// native form that the reader would still convert (other than blank or a
// missing-value marker) is not read natively: every value of it goes
// through the general grammar, which reads it or rejects its line with a
// reason. Values the reader refuses ("1.234,56 €" in a plain column, a 31st
// of February) are set aside and re-read as before, so one odd value does
// not take a large column off the native path (TestMemoryLimit).
func (w *loader) checkNative(ctx context.Context, rt *rawTable, tf *textFile, t *typing, nf nativeFormats) error {
	var native []*column
	var counts []string
	for _, name := range t.order {
		c := t.cols[name]
		if c.Native == "" {
			continue
		}
		native = append(native, c)
		raw := sqlIdent(rawCol(c.Index))
		v := "trim(" + raw + ")"
		// What the reader would take: DuckDB's own cast with the file's
		// separators (the reader converts the same way). A value it
		// refuses is set aside and read by the general grammar anyway.
		taken := ""
		if c.nativeDate != "" {
			taken = fmt.Sprintf("try_strptime(%s, %s) is not null", v, sqlString(c.nativeDate))
		} else {
			norm := raw
			if nf.thousands != "" {
				norm = fmt.Sprintf("replace(%s, %s, '')", norm, sqlString(nf.thousands))
			}
			if nf.decimal == "," {
				norm = fmt.Sprintf("replace(%s, ',', '.')", norm)
			}
			taken = fmt.Sprintf("try_cast(%s as %s) is not null", norm, c.Native)
		}
		counts = append(counts, fmt.Sprintf("count(*) filter (where %[1]s <> '' and not regexp_full_match(%[1]s, %[2]s) and %[3]s)", v, sqlString(c.nativePattern(nf).String()), taken))
	}
	if len(native) == 0 {
		return nil
	}
	// The decode pass saw every value: when each native column holds only
	// values in its form but a few, the count is DuckDB's on those few
	// values, and DuckDB need not read the file again.
	readFile := true
	if tf.Forms.records == tf.Scan.records && !forceNativeCheck {
		few := make([]string, len(native))
		for i, c := range native {
			odd, ok := tf.Forms.inForm(c.Index, formOf(c, nf))
			if !ok {
				few = nil
				break
			}
			if len(odd) == 0 {
				few[i] = "0"
				continue
			}
			lits := make([]string, len(odd))
			for j, v := range odd {
				lits[j] = sqlString(v)
			}
			few[i] = fmt.Sprintf("(select %s from (select unnest([%s]::varchar[]) as %s))", counts[i], strings.Join(lits, ", "), sqlIdent(rawCol(c.Index)))
		}
		if few != nil {
			counts, readFile = few, false
		}
	}
	bad := make([]int64, len(native))
	dest := make([]any, len(native))
	for i := range bad {
		dest[i] = &bad[i]
	}
	from := ""
	if readFile {
		nativeFileChecks.Add(1)
		p, done, err := literalPath(tf.TextPath)
		if err != nil {
			return err
		}
		defer done()
		from = " from " + t.readCSVOptions(rt, p, tf, nf, "")
	}
	if err := w.QueryRow(ctx, "select "+strings.Join(counts, ", ")+from).Scan(dest...); err != nil {
		return fmt.Errorf("check the natively read columns: %w", err)
	}
	for i, c := range native {
		if bad[i] > 0 {
			c.Native, c.nativeDate = "", ""
		}
	}
	return nil
}

// forceNativeCheck makes checkNative read the whole file with DuckDB even
// when the decode pass found the native columns' forms (the tests compare
// both ways); nativeFileChecks counts those reads.
var (
	forceNativeCheck = false
	nativeFileChecks atomic.Int64
)

// sampleColumns takes the sampled records' values per mapped column. A
// missing-value marker is left out only as the reader's nullstr sees it,
// untrimmed: DuckDB casts "- " to the decimal 0, so a column that holds one
// must not be typed by the reader.
func sampleColumns(rt *rawTable, recs [][]string, m schema.Mapping) map[string][]string {
	out := map[string][]string{}
	for name, idx := range m.Columns {
		for _, r := range recs {
			if idx < len(r) && !slices.Contains(rt.Missing, r[idx]) {
				if v := strings.TrimSpace(r[idx]); v != "" {
					out[name] = append(out[name], v)
				}
			}
		}
	}
	return out
}

// loadNative reads a regular CSV file natively into raw.<kind> under file
// id, then the lines the reader set aside through the general grammar. It
// reports false, having removed what it inserted, when the reader's rows do
// not account for every record of the file: the caller then reads the file
// the general way.
func (w *loader) loadNative(ctx context.Context, rt *rawTable, tf *textFile, t *typing, nf nativeFormats, id, seq int, insert func(rt *rawTable) error) (bool, error) {
	rej := fmt.Sprintf("kam_rej_%d", seq)
	defer w.Exec(context.Background(), "drop table if exists "+rej)
	defer w.Exec(context.Background(), "drop table if exists "+rej+"_scan")
	start := tf.HeaderLine + 1
	// The reader keeps the file's order, but the insert does not: a large
	// file's row groups can be stored out of order (the second large file
	// of a run was, TestLineNumbersOfLargeFiles), so rowids say nothing of
	// lines. The k-th row the reader gives is the k-th record it did not
	// set aside: the rows are numbered in the query (row_number() over ()
	// follows the reader's order; its window runs on one thread, the cost
	// of a right line in every reject and conflict), and moved down once
	// the set-aside lines are known. (Reading into a temporary table first
	// and numbering from its rowids, less the first, ran the insert in
	// parallel, 0.64 of the time at 539,033 lines, with the same rows and
	// lines; but with it TestMemoryLimit ran out of its 160 MB at the
	// workbook, late in the run, which main does not: not yet understood.)
	if err := w.checkNative(ctx, rt, tf, t, nf); err != nil {
		return false, err
	}
	nat := *rt
	nat.native = true
	nat.FieldsExpr = ""
	path, done, err := literalPath(tf.TextPath)
	if err != nil {
		return false, err
	}
	defer done()
	nat.Name = t.readCSVOptions(rt, path, tf, nf, rej)
	nat.Name = fmt.Sprintf("(select *, row_number() over () - 1 + %d as _nline from %s)", start, nat.Name)
	nat.LineExpr = "_nline"
	tr := newTracer("native")
	if err := insert(&nat); err != nil {
		return false, err
	}
	tr.mark("insert")
	var good, setAside int64
	if err := w.QueryRow(ctx, fmt.Sprintf("select count(*) from raw.%s where file_id = ?", t.kind.Name), id).Scan(&good); err != nil {
		return false, err
	}
	if err := w.QueryRow(ctx, "select count(distinct line) from "+rej).Scan(&setAside); err != nil {
		return false, err
	}
	if good+setAside != tf.Scan.records {
		if err := w.Exec(ctx, fmt.Sprintf("delete from raw.%s where file_id = ?", t.kind.Name), id); err != nil {
			return false, err
		}
		return false, nil
	}
	tr.mark("count")
	if setAside == 0 {
		return true, nil
	}
	// Each set-aside line moves the rows after it one line down: the j-th
	// set-aside line (in file order) has g = line - start - (j - 1) rows
	// before it, so the rows from the g-th on move down by j. Set-aside
	// lines are rare (a column is only read natively when every sampled
	// value is in the reader's form), so the ranges are few.
	if err := w.Exec(ctx, fmt.Sprintf(`update raw.%[1]s as r set source_line = r.source_line + s.j
		from (
			select g as lo, coalesce(lead(g) over (order by g), 9223372036854775807) as hi, j
			from (
				select line - %[2]d - (row_number() over (order by line) - 1) as g, row_number() over (order by line) as j
				from (select distinct line from %[3]s)
			)
		) as s
		where r.file_id = %[4]d and r.source_line - %[2]d >= s.lo and r.source_line - %[2]d < s.hi`,
		t.kind.Name, start, rej, id)); err != nil {
		return false, fmt.Errorf("number the lines: %w", err)
	}
	tr.mark("renumber")
	rt.note("note.set_aside", setAside)
	// The set-aside lines, read as text, go through the general grammar.
	rows, err := w.Query(ctx, "select line, any_value(csv_line) from "+rej+" group by line order by line")
	if err != nil {
		return false, err
	}
	type setAsideLine struct {
		line int64
		text string
	}
	var lines []setAsideLine
	for rows.Next() {
		var l setAsideLine
		if err := rows.Scan(&l.line, &l.text); err != nil {
			rows.Close()
			return false, err
		}
		lines = append(lines, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	i := 0
	next := func() ([]string, int64, int, bool, error) {
		if i >= len(lines) {
			return nil, 0, 0, false, nil
		}
		l := lines[i]
		i++
		r := csv.NewReader(strings.NewReader(l.text))
		r.Comma = rune(tf.Delim)
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		rec, err := r.Read()
		if err != nil {
			rec = []string{l.text}
		}
		return rec, l.line, len(rec), true, nil
	}
	again := fmt.Sprintf("kam_again_%d", seq)
	defer w.Exec(context.Background(), "drop table if exists "+again)
	if _, err := w.loadRows(ctx, again, len(rt.Header), next); err != nil {
		return false, err
	}
	gen := *rt
	gen.native = false
	gen.few = true
	gen.Name = again
	gen.LineExpr = "_line"
	gen.FieldsExpr = "_fields"
	if err := insert(&gen); err != nil {
		return false, err
	}
	tr.mark("set-aside lines")
	return true, nil
}
