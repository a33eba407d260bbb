package parse

import (
	"strconv"
	"strings"
)

// periodPattern is the grammar of a period; the groups are read by
// periodFrom and PeriodSQL. A date (dt) comes last so that the shorter
// forms are tried first.
func periodPattern() string {
	w := wsClass
	quarter := `[QqTt][1-4]|[1-4][QqTt]`
	sep := w + `*[-/]?` + w + `*`
	de := w + `+(?:` + caseless("de") + `[lL]?` + w + `+)?`
	forms := []string{
		`(?P<ymy>\d{4})[-/](?P<ymm>\d{1,2})`,
		`(?P<mym>\d{1,2})[-/](?P<myy>\d{4})`,
		`(?P<cy>\d{4})(?P<cm>\d{2})`,
		`(?P<nmn>` + monthPattern() + `)\.?(?:` + w + `*[-/.]` + w + `*|` + de + `)?(?P<nmy>\d{4}|\d{2})`,
		`(?P<yqy>\d{4})` + sep + `(?P<yqq>` + quarter + `)`,
		`(?P<qyq>` + quarter + `)` + sep + `(?P<qyy>\d{4})`,
		`(?P<yr>\d{4})`,
		`(?:` + caseless("fy") + `|` + caseless("af") + `|` + caseless("ef") + `)` + w + `*-?` + w + `*(?P<fy>\d{4}|\d{2})`,
		`(?P<dt>` + datePattern(false) + `)`,
	}
	return `^` + w + `*(?:` + strings.Join(forms, "|") + `)` + w + `*$`
}

var periodGrammar = newGrammar(periodPattern())

// PeriodSQL returns DuckDB expressions over col for the canonical label
// (VARCHAR), the start (DATE) and the length in months (INTEGER); NULL for
// blanks and rejects. fyStart is bound into the expression as a literal int.
//
// The three share one expression that yields a struct; DuckDB evaluates
// identical expressions of one select list once. Unlike numbers and dates,
// the groups come straight from the full grammar, which costs DuckDB a few
// microseconds per value: periods label targets and rates, thousands of
// rows rather than millions.
func PeriodSQL(col string, fyStart int) (label, start, months string) {
	fy := strconv.Itoa(fyStartOrJan(fyStart))
	set := func(kind int, y, m string) string {
		return "{'k': " + strconv.Itoa(kind) + ", 'y': (" + y + ")::INTEGER, 'm': (" + m + ")::INTEGER}"
	}
	quarter := func(tok string) string {
		return "3 * replace(replace(lower(" + tok + "), 'q', ''), 't', '')::INTEGER - 2"
	}
	date := sqlLet(dateSQL("r.dt", "dmy", false, false, "d"), "dd", set(kindMonth, "year(dd)", "month(dd)"))
	parts := "CASE WHEN r.ymy <> '' THEN " + set(kindMonth, "r.ymy", "r.ymm") +
		" WHEN r.mym <> '' THEN " + set(kindMonth, "r.myy", "r.mym") +
		" WHEN r.cy <> '' THEN " + set(kindMonth, "r.cy", "r.cm") +
		" WHEN r.nmn <> '' THEN " + set(kindMonth, pivotYearSQL("r.nmy"), monthNumberSQL("r.nmn")) +
		" WHEN r.yqy <> '' THEN " + set(kindQuarter, "r.yqy", quarter("r.yqq")) +
		" WHEN r.qyq <> '' THEN " + set(kindQuarter, "r.qyy", quarter("r.qyq")) +
		" WHEN r.yr <> '' THEN " + set(kindYear, "r.yr", "1") +
		" WHEN r.fy <> '' THEN " + set(kindFiscal, pivotYearSQL("r.fy"), fy) +
		" WHEN r.dt <> '' THEN " + date + " END"
	check := "CASE WHEN p.y BETWEEN " + strconv.Itoa(minYear) + " AND " + strconv.Itoa(maxYear) + " AND p.m BETWEEN 1 AND 12 THEN {" +
		"'label': CASE p.k WHEN 1 THEN printf('%04d-%02d', p.y, p.m) WHEN 3 THEN printf('%04d-Q%d', p.y, (p.m + 2) // 3)" +
		" WHEN 12 THEN printf('%04d', p.y) ELSE printf('FY%04d', p.y) END, " +
		"'start': make_date(p.y - CASE WHEN p.k = 0 AND p.m > 1 THEN 1 ELSE 0 END, p.m, 1), " +
		"'months': CASE WHEN p.k = 0 THEN 12 ELSE p.k END} END"
	core := periodGrammar.sqlExtract(col, "r", sqlLet(parts, "p", check))
	return "struct_extract(" + core + ", 'label')", "struct_extract(" + core + ", 'start')", "struct_extract(" + core + ", 'months')"
}
