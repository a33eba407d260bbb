package parse

import (
	"testing"
	"time"
)

// SAP's TCURR writes GDATU as 99999999 − yyyymmdd: a column of such values
// is read inverted, in Go and in DuckDB alike.
func TestInvertedDates(t *testing.T) {
	t.Parallel()
	tcurr := []string{"79989898", "79919898", "81999898", "79909898"}
	f := DetectDate(tcurr, "dmy", false)
	if !f.Inverted {
		t.Fatalf("DetectDate(%q) = %+v; want Inverted", tcurr, f)
	}
	for _, notInverted := range [][]string{
		{"20260131", "79989898"}, // a compact ISO date among them
		{"79989898", "1234567"},  // not eight digits
		{"79989898", "79989998"}, // 20010001 is no day
		{},
	} {
		if got := DetectDate(notInverted, "dmy", false); got.Inverted {
			t.Errorf("DetectDate(%q) = %+v; want not inverted", notInverted, got)
		}
	}
	cases := []struct {
		in, want string // want "" = rejected
	}{
		{"79989898", "2001-01-01"},
		{"79919898", "2008-01-01"},
		{" 79739668 ", "2026-03-31"},
		{"81999898", ""}, // 1800-01-01: out of range
		{"79989998", ""}, // 2001-00-01
		{"99999999", ""},
		{"7998989", ""},
		{"2001-01-01", ""},
	}
	var inputs []string
	for _, c := range cases {
		inputs = append(inputs, c.in)
		d, ok, err := ParseDate(c.in, f)
		switch {
		case c.want == "" && (ok || err == nil):
			t.Errorf("ParseDate(%q) = %v; want a reject", c.in, d)
		case c.want != "" && (!ok || d.Format(time.DateOnly) != c.want):
			t.Errorf("ParseDate(%q) = %v, %v; want %s", c.in, d, err, c.want)
		}
	}
	got := evalSQL(t, inputs, f.SQL("v"))
	for i, in := range inputs {
		checkDateSQL(t, in, f, got[0][i])
	}
}
