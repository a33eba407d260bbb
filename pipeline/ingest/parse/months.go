package parse

import (
	"sort"
	"strconv"
	"strings"
)

// monthNames are the Spanish and English month names and abbreviations
// that dates and periods accept, by month. Every name's first three letters
// identify its month, which is what lets SQL map a name to a number with
// one instr instead of a CASE of thirty strings.
var monthNames = [12][]string{
	{"january", "jan", "enero", "ene"},
	{"february", "feb", "febrero"},
	{"march", "mar", "marzo"},
	{"april", "apr", "abril", "abr"},
	{"may", "mayo"},
	{"june", "jun", "junio"},
	{"july", "jul", "julio"},
	{"august", "aug", "agosto", "ago"},
	{"september", "sep", "sept", "septiembre", "setiembre", "set"},
	{"october", "oct", "octubre"},
	{"november", "nov", "noviembre"},
	{"december", "dec", "diciembre", "dic"},
}

// monthKeys holds the three-letter keys in month order, English first,
// then the Spanish ones that differ, so a key found at byte offset i is
// month i/3%12+1. Fillers keep the Spanish row aligned.
const monthKeys = "janfebmaraprmayjunjulaugsepoctnovdec" +
	"ene------abr---------agoset------dic"

// monthPattern matches any month name in any case, longest names first so
// that the regexp tries "septiembre" before "sep".
func monthPattern() string {
	var all []string
	for _, names := range monthNames {
		all = append(all, names...)
	}
	sort.SliceStable(all, func(i, j int) bool { return len(all[i]) > len(all[j]) })
	for i, n := range all {
		all[i] = caseless(n)
	}
	return "(?:" + strings.Join(all, "|") + ")"
}

// monthNumber returns the month of a name the grammar accepted, or 0.
func monthNumber(name string) int {
	if len(name) < 3 {
		return 0
	}
	i := strings.Index(monthKeys, lowerASCII(name[:3]))
	if i < 0 || i%3 != 0 {
		return 0
	}
	return i/3%12 + 1
}

// monthNumberSQL is monthNumber in SQL over the VARCHAR expression name.
func monthNumberSQL(name string) string {
	return "((instr(" + sqlString(monthKeys) + ", lower(left(" + name + ", 3))) - 1) // 3 % 12 + 1)"
}

// pivotYear applies Excel's two-digit year rule: 00-29 are 20xx and 30-99
// are 19xx. Longer years are returned as written.
func pivotYear(s string) int {
	y, _ := strconv.Atoi(s)
	if len(s) == 2 {
		if y < 30 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

// pivotYearSQL is pivotYear in SQL over a VARCHAR of 2 or 4 digits.
func pivotYearSQL(s string) string {
	return "(" + s + "::INTEGER + CASE WHEN length(" + s + ") = 2 THEN CASE WHEN " + s +
		"::INTEGER < 30 THEN 2000 ELSE 1900 END ELSE 0 END)"
}

// Years outside minYear..maxYear are typos or placeholders (0001-01-01,
// 9999-12-31), not dates a key account plan is about.
const (
	minYear = 1900
	maxYear = 2100
)
