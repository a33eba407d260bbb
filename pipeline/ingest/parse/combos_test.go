package parse

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// The combination tests build thousands of values from the pieces real
// exports are made of, valid and broken, and require Go and DuckDB to
// agree on each: the table tests show the rules, these show the two
// implementations of them are the same.

func TestNumberSQLCombinations(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	seps := []string{".", ",", " ", "\u00a0", "\u202f", "'", ""}
	var inputs []string
	for range 6000 {
		var b strings.Builder
		b.WriteString(pick("", "", "", " ", "-", "+", "\u2212", "(", "€", "€ ", "EUR ", "US$", "-€ ", "(€"))
		digits := strconv.Itoa(rng.IntN(1_000_000_000))
		if rng.IntN(4) == 0 {
			digits = strconv.Itoa(rng.IntN(1000))
		}
		sep := pick(seps...)
		for i, r := range digits {
			if i > 0 && (len(digits)-i)%3 == 0 && rng.IntN(8) > 0 {
				b.WriteString(sep)
			}
			b.WriteRune(r)
		}
		if rng.IntN(2) == 0 {
			b.WriteString(pick(",", ".", ",", "."))
			b.WriteString(strconv.Itoa(rng.IntN(100000))[:1+rng.IntN(3)])
			if rng.IntN(3) == 0 {
				b.WriteString(strings.Repeat(pick("9", "5", "0"), rng.IntN(12)))
			}
		}
		b.WriteString(pick("", "", "", "E+05", "e-3", "E-12", " %", "%", " €", "€", " EUR", "-", " -", ")", " )", " € )", "€-", " "))
		inputs = append(inputs, b.String())
	}
	formats := []NumberFormat{{Decimal: ','}, {Decimal: '.'}}
	got := evalSQL(t, inputs, formats[0].SQL("v"), formats[1].SQL("v"))
	valid := 0
	for k, f := range formats {
		for i, in := range inputs {
			checkNumberSQL(t, in, f, got[k][i])
			if got[k][i] != nil {
				valid++
			}
		}
	}
	if valid < len(inputs)/2 {
		t.Errorf("only %d of %d combinations are numbers; the generator has drifted", valid, 2*len(inputs))
	}
}

func TestDateSQLCombinations(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	two := func(n int) string {
		s := strconv.Itoa(n)
		if len(s) < 2 && rng.IntN(2) == 0 {
			s = "0" + s
		}
		return s
	}
	var inputs []string
	for range 6000 {
		d, m := rng.IntN(33), rng.IntN(14)
		y := 1890 + rng.IntN(220)
		ys := strconv.Itoa(y)
		if rng.IntN(3) == 0 {
			ys = ys[2:]
		}
		sep := pick("/", "-", ".")
		var s string
		switch rng.IntN(6) {
		case 0:
			s = strconv.Itoa(y) + sep + two(m) + sep + two(d)
		case 1, 2:
			s = two(d) + sep + two(m) + sep + ys
		case 3:
			mon := "xxx"
			if m >= 1 && m <= 12 {
				mon = pick(monthNames[m-1]...)
			}
			s = two(d) + pick("-", " ", " de ", ".", "/") + mon + pick("-", " ", " de ", ".-", ", ") + ys
		case 4:
			mon := "xxx"
			if m >= 1 && m <= 12 {
				mon = pick(monthNames[m-1]...)
			}
			s = mon + pick(" ", ". ", "-") + two(d) + pick(", ", " ", "-") + ys
		default:
			s = strconv.Itoa(rng.IntN(80000)) + pick("", "", ".5", ",25")
		}
		s += pick("", "", "", "T14:03:00.000Z", " 14:03", " 2:03:00 p. m.", "+02:00", "x", " ")
		inputs = append(inputs, pick("", "", " ")+s)
	}
	var exprs []string
	var formats []DateFormat
	for _, order := range []string{"dmy", "mdy", "ymd"} {
		for _, serial := range []bool{false, true} {
			f := DateFormat{Order: order, Serial: serial}
			formats = append(formats, f)
			exprs = append(exprs, f.SQL("v"))
		}
	}
	got := evalSQL(t, inputs, exprs...)
	valid := 0
	for k, f := range formats {
		for i, in := range inputs {
			checkDateSQL(t, in, f, got[k][i])
			if got[k][i] != nil {
				valid++
			}
		}
	}
	if valid < len(inputs) {
		t.Errorf("only %d of %d combinations are dates; the generator has drifted", valid, len(formats)*len(inputs))
	}
}
