package schema

import (
	"fmt"
	"strings"
)

// enumDict is the vocabulary of one Enum column.
type enumDict struct {
	// other: unknown non-blank text is "other" rather than unknown, for
	// columns where a free-text CRM value is still an interaction or a cost.
	other bool
	// contain: after the exact pass, a known phrase inside the text counts
	// ("Reunión de revisión trimestral" is a review); rules are tried in
	// order, so the more specific ones come first.
	contain bool
	rules   []enumRule
	exact   map[string]string // every phrase, normalised → value
}

// enumRule gives a value to phrases; a value may have several rules at
// different priorities ("director general" is executive even though
// "director" is director).
type enumRule struct {
	value   string
	phrases []string // normalised with enumText
}

// enumText folds a raw value the way EnumSQL does in DuckDB: lower case,
// accents stripped, every run of characters other than a–z and 0–9 turned
// into one space, trimmed. Keeping it this plain is what lets Go and SQL
// agree on every input.
func enumText(raw string) string {
	s := foldAccents(strings.ToLower(raw))
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			continue
		}
		space = true
	}
	return b.String()
}

// enumSQLText is enumText in DuckDB.
func enumSQLText(col string) string {
	return fmt.Sprintf("trim(regexp_replace(strip_accents(lower(CAST((%s) AS VARCHAR))), '[^a-z0-9]+', ' ', 'g'))", col)
}

// newEnum compiles a dictionary, normalising its phrases; a phrase listed
// for two values is a bug in the tables, caught when the package loads.
func newEnum(other, contain bool, rules ...enumRule) *enumDict {
	d := &enumDict{other: other, contain: contain, exact: map[string]string{}}
	for _, r := range rules {
		nr := enumRule{value: r.value}
		for _, p := range r.phrases {
			n := enumText(p)
			if old, dup := d.exact[n]; (dup && old != r.value) || n == "" {
				panic(fmt.Sprintf("schema: enum phrase %q for %s and %s", p, old, r.value))
			}
			d.exact[n] = r.value
			nr.phrases = append(nr.phrases, n)
		}
		d.rules = append(d.rules, nr)
	}
	return d
}

func says(value string, phrases ...string) enumRule {
	return enumRule{value: value, phrases: phrases}
}

// EnumValue returns the canonical value of an Enum column for a raw value
// (Spanish, English and CRM vocabularies); ok=false when unknown. Columns
// with an "other" value map unknown non-blank text to "other".
func EnumValue(kind, column, raw string) (value string, ok bool) {
	d := enums[kind+"."+column]
	if d == nil {
		return "", false
	}
	t := enumText(raw)
	if t == "" {
		return "", false
	}
	if v, ok := d.exact[t]; ok {
		return v, true
	}
	if d.contain {
		padded := " " + t + " "
		for _, r := range d.rules {
			for _, p := range r.phrases {
				if strings.Contains(padded, " "+p+" ") {
					return r.value, true
				}
			}
		}
	}
	if d.other {
		return "other", true
	}
	return "", false
}

// EnumSQL is a DuckDB expression over the VARCHAR expression col giving the
// same result as EnumValue (NULL when unknown or blank).
//
// It is a CASE over the folded text with only literals from the
// dictionaries, so no input reaches the SQL text. The folding expression
// is repeated per branch; DuckDB evaluates the common subexpression once.
func EnumSQL(kind, column, col string) string {
	d := enums[kind+"."+column]
	if d == nil {
		return "CAST(NULL AS VARCHAR)"
	}
	v := enumSQLText(col)
	var b strings.Builder
	fmt.Fprintf(&b, "(CASE WHEN coalesce(%s, '') = '' THEN NULL", v)
	// Exact pass: one IN list per value, in rule order.
	seen := map[string]bool{}
	for _, r := range d.rules {
		if seen[r.value] {
			continue
		}
		seen[r.value] = true
		var lits []string
		for _, r2 := range d.rules {
			if r2.value == r.value {
				for _, p := range r2.phrases {
					lits = append(lits, sqlQuote(p))
				}
			}
		}
		fmt.Fprintf(&b, " WHEN %s IN (%s) THEN %s", v, strings.Join(lits, ", "), sqlQuote(r.value))
	}
	if d.contain {
		for _, r := range d.rules {
			// Phrases are [a-z0-9 ] only (enumText), so they need no
			// escaping inside the regular expression.
			fmt.Fprintf(&b, " WHEN regexp_matches(%s, %s) THEN %s", v, sqlQuote("(^| )("+strings.Join(r.phrases, "|")+")( |$)"), sqlQuote(r.value))
		}
	}
	if d.other {
		b.WriteString(" ELSE 'other' END)")
	} else {
		b.WriteString(" ELSE NULL END)")
	}
	return b.String()
}

// sqlQuote writes a SQL string literal.
func sqlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
