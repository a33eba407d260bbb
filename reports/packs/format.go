package packs

import (
	"strings"
	"time"

	"kam/i18n"
	"kam/reports/html"
)

// locale writes the packs' figures through the main report's formatter
// (html.FormatValue, from the language's i18n format entry), so a figure
// reads the same on a pack as in the report.
type locale struct {
	lang, code string
	f          i18n.Format
	fmt        func(unit string, v any) string // html.FormatValue in the language and currency
}

func newLocale(lang, currency string) locale {
	return locale{lang: lang, code: currency, f: i18n.FormatOf(lang), fmt: html.Formatter(lang, currency)}
}

const na = "—"

func (l locale) t(key string, args ...any) string { return i18n.T(l.lang, key, args...) }

func (l locale) format(unit string, v any) string { return l.fmt(unit, v) }

func (l locale) money(v any) string { return l.format("money", v) }
func (l locale) pct(v any) string   { return l.format("pct", v) }
func (l locale) score(v any) string { return l.format("score", v) }
func (l locale) count(v any) string { return l.format("count", v) }
func (l locale) ratio(v any) string { return l.format("ratio", v) }

// signedPct puts a + before a rise.
func (l locale) signedPct(v any) string {
	x, ok := toFloat(v)
	s := l.pct(v)
	if ok && x > 0 && strings.Trim(s, "0.,%\u00a0") != "" {
		return "+" + s
	}
	return s
}

func (l locale) month(t time.Time) string { return l.f.FormatMonth(t) }

func (l locale) period(p string) string {
	t, err := time.Parse("2006-01", p)
	if err != nil {
		return p
	}
	return l.f.FormatPeriod(t)
}

// val is the label of an enumerated value (val.<column>.<value>), else the value.
func (l locale) val(column, value string) string {
	if key := "val." + column + "." + value; i18n.Has(key) {
		return l.t(key)
	}
	return value
}
