package generator

import (
	"fmt"
	"strconv"
)

// day is a calendar date as days since 1970-01-01. The generator does date
// arithmetic on every invoice line; an integer is cheaper than time.Time and
// has no time zone that could shift a date across midnight.
type day int32

// mkday converts a civil date (proleptic Gregorian) to a day, after Howard
// Hinnant's days_from_civil.
func mkday(y, m, d int) day {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

// civil is the inverse of mkday.
func (d day) civil() (y, m, dd int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// weekday is 0 for Sunday … 6 for Saturday (1970-01-01 was a Thursday).
func (d day) weekday() int { return ((int(d)+4)%7 + 7) % 7 }

// appendDMY writes dd/mm/yyyy, what a Spanish Excel writes for a date cell.
func (d day) appendDMY(b []byte) []byte {
	y, m, dd := d.civil()
	b = append(b, byte('0'+dd/10), byte('0'+dd%10), '/', byte('0'+m/10), byte('0'+m%10), '/')
	return strconv.AppendInt(b, int64(y), 10)
}

// appendISO writes yyyy-mm-dd.
func (d day) appendISO(b []byte) []byte {
	y, m, dd := d.civil()
	b = strconv.AppendInt(b, int64(y), 10)
	return append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

func (d day) String() string { return string(d.appendISO(nil)) }

// month is a calendar month as year*12 + month-1, so that month arithmetic
// is integer arithmetic.
type month int

func mkmonth(y, m int) month { return month(y*12 + m - 1) }

func (m month) year() int  { return int(m) / 12 }
func (m month) moy() int   { return int(m)%12 + 1 } // 1..12
func (m month) first() day { return mkday(m.year(), m.moy(), 1) }
func (m month) last() day  { return (m + 1).first() - 1 }
func (m month) String() string {
	return fmt.Sprintf("%04d-%02d", m.year(), m.moy())
}

// parseMonth reads "YYYY-MM".
func parseMonth(s string) (month, error) {
	if len(s) != 7 || s[4] != '-' {
		return 0, fmt.Errorf("month %q is not YYYY-MM", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || y < 1900 || y > 2999 {
		return 0, fmt.Errorf("month %q is not YYYY-MM", s)
	}
	return mkmonth(y, m), nil
}

// calendar is the window of history: Months months ending with End. Month
// indexes run 0..n-1; the last one is End, whose invoices are exported as a
// header/line pair like a month-end ERP extract.
type calendar struct {
	start, end month
	n          int
	work       [][]day // working days of each month: Monday to Friday, minus national holidays
}

func newCalendar(end month, months int) calendar {
	c := calendar{start: end - month(months-1), end: end, n: months}
	c.work = make([][]day, months)
	for i := range months {
		m := c.start + month(i)
		for d := m.first(); d <= m.last(); d++ {
			if wd := d.weekday(); wd != 0 && wd != 6 && !holiday(d) {
				c.work[i] = append(c.work[i], d)
			}
		}
	}
	return c
}

func (c calendar) month(i int) month { return c.start + month(i) }

// index returns the month index of a date, or -1 outside the window.
func (c calendar) index(d day) int {
	y, m, _ := d.civil()
	i := int(mkmonth(y, m) - c.start)
	if i < 0 || i >= c.n {
		return -1
	}
	return i
}

// now is the fixed "today" of the dataset: the last day of End, so that a
// regeneration next year writes the same bytes.
func (c calendar) now() day { return c.end.last() }

// ltm says whether month index i is in the last twelve months ending with End;
// prior whether it is in the twelve before those.
func (c calendar) ltm(i int) bool   { return i >= c.n-12 }
func (c calendar) prior(i int) bool { return i >= c.n-24 && i < c.n-12 }

// holiday reports Spain's fixed-date national holidays, on which nobody
// invoices or visits customers.
func holiday(d day) bool {
	_, m, dd := d.civil()
	switch m*100 + dd {
	case 101, 106, 501, 815, 1012, 1101, 1206, 1208, 1225:
		return true
	}
	return false
}
