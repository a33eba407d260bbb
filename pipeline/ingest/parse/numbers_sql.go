package parse

import (
	"regexp"
	"strings"
)

// currency is a symbol, optionally after up to three capitals (€, $, US$,
// MX$, R$), a three-letter code (EUR, USD), a currency written in letters
// (letterSigns), or the rupee's abbreviation as
// Indian software writes it (Rs. 1,00,000, Rs 2,50,000.50, RS.). The symbols
// are the Latin-1 ones and Unicode's currency block, listed rather than
// \p{Sc} so that Go and DuckDB cannot disagree on the Unicode version.
const currency = `(?:[A-Z]{0,3}[$\x{A2}-\x{A5}\x{20A0}-\x{20CF}]|[A-Z]{3}|` + rupeeAbbrev + `|` + letterSigns + `)`

// letterSigns are the currencies written with letters, not a symbol nor
// their code: the złoty (1 234,56 zł), the koruna (Kč), the forint (Ft),
// the leu (lei), Peru's sol (S/ 1,234.56) and the Nordic crowns (kr, kr.),
// which Comarch, Subiekt, Pohoda, Fortnox, Visma and e-conomic print after
// every amount. Without them each such amount was not a number.
const letterSigns = `zł|Zł|ZŁ|Kč|Ft|lei|S/\.?|[kK]r\.?`

// rupeeAbbrev is Rs., Rs or RS: its dot is no decimal point, so the
// parsers step over it (rupeeDot) before looking for the digits.
const rupeeAbbrev = `R[sS]\.?`

// numberPattern is the grammar of a number whose decimal separator is dec,
// as one regular expression without groups, so that DuckDB checks it with
// a DFA in one pass. The rules that would need counting are spelled out as
// alternatives: one currency at most, before or after; one sign at most,
// leading (before or after a leading currency), trailing (SAP), or
// parentheses around the number and its currency, or with the currency
// after them. The integer part is
// plain or grouped in threes by the other separator, by spaces or by
// apostrophes (Swiss 1'234.56, also typeset 1’234.56), one kind per number, or in a decimal-point column as India
// groups it (lakh and crore: 1,23,456.78); a grouped number never starts
// with 0, so 0.500 is not 500 in a comma column. Scientific notation takes plain
// numbers only and no percent sign.
func numberPattern(dec byte) string {
	w := wsClass + "*"
	d := regexp.QuoteMeta(string(dec))
	head := `[1-9]\d{0,2}`
	grouped := head + `(?:` + regexp.QuoteMeta(string(thousandsOf(dec))) + `\d{3})+|` +
		head + `(?:[ \x{A0}\x{202F}]\d{3})+|` + head + `(?:['\x{2019}]\d{3})+`
	if dec == '.' {
		// India's lakh and crore grouping: 1,23,456.78 and 1,00,00,000.
		grouped += `|[1-9]\d?(?:,\d{2})+,\d{3}`
	}
	plain := `(?:\d+(?:` + d + `\d+)?|` + d + `\d+)`
	num := `(?:` + plain + `[eE][-+]?\d{1,3}|(?:(?:\d+|` + grouped + `)(?:` + d + `\d+)?|` + d + `\d+)(?:` + w + `%)?)`
	sign := `[-+\x{2212}]`
	type part struct {
		re   string
		cur  bool
		sign int // 0 none, 1 a sign, 2 a parenthesis
	}
	pre := []part{
		{``, false, 0},
		{currency + w, true, 0},
		{sign + w, false, 1},
		{sign + w + currency + w + `|` + currency + w + sign + w, true, 1},
		{`\(` + w, false, 2},
		{`\(` + w + currency + w + `|` + currency + w + `\(` + w, true, 2},
	}
	suf := []part{
		{``, false, 0},
		{w + currency, true, 0},
		{w + `-`, false, 1},
		{w + currency + w + `-`, true, 1},
		{w + `\)`, false, 2},
		{w + currency + w + `\)`, true, 2},
		// Excel's accounting formats put the symbol after the brackets:
		// (1.234,56) €.
		{w + `\)` + w + currency, true, 2},
	}
	var alts []string
	for _, p := range pre {
		for _, s := range suf {
			signs := p.sign == 0 && s.sign < 2 || p.sign == 1 && s.sign == 0 || p.sign == 2 && s.sign == 2
			if signs && !(p.cur && s.cur) {
				alts = append(alts, `(?:`+p.re+`)`+num+`(?:`+s.re+`)`)
			}
		}
	}
	return `^` + w + `(?:` + strings.Join(alts, "|") + `)` + w + `$`
}

func thousandsOf(dec byte) byte {
	if dec == ',' {
		return '.'
	}
	return ','
}

// numberPieces picks the pieces out of a number numberPattern accepted:
// the sign before the number (sg), the integer part grouped (gi) or plain
// (pi), fraction, exponent, percent and trailing minus. It relies on the
// validation and is loose elsewhere, which keeps it small enough for RE2
// to extract groups fast; the full grammar with groups is several times
// slower per value.
func numberPieces(dec byte) string {
	d := regexp.QuoteMeta(string(dec))
	t := regexp.QuoteMeta(string(thousandsOf(dec)))
	return `(?s)^(?:R[sS]\.|[^-\x{2212}(0-9` + d + `])*(?P<sg>[-\x{2212}(]?)(?:R[sS]\.|[^0-9` + d + `])*` +
		`(?:(?P<gi>[0-9]{1,3}(?:[` + t + `'\x{2019} \x{A0}\x{202F}][0-9]{3})+|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3})|(?P<pi>[0-9]+))?` +
		`(?:` + d + `(?P<fp>[0-9]+))?(?:[eE](?P<ex>[-+]?[0-9]+))?[^%-]*(?P<pc>%?)[^-]*(?P<tr>-?)`
}

var (
	numberGrammars = map[byte]*regexp.Regexp{
		'.': regexp.MustCompile(numberPattern('.')),
		',': regexp.MustCompile(numberPattern(',')),
	}
	numberPiecesGrammars = map[byte]*grammar{
		'.': newGrammar(numberPieces('.')),
		',': newGrammar(numberPieces(',')),
	}
)

// numberSimple is the common case: an optional minus, the digits grouped
// by the column's thousands separator or not, and a fraction, with nothing
// around. Such values need no extraction: split_part and replace find
// their parts.
func numberSimple(dec byte) string {
	d := regexp.QuoteMeta(string(dec))
	t := regexp.QuoteMeta(string(thousandsOf(dec)))
	return `^-?(?:(?:\d+|[1-9]\d{0,2}(?:` + t + `\d{3})+)(?:` + d + `\d+)?|` + d + `\d+)$`
}

// SQL is a DuckDB expression over the VARCHAR expression col that yields
// DECIMAL(38,10): the same value as ParseNumber, NULL for blanks and for
// values ParseNumber rejects.
//
// A simple value (numberSimple) costs one match and string functions;
// others are checked against numberPattern and taken apart by
// numberPieces. Exponents and percentages move the decimal point in the
// digits, because DuckDB's own handling of exponents loses digits. col is
// read several times rather than bound to a lambda variable once: DuckDB
// evaluates a CASE inside a lambda at about half the speed of one outside,
// which costs more than re-reading an expression such as nullif(trim(c), ”).
func (f NumberFormat) SQL(col string) string {
	dec := f.decimal()
	d, t := sqlString(string(dec)), sqlString(string(thousandsOf(dec)))
	unsigned := "CASE WHEN " + col + "[1] = '-' THEN " + col + "[2:] ELSE " + col + " END"
	simple := decimalSQL(col+"[1] = '-'", "replace(split_part("+unsigned+", "+d+", 1), "+t+", '')", "split_part("+unsigned+", "+d+", 2)")

	intPart := "CASE WHEN m.gi = '' THEN m.pi WHEN contains(m.gi, " + t + ") THEN replace(m.gi, " + t + ", '')" +
		" ELSE replace(replace(replace(replace(replace(m.gi, ' ', ''), '\u00a0', ''), '\u202f', ''), '''', ''), '\u2019', '') END"
	intDigits := "length(" + intPart + ")"
	neg := "(m.sg <> '' OR m.tr <> '')"
	exp := "CASE WHEN m.pc <> '' THEN -2 ELSE m.ex::INTEGER END"
	shifted := sqlLet("{'d': "+intPart+" || m.fp, 'p': ("+intDigits+") + "+exp+"}", "z",
		"CASE WHEN z.p <= 0 THEN {'i': '', 'f': repeat('0', -z.p) || z.d}"+
			" WHEN z.p >= length(z.d) THEN {'i': z.d || repeat('0', z.p - length(z.d)), 'f': ''}"+
			" ELSE {'i': left(z.d, z.p), 'f': substr(z.d, z.p + 1)} END")
	general := "CASE WHEN m.ex = '' AND m.pc = '' THEN " + decimalSQL(neg, intPart, "m.fp") +
		" ELSE " + sqlLet(shifted, "x", decimalSQL(neg, "x.i", "x.f")) + " END"
	return "CASE WHEN regexp_full_match(" + col + ", " + sqlString(numberSimple(dec)) + ") THEN " + simple +
		" WHEN regexp_full_match(" + col + ", " + sqlString(numberGrammars[dec].String()) + ") THEN " +
		numberPiecesGrammars[dec].sqlExtract(col, "m", general) + " END"
}

// decimalSQL is the DECIMAL(38,10) of the integer digits ip and fraction
// digits fp, negative when neg. DuckDB's cast of text to DECIMAL(38,10)
// works digit by digit in 128 bits and costs microseconds per value, so
// integers of up to 7 digits, which are most, go through DECIMAL(18,10),
// where rounding carries cannot overflow, and longer ones through HUGEINT
// for the integer and DECIMAL(18,10) for the fraction. Both round the
// fraction half away from zero, like canonicalDecimal. Only integers of
// over 27 digits, near or past the limit, take the slow cast, which also
// turns an overflow into NULL.
func decimalSQL(neg, ip, fp string) string {
	sign := "CASE WHEN " + neg + " THEN '-' ELSE '' END"
	return "CASE WHEN length(" + ip + ") <= 7 THEN (" + sign + " || " + ip + " || '.' || " + fp + ")::DECIMAL(18,10)::DECIMAL(38,10)" +
		" WHEN length(" + ip + ") <= 27 THEN (" + sign + " || " + ip + ")::HUGEINT::DECIMAL(38,10)" +
		" + (" + sign + " || '0.' || " + fp + ")::DECIMAL(18,10)" +
		" ELSE try_cast(" + sign + " || " + ip + " || '.' || " + fp + " AS DECIMAL(38,10)) END"
}

// currencyMarker finds the currency a number's text is written with, as
// numberPattern accepts it (€, US$, USD); Go's and DuckDB's RE2 both take
// the leftmost match, so both find the same text.
var currencyMarker = regexp.MustCompile(currency)

// CurrencyMarker is the currency written around a number ("1.000,00 USD" →
// "USD", "€ 5" → "€"), "" when there is none.
func CurrencyMarker(s string) string { return currencyMarker.FindString(s) }

// CurrencyMarkerSQL is CurrencyMarker over the VARCHAR expression col:
// NULL when col is NULL or writes no currency.
func CurrencyMarkerSQL(col string) string {
	return "nullif(regexp_extract(" + col + ", " + sqlString(currency) + "), '')"
}
