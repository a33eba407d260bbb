package parse

import (
	"strings"
)

// BoolFormat is the decision for one column of booleans.
type BoolFormat struct {
	BlankIsFalse bool // an "x"/blank checkbox column: blank means false
}

// The words of booleans in English and Spanish, lower case. "s"/"n" are
// the Spanish sí/no as one letter, "v"/"f" verdadero/falso, and "x" a
// ticked checkbox. "f" is false in both languages, so it needs no
// decision per column. The yes and no of French, German and Italian
// (oui/non, ja/nein, sì/no) are read too: a list of key accounts says by
// them which of its accounts are key.
var (
	trueWords  = []string{"true", "t", "yes", "y", "sí", "si", "s", "1", "verdadero", "v", "x", "oui", "ja", "sì"}
	falseWords = []string{"false", "f", "no", "n", "0", "falso", "non", "nein"}
)

// DetectBool decides whether blanks mean false: they do in a column whose
// non-blank values are all x or X, the way a ticked checkbox exports,
// because there an empty cell is an unticked box rather than a missing one.
func DetectBool(samples []string) BoolFormat {
	seen := false
	for _, s := range samples {
		switch strings.ToLower(trimSpace(s)) {
		case "":
		case "x":
			seen = true
		default:
			return BoolFormat{}
		}
	}
	return BoolFormat{BlankIsFalse: seen}
}

// ParseBool converts one value; ok=false for a blank that means unknown.
// Case does not matter, nor does the accent of sí.
func ParseBool(s string, f BoolFormat) (v bool, ok bool, err error) {
	w := strings.ToLower(trimSpace(s))
	switch {
	case w == "":
		return false, f.BlankIsFalse, nil
	case contains(trueWords, w):
		return true, true, nil
	case contains(falseWords, w):
		return false, true, nil
	}
	return false, false, &Error{Code: "bool", Value: s, Detail: "true/false, sí/no, 1/0 or x"}
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// SQL is a DuckDB BOOLEAN expression: the same as ParseBool. A NULL is a
// blank, as DuckDB's CSV reader turns empty fields into NULL.
func (f BoolFormat) SQL(col string) string {
	blank := "NULL"
	if f.BlankIsFalse {
		blank = "false"
	}
	return sqlLet("lower(trim(coalesce("+col+", ''), "+sqlString(wsChars)+"))", "b",
		"CASE WHEN b IN ("+sqlList(trueWords)+") THEN true WHEN b IN ("+sqlList(falseWords)+
			") THEN false WHEN b = '' THEN "+blank+" END")
}

func sqlList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = sqlString(w)
	}
	return strings.Join(q, ", ")
}
