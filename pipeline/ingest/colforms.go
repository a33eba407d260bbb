package ingest

import (
	"bytes"
	"slices"
)

// The forms of the native path's columns, found by the decode pass.
//
// checkNative asks DuckDB whether any value of a natively read column is
// outside its native form yet converted by the reader; that is a second
// full read of the file by DuckDB. The decode pass already holds every
// byte of the text while DuckDB is idle, so a second goroutine splits the
// records into fields and notes, per column, which native forms every
// value has. When every value of every native column is in its form, the
// count checkNative would make is zero for all of them and DuckDB's read is
// not needed; otherwise (or when the records could not be split as the
// reader splits them) checkNative asks DuckDB, as before.

// The native forms (native.go's patterns), one bit each.
const (
	formYMD       uint8 = 1 << iota // nativeDates["%Y-%m-%d"]
	formSlashDate                   // nativeDates["%d/%m/%Y"] and ["%m/%d/%Y"] (one pattern)
	formNumPoint                    // nativeNumberPoint
	formNumComma                    // nativeNumberComma
	formAll       = formYMD | formSlashDate | formNumPoint | formNumComma
)

// colForms is what the decode pass found of a text file's columns.
type colForms struct {
	forms   []uint8      // per column: the forms every value has but the few in odd (blanks and missing-value markers aside)
	odd     [][]oddValue // per column: its values outside a form, as the reader reads them, while they are few
	records int64        // data records split
	unsure  bool         // a record did not split into the header's fields: forms say nothing
}

// oddValue is a value outside some of its column's forms.
type oddValue struct {
	text  string
	forms uint8 // the forms it is outside of
}

// maxOdd is how many distinct values outside its forms a column may have
// for the forms to be kept with them: checkNative then asks DuckDB about
// these values only. A column with more is in none of the forms the next
// one is outside of.
const maxOdd = 8

// formOf returns the column's form bit for the native decision: the
// pattern checkNative would check.
func formOf(c *column, nf nativeFormats) uint8 {
	switch {
	case c.nativeDate == "%Y-%m-%d":
		return formYMD
	case c.nativeDate != "":
		return formSlashDate
	case nf.decimal == ",":
		return formNumComma
	default:
		return formNumPoint
	}
}

// inForm reports whether every value of the column is known to be in the
// form but the few odd ones returned (which may still be in it after a trim
// DuckDB makes).
func (cf *colForms) inForm(idx int, form uint8) (odd []string, ok bool) {
	if cf == nil || cf.unsure || idx >= len(cf.forms) || cf.forms[idx]&form == 0 {
		return nil, false
	}
	for _, o := range cf.odd[idx] {
		if o.forms&form != 0 {
			odd = append(odd, o.text)
		}
	}
	return odd, true
}

// formScanner splits UTF-8 CSV text into records and fields as DuckDB's
// reader does for a regular file (one record per line, quoted fields with
// doubled quotes, CR LF or LF), and narrows each column's forms.
type formScanner struct {
	delim      byte
	headerLine int64
	fields     int
	missing    [][]byte
	// markerStart marks the first bytes of the missing-value markers: most
	// values start with none of them.
	markerStart [256]bool

	line  int64
	carry []byte
	cf    colForms
}

func newFormScanner(delim byte, headerLine int64, fields int, missing []string) *formScanner {
	s := &formScanner{delim: delim, headerLine: headerLine, fields: fields}
	for _, m := range missing {
		s.missing = append(s.missing, []byte(m))
		if m != "" {
			s.markerStart[m[0]] = true
		}
	}
	s.cf.forms = make([]uint8, fields)
	s.cf.odd = make([][]oddValue, fields)
	for i := range s.cf.forms {
		s.cf.forms[i] = formAll
	}
	return s
}

// write takes the next chunk of text.
func (s *formScanner) write(p []byte) {
	if s.cf.unsure {
		return
	}
	if len(s.carry) > 0 {
		nl := bytes.IndexByte(p, '\n')
		if nl < 0 {
			s.carry = append(s.carry, p...)
			return
		}
		s.carry = append(s.carry, p[:nl]...)
		s.record(s.carry)
		s.carry = s.carry[:0]
		p = p[nl+1:]
	}
	for len(p) > 0 && !s.cf.unsure {
		nl := bytes.IndexByte(p, '\n')
		if nl < 0 {
			s.carry = append(s.carry, p...)
			return
		}
		s.record(p[:nl])
		p = p[nl+1:]
	}
}

// close ends the text (a last line without a newline) and returns the forms.
func (s *formScanner) close() colForms {
	if len(s.carry) > 0 && !s.cf.unsure {
		s.record(s.carry)
	}
	return s.cf
}

// record takes one physical line (without its LF).
func (s *formScanner) record(line []byte) {
	s.line++
	if s.line <= s.headerLine {
		return
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	if len(line) == 0 {
		return // a blank line has no values
	}
	s.cf.records++
	field := 0
	for {
		var v []byte
		quoted := false
		if len(line) > 0 && line[0] == '"' {
			// A quoted field: up to the closing quote; a doubled quote is a
			// quote of the value (kept as is: it is in no native form).
			quoted = true
			end := -1
			for i := 1; i < len(line); i++ {
				if line[i] == '"' {
					if i+1 < len(line) && line[i+1] == '"' {
						i++
						continue
					}
					end = i
					break
				}
			}
			if end < 0 || end+1 < len(line) && line[end+1] != s.delim {
				s.cf.unsure = true // a quote the reader may read otherwise
				return
			}
			v = line[1:end]
			line = line[end+1:]
		} else {
			d := bytes.IndexByte(line, s.delim)
			if d < 0 {
				v, line = line, nil
			} else {
				v, line = line[:d], line[d:]
			}
			if bytes.IndexByte(v, '"') >= 0 {
				s.cf.unsure = true
				return
			}
		}
		if field >= s.fields {
			s.cf.unsure = true
			return
		}
		if want := s.cf.forms[field]; want != 0 {
			s.narrow(field, v, quoted, want)
		}
		field++
		if len(line) == 0 {
			break
		}
		line = line[1:] // the delimiter
		if len(line) == 0 {
			// A delimiter at the end: one more, empty field.
			field++
			break
		}
	}
	if field != s.fields {
		s.cf.unsure = true
	}
}

// narrow takes a value of the column: the forms it is not in keep it as an
// odd value, or are dropped when the column has too many of them.
func (s *formScanner) narrow(field int, v []byte, quoted bool, want uint8) {
	if len(v) == 0 {
		return // blank: missing to the reader
	}
	marker := s.markerStart[v[0]] && slices.ContainsFunc(s.missing, func(m []byte) bool { return bytes.Equal(m, v) })
	if marker && !quoted {
		return // the reader's nullstr
	}
	if marker {
		// A quoted marker: the reader may take it as missing or as text;
		// the column is in no form known here.
		s.cf.forms[field] = 0
		return
	}
	miss := want &^ formsOf(v, want)
	if miss == 0 {
		return
	}
	if quoted && bytes.Contains(v, []byte(`""`)) {
		v = bytes.ReplaceAll(v, []byte(`""`), []byte(`"`))
	}
	odd := &s.cf.odd[field]
	for _, o := range *odd {
		if o.text == string(v) {
			return // seen: the same value is outside the same forms
		}
	}
	if len(*odd) >= maxOdd {
		// Values outside only forms the column has lost no longer count.
		*odd = slices.DeleteFunc(*odd, func(o oddValue) bool { return o.forms&s.cf.forms[field] == 0 })
	}
	if len(*odd) >= maxOdd {
		s.cf.forms[field] &^= miss
		*odd = slices.DeleteFunc(*odd, func(o oddValue) bool { return o.forms&s.cf.forms[field] == 0 })
		return
	}
	*odd = append(*odd, oddValue{string(v), miss})
}

// formsOf is which of the forms want the value has, trimmed of spaces (as
// checkNative's trim does; a value with other white space at its ends is
// in a form only if the pattern allows it, and is odd otherwise). The
// matchers are the native patterns written out (TestFormMatchers compares
// them with the patterns).
func formsOf(v []byte, want uint8) uint8 {
	t := bytes.Trim(v, " ")
	if len(t) == 0 {
		return want // blank after the trim: checkNative counts no blank
	}
	if c := t[0]; !isDigit(c) && c != '-' && !isSpaceRE(c) {
		return 0 // every form starts with one of these
	}
	var out uint8
	if want&formYMD != 0 && isYMD(t) {
		out |= formYMD
	}
	if want&formSlashDate != 0 && isSlashDate(t) {
		out |= formSlashDate
	}
	if want&formNumPoint != 0 && isNumber(t, '.', ',') {
		out |= formNumPoint
	}
	if want&formNumComma != 0 && isNumber(t, ',', '.') {
		out |= formNumComma
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isYMD: ^\d{4}-\d{2}-\d{2}$
func isYMD(t []byte) bool {
	if len(t) != 10 || t[4] != '-' || t[7] != '-' {
		return false
	}
	for i, c := range t {
		if i != 4 && i != 7 && !isDigit(c) {
			return false
		}
	}
	return true
}

// isSlashDate: ^\d{1,2}/\d{1,2}/\d{4}$
func isSlashDate(t []byte) bool {
	digits := func(p []byte, lo, hi int) ([]byte, bool) {
		n := 0
		for n < len(p) && isDigit(p[n]) {
			n++
		}
		return p[n:], n >= lo && n <= hi
	}
	var ok bool
	if t, ok = digits(t, 1, 2); !ok || len(t) == 0 || t[0] != '/' {
		return false
	}
	if t, ok = digits(t[1:], 1, 2); !ok || len(t) == 0 || t[0] != '/' {
		return false
	}
	t, ok = digits(t[1:], 4, 4)
	return ok && len(t) == 0
}

// isSpaceRE is RE2's \s: [\t\n\f\r ].
func isSpaceRE(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// isNumber: ^\s*-?(?:\d{1,3}(?:G\d{3})+|\d+)(?:D\d+)?\s*$ with G the
// group and D the decimal separator (nativeNumberPoint, nativeNumberComma).
func isNumber(t []byte, dec, group byte) bool {
	for len(t) > 0 && isSpaceRE(t[0]) {
		t = t[1:]
	}
	for len(t) > 0 && isSpaceRE(t[len(t)-1]) {
		t = t[:len(t)-1]
	}
	if len(t) > 0 && t[0] == '-' {
		t = t[1:]
	}
	// The whole part: digits, or groups of three after the first.
	i, run, groups := 0, 0, 0
	for ; i < len(t) && (isDigit(t[i]) || t[i] == group); i++ {
		if t[i] == group {
			if groups == 0 && (run < 1 || run > 3) || groups > 0 && run != 3 {
				return false
			}
			groups++
			run = 0
			continue
		}
		run++
	}
	if run == 0 || groups > 0 && run != 3 {
		return false
	}
	if i == len(t) {
		return true
	}
	if t[i] != dec || i+1 == len(t) {
		return false
	}
	for _, c := range t[i+1:] {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// formsWorker runs a formScanner on its own goroutine. The chunks it is
// given are copies, recycled through free: the decode pass reuses its
// buffer.
type formsWorker struct {
	s    *formScanner
	in   chan []byte
	free chan []byte
	done chan colForms
	out  *colForms
}

func startForms(s *formScanner) *formsWorker {
	w := &formsWorker{s: s, in: make(chan []byte, 4), free: make(chan []byte, 5), done: make(chan colForms, 1)}
	go func() {
		for p := range w.in {
			s.write(p)
			select {
			case w.free <- p[:0]:
			default: // enough buffers in reserve
			}
		}
		w.done <- s.close()
	}()
	return w
}

func (w *formsWorker) write(p []byte) {
	var c []byte
	select {
	case c = <-w.free:
	default:
	}
	w.in <- append(c, p...)
}

// result ends the text and waits for the forms.
func (w *formsWorker) result() colForms {
	if w.out == nil {
		close(w.in)
		cf := <-w.done
		w.out = &cf
	}
	return *w.out
}

// stop ends the worker of a pass that stopped early.
func (w *formsWorker) stop() { w.result() }
