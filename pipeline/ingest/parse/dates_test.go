package parse

import (
	"errors"
	"testing"
	"time"
)

type dateCase struct {
	in     string
	order  string
	serial bool
	want   string // 2006-01-02; "" for a blank or an error
	code   string // Error.Code, "" when it parses
}

var dateCases = []dateCase{
	// ISO and year-first, in any order.
	{"2026-10-31", "dmy", false, "2026-10-31", ""},
	{"2026-10-31", "mdy", false, "2026-10-31", ""},
	{"2026/10/31", "dmy", false, "2026-10-31", ""},
	{"2026.10.31", "ymd", false, "2026-10-31", ""},
	{"2026-1-5", "dmy", false, "2026-01-05", ""},
	{"2026-10-31T14:03:00.000Z", "dmy", false, "2026-10-31", ""},
	{"2026-10-31T14:03:00+02:00", "dmy", false, "2026-10-31", ""},
	{"2026-10-31T23:30:00-05:00", "dmy", false, "2026-10-31", ""},
	{"2026-10-31T14:03:00.000+0000", "dmy", false, "2026-10-31", ""},
	{"2026-10-31 14:03:00", "dmy", false, "2026-10-31", ""},
	{"2026-10-31T14:03", "dmy", false, "2026-10-31", ""},
	{"20261031", "dmy", false, "2026-10-31", ""},
	// Numeric day-first.
	{"31/10/2026", "dmy", false, "2026-10-31", ""},
	{"31-10-2026", "dmy", false, "2026-10-31", ""},
	{"31.10.2026", "dmy", false, "2026-10-31", ""},
	{"31/10/26", "dmy", false, "2026-10-31", ""},
	{"1/2/2026", "dmy", false, "2026-02-01", ""},
	{"01/02/29", "dmy", false, "2029-02-01", ""},
	{"01/02/30", "dmy", false, "1930-02-01", ""},
	{"01/02/99", "dmy", false, "1999-02-01", ""},
	{"01/02/00", "dmy", false, "2000-02-01", ""},
	{"31/10/2026 14:03", "dmy", false, "2026-10-31", ""},
	{"31/10/2026 2:03:00 PM", "dmy", false, "2026-10-31", ""},
	{"31/10/2026 2:03:00 p. m.", "dmy", false, "2026-10-31", ""},
	{"31/10/2026 2:03 p.\u00a0m.", "dmy", false, "2026-10-31", ""},
	{"31/10/2026, 14:03:59", "dmy", false, "2026-10-31", ""},
	{"29/02/2028", "dmy", false, "2028-02-29", ""},
	{"29/02/2000", "dmy", false, "2000-02-29", ""},
	{"  31/10/2026\u00a0", "dmy", false, "2026-10-31", ""},
	// Numeric month-first.
	{"10/31/2026", "mdy", false, "2026-10-31", ""},
	{"10/31/26 2:03 PM", "mdy", false, "2026-10-31", ""},
	{"1/2/2026", "mdy", false, "2026-01-02", ""},
	// Numeric year-first with a two-digit year.
	{"26/10/31", "ymd", false, "2026-10-31", ""},
	{"31/10/2026", "ymd", false, "", "date"},
	{"26/1/5", "ymd", false, "", "date"},
	// Month names.
	{"31-oct-2026", "dmy", false, "2026-10-31", ""},
	{"31-Oct-26", "mdy", false, "2026-10-31", ""},
	{"31 Oct 2026", "dmy", false, "2026-10-31", ""},
	{"31-oct.-26", "dmy", false, "2026-10-31", ""},
	{"31 oct. 2026", "dmy", false, "2026-10-31", ""},
	{"31.oct.2026", "dmy", false, "2026-10-31", ""},
	{"31/OCT/2026", "dmy", false, "2026-10-31", ""},
	{"31 de octubre de 2026", "dmy", false, "2026-10-31", ""},
	{"31 De Octubre Del 2026", "dmy", false, "2026-10-31", ""},
	{"1 de enero de 2026 10:00", "dmy", false, "2026-01-01", ""},
	{"Oct 31, 2026", "dmy", false, "2026-10-31", ""},
	{"October 31, 2026", "dmy", false, "2026-10-31", ""},
	{"oct. 31 2026", "dmy", false, "2026-10-31", ""},
	{"15-ene-2026", "dmy", false, "2026-01-15", ""},
	{"15-jan-2026", "dmy", false, "2026-01-15", ""},
	{"15 january 2026", "dmy", false, "2026-01-15", ""},
	{"15-feb-2026", "dmy", false, "2026-02-15", ""},
	{"15 febrero 2026", "dmy", false, "2026-02-15", ""},
	{"15-mar-2026", "dmy", false, "2026-03-15", ""},
	{"15 marzo 2026", "dmy", false, "2026-03-15", ""},
	{"15 March 2026", "dmy", false, "2026-03-15", ""},
	{"15-abr-2026", "dmy", false, "2026-04-15", ""},
	{"15-apr-2026", "dmy", false, "2026-04-15", ""},
	{"15 abril 2026", "dmy", false, "2026-04-15", ""},
	{"15-may-2026", "dmy", false, "2026-05-15", ""},
	{"15 de mayo de 2026", "dmy", false, "2026-05-15", ""},
	{"15-jun-2026", "dmy", false, "2026-06-15", ""},
	{"15 junio 2026", "dmy", false, "2026-06-15", ""},
	{"15 June 2026", "dmy", false, "2026-06-15", ""},
	{"15-jul-2026", "dmy", false, "2026-07-15", ""},
	{"15 julio 2026", "dmy", false, "2026-07-15", ""},
	{"15-ago-2026", "dmy", false, "2026-08-15", ""},
	{"15-Aug-2026", "dmy", false, "2026-08-15", ""},
	{"15 agosto 2026", "dmy", false, "2026-08-15", ""},
	{"15-sep-2026", "dmy", false, "2026-09-15", ""},
	{"15-sept-2026", "dmy", false, "2026-09-15", ""},
	{"15 septiembre 2026", "dmy", false, "2026-09-15", ""},
	{"15 setiembre 2026", "dmy", false, "2026-09-15", ""},
	{"15 September 2026", "dmy", false, "2026-09-15", ""},
	{"15-nov-2026", "dmy", false, "2026-11-15", ""},
	{"15 noviembre 2026", "dmy", false, "2026-11-15", ""},
	{"15-dic-2026", "dmy", false, "2026-12-15", ""},
	{"15-Dec-2026", "dmy", false, "2026-12-15", ""},
	{"15 DICIEMBRE 2026", "dmy", false, "2026-12-15", ""},
	{"Dec 15, 2026", "dmy", false, "2026-12-15", ""},
	// Excel serials.
	{"46326", "dmy", true, "2026-10-31", ""},
	{"46326.5", "dmy", true, "2026-10-31", ""},
	{"46326,75", "dmy", true, "2026-10-31", ""},
	{"1", "dmy", true, "1900-01-01", ""},
	{"59", "dmy", true, "1900-02-28", ""},
	{"60", "dmy", true, "", "date"},
	{"61", "dmy", true, "1900-03-01", ""},
	{"0", "dmy", true, "", "date_range"},
	{"73415", "dmy", true, "2100-12-31", ""},
	{"73416", "dmy", true, "", "date_range"},
	{"9999999", "dmy", true, "", "date_range"},
	{"46326", "dmy", false, "", "date"},
	{"2026-10-31", "dmy", true, "2026-10-31", ""},
	// Blanks.
	{"", "dmy", false, "", ""},
	{" \u00a0\t", "dmy", true, "", ""},
	// Rejects.
	{"31/02/2026", "dmy", false, "", "date"},
	{"29/02/2026", "dmy", false, "", "date"},
	{"29/02/1900", "dmy", false, "", "date"},
	{"31/04/2026", "dmy", false, "", "date"},
	{"10/31/2026", "dmy", false, "", "date"},
	{"31/10/2026", "mdy", false, "", "date"},
	{"0/10/2026", "dmy", false, "", "date"},
	{"10/0/2026", "dmy", false, "", "date"},
	{"2026-13-01", "dmy", false, "", "date"},
	{"2026-00-10", "dmy", false, "", "date"},
	{"2026-02-30", "dmy", false, "", "date"},
	{"2026-10/31", "dmy", false, "", "date"},
	{"31/10-2026", "dmy", false, "", "date"},
	{"31/10/226", "dmy", false, "", "date"},
	{"31/10/2026x", "dmy", false, "", "date"},
	{"31/10/2026 25:00", "dmy", false, "", "date"},
	{"31/10/2026 14:60", "dmy", false, "", "date"},
	{"31/10/2026T", "dmy", false, "", "date"},
	{"31 octx 2026", "dmy", false, "", "date"},
	{"31 oc 2026", "dmy", false, "", "date"},
	{"32-oct-2026", "dmy", false, "", "date"},
	{"31-sep-2026", "dmy", false, "", "date"},
	{"Oct 32, 2026", "dmy", false, "", "date"},
	{"20261331", "dmy", false, "", "date"},
	{"2026-10", "dmy", false, "", "date"},
	{"oct 2026", "dmy", false, "", "date"},
	{"yesterday", "dmy", false, "", "date"},
	{"-46326", "dmy", true, "", "date"},
	{"1e5", "dmy", true, "", "date"},
	{"46326.", "dmy", true, "", "date"},
	{"3 ſep 2026", "dmy", false, "", "date"},
	{"3 \u212aov 2026", "dmy", false, "", "date"},
	// Years out of range.
	{"0001-01-01", "dmy", false, "", "date_range"},
	{"9999-12-31", "dmy", false, "", "date_range"},
	{"1899-12-31", "dmy", false, "", "date_range"},
	{"1900-01-01", "dmy", false, "1900-01-01", ""},
	{"2100-12-31", "dmy", false, "2100-12-31", ""},
	{"2101-01-01", "dmy", false, "", "date_range"},
	{"31/12/1899", "dmy", false, "", "date_range"},
	{"3000-02-31", "dmy", false, "", "date_range"},
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	for _, c := range dateCases {
		f := DateFormat{Order: c.order, Serial: c.serial}
		d, ok, err := ParseDate(c.in, f)
		got := ""
		if ok {
			got = d.Format(time.DateOnly)
		}
		var pe *Error
		switch {
		case c.code != "":
			if !errors.As(err, &pe) || pe.Code != c.code || pe.Value != c.in || ok {
				t.Errorf("ParseDate(%q, %s) = %s, %v; want error %s", c.in, c.order, got, err, c.code)
			}
		case err != nil || got != c.want || ok != (c.want != ""):
			t.Errorf("ParseDate(%q, %s) = %s, %v, %v; want %s", c.in, c.order, got, ok, err, c.want)
		case ok && (d.Location() != time.UTC || d.Hour() != 0):
			t.Errorf("ParseDate(%q) = %v; want midnight UTC", c.in, d)
		}
	}
}

// TestDateSQL runs every table input through every order, with and
// without serials, in Go and in DuckDB.
func TestDateSQL(t *testing.T) {
	t.Parallel()
	var inputs []string
	for _, c := range dateCases {
		inputs = append(inputs, c.in)
	}
	var formats []DateFormat
	var exprs []string
	for _, order := range []string{"dmy", "mdy", "ymd"} {
		for _, serial := range []bool{false, true} {
			f := DateFormat{Order: order, Serial: serial}
			formats = append(formats, f)
			exprs = append(exprs, f.SQL("v"))
		}
	}
	got := evalSQL(t, inputs, exprs...)
	for k, f := range formats {
		for i, in := range inputs {
			checkDateSQL(t, in, f, got[k][i])
		}
	}
}

func checkDateSQL(t *testing.T, in string, f DateFormat, sqlVal any) {
	t.Helper()
	want, ok, _ := ParseDate(in, f)
	var got time.Time
	switch v := sqlVal.(type) {
	case nil:
	case time.Time:
		got = v
	default:
		t.Fatalf("%q: SQL gave %T", in, sqlVal)
	}
	if ok != !got.IsZero() || (ok && !got.Equal(want)) {
		t.Errorf("%q with %+v: Go %v (ok=%v), SQL %v", in, f, want.Format(time.DateOnly), ok, got.Format(time.DateOnly))
	}
}

// A workbook in the 1904 date system counts its serials from 1904-01-01:
// the same day's serials are 1462 apart (2026-10-03 is 46298 in the 1900
// system, 44836 in the 1904 one).
func TestParseDateEpoch1904(t *testing.T) {
	for _, c := range []struct {
		in   string
		e    bool
		want string
	}{
		{"46298", false, "2026-10-03"},
		{"44836", true, "2026-10-03"},
		{"0", true, "1904-01-01"},
		{"03/10/2026", true, "2026-10-03"},
	} {
		f := DateFormat{Order: "dmy", Serial: true, Epoch1904: c.e}
		d, ok, err := ParseDate(c.in, f)
		if err != nil || !ok || d.Format("2006-01-02") != c.want {
			t.Errorf("ParseDate(%q, 1904=%t) = %v %t %v, want %s", c.in, c.e, d, ok, err, c.want)
		}
	}
}
