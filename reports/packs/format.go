package packs

import (
	"math"
	"strings"
	"time"

	"kam/i18n"
)

// locale writes numbers, money and dates the language's way, from the
// language's format entry (i18n.Format), as the main report does.
type locale struct {
	code      string // the currency's ISO code
	lang      string
	f         i18n.Format
	symbol    string
	symBefore bool
	symSpace  bool
}

var currencySymbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}

func newLocale(lang, currency string) locale {
	f := i18n.FormatOf(lang)
	sym, known := currencySymbols[currency]
	if !known {
		sym = currency
	}
	return locale{code: currency, lang: lang, f: f, symbol: sym, symBefore: !f.CurrencyAfter, symSpace: f.CurrencySpace || !known}
}

const na = "—"

func (l locale) t(key string, args ...any) string { return i18n.T(l.lang, key, args...) }

func (l locale) money(v any) string {
	x, ok := toFloat(v)
	if !ok {
		return na
	}
	return l.withSymbol(l.f.Number(x, 0))
}

func (l locale) withSymbol(amount string) string {
	sp := ""
	if l.symSpace {
		sp = "\u00a0"
	}
	if l.symBefore {
		if neg, ok := strings.CutPrefix(amount, "-"); ok {
			return "-" + l.symbol + sp + neg
		}
		return l.symbol + sp + amount
	}
	return amount + sp + l.symbol
}

func (l locale) pct(v any) string {
	x, ok := toFloat(v)
	if !ok {
		return na
	}
	s := l.f.Number(x*100, 1)
	if l.f.PercentSpace {
		return s + "\u00a0%"
	}
	return s + "%"
}

// signedPct puts a + before a rise.
func (l locale) signedPct(v any) string {
	x, ok := toFloat(v)
	s := l.pct(v)
	if ok && x > 0 && strings.Trim(s, "0.,%\u00a0") != "" {
		return "+" + s
	}
	return s
}

func (l locale) score(v any) string {
	x, ok := toFloat(v)
	if !ok {
		return na
	}
	return l.f.Number(x, 1)
}

func (l locale) count(v any) string {
	x, ok := toFloat(v)
	if !ok {
		return na
	}
	return l.f.Number(x, 0)
}

func (l locale) ratio(v any) string {
	x, ok := toFloat(v)
	if !ok || math.IsInf(x, 0) {
		return na
	}
	return l.f.Number(x, 1) + "×"
}

func (l locale) date(v any) string {
	t, ok := v.(time.Time)
	if !ok || t.IsZero() {
		return na
	}
	return l.f.FormatDate(t)
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

func (l locale) currency() string { return l.code }
