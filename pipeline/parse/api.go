package parse

import "time"

// Error is a value that does not parse. Code is stable (it keys the
// translated reject reason); Detail says what was expected.
type Error struct {
	Code   string // "number", "date", "date_range", "bool", "period"
	Value  string
	Detail string // e.g. "1.234,56" (the column's format) or "day-first"
}

func (e *Error) Error() string { return e.Code + ": " + e.Value + " (" + e.Detail + ")" }

// NumberFormat is the decision for one column of numbers.
type NumberFormat struct {
	Decimal   byte // '.' or ','
	Ambiguous bool // no value told the separators apart: Decimal comes from the locale hint
	Conflicts int  // sampled values whose separators contradict Decimal
}

// DetectNumber decides the decimal separator of a column from sample values.
// localeHint ("es" or "en") decides when the samples do not.
func DetectNumber(samples []string, localeHint string) NumberFormat { panic("todo") }

// ParseNumber converts one value with the column's format. It returns the
// canonical decimal text ("-1234.56", no exponent, no grouping) and ok=false
// with an empty string for a blank value.
func ParseNumber(s string, f NumberFormat) (dec string, ok bool, err error) { panic("todo") }

// SQL is a DuckDB expression over the VARCHAR expression col that yields
// DECIMAL(38,10): the same value as ParseNumber, NULL for blanks and for
// values ParseNumber rejects.
func (f NumberFormat) SQL(col string) string { panic("todo") }

// DateFormat is the decision for one column of dates.
type DateFormat struct {
	Order     string // "dmy", "mdy" or "ymd": the order of all-numeric dates such as 10/11/2026
	Serial    bool   // Excel serial numbers are dates (XLSX cells)
	Ambiguous bool   // every value fits day-first and month-first: Order comes from the configuration
	Conflicts int    // sampled values that contradict Order
}

// DetectDate decides a date column's order from sample values. order is the
// configured order for ambiguous columns; allowSerial is true for XLSX.
func DetectDate(samples []string, order string, allowSerial bool) DateFormat { panic("todo") }

// ParseDate converts one value; ok=false for a blank.
func ParseDate(s string, f DateFormat) (d time.Time, ok bool, err error) { panic("todo") }

// SQL is a DuckDB expression over the VARCHAR expression col that yields a
// DATE: the same as ParseDate, NULL for blanks and rejects.
func (f DateFormat) SQL(col string) string { panic("todo") }

// BoolFormat is the decision for one column of booleans.
type BoolFormat struct {
	BlankIsFalse bool // an "x"/blank checkbox column: blank means false
}

// DetectBool decides whether blanks mean false.
func DetectBool(samples []string) BoolFormat { panic("todo") }

// ParseBool converts one value; ok=false for a blank that means unknown.
func ParseBool(s string, f BoolFormat) (v bool, ok bool, err error) { panic("todo") }

// SQL is a DuckDB BOOLEAN expression: the same as ParseBool.
func (f BoolFormat) SQL(col string) string { panic("todo") }

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
func ParsePeriod(s string, fyStart int) (p Period, ok bool, err error) { panic("todo") }

// PeriodSQL returns DuckDB expressions over col for the canonical label
// (VARCHAR), the start (DATE) and the length in months (INTEGER); NULL for
// blanks and rejects. fyStart is bound into the expression as a literal int.
func PeriodSQL(col string, fyStart int) (label, start, months string) { panic("todo") }
