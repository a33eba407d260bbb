package parse

import (
	"regexp"
	"testing"
	"unicode"
)

func TestMonthNumber(t *testing.T) {
	t.Parallel()
	if len(monthKeys) != 72 {
		t.Fatalf("monthKeys has %d bytes; want two rows of 12 keys", len(monthKeys))
	}
	re := regexp.MustCompile(`^` + monthPattern() + `$`)
	for i, names := range monthNames {
		for _, n := range names {
			for _, spelled := range []string{n, caseUpper(n), caseTitle(n)} {
				if got := monthNumber(spelled); got != i+1 {
					t.Errorf("monthNumber(%q) = %d; want %d", spelled, got, i+1)
				}
				if !re.MatchString(spelled) {
					t.Errorf("monthPattern does not match %q", spelled)
				}
			}
		}
	}
	for _, bad := range []string{"ſep", "\u212aov", "octo", "de", ""} {
		if re.MatchString(bad) {
			t.Errorf("monthPattern matches %q", bad)
		}
	}
}

func caseUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = byte(unicode.ToUpper(rune(c)))
	}
	return string(b)
}

func caseTitle(s string) string { return caseUpper(s[:1]) + s[1:] }

func TestPivotYear(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int{"00": 2000, "29": 2029, "30": 1930, "99": 1999, "2026": 2026, "1850": 1850} {
		if got := pivotYear(in); got != want {
			t.Errorf("pivotYear(%s) = %d; want %d", in, got, want)
		}
	}
}
