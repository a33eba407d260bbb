package ingest

import "testing"

// TestFloatIDsAndSerialDates: the value rules of a float column's codes and
// of Excel serial dates in a text file, hand-listed.
func TestFloatIDsAndSerialDates(t *testing.T) {
	floats := []struct {
		in   []string
		want bool
	}{
		{[]string{"123.0", "456.00", "-7.0"}, true},
		{[]string{"123.0", "12.5"}, false}, // a real decimal: the column is read as written
		{[]string{"123.0", "124"}, false},
		{[]string{"A1.0"}, false},
		{nil, false},
	}
	for _, c := range floats {
		if got := floatIDs(c.in); got != c.want {
			t.Errorf("floatIDs(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	serials := []struct {
		in   []string
		want bool
	}{
		{[]string{"46298", "46299", "20000", "80000"}, true},
		{[]string{"46298", "2026"}, false},    // a year
		{[]string{"20261003"}, false},         // yyyymmdd
		{[]string{"46298", "46298.5"}, false}, // not whole
		{[]string{"46298", "03/10/2026"}, false},
		{nil, false},
	}
	for _, c := range serials {
		if got := serialDates(c.in); got != c.want {
			t.Errorf("serialDates(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestApostrophedCodes: a code column is read without Excel's text prefix
// only when every sampled code has it.
func TestApostrophedCodes(t *testing.T) {
	cases := []struct {
		in   []string
		want bool
	}{
		{[]string{"'00123", "'F-7"}, true},
		{[]string{"'00123", "00456"}, false}, // one without: the apostrophe may be part of a code
		{[]string{"'"}, false},
		{nil, false},
	}
	for _, c := range cases {
		if got := apostrophed(c.in); got != c.want {
			t.Errorf("apostrophed(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
