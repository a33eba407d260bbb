package parse

import (
	"regexp"
	"testing"
	"unicode"
)

// TestWhitespace keeps wsClass, wsChars and unicode.IsSpace in step: a
// character one of them trims and another keeps would make Go and SQL
// disagree on blanks.
func TestWhitespace(t *testing.T) {
	t.Parallel()
	re := regexp.MustCompile(`^` + wsClass + `$`)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		if re.MatchString(s) != unicode.IsSpace(r) || (trimSpace(s) == "") != unicode.IsSpace(r) {
			t.Errorf("U+%04X: wsClass %v, trimSpace %v, unicode.IsSpace %v", r, re.MatchString(s), trimSpace(s) == "", unicode.IsSpace(r))
		}
	}
}

// TestWhitespaceSQL runs values padded with each kind of space, and a few
// with a space inside, through Go and DuckDB.
func TestWhitespaceSQL(t *testing.T) {
	t.Parallel()
	var inputs []string
	for _, c := range wsChars {
		s := string(c)
		inputs = append(inputs, s+"12,5"+s, s+"1"+s+"234"+s, s+"€"+s+"3"+s, s+"31/10/2026"+s,
			"31"+s+"oct"+s+"2026", "31/10/2026"+s+"14:03", s+"sí"+s, s+"2026-Q4"+s, "Q4"+s+"2026")
	}
	nf, df, bf := NumberFormat{Decimal: ','}, DateFormat{Order: "dmy"}, BoolFormat{}
	label, _, _ := PeriodSQL("v", 1)
	got := evalSQL(t, inputs, nf.SQL("v"), df.SQL("v"), bf.SQL("v"), label)
	for i, in := range inputs {
		checkNumberSQL(t, in, nf, got[0][i])
		checkDateSQL(t, in, df, got[1][i])
		checkBoolSQL(t, in, bf, got[2][i])
		want, ok, _ := ParsePeriod(in, 1)
		if ok != (got[3][i] != nil) || (ok && got[3][i] != want.Label) {
			t.Errorf("%q: Go period %q (ok=%v), SQL %v", in, want.Label, ok, got[3][i])
		}
	}
}
