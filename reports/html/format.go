package html

import (
	"math"
	"strings"
	"time"

	"kam/i18n"
	"kam/reports/report"
)

// locale formats numbers, money and dates for the report's language, from
// the language's format entry (i18n.Format): in Spanish 1.234.567 € and
// 45,3 %, in English €1,234,567 and 45.3%. The page's script gets the same
// settings (jsLocale) and the tag for Intl.NumberFormat, so tooltips agree
// with tables.
type locale struct {
	Lang      string      `json:"lang"`
	Tag       string      `json:"tag"`       // BCP 47, for Intl.NumberFormat
	Symbol    string      `json:"symbol"`    // €, $, £ or the ISO code
	SymBefore bool        `json:"symBefore"` // €1,234 (en) rather than 1.234 € (es)
	SymSpace  bool        `json:"symSpace"`  // a space between amount and code (CHF 1,234)
	PctSpace  bool        `json:"pctSpace"`  // 45,3 % (es) rather than 45.3% (en)
	NA        string      `json:"na"`        // shown for a missing value
	Months    []string    `json:"months"`    // short month names
	Units     []string    `json:"units"`     // thousand, million, billion in short amounts
	f         i18n.Format // the language's separators and date patterns
}

func newLocale(lang, currency string) locale {
	f := i18n.FormatOf(lang)
	sym, known := report.CurrencySymbol(currency)
	return locale{Lang: lang, Tag: f.Tag, Symbol: sym, SymBefore: !f.CurrencyAfter, SymSpace: f.CurrencySpace || !known,
		PctSpace: f.PercentSpace, NA: "—", Months: f.Months, f: f,
		Units: []string{i18n.T(lang, "html.unit_thousand"), i18n.T(lang, "html.unit_million"), i18n.T(lang, "html.unit_billion")}}
}

// toFloat reads a number the driver returned: report.ToFloat.
func toFloat(v any) (float64, bool) { return report.ToFloat(v) }

// number writes v with the given decimals and the language's separators.
func (l locale) number(v float64, decimals int) string { return l.f.Number(v, decimals) }

// withSymbol places the currency symbol around a formatted amount.
func (l locale) withSymbol(amount string) string {
	sp := ""
	if l.SymSpace {
		sp = "\u00a0"
	}
	if l.SymBefore {
		if neg, ok := strings.CutPrefix(amount, "-"); ok {
			return "-" + l.Symbol + sp + neg
		}
		return l.Symbol + sp + amount
	}
	return amount + sp + l.Symbol
}

// Money in whole units of the reporting currency.
func (l locale) Money(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return l.NA
	}
	return l.withSymbol(l.number(f, 0))
}

// MoneyShort writes an amount for a chart label: €1.2M, 26,4 M€, €640k;
// report.js's moneyShort does the same for axes.
func (l locale) MoneyShort(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return l.NA
	}
	for i, step := range []float64{1e9, 1e6, 1e3} {
		if math.Abs(f) < step {
			continue
		}
		x := f / step
		d := 1
		if math.Abs(x) >= 100 || x == math.Round(x) {
			d = 0
		}
		unit := l.Units[2-i]
		if l.SymBefore {
			return l.withSymbol(l.number(x, d)) + unit
		}
		return l.number(x, d) + "\u00a0" + unit + l.Symbol
	}
	return l.Money(f)
}

// Pct writes a fraction as a percentage with one decimal (0.925 → 92,5 %).
func (l locale) Pct(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return l.NA
	}
	s := l.number(f*100, 1)
	if l.PctSpace {
		return s + "\u00a0%"
	}
	return s + "%"
}

// PP writes a change of a fraction in percentage points (−0.0129 → −1,3 pp).
func (l locale) PP(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return l.NA
	}
	return signed(l.number(f*100, 1), f) + "\u00a0pp"
}

// Score writes a 0–100 score with one decimal.
func (l locale) Score(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return l.NA
	}
	return l.number(f, 1)
}

// Count writes a whole number (also the HHI, an index of 0–10,000).
func (l locale) Count(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return l.NA
	}
	return l.number(f, 0)
}

// Dec writes a number with one decimal (hours, years).
func (l locale) Dec(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return l.NA
	}
	return l.number(f, 1)
}

// Ratio writes a multiple such as a ROI (17.7 → 17,7×).
func (l locale) Ratio(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return l.NA
	}
	return l.number(f, 1) + "×"
}

// Date writes a day: 20/10/2026 in Spanish, 20 Oct 2026 in English.
func (l locale) Date(v any) string {
	t, ok := v.(time.Time)
	if !ok || t.IsZero() {
		return l.NA
	}
	return l.f.FormatDate(t)
}

// Month writes a month for chart axes: oct 2026 / Oct 2026.
func (l locale) Month(t time.Time) string { return l.f.FormatMonth(t) }

// Period writes the report month YYYY-MM in words: octubre de 2026 / October 2026.
func (l locale) Period(p string) string {
	t, err := time.Parse("2006-01", p)
	if err != nil {
		return p
	}
	return l.f.FormatPeriod(t)
}

// signed puts a + before a positive change.
func signed(s string, f float64) string {
	if f > 0 && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

// FormatValue writes v as the page shows a value of a unit (money, pct,
// share, score, count, index, dec, ratio, date) in a language and currency.
func FormatValue(lang, currency, unit string, v any) string {
	return newLocale(lang, currency).format(unit, v)
}

// Formatter is FormatValue for one language and currency, the locale made
// once: the packs format tens of thousands of figures.
func Formatter(lang, currency string) func(unit string, v any) string {
	return newLocale(lang, currency).format
}

// format writes v in one of the kinds tables and tiles use.
func (l locale) format(kind string, v any) string {
	switch kind {
	case "money":
		return l.Money(v)
	case "pct", "share":
		return l.Pct(v)
	case "score":
		return l.Score(v)
	case "count", "index":
		return l.Count(v)
	case "dec":
		return l.Dec(v)
	case "ratio":
		return l.Ratio(v)
	case "date":
		return l.Date(v)
	}
	if v == nil {
		return l.NA
	}
	if s, ok := v.(string); ok {
		return s
	}
	if f, ok := toFloat(v); ok {
		return l.number(f, 0)
	}
	return l.NA
}
