package generator

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// dialect is how one kind of real-world tool writes a CSV file.
type dialect struct {
	delim     byte
	decimal   byte
	thousands byte // 0: no grouping
	crlf      bool
	cp1252    bool
	bom       bool
	quoteAll  bool
	iso       bool // yyyy-mm-dd dates instead of dd/mm/yyyy
}

var (
	// excelES is Excel's plain "CSV" save on a Spanish PC: Windows-1252,
	// semicolons, decimal commas, CRLF.
	excelES = dialect{delim: ';', decimal: ',', thousands: '.', crlf: true, cp1252: true}
	// erpES is a Spanish ERP's own UTF-8 export (no BOM, LF).
	erpES = dialect{delim: ';', decimal: ',', thousands: '.'}
	// dataLoader is Salesforce Data Loader: UTF-8 with BOM, every value
	// quoted, ISO dates, decimal point.
	dataLoader = dialect{delim: ',', decimal: '.', bom: true, quoteAll: true, iso: true}
	// plainEN is the English rendering used for benchmarks.
	plainEN = dialect{delim: ',', decimal: '.', iso: true}
)

// table streams the records of one CSV file. Records are built as UTF-8 in
// a reused buffer and transcoded on the way out; .gz files are compressed in
// another goroutine so that formatting and deflate use two cores.
type table struct {
	path, kind string
	d          dialect
	file       *os.File
	fileBuf    *bufio.Writer
	gz         *gzip.Writer
	async      *asyncWriter
	bw         *bufio.Writer
	rec, enc   []byte
	nf         int
	rows       int // data records written
	lines      int // physical lines written, header included
}

func createTable(dir, rel, kind string, d dialect) (*table, error) {
	return createTableSized(dir, rel, kind, d, false)
}

// createTableSized is createTable for a file that may be big (gzip level).
func createTableSized(dir, rel, kind string, d dialect, big bool) (*table, error) {
	name := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	t := &table{path: rel, kind: kind, d: d, file: f, fileBuf: bufio.NewWriterSize(f, 1<<20)}
	var w io.Writer = t.fileBuf
	if strings.HasSuffix(rel, ".gz") {
		// Large benchmark files favour speed; the committed one stays small.
		level := gzip.BestCompression
		if big {
			level = gzip.BestSpeed
		}
		t.gz, _ = gzip.NewWriterLevel(t.fileBuf, level)
		t.gz.Name = strings.TrimSuffix(path.Base(rel), ".gz") // no ModTime: reproducible bytes
		t.async = newAsyncWriter(t.gz)
		w = t.async
	}
	t.bw = bufio.NewWriterSize(w, 1<<20)
	if d.bom {
		t.bw.WriteString("\ufeff")
	}
	return t, nil
}

// header writes the header record, which is not counted as a row.
func (t *table) header(cols ...string) error {
	for _, c := range cols {
		t.str(c)
	}
	err := t.end()
	t.rows--
	return err
}

func (t *table) sep() {
	if t.nf > 0 {
		t.rec = append(t.rec, t.d.delim)
	}
	t.nf++
}

func (t *table) open() {
	t.sep()
	if t.d.quoteAll {
		t.rec = append(t.rec, '"')
	}
}

func (t *table) close() {
	if t.d.quoteAll {
		t.rec = append(t.rec, '"')
	}
}

// str writes a text field, quoted when it holds the delimiter, a quote or a
// line break (or always, for Data Loader).
func (t *table) str(s string) {
	t.sep()
	if !t.d.quoteAll && !needsQuote(s, t.d.delim) {
		t.rec = append(t.rec, s...)
		return
	}
	t.rec = append(t.rec, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			t.rec = append(t.rec, '"')
		}
		t.rec = append(t.rec, s[i])
	}
	t.rec = append(t.rec, '"')
}

func needsQuote(s string, delim byte) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == delim || c == '"' || c == '\n' || c == '\r' {
			return true
		}
	}
	return false
}

func (t *table) empty() { t.open(); t.close() }

func (t *table) int(n int64) { t.open(); t.rec = strconv.AppendInt(t.rec, n, 10); t.close() }

// fixed writes v × 10^-dec with the dialect's decimal mark, grouped when asked.
func (t *table) fixed(v int64, dec int, group bool) {
	t.open()
	var th byte
	if group {
		th = t.d.thousands
	}
	t.rec = appendFixed(t.rec, v, dec, t.d.decimal, th)
	t.close()
}

// money writes cents; euro adds " €" as Excel's currency format renders it
// (Spanish dialects only).
func (t *table) money(cents int64, group, euro bool) {
	t.open()
	var th byte
	if group {
		th = t.d.thousands
	}
	t.rec = appendFixed(t.rec, cents, 2, t.d.decimal, th)
	if euro && t.d.decimal == ',' {
		t.rec = append(t.rec, " €"...)
	}
	t.close()
}

func (t *table) date(d day) {
	t.open()
	if t.d.iso {
		t.rec = d.appendISO(t.rec)
	} else {
		t.rec = d.appendDMY(t.rec)
	}
	t.close()
}

// line is the physical line number the next record starts on.
func (t *table) line() int { return t.lines + 1 }

func (t *table) end() error {
	if t.d.crlf {
		t.rec = append(t.rec, '\r', '\n')
	} else {
		t.rec = append(t.rec, '\n')
	}
	t.lines += bytes.Count(t.rec, []byte{'\n'})
	out := t.rec
	if t.d.cp1252 && !ascii(t.rec) {
		t.enc = toCP1252(t.enc[:0], t.rec)
		out = t.enc
	}
	_, err := t.bw.Write(out)
	t.rec, t.nf = t.rec[:0], 0
	t.rows++
	return err
}

func (t *table) finish() error {
	err := t.bw.Flush()
	if t.async != nil {
		err = firstErr(err, t.async.Close(), t.gz.Close())
	}
	return firstErr(err, t.fileBuf.Flush(), t.file.Close())
}

func (t *table) info() File {
	f := File{Path: t.path, Kind: t.kind, Format: "csv", Encoding: "UTF-8", Delimiter: string(t.d.delim), LineEnd: "LF", Rows: t.rows}
	switch {
	case t.d.cp1252:
		f.Encoding = "Windows-1252"
	case t.d.bom:
		f.Encoding = "UTF-8 with BOM"
	}
	if t.d.crlf {
		f.LineEnd = "CRLF"
	}
	if t.gz != nil {
		f.Format = "csv.gz"
	}
	return f
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

var pow10 = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000}

// appendFixed formats v × 10^-dec: "-1.234,56" with decimal ',' and thousands '.'.
func appendFixed(b []byte, v int64, dec int, decimal, thousands byte) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	ip, fp := v/pow10[dec], v%pow10[dec]
	var tmp [24]byte
	digits := strconv.AppendInt(tmp[:0], ip, 10)
	for i, c := range digits {
		if thousands != 0 && i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, thousands)
		}
		b = append(b, c)
	}
	if dec > 0 {
		b = append(b, decimal)
		for p := pow10[dec-1]; p > 0; p /= 10 {
			b = append(b, byte('0'+fp/p%10))
		}
	}
	return b
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// toCP1252 transcodes UTF-8 to Windows-1252 (€ becomes 0x80).
func toCP1252(dst, src []byte) []byte {
	for i := 0; i < len(src); {
		if c := src[i]; c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			b = '?'
		}
		dst = append(dst, b)
		i += n
	}
	return dst
}

// asyncWriter hands chunks to a goroutine that writes them to w; errors
// surface at Close.
type asyncWriter struct {
	ch, free chan []byte
	done     chan error
}

func newAsyncWriter(w io.Writer) *asyncWriter {
	a := &asyncWriter{ch: make(chan []byte, 4), free: make(chan []byte, 8), done: make(chan error, 1)}
	go func() {
		var err error
		for b := range a.ch {
			if err == nil {
				_, err = w.Write(b)
			}
			select {
			case a.free <- b[:0]:
			default:
			}
		}
		a.done <- err
	}()
	return a
}

func (a *asyncWriter) Write(p []byte) (int, error) {
	var b []byte
	select {
	case b = <-a.free:
	default:
	}
	a.ch <- append(b, p...)
	return len(p), nil
}

func (a *asyncWriter) Close() error { close(a.ch); return <-a.done }

// ascii writes bytes that need no quoting (ids, codes) without allocating.
func (t *table) ascii(b []byte) { t.open(); t.rec = append(t.rec, b...); t.close() }

// record writes a record built earlier (the planted duplicate line).
func (t *table) record(rec []byte) error {
	t.rec = append(t.rec[:0], rec...)
	return t.end()
}

// general writes cents the way Excel's General format does: no grouping,
// no trailing zeros ("690", "4,15", "26,5").
func (t *table) general(cents int64) {
	switch {
	case cents%100 == 0:
		t.int(cents / 100)
	case cents%10 == 0:
		t.fixed(cents/10, 1, false)
	default:
		t.fixed(cents, 2, false)
	}
}
