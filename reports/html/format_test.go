package html

import (
	"testing"
	"time"
)

func TestHTMLLocaleFormats(t *testing.T) {
	es, en := newLocale("es", "EUR"), newLocale("en", "EUR")
	usd, chf := newLocale("en", "USD"), newLocale("es", "CHF")
	day := time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{es.Money(1234567.0), "1.234.567\u00a0€"},
		{en.Money(1234567.0), "€1,234,567"},
		{en.Money(-2200.0), "-€2,200"},
		{es.Money(-2200.0), "-2.200\u00a0€"},
		{usd.Money(999.5), "$1,000"},
		{chf.Money(1234.0), "1.234\u00a0CHF"},
		{es.Money(nil), "—"},
		{es.Money(0.4), "0\u00a0€"},
		{es.Money(-0.4), "0\u00a0€"}, // no "-0"
		{es.Pct(0.925), "92,5\u00a0%"},
		{en.Pct(0.925), "92.5%"},
		{en.Pct(2.96), "296.0%"},
		{es.PP(-0.012866), "-1,3\u00a0pp"},
		{en.PP(0.0577), "+5.8\u00a0pp"},
		{es.Count(6612.5), "6.613"}, // half away from zero, as Excel
		{en.Count(7662.527), "7,663"},
		{en.Score(69.0), "69.0"},
		{es.Ratio(17.7069), "17,7×"},
		{en.MoneyShort(26442429.0), "€26.4M"},
		{es.MoneyShort(26442429.0), "26,4\u00a0M€"},
		{en.MoneyShort(165000.0), "€165k"},
		{es.MoneyShort(-6683213.0), "-6,7\u00a0M€"},
		{en.MoneyShort(640.0), "€640"},
		{es.Date(day), "20/10/2026"},
		{en.Date(day), "20 Oct 2026"},
		{es.Month(day), "oct 2026"},
		{es.Period("2026-10"), "octubre de 2026"},
		{en.Period("2026-10"), "October 2026"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestHTMLFloat reads the driver's number types, NULL and text.
func TestHTMLFloat(t *testing.T) {
	for _, c := range []struct {
		v    any
		want float64
		ok   bool
	}{{int64(3), 3, true}, {int32(-2), -2, true}, {2.5, 2.5, true}, {nil, 0, false}, {"7", 0, false}} {
		got, ok := toFloat(c.v)
		if got != c.want || ok != c.ok {
			t.Errorf("toFloat(%#v) = %v, %v; want %v, %v", c.v, got, ok, c.want, c.ok)
		}
	}
}
