package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/duckdb/duckdb-go/v2"
)

type numberCase struct {
	in   string
	dec  byte
	want string // canonical; "" with ok=false
	err  bool
}

// blank is what ParseNumber returns for blanks: ok=false and no error.
const blank = ""

var numberCases = []numberCase{
	// The forms of the data contract, comma columns.
	{"1234,56", ',', "1234.56", false},
	{"1.234,56", ',', "1234.56", false},
	{"-1.234,56", ',', "-1234.56", false},
	{"(1.234,56)", ',', "-1234.56", false},
	{"1.234,56-", ',', "-1234.56", false},
	{"1.234,56 -", ',', "-1234.56", false},
	{"+12", ',', "12", false},
	{"\u221212", ',', "-12", false},
	{"\u2212 12", ',', "-12", false},
	{"€ 1.234,56", ',', "1234.56", false},
	{"1.234,56 €", ',', "1234.56", false},
	{"1.234,56€", ',', "1234.56", false},
	{"€1.234,56", ',', "1234.56", false},
	{"EUR 1.234,56", ',', "1234.56", false},
	{"1.234,56 EUR", ',', "1234.56", false},
	{"1.234,56EUR", ',', "1234.56", false},
	{"US$ 12", ',', "12", false},
	{"MX$12", ',', "12", false},
	{"£3", ',', "3", false},
	{"-€5", ',', "-5", false},
	{"€-5", ',', "-5", false},
	{"€ -5", ',', "-5", false},
	{"€ 5-", ',', "-5", false},
	{"5 €-", ',', "-5", false},
	{"(€ 1.234,56)", ',', "-1234.56", false},
	{"€ (1.234,56)", ',', "-1234.56", false},
	{"(1.234,56 €)", ',', "-1234.56", false},
	{"-1.234,56 €", ',', "-1234.56", false},
	{"1 234,56", ',', "1234.56", false},
	{"1\u00a0234,56", ',', "1234.56", false},
	{"1\u202f234\u00a0567,5", ',', "1234567.5", false},
	{"1'234,56", ',', "1234.56", false},
	{"1.234", ',', "1234", false},
	{"12.500", ',', "12500", false},
	{"1.234.567", ',', "1234567", false},
	{"1.234.567,891", ',', "1234567.891", false},
	{"0,75", ',', "0.75", false},
	{",5", ',', "0.5", false},
	{"-,5", ',', "-0.5", false},
	{"007", ',', "7", false},
	{"0", ',', "0", false},
	{"-0", ',', "0", false},
	{"-0,00", ',', "0", false},
	{"1,50", ',', "1.5", false},
	{"45%", ',', "0.45", false},
	{"45,5 %", ',', "0.455", false},
	{"45,5\u00a0%", ',', "0.455", false},
	{"100 %", ',', "1", false},
	{"-0,5%", ',', "-0.005", false},
	{"1.234,5 %", ',', "12.345", false},
	{"0,00000000012%", ',', "0", false},
	{"0,0000000125%", ',', "0.0000000001", false},
	{"1,23E+05", ',', "123000", false},
	{"1,5E-3", ',', "0.0015", false},
	{"1,5e3", ',', "1500", false},
	{"-1,23E+05 €", ',', "-123000", false},
	{"1E-11", ',', "0", false},
	{"5E-11", ',', "0.0000000001", false},
	{"-5E-11", ',', "-0.0000000001", false},
	{"0E999", ',', "0", false},
	{"1E+27", ',', "1000000000000000000000000000", false},
	{"  12  ", ',', "12", false},
	{"\t\u00a012\u3000\n", ',', "12", false},
	{"\u200312,5\u2029", ',', "12.5", false},
	// Rounding to DECIMAL(38,10): half away from zero.
	{"1,12345678905", ',', "1.1234567891", false},
	{"1,12345678904999", ',', "1.123456789", false},
	{"0,00000000005", ',', "0.0000000001", false},
	{"-0,00000000005", ',', "-0.0000000001", false},
	{"-0,00000000004", ',', "0", false},
	{"9,99999999995", ',', "10", false},
	{"0,123456789012345678901234567890", ',', "0.123456789", false},
	{"9999999999999999999999999999", ',', "9999999999999999999999999999", false},
	{"9.999.999.999.999.999.999.999.999.999,9999999999", ',', "9999999999999999999999999999.9999999999", false},
	{"00000000000000000000000000000000000001", ',', "1", false},
	// Blanks.
	{"", ',', blank, false},
	{"   ", ',', blank, false},
	{"\u00a0\u202f", ',', blank, false},
	// Rejects.
	{"10000000000000000000000000000", ',', "", true},
	{"9999999999999999999999999999,99999999995", ',', "", true},
	{"1E+28", ',', "", true},
	{"1E999", ',', "", true},
	{"12,34,5", ',', "", true},
	{"1.23.4", ',', "", true},
	{"1,5,6", ',', "", true},
	{"1.2345", ',', "", true},
	{"1.23", ',', "", true},
	{"0.500", ',', "", true},
	{"1234.567", ',', "", true},
	{"1.234 567", ',', "", true},
	{"1 2345", ',', "", true},
	{"1..234", ',', "", true},
	{"1.234,5.6", ',', "", true},
	{"1,", ',', "", true},
	{",", ',', "", true},
	{"-", ',', "", true},
	{"%", ',', "", true},
	{"€", ',', "", true},
	{"()", ',', "", true},
	{"abc", ',', "", true},
	{"12abc", ',', "", true},
	{"€ 5 €", ',', "", true},
	{"EUR 5 €", ',', "", true},
	{"5 €€", ',', "", true},
	{"EURO 5", ',', "", true},
	{"eur 5", ',', "", true},
	{"--5", ',', "", true},
	{"+-5", ',', "", true},
	{"-5-", ',', "", true},
	{"(5", ',', "", true},
	{"5)", ',', "", true},
	{"(-5)", ',', "", true},
	{"- (5)", ',', "", true},
	{"((5))", ',', "", true},
	{"1,5E3%", ',', "", true},
	{"1.234E3", ',', "", true},
	{"1E1234", ',', "", true},
	{"1E", ',', "", true},
	{"5 5", ',', "", true},
	{"5%%", ',', "", true},
	{"% 5", ',', "", true},
	{"1_000", ',', "", true},
	{"0x10", ',', "", true},
	{"1,5\x00", ',', "", true},
	{"١٢٣", ',', "", true},
	{"(1.234,56) €", ',', "-1234.56", false},
	{"(200,00)€", ',', "-200", false},
	{"(1.234,56 €) €", ',', "", true},
	{"€ (1.234,56) €", ',', "", true},
	// Dot columns.
	{"1234.56", '.', "1234.56", false},
	{"1,234.56", '.', "1234.56", false},
	{"$1,234.56", '.', "1234.56", false},
	{"($1,234.56)", '.', "-1234.56", false},
	{"(1,234.56) USD", '.', "-1234.56", false},
	{"-$1,234.56", '.', "-1234.56", false},
	{"1.234", '.', "1.234", false},
	{"1,234", '.', "1234", false},
	{"1,234,567.891", '.', "1234567.891", false},
	{"1'234.56", '.', "1234.56", false},
	{"1’234.56", '.', "1234.56", false}, // Swiss, typeset (it was rejected)
	{"-12’345’678.90", '.', "-12345678.9", false},
	{"1’234,56", ',', "1234.56", false},
	{"1’23", '.', "", true},
	{"1 234.56", '.', "1234.56", false},
	{"0.75", '.', "0.75", false},
	{".5", '.', "0.5", false},
	{"1.5E-3", '.', "0.0015", false},
	{"1.5e3", '.', "1500", false},
	{"45%", '.', "0.45", false},
	{"45.5 %", '.', "0.455", false},
	{"USD 12.5", '.', "12.5", false},
	// India groups by lakh and crore (they were rejected as malformed).
	{"1,23,456.78", '.', "123456.78", false},
	{"12,34,567", '.', "1234567", false},
	{"1,00,00,000.00", '.', "10000000", false}, // a crore
	{"₹1,23,456.78", '.', "123456.78", false},
	{"(1,23,456.78)", '.', "-123456.78", false},
	{"1,23,456 %", '.', "1234.56", false},
	// The rupee's abbreviation (it was rejected): its dot is no decimal point.
	{"Rs. 1,00,000", '.', "100000", false},
	{"Rs 2,50,000.50", '.', "250000.5", false},
	{"Rs.1,500", '.', "1500", false},
	{"Rs.5", '.', "5", false},
	{"RS. 99.90", '.', "99.9", false},
	{"-Rs. 1,00,000", '.', "-100000", false},
	{"Rs.-12.5", '.', "-12.5", false},
	{"(Rs. 1,00,000.25)", '.', "-100000.25", false},
	{"1,00,000 Rs.", '.', "100000", false},
	{"Rs. 1.234,56", ',', "1234.56", false},
	{"rs. 100", '.', "", true},
	{"Rx. 100", '.', "", true},
	{"1,23,456.78", ',', "", true},
	{"12,34", '.', "", true},
	{"1,2,345", '.', "", true},
	{"01,23,456", '.', "", true},
	{"1,23,45,6789", '.', "", true},
	{"1,5", '.', "", true},
	{"12,34,5", '.', "", true},
	{"1.234,56", '.', "", true},
	{"1.234.567", '.', "", true},
	{"1,23E+05", '.', "", true},
	{"1,234.5E3", '.', "", true},
}

func TestParseNumber(t *testing.T) {
	t.Parallel()
	for _, c := range numberCases {
		f := NumberFormat{Decimal: c.dec}
		got, ok, err := ParseNumber(c.in, f)
		switch {
		case c.err:
			var pe *Error
			if !errors.As(err, &pe) || pe.Code != "number" || pe.Value != c.in {
				t.Errorf("ParseNumber(%q, %c) = %q, %v, %v; want a number error", c.in, c.dec, got, ok, err)
			}
		case err != nil || got != c.want || ok != (c.want != blank):
			t.Errorf("ParseNumber(%q, %c) = %q, %v, %v; want %q", c.in, c.dec, got, ok, err, c.want)
		}
	}
}

func TestParseNumberDetail(t *testing.T) {
	t.Parallel()
	_, _, err := ParseNumber("1,5", NumberFormat{Decimal: '.'})
	if pe, ok := err.(*Error); !ok || pe.Detail != "1,234.56" {
		t.Errorf("1,5 in a dot column: %v; want Detail 1,234.56", err)
	}
	_, _, err = ParseNumber("1.2.3,4.5", NumberFormat{Decimal: ','})
	if pe, ok := err.(*Error); !ok || pe.Detail != "1.234,56" {
		t.Errorf("1.2.3,4.5 in a comma column: %v; want Detail 1.234,56", err)
	}
	_, _, err = ParseNumber("1E30", NumberFormat{Decimal: ','})
	if pe, ok := err.(*Error); !ok || !strings.Contains(pe.Detail, "10^28") {
		t.Errorf("1E30: %v; want an overflow Detail", err)
	}
}

func TestDetectNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		samples []string
		hint    string
		want    NumberFormat
	}{
		{[]string{"1.234,56", "12,5", "7"}, "en", NumberFormat{Decimal: ','}},
		{[]string{"1,234.56", "0.75", "7"}, "es", NumberFormat{Decimal: '.'}},
		{[]string{"1.234.567", "1.234"}, "en", NumberFormat{Decimal: ','}},
		{[]string{"1,234,567", "1,234"}, "es", NumberFormat{Decimal: '.'}},
		{[]string{"1234,5"}, "en", NumberFormat{Decimal: ','}},
		{[]string{"0,500"}, "en", NumberFormat{Decimal: ','}},
		{[]string{"1,23E+05"}, "en", NumberFormat{Decimal: ','}},
		{[]string{"€ 1.234,56", "(1.234,56)", "45,5 %"}, "en", NumberFormat{Decimal: ','}},
		// Only ambiguous values: the hint decides and says so.
		{[]string{"1.234", "12,500", "7", ""}, "es", NumberFormat{Decimal: ',', Ambiguous: true}},
		{[]string{"1.234", "12,500", "7", ""}, "en", NumberFormat{Decimal: '.', Ambiguous: true}},
		// Whole numbers (or no values) read the same either way: no guess.
		{nil, "en", NumberFormat{Decimal: '.'}},
		{[]string{"1", "30", "-7"}, "es", NumberFormat{Decimal: ','}},
		{[]string{"abc", "N/A", "1.2.3,4.5"}, "es", NumberFormat{Decimal: ',', Ambiguous: true}},
		{[]string{"Rs. 500", "Rs.75"}, "es", NumberFormat{Decimal: ','}},
		{[]string{"Rs. 1,00,000", "Rs.75"}, "es", NumberFormat{Decimal: '.'}},
		// Majority wins; the others are conflicts.
		{[]string{"1,5", "2,5", "3.5"}, "en", NumberFormat{Decimal: ',', Conflicts: 1}},
		{[]string{"1.5", "2.5", "3,5", "1.234"}, "es", NumberFormat{Decimal: '.', Conflicts: 1}},
		// A tie goes to the hint but is not ambiguous.
		{[]string{"1,5", "2.5"}, "en", NumberFormat{Decimal: '.', Conflicts: 1}},
		{[]string{"1,5", "2.5"}, "es", NumberFormat{Decimal: ',', Conflicts: 1}},
	}
	for _, tt := range tests {
		if got := DetectNumber(tt.samples, tt.hint); got != tt.want {
			t.Errorf("DetectNumber(%q, %s) = %+v; want %+v", tt.samples, tt.hint, got, tt.want)
		}
	}
}

// TestNumberSQL runs every table input through both column formats in Go
// and in DuckDB and requires the same value or the same rejection.
func TestNumberSQL(t *testing.T) {
	t.Parallel()
	var inputs []string
	for _, c := range numberCases {
		if sqlOK(c.in) {
			inputs = append(inputs, c.in)
		}
	}
	formats := []NumberFormat{{Decimal: ','}, {Decimal: '.'}}
	var exprs []string
	for _, f := range formats {
		exprs = append(exprs, f.SQL("v"))
	}
	got := evalSQL(t, inputs, exprs...)
	for k, f := range formats {
		for i, in := range inputs {
			checkNumberSQL(t, in, f, got[k][i])
		}
	}
}

func checkNumberSQL(t *testing.T, in string, f NumberFormat, sqlVal any) {
	t.Helper()
	want, ok, _ := ParseNumber(in, f)
	var got string
	switch v := sqlVal.(type) {
	case nil:
	case duckdb.Decimal:
		got = decimalText(v)
	default:
		t.Fatalf("%q: SQL gave %T", in, sqlVal)
	}
	if !ok {
		want = ""
	}
	if got != want {
		t.Errorf("%q with %c: Go %q (ok=%v), SQL %q", in, f.decimal(), want, ok, got)
	}
}

// decimalText writes a DECIMAL the way canonicalDecimal does, so the two
// compare by value.
func decimalText(d duckdb.Decimal) string {
	s := d.Value.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for len(s) <= int(d.Scale) {
		s = "0" + s
	}
	ip, fp := s[:len(s)-int(d.Scale)], strings.TrimRight(s[len(s)-int(d.Scale):], "0")
	if fp != "" {
		ip += "." + fp
	}
	if neg && ip != "0" {
		ip = "-" + ip
	}
	return ip
}
