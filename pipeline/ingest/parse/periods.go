package parse

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a target or rate period: a month, quarter, calendar year or
// fiscal year.
type Period struct {
	Label  string    // canonical: "2026-10", "2026-Q4", "2026", "FY2026"
	Start  time.Time // first day
	Months int       // 1, 3 or 12
}

// ParsePeriod converts one period value; fyStart is the fiscal year's first
// month (1..12). FY2026 is the fiscal year that ends in 2026 (with fyStart 1,
// the calendar year 2026).
//
// The forms: 2026-10, 2026/10, 10/2026, 10-2026 and 202610 are months, as
// are oct-2026, octubre de 2026, Oct 2026 and oct-26 (Excel's mmm-yy, with
// its two-digit year rule); 2026-Q4, Q4 2026, 2026Q4, T4 2026, 4T 2026 and
// 2026-T4 are calendar quarters; 2026 is the calendar year; FY2026, FY 2026,
// FY26, AF2026 and EF2026 are fiscal years; and a full date, read
// day-first, stands for its month. A fyStart outside 1..12 is taken as 1.
func ParsePeriod(s string, fyStart int) (p Period, ok bool, err error) {
	if trimSpace(s) == "" {
		return Period{}, false, nil
	}
	p, ok = periodFrom(periodGrammar.match(s), fyStartOrJan(fyStart))
	if !ok {
		return Period{}, false, &Error{Code: "period", Value: s, Detail: "2026-10, 2026-Q4, 2026 or FY2026"}
	}
	return p, true, nil
}

func fyStartOrJan(m int) int {
	if m < 1 || m > 12 {
		return 1
	}
	return m
}

// Period kinds, which are also their lengths in months but for fiscal.
const (
	kindMonth   = 1
	kindQuarter = 3
	kindYear    = 12
	kindFiscal  = 0
)

// periodFrom is the Go side of PeriodSQL.
func periodFrom(g groups, fyStart int) (Period, bool) {
	if g == nil {
		return Period{}, false
	}
	atoi := func(name string) int { n, _ := strconv.Atoi(g[name]); return n }
	var kind, y, m int
	switch {
	case g["ymy"] != "":
		kind, y, m = kindMonth, atoi("ymy"), atoi("ymm")
	case g["mym"] != "":
		kind, y, m = kindMonth, atoi("myy"), atoi("mym")
	case g["cy"] != "":
		kind, y, m = kindMonth, atoi("cy"), atoi("cm")
	case g["nmn"] != "":
		kind, y, m = kindMonth, pivotYear(g["nmy"]), monthNumber(g["nmn"])
	case g["yqy"] != "":
		kind, y, m = kindQuarter, atoi("yqy"), 3*quarterDigit(g["yqq"])-2
	case g["qyq"] != "":
		kind, y, m = kindQuarter, atoi("qyy"), 3*quarterDigit(g["qyq"])-2
	case g["yr"] != "":
		kind, y, m = kindYear, atoi("yr"), 1
	case g["fy"] != "":
		kind, y, m = kindFiscal, pivotYear(g["fy"]), fyStart
	default:
		d, code := dateFrom(g["dt"], "dmy", false, false)
		if code != "" {
			return Period{}, false
		}
		kind, y, m = kindMonth, d.Year(), int(d.Month())
	}
	if y < minYear || y > maxYear || m < 1 || m > 12 {
		return Period{}, false
	}
	p := Period{Start: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), Months: kind}
	switch kind {
	case kindMonth:
		p.Label = fmt.Sprintf("%04d-%02d", y, m)
	case kindQuarter:
		p.Label = fmt.Sprintf("%04d-Q%d", y, (m+2)/3)
	case kindYear:
		p.Label = fmt.Sprintf("%04d", y)
	case kindFiscal:
		p.Label, p.Months = fmt.Sprintf("FY%04d", y), 12
		if m > 1 {
			p.Start = p.Start.AddDate(-1, 0, 0)
		}
	}
	return p, true
}

// quarterDigit reads the quarter of Q4, T4 or 4T.
func quarterDigit(tok string) int {
	n, _ := strconv.Atoi(strings.Trim(tok, "QqTt"))
	return n
}
