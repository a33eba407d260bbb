package parse

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// The fuzz targets check invariants of the Go side and, for every input
// DuckDB can hold, that the SQL side agrees: the agreement test of the
// tables, extended to whatever the fuzzer invents.

var canonicalRE = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,27})(\.[0-9]{0,9}[1-9])?$`)

func FuzzParseNumber(f *testing.F) {
	for _, c := range numberCases {
		f.Add(c.in, c.dec == ',')
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		nf := NumberFormat{Decimal: '.'}
		if comma {
			nf.Decimal = ','
		}
		dec, ok, err := ParseNumber(s, nf)
		switch {
		case ok && err != nil, !ok && dec != "":
			t.Fatalf("%q: %q, %v, %v", s, dec, ok, err)
		case !ok && err == nil && trimSpace(s) != "":
			t.Fatalf("%q is not blank but gave neither a value nor an error", s)
		case ok && (!canonicalRE.MatchString(dec) || dec == "-0"):
			t.Fatalf("%q gave %q, not canonical", s, dec)
		}
		if ok {
			again, ok2, err2 := ParseNumber(dec, NumberFormat{Decimal: '.'})
			if again != dec || !ok2 || err2 != nil {
				t.Fatalf("%q gave %q, which re-parses as %q, %v", s, dec, again, err2)
			}
		}
		if sqlOK(s) {
			checkNumberSQL(t, s, nf, oneSQL(t, nf.SQL("v"), s))
		}
	})
}

func FuzzDetectNumber(f *testing.F) {
	for _, c := range numberCases {
		f.Add(c.in+"\n1.234\n"+c.in, true)
	}
	f.Add("1.234,56\n1,5\n2.5\n\n12,500", false)
	f.Fuzz(func(t *testing.T, joined string, es bool) {
		samples := strings.Split(joined, "\n")
		hint := "en"
		if es {
			hint = "es"
		}
		got := DetectNumber(samples, hint)
		if got.Decimal != '.' && got.Decimal != ',' {
			t.Fatalf("Decimal %q", got.Decimal)
		}
		// Conflicts are exactly the samples that only the other separator reads.
		other := NumberFormat{Decimal: '.' + ',' - got.Decimal}
		conflicts, votes := 0, 0
		for _, s := range samples {
			_, okOther := numberParts(s, other.Decimal)
			_, ok := numberParts(s, got.Decimal)
			if okOther && !ok {
				conflicts++
			}
			if ok && !okOther {
				votes++
			}
		}
		if conflicts != got.Conflicts || conflicts > votes || (votes == conflicts && votes > 0 && (got.Decimal == ',') != es) {
			t.Fatalf("%+v: %d conflicts, %d votes", got, conflicts, votes)
		}
		if got.Ambiguous != (votes == 0 && conflicts == 0) || (got.Ambiguous && (got.Decimal == ',') != es) {
			t.Fatalf("%+v with hint %s, %d votes", got, hint, votes)
		}
		slices.Reverse(samples)
		if again := DetectNumber(samples, hint); again != got {
			t.Fatalf("order matters: %+v, reversed %+v", got, again)
		}
	})
}

var orders = []string{"dmy", "mdy", "ymd"}

func FuzzParseDate(f *testing.F) {
	for _, c := range dateCases {
		f.Add(c.in, uint8(slices.Index(orders, c.order)), c.serial)
	}
	f.Fuzz(func(t *testing.T, s string, order uint8, serial bool) {
		df := DateFormat{Order: orders[int(order)%len(orders)], Serial: serial}
		d, ok, err := ParseDate(s, df)
		switch {
		case ok && err != nil:
			t.Fatalf("%q: %v and %v", s, d, err)
		case !ok && err == nil && trimSpace(s) != "":
			t.Fatalf("%q is not blank but gave neither a date nor an error", s)
		case err != nil && err.(*Error).Code != "date" && err.(*Error).Code != "date_range":
			t.Fatalf("%q: code %v", s, err)
		}
		if ok {
			if d.Year() < minYear || d.Year() > maxYear || d.Location() != time.UTC || d.Hour() != 0 {
				t.Fatalf("%q gave %v", s, d)
			}
			// Written back in ISO or in the column's own order, it reads the
			// same; year-first with two digits only within the pivot's century.
			backs := []string{d.Format(time.DateOnly)}
			pivots := d.Year() >= 1930 && d.Year() <= 2029
			switch {
			case df.Order == "dmy":
				backs = append(backs, d.Format("02/01/2006"), d.Format("2-Jan-2006"))
				if pivots {
					backs = append(backs, d.Format("2/1/06"))
				}
			case df.Order == "mdy":
				backs = append(backs, d.Format("1/2/2006"), d.Format("January 2, 2006"))
			case pivots:
				backs = append(backs, d.Format("06/01/02"))
			}
			for _, back := range backs {
				if again, ok2, err2 := ParseDate(back, df); !ok2 || !again.Equal(d) {
					t.Fatalf("%q gave %v; %q reads as %v, %v", s, d, back, again, err2)
				}
			}
		}
		if sqlOK(s) {
			checkDateSQL(t, s, df, oneSQL(t, df.SQL("v"), s))
		}
	})
}

func FuzzParseBool(f *testing.F) {
	for _, c := range boolCases {
		f.Add(c.in, c.blankF)
	}
	f.Fuzz(func(t *testing.T, s string, blankFalse bool) {
		bf := BoolFormat{BlankIsFalse: blankFalse}
		v, ok, err := ParseBool(s, bf)
		switch {
		case ok && err != nil:
			t.Fatalf("%q: %v and %v", s, v, err)
		case !ok && err == nil && (trimSpace(s) != "" || blankFalse):
			t.Fatalf("%q gave neither a value nor an error", s)
		case trimSpace(s) == "" && blankFalse && (!ok || v):
			t.Fatalf("blank %q in a checkbox column: %v, %v", s, v, ok)
		}
		if ok {
			if up, okUp, _ := ParseBool(strings.ToUpper(s), bf); okUp != ok || up != v {
				t.Fatalf("%q is %v but %q is %v, %v", s, v, strings.ToUpper(s), up, okUp)
			}
		}
		if sqlOK(s) {
			checkBoolSQL(t, s, bf, oneSQL(t, bf.SQL("v"), s))
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, c := range periodCases {
		f.Add(c.in, c.fyStart)
	}
	f.Fuzz(func(t *testing.T, s string, fyStart int) {
		p, ok, err := ParsePeriod(s, fyStart)
		switch {
		case ok && err != nil:
			t.Fatalf("%q: %+v and %v", s, p, err)
		case !ok && err == nil && trimSpace(s) != "":
			t.Fatalf("%q is not blank but gave neither a period nor an error", s)
		}
		if ok {
			if p.Start.Day() != 1 || p.Start.Location() != time.UTC || !slices.Contains([]int{1, 3, 12}, p.Months) ||
				p.Start.Year() < minYear-1 || p.Start.Year() > maxYear {
				t.Fatalf("%q gave %+v", s, p)
			}
			if again, ok2, err2 := ParsePeriod(p.Label, fyStart); !ok2 || again != p {
				t.Fatalf("%q gave %+v; its label reads as %+v, %v", s, p, again, err2)
			}
		}
		if sqlOK(s) {
			label, start, months := PeriodSQL("v", fyStart)
			stmt := prepared(t, "select "+label+", "+start+", "+months+" from (select ?::varchar as v)")
			var l, st, m any
			if err := stmt.QueryRow(s).Scan(&l, &st, &m); err != nil {
				t.Fatalf("%q: %v", s, err)
			}
			checkPeriodSQL(t, s, fyStart, l, st, m)
		}
	})
}
