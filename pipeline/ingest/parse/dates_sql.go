package parse

import (
	"regexp"
	"strconv"
	"strings"
)

// timePattern is a time after a date, checked for shape and dropped: T or
// spaces (or a comma) before it, optional seconds and fraction, AM/PM as
// English and Spanish exports write it (PM, p.m., p. m.), and a zone.
const timePattern = `(?:(?:T|` + wsClass + `+|,` + wsClass + `*)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?` +
	`(?:` + wsClass + `*[aApP]\.?` + wsClass + `?[mM]\.?)?` +
	`(?:` + wsClass + `*(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?))?)`

// datePattern is the grammar of a date, without groups so that DuckDB
// checks it with a DFA. The forms:
//
//	2026-10-31, 2026/10/31, 2026.10.31   year first, in any order
//	31/10/2026, 10/31/2026, 31-10-26     the column's order
//	20261031                             compact ISO
//	31-oct-2026, 31 Oct 2026, 31-oct.-26, 31 de octubre de 2026
//	Oct 31, 2026, October 31 2026
//	45231 or 45231.5                     an Excel serial, only when serial
//
// any but the serial optionally followed by a time. Both separators of a
// numeric date are the same; RE2 has no back-references, so the three
// separators are spelled out.
func datePattern(serial bool) string {
	w := wsClass
	mon := monthPattern()
	de := w + `+(?:` + caseless("de") + `[lL]?` + w + `+)?`
	sepDM := `(?:` + w + `*[-/.]` + w + `*|` + de + `)`
	sepMY := `\.?(?:` + w + `*[-/.,]` + w + `*|` + de + `)`
	sepMD := `\.?(?:` + w + `*[-/.]` + w + `*|` + w + `+)`
	sepDY := `(?:` + w + `*[-/.,]` + w + `*|` + w + `+)`
	var same []string
	for _, sep := range []string{`-`, `/`, `\.`} {
		same = append(same, sep+`\d{1,2}`+sep)
	}
	forms := []string{
		`\d{4}(?:` + strings.Join(same, `|`) + `)\d{1,2}`,
		`\d{1,2}(?:` + strings.Join(same, `|`) + `)(?:\d{4}|\d{2})`,
		`\d{8}`,
		`\d{1,2}` + sepDM + mon + sepMY + `(?:\d{4}|\d{2})`,
		mon + sepMD + `\d{1,2}` + sepDY + `(?:\d{4}|\d{2})`,
	}
	body := `(?:` + strings.Join(forms, "|") + `)` + timePattern + `?`
	if serial {
		body = `(?:` + body + `|\d{1,7}(?:[.,]\d+)?)`
	}
	return body
}

// datePiecesPattern picks the numbers and the month name out of a value that
// datePattern accepted: a b c for the numeric forms (a alone for the
// compact form and serials), a n1 y1 for a day before a month name,
// n2 d2 y2 for a month name first. It trusts the validation, so it is
// small, which is what keeps RE2's group extraction cheap.
const datePiecesPattern = `^[^0-9A-Za-z]*(?:(?P<a>[0-9]+)(?:[-/.](?P<b>[0-9]+)[-/.](?P<c>[0-9]+)` +
	`|[^0-9A-Za-z]*(?:[dD][eE][lL]?[^0-9A-Za-z]+)?(?P<n1>[A-Za-z]{3,})[^0-9]*?(?P<y1>[0-9]+))?` +
	`|(?P<n2>[A-Za-z]{3,})[^0-9]*(?P<d2>[0-9]+)[^0-9]+(?P<y2>[0-9]+))`

var (
	dateGrammars = [2]*regexp.Regexp{
		regexp.MustCompile(`^` + wsClass + `*` + datePattern(false) + wsClass + `*$`),
		regexp.MustCompile(`^` + wsClass + `*` + datePattern(true) + wsClass + `*$`),
	}
	datePieces = newGrammar(datePiecesPattern)
)

func dateGrammar(serial bool) *regexp.Regexp {
	if serial {
		return dateGrammars[1]
	}
	return dateGrammars[0]
}

// SQL is a DuckDB expression over the VARCHAR expression col that yields a
// DATE: the same as ParseDate, NULL for blanks and rejects.
//
// The date is assembled with make_date after checking the calendar, never
// by a failing cast or try(): DuckDB recovers from conversion errors row
// by row, which costs microseconds per bad value.
func (f DateFormat) SQL(col string) string {
	if f.Inverted {
		return invertedSQL(col)
	}
	return dateSQL(col, f.order(), f.Serial, f.Epoch1904, "")
}

// invertedSQL is invertedDate in SQL: eight digits (spaces around them
// allowed) whose inversion is a day of 1900–2100.
func invertedSQL(s string) string {
	t := "trim(" + s + ")"
	v := "lpad(CAST(99999999 - CAST(" + t + " AS BIGINT) AS VARCHAR), 8, '0')"
	return "CASE WHEN regexp_full_match(" + t + ", '[0-9]{8}') THEN " + isoSQL(v+"[1:4]", v+"[5:6]", v+"[7:8]") + " END"
}

// dateSQL is dateFrom in SQL over the VARCHAR expression s. The lambda
// variable starts with v, so that another grammar can embed a date.
//
// The parts become ISO text for try_cast, which checks the calendar; only
// an impossible date such as 31/02 takes the slow error path. Checking
// the calendar in SQL instead needs the parts bound to a second lambda
// variable, and DuckDB evaluates a CASE inside a lambda at about half the
// speed of one outside.
func dateSQL(s, order string, serial, epoch1904 bool, v string) string {
	r := func(name string) string { return v + "r." + name }
	a, b, c := r("a"), r("b"), r("c")
	dmy := isoSQL(c, b, a)
	switch order {
	case "mdy":
		dmy = isoSQL(c, a, b)
	case "ymd":
		dmy = "CASE WHEN length(" + a + ") = 2 AND length(" + c + ") = 2 THEN " + isoSQL(a, b, c) + " END"
	}
	body := "CASE WHEN " + b + " <> '' THEN CASE WHEN length(" + a + ") = 4 THEN " + isoSQL(a, b, c) + " ELSE " + dmy + " END" +
		" WHEN " + r("n1") + " <> '' THEN " + isoSQL(r("y1"), monthNumberSQL(r("n1"))+"::VARCHAR", a) +
		" WHEN " + r("n2") + " <> '' THEN " + isoSQL(r("y2"), monthNumberSQL(r("n2"))+"::VARCHAR", r("d2")) +
		" WHEN length(" + a + ") = 8 THEN " + isoSQL(a+"[1:4]", a+"[5:6]", a+"[7:8]")
	if serial {
		n := a + "::INTEGER"
		if epoch1904 {
			n = "(" + n + " + " + strconv.Itoa(epoch1904Days) + ")"
		}
		body += " WHEN " + n + " BETWEEN 1 AND 59 THEN DATE '1899-12-31' + " + n +
			" WHEN " + n + " BETWEEN 61 AND " + strconv.Itoa(maxSerial) + " THEN DATE '1899-12-30' + " + n
	}
	body += " END"
	return "CASE WHEN regexp_full_match(" + s + ", " + sqlString(dateGrammar(serial).String()) + ") THEN " +
		datePieces.sqlExtract(s, v+"r", body) + " END"
}

// isoSQL is the date of the VARCHAR expressions y (two or four digits), m
// and d (one or two digits), or NULL; four-digit years compare as text.
func isoSQL(y, m, d string) string {
	return "CASE WHEN length(" + y + ") = 2 OR " + y + " BETWEEN '" + strconv.Itoa(minYear) + "' AND '" + strconv.Itoa(maxYear) + "'" +
		" THEN try_cast(CASE WHEN length(" + y + ") = 2 THEN CASE WHEN " + y + " < '30' THEN '20' ELSE '19' END || " + y +
		" ELSE " + y + " END || '-' || " + m + " || '-' || " + d + " AS DATE) END"
}
