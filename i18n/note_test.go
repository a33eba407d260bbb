package i18n

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNoteRoundTrip: a note with a nested note and numbers is stored as
// JSON, read back, and reads the same in English and in Spanish from the
// stored form as from the one made in Go.
func TestNoteRoundTrip(t *testing.T) {
	n := N("note.column", "Fecha", Join(N("note.dates", N("note.order_dmy")), N("note.order_ambiguous", N("note.order_default", "dmy", "mdy", N("note.order_mdy")))))
	wantEN := `column "Fecha": dates day-first (dd/mm/yyyy) (every value fits day-first and month-first: date_order dmy was used; set date_order: mdy in kam.yaml if it is month-first (mm/dd/yyyy))`
	if n.Text != wantEN {
		t.Errorf("English text %q\nwant %q", n.Text, wantEN)
	}
	b, err := json.Marshal([]Note{n, N("note.footer", 3, int64(120))})
	if err != nil {
		t.Fatal(err)
	}
	got := Notes("es", string(b))
	wantES := []string{
		`columna "Fecha": fechas día primero (dd/mm/aaaa) (todos los valores encajan con día primero y mes primero: se usó date_order dmy; ponga date_order: mdy en kam.yaml si es mes primero (mm/dd/aaaa))`,
		`se ignoró un pie de 3 línea(s) desde la línea 120 (no son datos: totales del informe o avisos)`,
	}
	if strings.Join(got, "\n") != strings.Join(wantES, "\n") {
		t.Errorf("Spanish notes\n%q\nwant\n%q", got, wantES)
	}
	if en := Notes("en", string(b)); en[0] != wantEN {
		t.Errorf("stored note in English %q, want %q", en[0], wantEN)
	}
	if got := Notes("es", `["a note of an earlier kam"]`); len(got) != 1 || got[0] != "a note of an earlier kam" {
		t.Errorf("plain stored notes: %q", got)
	}
	if got := Notes("es", `not json`); len(got) != 1 || got[0] != "not json" {
		t.Errorf("text that is not a list: %q", got)
	}
	if got := List(N("note.header_unread", 1), N("note.header_feeds", 2, "net_amount")).In("es"); got != "la columna 1 no se lee, la columna 2 alimenta net_amount" {
		t.Errorf("list in Spanish: %q", got)
	}
}

// TestNoteKeysTranslated: every note key the ingest writes exists in every
// language, and the Spanish differs from the English (so a note is never
// left untranslated).
func TestNoteKeysTranslated(t *testing.T) {
	files, err := filepath.Glob("../pipeline/ingest/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no ingest sources: %v", err)
	}
	re := regexp.MustCompile(`"(note\.[a-z0-9_]+)"`)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			seen++
			en, es := Both(m[1])
			if en == "" || es == "" {
				t.Errorf("%s: note %s is not in every language", filepath.Base(f), m[1])
			} else if en == es && m[1] != "note.text" {
				t.Errorf("%s: note %s reads the same in Spanish as in English: %q", filepath.Base(f), m[1], en)
			}
		}
	}
	if seen < 40 {
		t.Errorf("only %d note keys found in the ingest: the scan is broken", seen)
	}
}
