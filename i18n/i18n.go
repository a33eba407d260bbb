// Package i18n is the one translation table of kam: report labels, sheet
// and section names, status words, definitions and reject reasons, in
// Spanish and English. Both report writers and the pipeline's rejects.csv
// read it, so a word is translated once. It imports nothing of kam, so
// every layer (pipeline, reports, cmd) may use it.
package i18n

import "fmt"

// Languages kam writes.
var Languages = []string{"en", "es"}

type entry struct{ en, es string }

// table maps a key to its text per language; texts may hold fmt verbs.
var table = map[string]entry{}

func add(entries map[string]entry) {
	for k, v := range entries {
		if _, dup := table[k]; dup {
			panic("i18n: duplicate key " + k)
		}
		table[k] = v
	}
}

// T translates key into lang ("es" or "en"), formatting args into it. An
// unknown key is returned as it is, so a missing translation shows rather
// than hides.
func T(lang, key string, args ...any) string {
	e, ok := table[key]
	if !ok {
		if len(args) > 0 {
			return key + fmt.Sprint(args...)
		}
		return key
	}
	s := e.en
	if lang == "es" && e.es != "" {
		s = e.es
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key is translated.
func Has(key string) bool { _, ok := table[key]; return ok }

// Keys lists every key (for tests that check both languages are filled).
func Keys() []string {
	out := make([]string, 0, len(table))
	for k := range table {
		out = append(out, k)
	}
	return out
}

// Both returns the English and Spanish text of key.
func Both(key string) (en, es string) { e := table[key]; return e.en, e.es }
