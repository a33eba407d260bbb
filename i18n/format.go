package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Format is how a language writes numbers, money and dates: the "format"
// entry of its locale file. The decimal and thousands separators are not
// written there: they come from the Unicode CLDR for Tag, through
// golang.org/x/text here and Intl.NumberFormat in the HTML page, so both
// agree.
type Format struct {
	Tag           string   `json:"tag"`            // BCP 47 tag: en-GB, es-ES
	CurrencyAfter bool     `json:"currency_after"` // 1.234 € rather than €1,234
	CurrencySpace bool     `json:"currency_space"` // a space between amount and symbol even for €
	PercentSpace  bool     `json:"percent_space"`  // 45,3 % rather than 45.3%
	Date          string   `json:"date"`           // a day: {d} {mon} {yyyy}, {dd}/{mm}/{yyyy}
	Period        string   `json:"period"`         // a month in words: {month} de {yyyy}
	Months        []string `json:"months"`         // short month names, for days and chart axes
	MonthsLong    []string `json:"months_long"`    // month names, for the period
	XLSXDate      string   `json:"xlsx_date"`      // Excel number format of a date
	XLSXDateTime  string   `json:"xlsx_datetime"`  // Excel number format of a date and time

	Decimal string `json:"-"` // from the CLDR for Tag
	Group   string `json:"-"` // from the CLDR for Tag
}

// derive checks the entry and fills the separators from the CLDR.
func (f *Format) derive() error {
	tag, err := language.Parse(f.Tag)
	if err != nil {
		return fmt.Errorf("format.tag %q: %w", f.Tag, err)
	}
	if len(f.Months) != 12 || len(f.MonthsLong) != 12 {
		return fmt.Errorf("format: months and months_long need 12 names each")
	}
	for _, s := range []string{f.Date, f.Period, f.XLSXDate, f.XLSXDateTime} {
		if s == "" {
			return fmt.Errorf("format: date, period, xlsx_date and xlsx_datetime are all needed")
		}
	}
	// 1234.5 written the CLDR's way: the text between 1 and 234 is the
	// group separator, between 234 and 5 the decimal one.
	s := message.NewPrinter(tag).Sprint(number.Decimal(1234.5, number.Scale(1)))
	i, j := strings.Index(s, "1"), strings.Index(s, "234")
	k := strings.LastIndex(s, "5")
	if i < 0 || j < i || k < j+3 {
		return fmt.Errorf("format.tag %q: cannot read the separators from %q", f.Tag, s)
	}
	f.Group, f.Decimal = s[i+1:j], s[j+3:k]
	if f.Decimal == "" {
		return fmt.Errorf("format.tag %q: no decimal separator in %q", f.Tag, s)
	}
	return nil
}

// FormatOf is lang's Format (Default's when kam does not write lang).
func FormatOf(lang string) Format { return locales[Lang(lang)].Format }

// Number writes v with the given decimals and the language's separators,
// rounding half away from zero as Excel does (6612.5 → 6.613); a value
// that rounds to zero has no minus sign.
func (f Format) Number(v float64, decimals int) string {
	scale := math.Pow(10, float64(decimals))
	s := strconv.FormatFloat(math.Round(math.Abs(v)*scale)/scale, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("-")
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(f.Group)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(f.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Decimals writes a number already in text with a point ("2.5") with the
// language's decimal separator.
func (f Format) Decimals(s string) string {
	if f.Decimal == "." {
		return s
	}
	return strings.ReplaceAll(s, ".", f.Decimal)
}

// FormatDate writes a day by the Date pattern: 20 Oct 2026, 20/10/2026.
func (f Format) FormatDate(t time.Time) string {
	return strings.NewReplacer(
		"{dd}", fmt.Sprintf("%02d", t.Day()), "{d}", strconv.Itoa(t.Day()),
		"{mm}", fmt.Sprintf("%02d", int(t.Month())), "{mon}", f.Months[t.Month()-1],
		"{yyyy}", strconv.Itoa(t.Year()),
	).Replace(f.Date)
}

// FormatPeriod writes a month in words by the Period pattern: October 2026,
// octubre de 2026.
func (f Format) FormatPeriod(t time.Time) string {
	return strings.NewReplacer("{month}", f.MonthsLong[t.Month()-1], "{yyyy}", strconv.Itoa(t.Year())).Replace(f.Period)
}

// FormatMonth writes a month for chart axes: Oct 2026, oct 2026.
func (f Format) FormatMonth(t time.Time) string {
	return f.Months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
