package i18n

// Text from the data shown to people (a file name, a value, a reject's
// detail) has its control and invisible characters escaped, so that a
// message says what is really there.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Printable shows a file name or value on a console as its characters
// really are: control characters (an ESC that would recolour the terminal,
// a BEL, a line break inside a name that would break the table), invisible
// ones (zero-width spaces, direction overrides, a no-break space) and
// bytes that are not UTF-8 are written as Go escapes (\x1b, \n, \u200b,
// \xff); everything else is left as it is.
func Printable(s string) string {
	if printable(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case r == ' ' || unicode.IsPrint(r):
			b.WriteString(s[i : i+n])
		default:
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}

func printable(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (r != ' ' && !unicode.IsPrint(r)) {
			return false
		}
		i += n
	}
	return true
}
