package reports

import (
	"context"
	"database/sql"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow/array"

	"kam/i18n"
	"kam/pipeline"
	"kam/reports/excel"
)

// sheetIDs are the workbook's sheets in tab order.
func sheetIDs() []string {
	var out []string
	for _, p := range sheets() {
		out = append(out, p.id)
	}
	return out
}

func sectionIDs() []string {
	var out []string
	for _, p := range sections() {
		out = append(out, p.id)
	}
	return out
}

// TestCatalogue: the workbook and the page keep the order of the spec's
// list of reports, every part is named in every language, and every sheet
// name is one Excel accepts.
func TestCatalogue(t *testing.T) {
	wantSheets := []string{"decisions", "summary", "key_accounts", "profitability", "growth", "portfolio", "selection",
		"kams", "plan", "retention", "account_months", "data_quality", "definitions"}
	wantSections := []string{"decisions", "summary", "matrix", "profitability", "concentration", "growth", "plan",
		"kams", "retention", "data_quality"}
	if got := sheetIDs(); !slices.Equal(got, wantSheets) {
		t.Errorf("sheets %v, reports.md orders %v", got, wantSheets)
	}
	if got := sectionIDs(); !slices.Equal(got, wantSections) {
		t.Errorf("sections %v, reports.md orders %v", got, wantSections)
	}
	write := []string{}
	for _, p := range excel.WriteOrder(excelSheets()) {
		write = append(write, p.ID)
	}
	if got := write[len(write)-2:]; !slices.Equal(got, []string{"summary", "definitions"}) {
		t.Errorf("Summary and Definitions read the other sheets and are written last; the order is %v", write)
	}
	ids, pages := map[string]bool{}, map[int]bool{}
	for _, p := range catalogue {
		if ids[p.id] {
			t.Errorf("part %s declared twice", p.id)
		}
		ids[p.id] = true
		if p.sheet == nil && p.section == nil {
			t.Errorf("part %s has neither a sheet nor a section", p.id)
		}
		if p.section != nil && (p.page < 1 || pages[p.page]) {
			t.Errorf("part %s: page %d is not a free place on the page", p.id, p.page)
		}
		pages[p.page] = p.section != nil
	}
	for _, lang := range i18n.Languages {
		seen := map[string]string{}
		for _, id := range sheetIDs() {
			key := "sheet." + id
			if !i18n.Has(key) {
				t.Errorf("no %s", key)
				continue
			}
			name := i18n.T(lang, key)
			// Excel: 1–31 characters, none of []:*?/\, not starting or
			// ending with an apostrophe, unique ignoring case, not "History".
			if n := utf8.RuneCountInString(name); n == 0 || n > 31 {
				t.Errorf("%s (%s) %q: %d characters, Excel allows 1–31", key, lang, name, n)
			}
			if strings.ContainsAny(name, `[]:*?/\`) {
				t.Errorf("%s (%s) %q: Excel forbids []:*?/\\ in sheet names", key, lang, name)
			}
			if strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
				t.Errorf("%s (%s) %q: Excel forbids an apostrophe at either end", key, lang, name)
			}
			if strings.EqualFold(name, "History") {
				t.Errorf("%s (%s): History is reserved by Excel", key, lang)
			}
			if other, dup := seen[strings.ToLower(name)]; dup {
				t.Errorf("%s and %s (%s) are both %q", other, key, lang, name)
			}
			seen[strings.ToLower(name)] = key
		}
		for _, id := range sectionIDs() {
			if !i18n.Has("section." + id) {
				t.Errorf("no section.%s", id)
			}
		}
	}
}

// recorder is a Source that notes the tables each part reads.
type recorder struct {
	Source
	mu    sync.Mutex
	part  string
	reads map[string]map[string]bool // part → schema.table
}

var tableRe = regexp.MustCompile(`(?i)\b(?:from|join)\s+((?:main|staging|intermediate|meta)\.[a-z_0-9]+)`)

func (r *recorder) note(q string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range tableRe.FindAllStringSubmatch(q, -1) {
		if r.reads[r.part] == nil {
			r.reads[r.part] = map[string]bool{}
		}
		r.reads[r.part][strings.ToLower(m[1])] = true
	}
}

func (r *recorder) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	r.note(q)
	return r.Source.Query(ctx, q, args...)
}

func (r *recorder) ArrowQuery(ctx context.Context, q string, args ...any) (array.RecordReader, error) {
	r.note(q)
	return r.Source.ArrowQuery(ctx, q, args...)
}

// TestCatalogueMarts writes both reports with a Source that notes what each
// part reads, and checks it against the marts the part declares: a part
// reads no mart it does not declare and declares none it does not read.
func TestCatalogueMarts(t *testing.T) {
	out := t.TempDir()
	cfg := pipeline.DefaultConfig()
	cfg.RejectLimit = 1
	rec := &recorder{reads: map[string]map[string]bool{}}
	onPart = func(id string) { rec.mu.Lock(); rec.part = id; rec.mu.Unlock() }
	defer func() { onPart = nil }()
	_, err := pipeline.Run(context.Background(), pipeline.RunOptions{Command: "run", Input: excelFixture, Out: out, DB: out + "/kam.duckdb", Period: excelPeriod, Config: cfg,
		Reports: func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, d string) ([]string, error) {
			rec.Source = w
			run := Run{Period: m.Period, Language: "en", Manifest: m}
			onPart("")
			if _, err := WriteExcel(ctx, rec, run, d); err != nil {
				return nil, err
			}
			onPart("")
			_, err := WriteHTML(ctx, rec, run, d)
			return nil, err
		}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range catalogue {
		var read []string
		for tb := range rec.reads[p.id] {
			if m, ok := strings.CutPrefix(tb, "main."); ok {
				read = append(read, m)
			} else {
				t.Errorf("part %s reads %s, not a public mart", p.id, tb)
			}
		}
		slices.Sort(read)
		if want := slices.Sorted(slices.Values(p.marts)); !slices.Equal(read, want) {
			t.Errorf("part %s reads the marts %q; the catalogue declares %q", p.id, read, want)
		}
	}
	for tb := range rec.reads[""] {
		if !strings.HasPrefix(tb, "main.") {
			t.Errorf("the writers read %s before any part, not a public mart", tb)
		}
	}
	t.Logf("outside the parts: %v", slices.Sorted(maps.Keys(rec.reads[""])))
}
