// Package i18n is the one translation table of kam: report labels, sheet
// and section names, status words, definitions and reject reasons, and how
// each language writes numbers and dates. Both report writers and the
// pipeline's rejects.csv read it, so a word is translated once. It imports
// nothing of kam, so every layer (pipeline, reports, cmd) may use it.
//
// A language is one file, locales/<code>.json: its texts under "text" (the
// same keys in every language, the same fmt verbs in the same order) and its
// formats under "format" (see Format). Adding the file adds the language.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Default is the language of a run that names none, and the one whose text
// stands in for a key another language lacks.
const Default = "en"

//go:embed locales/*.json
var localeFiles embed.FS

// locale is one language's file.
type locale struct {
	Format Format            `json:"format"`
	Text   map[string]string `json:"text"`
}

var (
	locales = mustLoad(localeFiles)

	// Languages kam writes, sorted: one per file in locales/.
	Languages = languages(locales)
)

func mustLoad(fsys fs.FS) map[string]*locale {
	l, err := load(fsys)
	if err != nil {
		panic(err)
	}
	return l
}

// load reads every locales/*.json of fsys.
func load(fsys fs.FS) (map[string]*locale, error) {
	files, err := fs.Glob(fsys, "locales/*.json")
	if err != nil {
		return nil, err
	}
	out := map[string]*locale{}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var l locale
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", f, err)
		}
		if err := l.Format.derive(); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", f, err)
		}
		out[strings.TrimSuffix(path.Base(f), ".json")] = &l
	}
	if out[Default] == nil {
		return nil, fmt.Errorf("i18n: no locales/%s.json", Default)
	}
	return out, nil
}

func languages(l map[string]*locale) []string {
	out := make([]string, 0, len(l))
	for k := range l {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Lang is lang when kam writes it, else Default.
func Lang(lang string) string {
	if _, ok := locales[lang]; ok {
		return lang
	}
	return Default
}

// T translates key into lang, formatting args into it. A key lang lacks
// reads in Default; an unknown key is returned as it is, so a missing
// translation shows rather than hides.
func T(lang, key string, args ...any) string {
	s, ok := locales[Lang(lang)].Text[key]
	if !ok {
		s, ok = locales[Default].Text[key]
	}
	if !ok {
		if len(args) > 0 {
			return key + fmt.Sprint(args...)
		}
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key is translated.
func Has(key string) bool { _, ok := locales[Default].Text[key]; return ok }

// Keys lists every key of the Default language.
func Keys() []string {
	out := make([]string, 0, len(locales[Default].Text))
	for k := range locales[Default].Text {
		out = append(out, k)
	}
	return out
}
