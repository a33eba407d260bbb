// Package parse turns the text of real exports into numbers, dates, booleans
// and periods. Formats are decided per column from a sample of its values
// (Detect*), then every value is converted with that decision, either in Go
// (Parse*, used for XLSX and tests) or in DuckDB (SQL, the bulk path). Both
// must agree on every value; the tests run one table through both.
//
// To make that agreement structural rather than hoped for, each kind of
// value has one grammar: a regular expression in the syntax shared by Go's
// regexp and DuckDB's RE2, without groups, which decides in both whether a
// value is well-formed (RE2 checks it with a DFA, in one pass). Taking an
// accepted value apart is then easy: a second, small and loose expression
// picks out the pieces (RE2 extracts groups from the full grammar several
// times slower), or string functions do. Only the step from pieces to
// value is written twice, in Go and in SQL, and the tests compare the two
// over every table case and under fuzzing.
//
// The SQL names a value inside an expression with list_transform over a
// one-element list, so the pieces are extracted once however often they
// are read. It never builds a value with a cast or try() that can fail on
// good input: DuckDB recovers from conversion errors row by row, at
// microseconds per value.
package parse

import (
	"regexp"
	"strings"
)

// Error is a value that does not parse. Code is stable (it keys the
// translated reject reason); Detail says what was expected.
type Error struct {
	Code   string // "number", "date", "date_range", "bool", "period"
	Value  string
	Detail string // e.g. "1.234,56" (the column's format) or "day-first"
}

func (e *Error) Error() string { return e.Code + ": " + e.Value + " (" + e.Detail + ")" }

// wsClass is one character that unicode.IsSpace accepts. It is spelled out
// because RE2's \s is ASCII-only and exports pad with non-breaking and
// narrow no-break spaces; a test checks it against unicode.IsSpace.
const wsClass = `[\t\n\x0B\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]`

// wsChars are the same characters, for DuckDB's trim.
const wsChars = "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"

// trimSpace removes what wsClass matches from both ends.
func trimSpace(s string) string { return strings.Trim(s, wsChars) }

// grammar is an expression with named groups: the pattern for SQL, the
// regexp for Go and the group names in order, which name the fields of
// regexp_extract's struct.
type grammar struct {
	pattern string
	re      *regexp.Regexp
	names   []string
}

func newGrammar(pattern string) *grammar {
	re := regexp.MustCompile(pattern)
	return &grammar{pattern: pattern, re: re, names: re.SubexpNames()[1:]}
}

// match returns the groups of a full match by name, or nil. Groups that did
// not take part are empty, as in DuckDB's struct.
func (g *grammar) match(s string) groups {
	m := g.re.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	out := make(groups, len(g.names))
	for i, n := range g.names {
		out[n] = m[i+1]
	}
	return out
}

type groups map[string]string

// sqlExtract is the SQL that matches the grammar once and binds the groups
// as a struct to v inside body.
func (g *grammar) sqlExtract(col, v, body string) string {
	names := make([]string, len(g.names))
	for i, n := range g.names {
		names[i] = sqlString(n)
	}
	return "list_transform([regexp_extract(" + col + ", " + sqlString(g.pattern) + ", [" +
		strings.Join(names, ", ") + "])], lambda " + v + ": " + body + ")[1]"
}

// sqlLet binds the value of expr to v inside body, evaluating expr once.
func sqlLet(expr, v, body string) string {
	return "list_transform([" + expr + "], lambda " + v + ": " + body + ")[1]"
}

// sqlString quotes s as a SQL string literal. Only the fixed pieces of the
// grammars go through it, never data.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// caseless spells an ASCII word as a pattern that ignores case, e.g. "de" as
// [dD][eE]. RE2's (?i) also folds the Kelvin sign and the long s into k and
// s, which DuckDB's lower() does not; spelling the cases out avoids that.
func caseless(word string) string {
	var b strings.Builder
	for _, r := range word {
		lo, up := strings.ToLower(string(r)), strings.ToUpper(string(r))
		if lo == up {
			b.WriteString(regexp.QuoteMeta(lo))
			continue
		}
		b.WriteString("[" + lo + up + "]")
	}
	return b.String()
}

// lowerASCII lowers A-Z only, as the grammars only let ASCII letters through.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
