package pipeline

import (
	"bytes"
	"compress/gzip"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"kam/pipeline/warehouse"
)

// hostileCase is one archive of testdata/hostile: the input files and what a
// run on them must give. The archive's comment holds the description (lines
// starting with #) and the expectations, one per line:
//
//	outcome: loaded | rejected | skipped | fails
//	command: run | ingest                       (default run)
//	rows: PATH read=N loaded=N rejected=N duplicate=N [conflicting=N]
//	                                            (conflicting: duplicates whose values
//	                                            differ from the row kept; default 0)
//	reject: PATH line=N column=TEXT reason=CODE [value=TEXT]
//	skipped: PATH: SUBSTRING
//	error: SUBSTRING
//	note: PATH: SUBSTRING
//	value: SQL = TEXT
//	generate: PATH bigfield BYTES | columns N | bytes HEX
//	symlink: PATH -> TARGET
//	mtime: PATH YYYY-MM-DD
//	in: PATH   out: PATH   db: PATH             (folders and warehouse, relative to
//	                                            the case's folder; default in, out,
//	                                            out/kam.duckdb)
//	args: ARG...                                run the real kam command with these
//	                                            arguments ($IN $OUT $DB $DIR replaced)
//	exit: N                                     its exit code (default 0, 1 for fails)
//	stdout: SUBSTRING   stderr: SUBSTRING       what it prints
//	not-printed: TEXT                           what it must never print (Go-quoted)
//	chmod: PATH MODE                            permissions of a path of the input
//	                                            (run as the user nobody when root)
//	fifo: PATH                                  a named pipe in the input folder
//	kept: PATH                                  a file of the archive (relative to the
//	                                            case's folder) the run must leave as it was
//	absent: PATH   exists: GLOB                 what must not / must be there after the
//	                                            run (relative to the case's folder)
//
// A case with args runs kam as a user would: kam.yaml is read by kam itself
// and the published manifest.json is what is checked; an error: line is
// looked for in what kam printed. Archive files named ../NAME are written
// beside the input folder (a file to point --db at, say).
//
// rows, reject and skipped lines are exhaustive: a file, rejected row or
// skipped file the run reports and the archive does not list fails the case.
// TEXT values may be quoted Go strings; column=- stands for no column.
//
// Files of the archive are written into the input folder (a name holding
// \xHH escapes gets those bytes, a name ending in / is an empty folder); a
// file whose
// content cannot live in a text archive carries the transformations to apply
// as suffixes, removed from its name right to left:
//
//	.cp1252 .utf16le .utf16be .utf16le-nobom   encode the UTF-8 text
//	.cp1250 .cp1251 .sjis .gbk                 (Windows-1250, -1251, Shift_JIS, GBK)
//	.bom                                       prepend the UTF-8 byte order mark
//	.crlf .cr                                  replace the LF line ends
//	.bytes                                     \xHH escapes become bytes
//	.gzip                                      compress with gzip
//	.truncate                                  keep the first half of the bytes
//	.fromcsv                                   a ;-separated text → .xlsx workbook
//	                                           (numbers as numbers, ISO dates as dates;
//	                                           a line "!merge A1:D1" merges those cells,
//	                                           "!sheet NAME" starts a sheet, "!hidden"
//	                                           hides it; a cell {=FORMULA} is a formula
//	                                           without a saved value; "!date1904"
//	                                           counts the workbook's dates from 1904)
//	.fromsql                                   a DuckDB select → COPY to .parquet
//	                                           (a first line "-- options: …" adds
//	                                           COPY options, e.g. kv_metadata)
//	.subst                                     $IN $OUT $DB $DIR replaced by the case's
//	                                           absolute paths (a journal naming them)
//
// kam.yaml, when present, is read as cmd/kam reads it (the keys the corpus
// uses); without it the configuration is kam's default with reject_limit
// 100 %, so that rejected rows stay in the warehouse to be checked.
type hostileCase struct {
	name     string
	title    string
	outcome  string
	command  string
	rows     map[string]hostileRows
	rejects  []hostileReject
	skipped  []hostileMatch
	errors   []string
	notes    []hostileMatch
	values   [][2]string
	generate []string
	symlinks [][2]string
	mtimes   map[string]time.Time
	files    []txtar.File

	inPath, outPath, dbPath string
	args                    []string
	exit                    int // -1: by the outcome
	stdout, stderr          []string
	notPrinted              []string
	chmods                  [][2]string
	fifos                   []string
	kept, absent, exists    []string
}

type hostileRows struct{ read, loaded, rejected, duplicate, conflicting int64 }

func (r hostileRows) String() string {
	s := fmt.Sprintf("read=%d loaded=%d rejected=%d duplicate=%d", r.read, r.loaded, r.rejected, r.duplicate)
	if r.conflicting > 0 {
		s += fmt.Sprintf(" conflicting=%d", r.conflicting)
	}
	return s
}

type hostileReject struct {
	path, column, reason, value string
	line                        int64
	hasValue                    bool
}

func (r hostileReject) key() string {
	return fmt.Sprintf("%s line=%d column=%s reason=%s", hostileQuote(r.path), r.line, hostileQuote(r.column), r.reason)
}

type hostileMatch struct{ path, text string }

var hostileOutcomes = []string{"loaded", "rejected", "skipped", "fails"}

// readHostileCase parses one archive.
func readHostileCase(path string) (*hostileCase, error) {
	a, err := txtar.ParseFile(path)
	if err != nil {
		return nil, err
	}
	c := &hostileCase{name: strings.TrimSuffix(filepath.Base(path), ".txtar"), command: "run",
		rows: map[string]hostileRows{}, mtimes: map[string]time.Time{}, files: a.Files,
		inPath: "in", outPath: "out", exit: -1}
	for i, line := range strings.Split(string(a.Comment), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", path, i+1, fmt.Sprintf(format, args...))
		}
		if strings.HasPrefix(line, "#") {
			if c.title == "" {
				c.title = strings.TrimSpace(strings.TrimPrefix(line, "#"))
			}
			continue
		}
		key, rest, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fail("want key: value, got %q", line)
		}
		rest = strings.TrimSpace(rest)
		switch key {
		case "outcome":
			c.outcome = rest
			if !slices.Contains(hostileOutcomes, rest) {
				return nil, fail("outcome %q is not one of %v", rest, hostileOutcomes)
			}
		case "command":
			c.command = rest
		case "rows":
			p, kv, err := hostilePathFields(rest)
			if err != nil {
				return nil, fail("%v", err)
			}
			var r hostileRows
			for k, v := range kv {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					return nil, fail("rows %s=%q: %v", k, v, err)
				}
				switch k {
				case "read":
					r.read = n
				case "loaded":
					r.loaded = n
				case "rejected":
					r.rejected = n
				case "duplicate":
					r.duplicate = n
				case "conflicting":
					r.conflicting = n
				default:
					return nil, fail("unknown rows field %q", k)
				}
			}
			c.rows[p] = r
		case "reject":
			p, kv, err := hostilePathFields(rest)
			if err != nil {
				return nil, fail("%v", err)
			}
			r := hostileReject{path: p, column: kv["column"], reason: kv["reason"]}
			r.value, r.hasValue = kv["value"]
			if r.line, err = strconv.ParseInt(kv["line"], 10, 64); err != nil || r.reason == "" || kv["column"] == "" {
				return nil, fail("reject needs line=N column=TEXT reason=CODE: %q", rest)
			}
			c.rejects = append(c.rejects, r)
		case "skipped", "note":
			p, text, ok := strings.Cut(rest, ": ")
			if !ok {
				return nil, fail("want %s: PATH: SUBSTRING", key)
			}
			m := hostileMatch{p, text}
			if key == "note" {
				c.notes = append(c.notes, m)
			} else {
				c.skipped = append(c.skipped, m)
			}
		case "error":
			c.errors = append(c.errors, rest)
		case "value":
			i := strings.LastIndex(rest, " = ")
			if i < 0 {
				return nil, fail("want value: SQL = TEXT")
			}
			c.values = append(c.values, [2]string{rest[:i], rest[i+3:]})
		case "generate":
			c.generate = append(c.generate, rest)
		case "symlink":
			from, to, ok := strings.Cut(rest, " -> ")
			if !ok {
				return nil, fail("want symlink: PATH -> TARGET")
			}
			c.symlinks = append(c.symlinks, [2]string{from, to})
		case "mtime":
			p, d, _ := strings.Cut(rest, " ")
			tm, err := time.Parse(time.DateOnly, d)
			if err != nil {
				return nil, fail("mtime: %v", err)
			}
			c.mtimes[p] = tm
		case "in":
			c.inPath = rest
		case "out":
			c.outPath = rest
		case "db":
			c.dbPath = rest
		case "args":
			if c.args, err = hostileTokens(rest); err != nil || len(c.args) == 0 {
				return nil, fail("args: %v", err)
			}
			c.command = c.args[0]
		case "exit":
			if c.exit, err = strconv.Atoi(rest); err != nil {
				return nil, fail("exit: %v", err)
			}
		case "stdout":
			c.stdout = append(c.stdout, rest)
		case "stderr":
			c.stderr = append(c.stderr, rest)
		case "not-printed":
			u, err := strconv.Unquote(rest)
			if err != nil {
				return nil, fail("not-printed wants a Go-quoted text: %v", err)
			}
			c.notPrinted = append(c.notPrinted, u)
		case "fifo":
			c.fifos = append(c.fifos, rest)
		case "kept":
			c.kept = append(c.kept, rest)
		case "absent":
			c.absent = append(c.absent, rest)
		case "exists":
			c.exists = append(c.exists, rest)
		case "chmod":
			p, mode, ok := strings.Cut(rest, " ")
			if !ok {
				return nil, fail("want chmod: PATH MODE")
			}
			c.chmods = append(c.chmods, [2]string{p, mode})
		default:
			return nil, fail("unknown key %q", key)
		}
	}
	if c.title == "" || c.outcome == "" {
		return nil, fmt.Errorf("%s: the comment needs a # description and an outcome", path)
	}
	return c, nil
}

// hostilePathFields splits "PATH k=v k="quoted v"" (PATH may be quoted).
func hostilePathFields(s string) (string, map[string]string, error) {
	toks, err := hostileTokens(s)
	if err != nil || len(toks) == 0 {
		return "", nil, fmt.Errorf("cannot read %q: %v", s, err)
	}
	kv := map[string]string{}
	for _, t := range toks[1:] {
		k, v, ok := strings.Cut(t, "=")
		if !ok {
			return "", nil, fmt.Errorf("%q is not key=value", t)
		}
		kv[k] = v
	}
	return toks[0], kv, nil
}

// hostileTokens splits on spaces outside Go-quoted strings; quoted parts
// are unquoted.
func hostileTokens(s string) ([]string, error) {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		var b strings.Builder
		for s != "" && s[0] != ' ' {
			if s[0] == '"' {
				q, err := strconv.QuotedPrefix(s)
				if err != nil {
					return nil, err
				}
				u, _ := strconv.Unquote(q)
				b.WriteString(u)
				s = s[len(q):]
				continue
			}
			b.WriteByte(s[0])
			s = s[1:]
		}
		out = append(out, b.String())
	}
	return out, nil
}

// build writes the case's input folder and returns the configuration.
// paths replaces $IN $OUT $DB $DIR in .subst files.
func (c *hostileCase) build(t *testing.T, in string, paths *strings.Replacer) Config {
	t.Helper()
	cfg := DefaultConfig()
	cfg.RejectLimit = 1
	for _, f := range c.files {
		name, data := f.Name, f.Data
		if n, ok := strings.CutSuffix(name, ".subst"); ok {
			name, data = n, []byte(paths.Replace(string(data)))
		}
		if strings.HasSuffix(name, "/") { // an empty folder
			if err := os.MkdirAll(filepath.Join(in, name), 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if strings.Contains(name, `\x`) {
			name = string(hostileUnescape(t, []byte(name)))
		}
		for {
			ext := filepath.Ext(name)
			next, ok := hostileTransform(t, ext, data, filepath.Join(in, strings.TrimSuffix(name, ext)))
			if !ok {
				break
			}
			name, data = strings.TrimSuffix(name, ext), next
			if data == nil {
				break // written by the transformation itself
			}
		}
		p := filepath.Join(in, name)
		if data != nil {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if name == "kam.yaml" && c.args == nil { // with args, kam reads it itself
			cfg = hostileConfig(t, data)
		}
	}
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, g := range c.generate {
		hostileGenerate(t, in, g)
	}
	for _, s := range c.symlinks {
		p := filepath.Join(in, s[0])
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(s[1], p); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range c.fifos {
		if err := syscall.Mkfifo(filepath.Join(in, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for p, tm := range c.mtimes {
		if err := os.Chtimes(filepath.Join(in, p), tm, tm); err != nil {
			t.Fatal(err)
		}
	}
	return cfg
}

// hostileTransform applies the transformation named by ext to data; false
// when ext names none. A nil result means the file is written already (to
// target, the name without ext).
func hostileTransform(t *testing.T, ext string, data []byte, target string) ([]byte, bool) {
	t.Helper()
	encode := func(b []byte, err error) []byte {
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	switch ext {
	case ".cp1252":
		return encode(charmap.Windows1252.NewEncoder().Bytes(data)), true
	case ".cp1250":
		return encode(charmap.Windows1250.NewEncoder().Bytes(data)), true
	case ".cp1251":
		return encode(charmap.Windows1251.NewEncoder().Bytes(data)), true
	case ".sjis":
		return encode(japanese.ShiftJIS.NewEncoder().Bytes(data)), true
	case ".gbk":
		return encode(simplifiedchinese.GBK.NewEncoder().Bytes(data)), true
	case ".utf16le":
		return encode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)), true
	case ".utf16be":
		return encode(unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes(data)), true
	case ".utf16le-nobom":
		return encode(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes(data)), true
	case ".bom":
		return append([]byte{0xEF, 0xBB, 0xBF}, data...), true
	case ".crlf":
		return bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")), true
	case ".cr":
		return bytes.ReplaceAll(data, []byte("\n"), []byte("\r")), true
	case ".bytes":
		return hostileUnescape(t, data), true
	case ".gzip":
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(data)
		zw.Close()
		return buf.Bytes(), true
	case ".truncate":
		return data[:len(data)/2], true
	case ".fromcsv":
		hostileXLSX(t, data, target)
		return nil, true
	case ".fromsql":
		os.MkdirAll(filepath.Dir(target), 0o755)
		db, err := sql.Open("duckdb", "")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		// A first line "-- options: …" adds COPY options (kv_metadata, as
		// pandas writes it).
		opts, text := "format parquet", strings.TrimSpace(string(data))
		if rest, ok := strings.CutPrefix(text, "-- options: "); ok {
			line, body, _ := strings.Cut(rest, "\n")
			opts, text = opts+", "+line, body
		}
		q := fmt.Sprintf("copy (%s) to %s (%s)", text, warehouse.QuoteString(target), opts)
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return nil, true
	}
	return data, false
}

// hostileUnescape turns \xHH into the byte and \\ into a backslash.
func hostileUnescape(t *testing.T, data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); i++ {
		if data[i] == '\\' && i+1 < len(data) {
			switch data[i+1] {
			case '\\':
				out = append(out, '\\')
				i++
				continue
			case 'x':
				if i+3 < len(data) {
					v, err := strconv.ParseUint(string(data[i+2:i+4]), 16, 8)
					if err != nil {
						t.Fatalf("bad escape %q", data[i:i+4])
					}
					out = append(out, byte(v))
					i += 3
					continue
				}
			}
		}
		out = append(out, data[i])
	}
	return out
}

// hostileXLSX writes a ;-separated text as a workbook: numbers as numeric
// cells, ISO dates as date cells, the rest as text. A line "!merge A1:D1"
// merges cells; "!sheet NAME" starts a sheet (the text before the first one
// goes to Sheet1); "!hidden" hides the current sheet; "!date1904" gives the
// workbook the 1904 date system (old Mac workbooks), its date cells written
// as serials of that system.
func hostileXLSX(t *testing.T, data []byte, target string) {
	t.Helper()
	type sheet struct {
		name   string
		text   []byte
		merges [][2]string
		hidden bool
	}
	sheets := []*sheet{{name: "Sheet1"}}
	date1904 := false
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		cur := sheets[len(sheets)-1]
		switch {
		case bytes.Equal(bytes.TrimSpace(line), []byte("!date1904")):
			date1904 = true
		case bytes.HasPrefix(line, []byte("!merge ")):
			from, to, _ := strings.Cut(strings.TrimSpace(string(line[len("!merge "):])), ":")
			cur.merges = append(cur.merges, [2]string{from, to})
		case bytes.HasPrefix(line, []byte("!sheet ")):
			name := strings.TrimSpace(string(line[len("!sheet "):]))
			if len(sheets) == 1 && len(bytes.TrimSpace(cur.text)) == 0 {
				cur.name = name
			} else {
				sheets = append(sheets, &sheet{name: name})
			}
		case bytes.Equal(bytes.TrimSpace(line), []byte("!hidden")):
			cur.hidden = true
		default:
			cur.text = append(cur.text, line...)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for si, sh := range sheets {
		if si == 0 {
			f.SetSheetName("Sheet1", sh.name)
		} else if _, err := f.NewSheet(sh.name); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(sh.text))
		r.Comma = ';'
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for i, rec := range recs {
			for j, v := range rec {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if strings.HasPrefix(v, "{=") && strings.HasSuffix(v, "}") {
					// A formula without a saved value, as a program that
					// does not calculate writes it.
					if err := f.SetCellFormula(sh.name, cell, v[2:len(v)-1]); err != nil {
						t.Fatal(err)
					}
				} else if n, err := strconv.ParseFloat(v, 64); err == nil && i > 0 {
					f.SetCellFloat(sh.name, cell, n, -1, 64)
				} else if d, err := time.Parse(time.DateOnly, v); err == nil && i > 0 {
					f.SetCellValue(sh.name, cell, d)
					f.SetCellStyle(sh.name, cell, cell, dateStyle)
				} else if v != "" {
					f.SetCellStr(sh.name, cell, v)
				}
			}
		}
		for _, m := range sh.merges {
			if err := f.MergeCell(sh.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, sh := range sheets {
		if sh.hidden {
			if err := f.SetSheetVisible(sh.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	os.MkdirAll(filepath.Dir(target), 0o755)
	if err := f.SaveAs(target); err != nil {
		t.Fatal(err)
	}
}

// hostileGenerate makes the files too large for an archive:
//
//	PATH bigfield N   a sales file whose second line has an N-byte text field
//	PATH columns N    an accounts file with N columns
//	PATH late1252 N   a sales file of N plain ASCII lines, then one whose
//	                  customer has a Windows-1252 ñ: past the head that
//	                  decides the encoding
//	PATH bytes HEX    the bytes given in hex
func hostileGenerate(t *testing.T, in, spec string) {
	t.Helper()
	f := strings.Fields(spec)
	if len(f) != 3 {
		t.Fatalf("generate %q: want PATH WHAT ARG", spec)
	}
	p := filepath.Join(in, f[0])
	os.MkdirAll(filepath.Dir(p), 0o755)
	var b bytes.Buffer
	switch f[1] {
	case "bigfield":
		n, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("factura;fecha;cliente;importe;descripcion\n")
		b.WriteString("F1;01/10/2026;C1;10,00;corta\n")
		b.WriteString("F2;02/10/2026;C1;20,00;")
		b.Write(bytes.Repeat([]byte("x"), n))
		b.WriteString("\nF3;03/10/2026;C2;30,00;corta\n")
	case "columns":
		n, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatal(err)
		}
		row := func(first, second string, cell func(i int) string) {
			b.WriteString(first + ";" + second)
			for i := 2; i < n; i++ {
				b.WriteString(";" + cell(i))
			}
			b.WriteString("\n")
		}
		row("codigo cliente", "nombre", func(i int) string { return fmt.Sprintf("campo%d", i) })
		row("C1", "Uno", func(i int) string { return strconv.Itoa(i) })
		row("C2", "Dos", func(i int) string { return "" })
	case "late1252":
		n, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("factura;fecha;cliente;importe\n")
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "F%d;01/10/2026;C1;1\n", i)
		}
		b.WriteString("FX;02/10/2026;Pe\xf1a;2\n")
	case "bytes":
		var v []byte
		if _, err := fmt.Sscanf(f[2], "%x", &v); err != nil {
			t.Fatal(err)
		}
		b.Write(v)
	default:
		t.Fatalf("generate %q: unknown %s", spec, f[1])
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hostileConfig reads the keys of kam.yaml the corpus uses, as cmd/kam does,
// on top of kam's defaults.
func hostileConfig(t *testing.T, data []byte) Config {
	t.Helper()
	var y struct {
		Language     string                       `yaml:"language"`
		Currency     string                       `yaml:"currency"`
		DateOrder    string                       `yaml:"date_order"`
		NumberLocale string                       `yaml:"number_locale"`
		RejectLimit  string                       `yaml:"reject_limit"`
		Follow       bool                         `yaml:"follow_symlinks"`
		Columns      map[string]map[string]string `yaml:"columns"`
		Files        []struct {
			Match     string            `yaml:"match"`
			Kind      string            `yaml:"kind"`
			Sheet     string            `yaml:"sheet"`
			DateOrder string            `yaml:"date_order"`
			Columns   map[string]string `yaml:"columns"`
			Skip      bool              `yaml:"skip"`
		} `yaml:"files"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&y); err != nil {
		t.Fatalf("kam.yaml: %v", err)
	}
	cfg := DefaultConfig()
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&cfg.Language, y.Language)
	set(&cfg.Currency, y.Currency)
	set(&cfg.DateOrder, y.DateOrder)
	set(&cfg.NumberLocale, y.NumberLocale)
	cfg.RejectLimit = 1
	cfg.FollowSymlinks = y.Follow
	if s := strings.TrimSpace(y.RejectLimit); s != "" {
		v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
		if err != nil {
			t.Fatalf("kam.yaml reject_limit %q: %v", s, err)
		}
		if strings.HasSuffix(s, "%") {
			v /= 100
		}
		cfg.RejectLimit = v
	}
	for k, m := range y.Columns {
		cfg.Columns[k] = m
	}
	for _, f := range y.Files {
		cfg.Files = append(cfg.Files, FileRule{Glob: f.Match, Kind: f.Kind, Sheet: f.Sheet, DateOrder: f.DateOrder, Columns: f.Columns, Skip: f.Skip})
	}
	cfg.Source = "kam.yaml"
	return cfg
}
