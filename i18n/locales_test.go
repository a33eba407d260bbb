package i18n

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Both returns the English and Spanish text of key (for the label tests).
func Both(key string) (en, es string) { return locales["en"].Text[key], locales["es"].Text[key] }

// verbs are the fmt verbs of a text, in order; "%%" and a "%" before a
// space (as in "% de cuentas") are text.
var verbRe = regexp.MustCompile(`%[-+# 0]*[0-9.*]*[a-zA-Z%]`)

func verbs(s string) []string {
	return verbRe.FindAllString(strings.ReplaceAll(strings.ReplaceAll(s, "%%", ""), "% ", ""), -1)
}

// complete lists what a language lacks against Default: keys missing or
// extra, and texts whose fmt verbs differ (a Sprintf would print
// %!s(MISSING) or drop a value).
func complete(l map[string]*locale) []string {
	var out []string
	base := l[Default].Text
	for _, lang := range languages(l) {
		text := l[lang].Text
		for _, k := range slices.Sorted(maps.Keys(base)) {
			s, ok := text[k]
			if !ok {
				out = append(out, fmt.Sprintf("%s: no %s", lang, k))
				continue
			}
			if strings.TrimSpace(s) == "" {
				out = append(out, fmt.Sprintf("%s: %s is empty", lang, k))
			}
			if a, b := verbs(base[k]), verbs(s); !slices.Equal(a, b) {
				out = append(out, fmt.Sprintf("%s: %s has placeholders %v, %s has %v", lang, k, b, Default, a))
			}
		}
		for k := range text {
			if _, ok := base[k]; !ok {
				out = append(out, fmt.Sprintf("%s: %s is not a key of %s", lang, k, Default))
			}
		}
	}
	return out
}

func TestEveryKeyInEveryLanguage(t *testing.T) {
	if !slices.Equal(Languages, []string{"en", "es"}) {
		t.Errorf("languages %v, want the files of locales/: en, es", Languages)
	}
	if n := len(locales[Default].Text); n < 900 {
		t.Errorf("only %d keys", n)
	}
	for _, e := range complete(locales) {
		t.Error(e)
	}
}

// TestFormats pins what each language's format entry and the CLDR give.
func TestFormats(t *testing.T) {
	day := time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ lang, num, small, date, period, month string }{
		{"en", "-1,234,567.9", "0.0", "2 Oct 2026", "October 2026", "Oct 2026"},
		{"es", "-1.234.567,9", "0,0", "02/10/2026", "octubre de 2026", "oct 2026"},
		{"xx", "-1,234,567.9", "0.0", "2 Oct 2026", "October 2026", "Oct 2026"}, // unknown: Default
	} {
		f := FormatOf(c.lang)
		if got := f.Number(-1234567.85, 1); got != c.num {
			t.Errorf("%s: Number(-1234567.85, 1) = %q, want %q", c.lang, got, c.num)
		}
		if got := f.Number(-0.04, 1); got != c.small {
			t.Errorf("%s: Number(-0.04, 1) = %q, want %q (no minus on a zero)", c.lang, got, c.small)
		}
		if got := f.FormatDate(day); got != c.date {
			t.Errorf("%s: date %q, want %q", c.lang, got, c.date)
		}
		if got := f.FormatPeriod(day); got != c.period {
			t.Errorf("%s: period %q, want %q", c.lang, got, c.period)
		}
		if got := f.FormatMonth(day); got != c.month {
			t.Errorf("%s: month %q, want %q", c.lang, got, c.month)
		}
	}
	if got := FormatOf("en").Number(6612.5, 0); got != "6,613" {
		t.Errorf("6612.5 rounds half away from zero as Excel does: got %q", got)
	}
}

// TestThirdLanguage adds a language the way a contributor would, one file
// in locales/, and checks that it is taken with its texts and formats, and
// that a key it lacks or a placeholder it changes is reported.
func TestThirdLanguage(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, lang := range Languages {
		b, err := localeFiles.ReadFile("locales/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		fsys["locales/"+lang+".json"] = &fstest.MapFile{Data: b}
	}
	de := locale{Text: maps.Clone(locales["en"].Text), Format: locales["es"].Format}
	de.Format.Tag, de.Format.Period = "de-DE", "{month} {yyyy}"
	de.Format.MonthsLong = slices.Clone(de.Format.MonthsLong)
	de.Format.MonthsLong[9] = "Oktober"
	de.Text["sheet.summary"] = "Übersicht"
	de.Text["reject.number"] = "keine Zahl (%s)"
	b, err := json.Marshal(de)
	if err != nil {
		t.Fatal(err)
	}
	fsys["locales/de.json"] = &fstest.MapFile{Data: b}
	l, err := load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := languages(l); !slices.Equal(got, []string{"de", "en", "es"}) {
		t.Fatalf("languages %v", got)
	}
	if e := complete(l); len(e) != 0 {
		t.Errorf("a complete third language is reported: %v", e)
	}
	f := l["de"].Format
	if got := f.Number(1234.5, 1); got != "1.234,5" {
		t.Errorf("de-DE separators from the CLDR: got %q", got)
	}
	if got := f.FormatPeriod(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)); got != "Oktober 2026" {
		t.Errorf("de period %q", got)
	}
	if l["de"].Text["sheet.summary"] != "Übersicht" {
		t.Error("de text not read")
	}

	delete(l["de"].Text, "sheet.kams")
	l["de"].Text["reject.number"] = "keine Zahl"
	l["de"].Text["sheet.bogus"] = "x"
	got := strings.Join(complete(l), "\n")
	for _, want := range []string{"de: no sheet.kams", "de: reject.number has placeholders [], en has [%s]", "de: sheet.bogus is not a key of en"} {
		if !strings.Contains(got, want) {
			t.Errorf("complete() does not report %q; it says:\n%s", want, got)
		}
	}
}

// TestBadLocaleFile: a locale file with a wrong tag or no month names is an
// error naming the file, not a panic at the first report.
func TestBadLocaleFile(t *testing.T) {
	en, _ := localeFiles.ReadFile("locales/en.json")
	for name, data := range map[string]string{
		"tag":    `{"format": {"tag": "not a tag!", "months": [], "months_long": []}, "text": {}}`,
		"months": `{"format": {"tag": "fr-FR", "months": ["a"], "months_long": []}, "text": {}}`,
		"field":  `{"format": {"tag": "fr-FR"}, "txt": {}}`,
	} {
		_, err := load(fstest.MapFS{"locales/en.json": {Data: en}, "locales/fr.json": {Data: []byte(data)}})
		if err == nil || !strings.Contains(err.Error(), "locales/fr.json") {
			t.Errorf("%s: error %v, want one naming locales/fr.json", name, err)
		}
	}
}

// TestLocaleFilesSorted keeps each file's texts sorted by key, so that the
// files of two languages read side by side and a merge does not scatter.
func TestLocaleFilesSorted(t *testing.T) {
	for _, lang := range Languages {
		b, err := localeFiles.ReadFile("locales/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		_, text, ok := strings.Cut(string(b), "\"text\": {")
		if !ok {
			t.Fatalf("%s.json: no text object", lang)
		}
		prev := ""
		for _, line := range strings.Split(text, "\n") {
			k, _, ok := strings.Cut(strings.TrimSpace(line), "\": ")
			if !ok {
				continue
			}
			if k < prev {
				t.Errorf("%s.json: %s comes after %s; keep the texts sorted by key", lang, k, prev)
			}
			prev = k
		}
	}
}
