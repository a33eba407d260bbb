package parse

import (
	"errors"
	"testing"
	"time"
)

type periodCase struct {
	in      string
	fyStart int
	label   string // "" for a blank or an error
	start   string
	months  int
	err     bool
}

var periodCases = []periodCase{
	{"2026-10", 1, "2026-10", "2026-10-01", 1, false},
	{"2026/10", 1, "2026-10", "2026-10-01", 1, false},
	{"2026-1", 1, "2026-01", "2026-01-01", 1, false},
	{"10/2026", 1, "2026-10", "2026-10-01", 1, false},
	{"10-2026", 1, "2026-10", "2026-10-01", 1, false},
	{"3/2026", 1, "2026-03", "2026-03-01", 1, false},
	{"202610", 1, "2026-10", "2026-10-01", 1, false},
	{"oct-2026", 1, "2026-10", "2026-10-01", 1, false},
	{"Oct 2026", 1, "2026-10", "2026-10-01", 1, false},
	{"octubre 2026", 1, "2026-10", "2026-10-01", 1, false},
	{"Octubre de 2026", 1, "2026-10", "2026-10-01", 1, false},
	{"oct.-26", 1, "2026-10", "2026-10-01", 1, false},
	{"oct-26", 4, "2026-10", "2026-10-01", 1, false},
	{"ene-2026", 1, "2026-01", "2026-01-01", 1, false},
	{"dic 2026", 1, "2026-12", "2026-12-01", 1, false},
	{"September2026", 1, "2026-09", "2026-09-01", 1, false},
	{"mar-99", 1, "1999-03", "1999-03-01", 1, false},
	{"2026-Q4", 1, "2026-Q4", "2026-10-01", 3, false},
	{"2026-q1", 4, "2026-Q1", "2026-01-01", 3, false},
	{"Q4 2026", 1, "2026-Q4", "2026-10-01", 3, false},
	{"Q4-2026", 1, "2026-Q4", "2026-10-01", 3, false},
	{"2026Q4", 1, "2026-Q4", "2026-10-01", 3, false},
	{"T4 2026", 1, "2026-Q4", "2026-10-01", 3, false},
	{"4T 2026", 1, "2026-Q4", "2026-10-01", 3, false},
	{"2026-T4", 1, "2026-Q4", "2026-10-01", 3, false},
	{"2T2026", 1, "2026-Q2", "2026-04-01", 3, false},
	{"2026 3T", 1, "2026-Q3", "2026-07-01", 3, false},
	{"2026", 1, "2026", "2026-01-01", 12, false},
	{"2026", 4, "2026", "2026-01-01", 12, false},
	{"FY2026", 1, "FY2026", "2026-01-01", 12, false},
	{"FY2026", 4, "FY2026", "2025-04-01", 12, false},
	{"FY 2026", 7, "FY2026", "2025-07-01", 12, false},
	{"fy26", 4, "FY2026", "2025-04-01", 12, false},
	{"FY-2026", 1, "FY2026", "2026-01-01", 12, false},
	{"AF2026", 10, "FY2026", "2025-10-01", 12, false},
	{"EF 2026", 12, "FY2026", "2025-12-01", 12, false},
	{"FY2026", 0, "FY2026", "2026-01-01", 12, false},
	{"FY2026", 13, "FY2026", "2026-01-01", 12, false},
	{"FY1900", 4, "FY1900", "1899-04-01", 12, false},
	{"2026-10-01", 1, "2026-10", "2026-10-01", 1, false},
	{"2026-10-31", 1, "2026-10", "2026-10-01", 1, false},
	{"01/10/2026", 1, "2026-10", "2026-10-01", 1, false},
	{"31/10/2026", 1, "2026-10", "2026-10-01", 1, false},
	{"31/10/26", 1, "2026-10", "2026-10-01", 1, false},
	{"20261031", 1, "2026-10", "2026-10-01", 1, false},
	{"1 de octubre de 2026", 1, "2026-10", "2026-10-01", 1, false},
	{"2026-10-01T00:00:00Z", 1, "2026-10", "2026-10-01", 1, false},
	{" 2026-Q4\u00a0", 1, "2026-Q4", "2026-10-01", 3, false},
	{"", 1, "", "", 0, false},
	{" \t", 1, "", "", 0, false},
	{"2026-13", 1, "", "", 0, true},
	{"2026-00", 1, "", "", 0, true},
	{"13/2026", 1, "", "", 0, true},
	{"202613", 1, "", "", 0, true},
	{"2026-Q5", 1, "", "", 0, true},
	{"Q0 2026", 1, "", "", 0, true},
	{"Q4 26", 1, "", "", 0, true},
	{"2026Q", 1, "", "", 0, true},
	{"1899", 1, "", "", 0, true},
	{"2101", 1, "", "", 0, true},
	{"FY2101", 1, "", "", 0, true},
	{"FY 202", 1, "", "", 0, true},
	{"FX2026", 1, "", "", 0, true},
	{"31/02/2026", 1, "", "", 0, true},
	{"10/31/2026", 1, "", "", 0, true},
	{"oct", 1, "", "", 0, true},
	{"octx 2026", 1, "", "", 0, true},
	{"26", 1, "", "", 0, true},
	{"2026-10-", 1, "", "", 0, true},
	{"2026/10-01", 1, "", "", 0, true},
	{"Q4 2026 2026", 1, "", "", 0, true},
	{"next year", 1, "", "", 0, true},
}

func TestParsePeriod(t *testing.T) {
	t.Parallel()
	for _, c := range periodCases {
		p, ok, err := ParsePeriod(c.in, c.fyStart)
		var pe *Error
		switch {
		case c.err:
			if !errors.As(err, &pe) || pe.Code != "period" || pe.Value != c.in || ok {
				t.Errorf("ParsePeriod(%q, %d) = %+v, %v, %v; want a period error", c.in, c.fyStart, p, ok, err)
			}
		case c.label == "":
			if ok || err != nil {
				t.Errorf("ParsePeriod(%q) = %+v, %v, %v; want a blank", c.in, p, ok, err)
			}
		case err != nil || !ok || p.Label != c.label || p.Start.Format(time.DateOnly) != c.start || p.Months != c.months:
			t.Errorf("ParsePeriod(%q, %d) = %s %s %d, %v, %v; want %s %s %d",
				c.in, c.fyStart, p.Label, p.Start.Format(time.DateOnly), p.Months, ok, err, c.label, c.start, c.months)
		}
	}
}

// TestPeriodSQL runs every table input with a calendar and an April
// fiscal year, in Go and in DuckDB.
func TestPeriodSQL(t *testing.T) {
	t.Parallel()
	var inputs []string
	for _, c := range periodCases {
		inputs = append(inputs, c.in)
	}
	for _, fy := range []int{1, 4, 12} {
		label, start, months := PeriodSQL("v", fy)
		got := evalSQL(t, inputs, label, start, months)
		for i, in := range inputs {
			checkPeriodSQL(t, in, fy, got[0][i], got[1][i], got[2][i])
		}
	}
}

func checkPeriodSQL(t *testing.T, in string, fyStart int, label, start, months any) {
	t.Helper()
	want, ok, _ := ParsePeriod(in, fyStart)
	if !ok {
		if label != nil || start != nil || months != nil {
			t.Errorf("%q fy %d: Go rejects, SQL %v %v %v", in, fyStart, label, start, months)
		}
		return
	}
	st, _ := start.(time.Time)
	if label != want.Label || !st.Equal(want.Start) || months != int32(want.Months) {
		t.Errorf("%q fy %d: Go %s %s %d, SQL %v %v %v", in, fyStart, want.Label, want.Start.Format(time.DateOnly), want.Months, label, start, months)
	}
}
