package excel

import (
	"strings"
	"unicode"
)

// unordered returns q without its last top-level ORDER BY clause, for the
// aggregates that measure a block (its row count, its columns' widths):
// their result does not depend on the rows' order, but DuckDB sorts a
// subquery's rows all the same — at 1 M invoice lines, sorting the monthly
// history's 258,000 rows only to count them was half a second of the
// workbook. The clause is removed only when it is the query's last one at
// the outermost level: a LIMIT or OFFSET after it (a top-N, whose rows
// depend on the order) keeps q whole, and so does anything the scan cannot
// read with certainty (an unterminated quote or comment, unbalanced
// parentheses), and a clause that takes a parameter. An ORDER BY inside parentheses (a window, an aggregate's
// ordering, a subquery) is never touched.
func unordered(q string) string {
	at := -1 // where the outermost ORDER BY starts
	depth := 0
	last, lastAt := "", 0 // the previous word at the outermost level, and where it starts
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			end := closing(q, i+1, c)
			if end < 0 {
				return q
			}
			i, last = end+1, ""
		case c == '-' && strings.HasPrefix(q[i:], "--"):
			end := strings.IndexByte(q[i:], '\n')
			if end < 0 {
				i = len(q)
			} else {
				i += end + 1
			}
		case c == '/' && strings.HasPrefix(q[i:], "/*"):
			end := strings.Index(q[i+2:], "*/")
			if end < 0 {
				return q
			}
			i += end + 4
		case c == '(':
			depth++
			i++
		case c == ')':
			depth--
			if depth < 0 {
				return q
			}
			i, last = i+1, ""
		case isWordByte(c):
			j := i
			for j < len(q) && isWordByte(q[j]) {
				j++
			}
			if depth == 0 {
				w := strings.ToLower(q[i:j])
				switch {
				case w == "by" && last == "order":
					at = lastAt
				case at >= 0 && (w == "limit" || w == "offset" || w == "fetch"):
					return q // a top-N: the order decides which rows
				case w == "union" || w == "except" || w == "intersect":
					at = -1 // an ORDER BY before a set operation belongs to a part
				}
				last, lastAt = w, i
			}
			i = j
		default:
			if !unicode.IsSpace(rune(c)) {
				last = "" // "order" and "by" are two words in a row
			}
			i++
		}
	}
	if depth != 0 || at < 0 || strings.ContainsAny(q[at:], "?$") {
		return q // a parameter in the clause: the caller's arguments count it
	}
	return strings.TrimRightFunc(q[:at], unicode.IsSpace)
}

// closing is the index of the quote that ends a literal or quoted name
// opened before from (a doubled quote is an escaped one), or -1.
func closing(q string, from int, quote byte) int {
	for i := from; i < len(q); i++ {
		if q[i] != quote {
			continue
		}
		if i+1 < len(q) && q[i+1] == quote {
			i++
			continue
		}
		return i
	}
	return -1
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
