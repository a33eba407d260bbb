package parse

import (
	"fmt"
	"strconv"
	"time"
)

// DateFormat is the decision for one column of dates.
type DateFormat struct {
	Order  string // "dmy", "mdy" or "ymd": the order of all-numeric dates such as 10/11/2026
	Serial bool   // Excel serial numbers are dates (XLSX cells)
	// Epoch1904: the workbook counts its serials from 1904-01-01 (the
	// date system of old Mac workbooks): serial 0 is that day, 1462 days
	// after the 1900 system's day of the same number.
	Epoch1904 bool
	Ambiguous bool // values that depend on the order fit day-first and month-first alike: Order comes from the configuration
	Conflicts int  // sampled values that contradict Order
	YearFirst bool // every numeric date sampled starts with a four-digit year (ISO dates and date-times)
	// Inverted: SAP's inverted dates (99999999 − yyyymmdd, so that the
	// newest sorts first), as TCURR writes its GDATU: 79989898 is
	// 2001-01-01.
	Inverted bool
}

// order is the Order in force: anything unknown is day-first, the
// project's default.
func (f DateFormat) order() string { return normOrder(f.Order) }

func normOrder(o string) string {
	if o == "mdy" || o == "ymd" {
		return o
	}
	return "dmy"
}

// orderWords names an order for Error.Detail.
var orderWords = map[string]string{"dmy": "day-first", "mdy": "month-first", "ymd": "year-first"}

// DetectDate decides a date column's order from sample values. order is the
// configured order for ambiguous columns; allowSerial is true for XLSX.
//
// Only all-numeric dates with a one- or two-digit first part are evidence:
// a first part over 12 says day-first, a second part over 12 month-first.
// ISO and other year-first values, month names and serials read the same
// in any order and say nothing. When the configured order is ymd, values
// like 26/10/31 read year-first and are no evidence either. The majority
// wins and the others are Conflicts, which ParseDate will reject; a tie
// goes to the configured order if it is one of the two, else day-first.
// The column is Ambiguous only when some value depends on the order and
// none tells it: a column of ISO dates or date-times is not, whatever the
// configuration.
func DetectDate(samples []string, order string, allowSerial bool) DateFormat {
	order = normOrder(order)
	if invertedColumn(samples) {
		return DateFormat{Order: order, Inverted: true}
	}
	var dmy, mdy, open, yearFirst, numeric int
	for _, s := range samples {
		if !dateGrammars[0].MatchString(s) {
			continue
		}
		g := datePieces.match(s)
		if g["b"] == "" {
			continue
		}
		numeric++
		if len(g["a"]) > 2 {
			yearFirst++
			continue
		}
		if order == "ymd" && len(g["c"]) == 2 {
			open++ // 26/10/31 reads year-first only because of the configuration
			continue
		}
		a, b := atoi(g["a"]), atoi(g["b"])
		switch {
		case a > 12 && a <= 31 && b >= 1 && b <= 12:
			dmy++
		case b > 12 && b <= 31 && a >= 1 && a <= 12:
			mdy++
		default:
			open++
		}
	}
	f := DateFormat{Serial: allowSerial, YearFirst: numeric > 0 && yearFirst == numeric}
	switch {
	case dmy == 0 && mdy == 0:
		f.Order, f.Ambiguous = order, open > 0
	case mdy > dmy || (mdy == dmy && order == "mdy"):
		f.Order, f.Conflicts = "mdy", dmy
	default:
		f.Order, f.Conflicts = "dmy", mdy
	}
	return f
}

// ParseDate converts one value; ok=false for a blank.
//
// A time after the date is checked for shape and dropped, and so is a time
// zone: 2026-10-31T23:30:00-05:00 is 2026-10-31, the day the source system
// wrote, not the UTC day. The result is midnight UTC.
func ParseDate(s string, f DateFormat) (d time.Time, ok bool, err error) {
	if trimSpace(s) == "" {
		return time.Time{}, false, nil
	}
	d, code := dateFrom(s, f.order(), f.Serial, f.Epoch1904)
	if f.Inverted {
		d, code = invertedDate(s)
	}
	switch code {
	case "":
		return d, true, nil
	case "date_range":
		return time.Time{}, false, &Error{Code: code, Value: s, Detail: "between 1900 and 2100"}
	default:
		return time.Time{}, false, &Error{Code: code, Value: s, Detail: orderWords[f.order()]}
	}
}

// dateFrom converts a value to a date, or names the Error code that
// rejects it: datePattern decides whether it is a date at all, and the
// pieces it is made of come from datePieces. dateSQL is the same in SQL.
func dateFrom(s, order string, serial, epoch1904 bool) (time.Time, string) {
	if !dateGrammar(serial).MatchString(s) {
		return time.Time{}, "date"
	}
	g := datePieces.match(s)
	a, b, c := g["a"], g["b"], g["c"]
	var ys, ds string
	month := 0
	switch {
	case b != "" && len(a) == 4:
		ys, month, ds = a, atoi(b), c
	case b != "":
		switch order {
		case "mdy":
			month, ds, ys = atoi(a), b, c
		case "ymd":
			if len(a) != 2 || len(c) != 2 {
				return time.Time{}, "date"
			}
			ys, month, ds = a, atoi(b), c
		default:
			ds, month, ys = a, atoi(b), c
		}
	case g["n1"] != "":
		ds, month, ys = a, monthNumber(g["n1"]), g["y1"]
	case g["n2"] != "":
		month, ds, ys = monthNumber(g["n2"]), g["d2"], g["y2"]
	case len(a) == 8:
		ys, month, ds = a[:4], atoi(a[4:6]), a[6:]
	case serial && epoch1904:
		return serialDate(strconv.Itoa(atoi(a) + epoch1904Days))
	case serial:
		return serialDate(a)
	default:
		return time.Time{}, "date"
	}
	y, day := pivotYear(ys), atoi(ds)
	if y < minYear || y > maxYear {
		return time.Time{}, "date_range"
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(y, month) {
		return time.Time{}, "date"
	}
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC), ""
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Excel's 1900 date system counts 1900-01-01 as 1 and, copying Lotus 1-2-3,
// has a 1900-02-29 as 60; from 61 on the count is one ahead of the
// calendar, so those days are counted from 1899-12-30.
var (
	serialEarly = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	serialLate  = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	// maxSerial is 2100-12-31, the last day in range.
	maxSerial = int(time.Date(maxYear, 12, 31, 0, 0, 0, 0, time.UTC).Sub(serialLate).Hours() / 24)
)

// epoch1904Days is how far the 1904 date system's day 0 (1904-01-01) lies
// after the 1900 system's day 0: a 1904 serial plus it is a 1900 serial.
const epoch1904Days = 1462

// serialDate converts the whole days of a serial; the fraction is a time.
func serialDate(s string) (time.Time, string) {
	n := atoi(s)
	switch {
	case n == 60:
		return time.Time{}, "date"
	case n < 1 || n > maxSerial:
		return time.Time{}, "date_range"
	case n < 60:
		return serialEarly.AddDate(0, 0, n), ""
	default:
		return serialLate.AddDate(0, 0, n), ""
	}
}

// invertedColumn: every sampled value is eight digits, none is a compact
// ISO date and each is one once inverted (99999999 − value). A calendar
// check, not the year range: SAP writes 81999898 (1800-01-01) for "valid
// since ever", which ParseDate then rejects as out of range.
func invertedColumn(samples []string) bool {
	if len(samples) == 0 {
		return false
	}
	for _, s := range samples {
		t := trimSpace(s)
		if !eightDigits(t) || calendarDay(t) {
			return false
		}
		if !calendarDay(fmt.Sprintf("%08d", 99999999-atoi(t))) {
			return false
		}
	}
	return true
}

func eightDigits(s string) bool {
	if len(s) != 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// calendarDay: yyyymmdd names a day of the calendar, whatever the year.
func calendarDay(s string) bool {
	if !eightDigits(s) {
		return false
	}
	y, m, d := atoi(s[:4]), atoi(s[4:6]), atoi(s[6:])
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// invertedDate reads an inverted date; invertedSQL is the same in SQL.
func invertedDate(s string) (time.Time, string) {
	t := trimSpace(s)
	if !eightDigits(t) {
		return time.Time{}, "date"
	}
	v := fmt.Sprintf("%08d", 99999999-atoi(t))
	if !calendarDay(v) {
		return time.Time{}, "date"
	}
	y, m, d := atoi(v[:4]), atoi(v[4:6]), atoi(v[6:])
	if y < minYear || y > maxYear {
		return time.Time{}, "date_range"
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), ""
}
