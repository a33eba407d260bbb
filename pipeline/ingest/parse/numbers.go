package parse

import (
	"regexp"
	"strconv"
	"strings"
)

// NumberFormat is the decision for one column of numbers.
type NumberFormat struct {
	Decimal   byte // '.' or ','
	Ambiguous bool // no value told the separators apart: Decimal comes from the locale hint
	Conflicts int  // sampled values whose separators contradict Decimal
}

// decimal is the decimal separator in force; the zero NumberFormat reads
// numbers the way Go and SQL write them.
func (f NumberFormat) decimal() byte {
	if f.Decimal == ',' {
		return ','
	}
	return '.'
}

// example is how the column writes 1234.56, for Error.Detail.
func (f NumberFormat) example() string {
	if f.decimal() == ',' {
		return "1.234,56"
	}
	return "1,234.56"
}

// DetectNumber decides the decimal separator of a column from sample values.
// localeHint ("es" or "en") decides when the samples do not; any hint but
// "en" counts as "es", the project's default.
//
// A value votes for a separator when it reads as a number with that
// separator and not with the other (how large it is does not matter):
// 1.234,56, 1.234.567, 1234,5 and 0,75 vote for the comma; 1.234 and
// 12,500 read either way and do not vote, nor does text that is no number
// at all. The majority wins and the minority are the Conflicts. A tie also
// goes to the hint, but is not Ambiguous: values did tell, they disagree.
func DetectNumber(samples []string, localeHint string) NumberFormat {
	var comma, dot int
	separated := false // some value has a separator the conventions read differently
	for _, s := range samples {
		if strings.ContainsAny(s, ".,") && strings.ContainsAny(rupeeDot.ReplaceAllString(s, "Rs"), ".,") {
			// The dot of Rs. 500 separates nothing.
			separated = true
		}
		_, okComma := numberParts(s, ',')
		_, okDot := numberParts(s, '.')
		switch {
		case okComma && !okDot:
			comma++
		case okDot && !okComma:
			dot++
		}
	}
	hint := byte(',')
	if localeHint == "en" {
		hint = '.'
	}
	switch {
	case comma == 0 && dot == 0:
		// Whole numbers without separators read the same either way: the
		// convention is no guess worth a note.
		return NumberFormat{Decimal: hint, Ambiguous: separated}
	case comma > dot || (comma == dot && hint == ','):
		return NumberFormat{Decimal: ',', Conflicts: dot}
	default:
		return NumberFormat{Decimal: '.', Conflicts: comma}
	}
}

// ParseNumber converts one value with the column's format. It returns the
// canonical decimal text ("-1234.56", no exponent, no grouping) and ok=false
// with an empty string for a blank value.
//
// The result has at most 10 decimals, like the DECIMAL(38,10) of the SQL
// path: more are rounded half away from zero, as DuckDB's cast does
// (0.00000000005 is 0.0000000001). A value of 10^28 or more after rounding
// does not fit and is an error. A percentage is the value divided by 100
// exactly (45,5 % is 0.455); scientific notation is expanded exactly.
func ParseNumber(s string, f NumberFormat) (dec string, ok bool, err error) {
	if trimSpace(s) == "" {
		return "", false, nil
	}
	n, ok := numberParts(s, f.decimal())
	if !ok {
		return "", false, &Error{Code: "number", Value: s, Detail: f.example()}
	}
	dec, ok = canonicalDecimal(n)
	if !ok {
		return "", false, &Error{Code: "number", Value: s, Detail: "less than 10^28"}
	}
	return dec, true, nil
}

// rupeeDot is the dot of the rupee's abbreviation (Rs. 1,00,000).
var rupeeDot = regexp.MustCompile(`R[sS]\.`)

// number is a parsed value before rounding: (-1)^neg × intDigits.frac × 10^exp.
type number struct {
	neg       bool
	intDigits string
	frac      string
	exp       int
}

// numberParts reads a value numberPattern accepts, and reports false for
// any other. The grammar has done the checking, so this only has to find
// the digits: from the first digit or decimal separator to the last digit.
// What lies outside is sign, currency, percent and space.
func numberParts(s string, dec byte) (number, bool) {
	if !numberGrammars[dec].MatchString(s) {
		return number{}, false
	}
	t := trimSpace(s)
	if strings.Contains(t, "s.") || strings.Contains(t, "S.") {
		// The dot of Rs. is part of the currency, not the decimal point.
		t = rupeeDot.ReplaceAllString(t, "Rs")
	}
	i := strings.IndexFunc(t, func(r rune) bool { return '0' <= r && r <= '9' || r == rune(dec) })
	j := strings.LastIndexAny(t, "0123456789")
	core, outside := t[i:j+1], t[:i]+t[j+1:]
	n := number{neg: strings.ContainsAny(outside, "-(\u2212")}
	if k := strings.IndexAny(core, "eE"); k >= 0 {
		n.exp, _ = strconv.Atoi(core[k+1:])
		core = core[:k]
	}
	if strings.Contains(outside, "%") {
		n.exp = -2
	}
	n.intDigits, n.frac, _ = strings.Cut(core, string(dec))
	n.intDigits = digitsOnly(n.intDigits)
	return n, true
}

func digitsOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// maxIntDigits is what DECIMAL(38,10) leaves for the integer part.
const maxIntDigits = 28

// canonicalDecimal moves the decimal point by exp, rounds to 10 decimals
// half away from zero and writes the result without redundant zeros. It
// reports false when the integer part has more than maxIntDigits digits.
func canonicalDecimal(n number) (string, bool) {
	digits := n.intDigits + n.frac
	point := len(n.intDigits) + n.exp
	var ip, fp string
	switch {
	case point <= 0:
		ip, fp = "0", strings.Repeat("0", -point)+digits
	case point >= len(digits):
		ip = digits + strings.Repeat("0", point-len(digits))
	default:
		ip, fp = digits[:point], digits[point:]
	}
	if len(fp) > 10 {
		up := fp[10] >= '5'
		fp = fp[:10]
		if up {
			sum := []byte(ip + fp)
			i := len(sum) - 1
			for ; i >= 0 && sum[i] == '9'; i-- {
				sum[i] = '0'
			}
			if i < 0 {
				sum = append([]byte{'1'}, sum...)
			} else {
				sum[i]++
			}
			ip, fp = string(sum[:len(sum)-10]), string(sum[len(sum)-10:])
		}
	}
	ip = strings.TrimLeft(ip, "0")
	fp = strings.TrimRight(fp, "0")
	if len(ip) > maxIntDigits {
		return "", false
	}
	if ip == "" {
		ip = "0"
	}
	out := ip
	if fp != "" {
		out += "." + fp
	}
	if n.neg && out != "0" {
		out = "-" + out
	}
	return out, true
}
