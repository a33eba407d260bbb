package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// sameFiles fails when two generated folders differ: bytes for text files,
// decompressed bytes for .gz, cell values, types and formats for .xlsx.
func sameFiles(t *testing.T, want, got string, files []string) {
	t.Helper()
	for _, rel := range files {
		a, b := filepath.Join(want, rel), filepath.Join(got, rel)
		if strings.HasSuffix(rel, ".xlsx") {
			if ca, cb := xlsxCells(t, a), xlsxCells(t, b); !slices.Equal(ca, cb) {
				t.Errorf("%s: cells differ", rel)
			}
			continue
		}
		if ba, bb := readBytes(t, a), readBytes(t, b); !bytes.Equal(ba, bb) {
			t.Errorf("%s differs (%d vs %d bytes)", rel, len(ba), len(bb))
		}
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	for _, o := range []Options{{}, {Locale: "en", Lines: 30000, Seed: 7}} {
		a, b := t.TempDir(), t.TempDir()
		o.Dir = a
		if _, err := Generate(o); err != nil {
			t.Fatal(err)
		}
		o.Dir = b
		if _, err := Generate(o); err != nil {
			t.Fatal(err)
		}
		files := generated(t, a)
		if got := generated(t, b); !slices.Equal(files, got) {
			t.Fatalf("files differ:\n%q\n%q", files, got)
		}
		sameFiles(t, a, b, files)
	}
}

// committedDir is the committed dataset, the folder "make run" reads.
const committedDir = "../input"

// TestCommittedDataIsFresh regenerates the default dataset and compares it
// with the committed one, so the two cannot drift apart. After changing the
// generator, run "kam sample --out sample-data/input" and review the diff.
func TestCommittedDataIsFresh(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := Generate(Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	committed := []string{"kam.yaml"}
	for _, d := range []string{"crm", "erp", "finanzas", "plan"} {
		for _, rel := range generated(t, filepath.Join(committedDir, d)) {
			committed = append(committed, d+"/"+rel)
		}
	}
	slices.Sort(committed)
	if files := generated(t, dir); !slices.Equal(files, committed) {
		t.Fatalf("committed files differ from a fresh generation:\n%q\n%q", committed, files)
	}
	sameFiles(t, dir, committedDir, committed)
}

// TestSpanishShapes checks the encodings that make the dataset hard to load:
// Windows-1252 with € as byte 0x80 (not valid UTF-8), CRLF from Excel, the
// Data Loader BOM, a UTF-8 ERP extract without one.
func TestSpanishShapes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := Generate(Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"erp/ventas_2023_2024.csv.gz", "erp/ventas_2025_2026.csv", "erp/productos.csv"} {
		b := readBytes(t, filepath.Join(dir, rel))
		if !bytes.Contains(b, []byte{0x80}) || utf8.Valid(b) || !bytes.Contains(b, []byte("\r\n")) || bytes.Contains(b, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s: want Windows-1252 with € (0x80), not valid UTF-8, CRLF, no BOM", rel)
		}
	}
	for _, rel := range []string{"crm/Account.csv", "crm/User.csv", "crm/Opportunity.csv", "crm/Task.csv", "crm/Event.csv"} {
		b := readBytes(t, filepath.Join(dir, rel))
		if !bytes.HasPrefix(b, []byte("\ufeff\"Id\",")) || !utf8.Valid(b) {
			t.Errorf("%s: want UTF-8 with BOM and every value quoted", rel)
		}
	}
	for _, rel := range []string{"erp/2026-10/cabecera.csv", "erp/2026-10/lineas.csv", "finanzas/costes_servicio.csv", "finanzas/tipos_cambio.csv"} {
		b := readBytes(t, filepath.Join(dir, rel))
		if !utf8.Valid(b) || bytes.HasPrefix(b, []byte("\ufeff")) || bytes.Contains(b, []byte("\r")) || !bytes.Contains(b, []byte(";")) {
			t.Errorf("%s: want UTF-8 without BOM, LF, semicolons", rel)
		}
	}
	for _, rel := range []string{"crm/Event.csv", "crm/Task.csv"} {
		if !bytes.Contains(readBytes(t, filepath.Join(dir, rel)), []byte("\"\"")) {
			t.Errorf("%s: want a subject with an escaped quote", rel)
		}
		recs := readCSV(t, filepath.Join(dir, rel), ',', false)
		if !slices.ContainsFunc(recs, func(r []string) bool { s := r[len(r)-1]; return strings.Contains(s, "\n") && strings.Contains(s, ",") }) {
			t.Errorf("%s: want a subject with a comma and a line break", rel)
		}
	}
	if cells := xlsxCells(t, filepath.Join(dir, "plan/objetivos_2026.xlsx")); !slices.ContainsFunc(cells, func(c string) bool {
		return strings.HasPrefix(c, "Objetivos!C2 ") && strings.HasSuffix(c, `"€"`)
	}) {
		t.Errorf("plan: want a currency-formatted number in C2, got %q", cells[:min(12, len(cells))])
	}
}

// TestScale generates 200,000 lines: exactly that many good invoice lines
// plus the planted bad ones, in proportionally more accounts.
func TestScale(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	s, err := Generate(Options{Dir: dir, Lines: 200000})
	if err != nil {
		t.Fatal(err)
	}
	rows, bad := 0, 0
	for _, f := range s.Files {
		if f.Kind != "sales" {
			continue
		}
		b := readBytes(t, filepath.Join(dir, f.Path))
		rows += bytes.Count(b, []byte("\n")) - 1
		for _, r := range s.BadRows {
			if r.File == f.Path {
				bad++
			}
		}
	}
	if s.Lines != 200000 || rows != 200000+bad || bad != 9 {
		t.Errorf("%d good lines, %d rows in the sales files, %d planted: want 200,000 + 9", s.Lines, rows, bad)
	}
	if s.Options.Accounts != 2000 {
		t.Errorf("%d accounts, want 2,000 (lines ÷ 100)", s.Options.Accounts)
	}
}

func TestOptions(t *testing.T) {
	t.Parallel()
	for _, o := range []Options{{}, {Dir: "x", Months: 12}, {Dir: "x", Locale: "fr"}, {Dir: "x", End: "2026-13"},
		{Dir: "x", Accounts: 10}, {Dir: "x", Lines: -1}, {Dir: "x", Lines: 10}} {
		if _, err := o.withDefaults(); err == nil {
			t.Errorf("%+v: want an error", o)
		}
	}
	o, err := Options{Dir: "x"}.withDefaults()
	if err != nil || o.Accounts != 300 || o.Months != 40 || o.Lines != 25000 || o.Seed != 1 || o.Locale != "es" || o.End != "2026-10" {
		t.Errorf("defaults: %+v, %v", o, err)
	}
}

// TestBadRows checks that every planted defect is where the Summary (and
// the README) say, looks as described, and keeps its file under the 2 %
// reject limit.
func TestBadRows(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s, err := Generate(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	lines := func(rel string) []string {
		b := readBytes(t, filepath.Join(dir, rel))
		if strings.HasPrefix(rel, "erp/ventas") {
			b, _ = charmap.Windows1252.NewDecoder().Bytes(b)
		}
		return strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	}
	rows := map[string]int{}
	for _, f := range s.Files {
		rows[f.Path] = f.Rows
	}
	outcome, perFile := map[string]int{}, map[string]int{}
	fx := strings.Join(lines("finanzas/tipos_cambio.csv"), "\n")
	headers := strings.Join(lines("erp/2026-10/cabecera.csv"), "\n")
	archive := lines("erp/ventas_2023_2024.csv.gz")
	for _, b := range s.BadRows {
		line := lines(b.File)[b.Line-1]
		var ok bool
		switch kind, _, _ := strings.Cut(b.Expect, ":"); {
		case strings.Contains(b.What, "31 February"):
			ok = strings.Contains(line, ";31/02/2025;")
		case strings.Contains(b.What, "12,34,5"):
			ok = strings.Contains(line, ";12,34,5;")
		case b.What == "empty invoice number":
			ok = strings.HasPrefix(line, ";1;")
		case strings.Contains(b.What, "in USD"):
			ok = strings.Contains(line, "/08/2025;") && strings.HasSuffix(line, ";USD") &&
				strings.Contains(fx, "USD;2025-07;") && !strings.Contains(fx, "USD;2025-08;")
		case kind == "quarantined":
			ok = strings.Contains(line, ";"+walkInCode+";")
		case kind == "duplicate":
			ok = b.Line == 2 && line == archive[len(archive)-2]
		case strings.Contains(b.What, "no header"):
			id, _, _ := strings.Cut(line, ";")
			ok = id != "" && !strings.Contains(headers, id+";")
		case strings.Contains(b.What, "abc"):
			ok = strings.Contains(line, `,"abc",`)
		case strings.Contains(b.What, "0000-00-00"):
			ok = strings.Contains(line, `,"0000-00-00",`)
		}
		if !ok {
			t.Errorf("%s line %d (%s): got %q", b.File, b.Line, b.What, line)
		}
		kind, _, _ := strings.Cut(b.Expect, ":")
		outcome[kind]++
		perFile[b.File]++
	}
	if outcome["rejected"] != 7 || outcome["quarantined"] != 3 || outcome["duplicate"] != 1 {
		t.Errorf("outcomes %v, want 7 rejected, 3 quarantined, 1 duplicate", outcome)
	}
	for f, n := range perFile {
		if float64(n) >= .02*float64(rows[f]) {
			t.Errorf("%s: %d bad rows of %d, over the 2 %% reject limit", f, n, rows[f])
		}
	}
}

// TestREADME keeps the README's tables in step with what Generate reports:
// row counts, the story's ids and the bad rows' places.
func TestREADME(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	s, err := Generate(Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	row := func(prefix string) string {
		for _, line := range strings.Split(readme, "\n") {
			if strings.HasPrefix(line, prefix) {
				return line
			}
		}
		return ""
	}
	for _, f := range s.Files {
		if f.Kind == "config" {
			continue
		}
		if line := row("| `" + f.Path + "` |"); !strings.HasSuffix(line, fmt.Sprintf("| %d |", f.Rows)) {
			t.Errorf("README: want %s with %d rows, got %q", f.Path, f.Rows, line)
		}
	}
	for _, f := range s.Story {
		if !strings.Contains(readme, f.ID) || !strings.Contains(readme, f.CRMID) {
			t.Errorf("README: want the ids of %s: %s %s", f.Story, f.ID, f.CRMID)
		}
		// Every planted figure is the README's: the row naming the finding's
		// ids states each fact's value (in EUR, with a true minus sign).
		var line string
		for _, l := range strings.Split(readme, "\n") {
			if f.CRMID != "" && strings.HasPrefix(l, "| ") && strings.Contains(l, f.CRMID) {
				line = l
			}
		}
		if line == "" {
			continue
		}
		for _, fact := range f.Facts {
			v := strings.TrimSuffix(fact.Value, " EUR")
			if rest, ok := strings.CutPrefix(v, "-"); ok {
				v = "−" + rest
			}
			if !strings.Contains(line, v) {
				t.Errorf("README: the %s row lacks %s = %s", f.Story, fact.Name, v)
			}
		}
	}
	for _, r := range s.BadRows {
		if row(fmt.Sprintf("| `%s` | %d |", r.File, r.Line)) == "" {
			t.Errorf("README: want bad row %s line %d (%s)", r.File, r.Line, r.What)
		}
	}
}
