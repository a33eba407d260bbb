package parse

import "testing"

func TestUSClock(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		samples []string
		want    bool
	}{
		{"US date-times", []string{"10/03/2026 2:15 PM", "11/03/2026 9:00 AM"}, true},
		{"with seconds and a comma", []string{"3/4/2026, 11:05:09 AM"}, true},
		{"a blank among them", []string{"", "3/4/2026 12:00 PM"}, true},
		{"24-hour clock", []string{"10/03/2026 14:15", "11/03/2026 09:00"}, false},
		{"Spanish p. m.", []string{"10/03/2026 2:15 p. m.", "11/03/2026 9:00 a. m."}, false},
		{"Spanish p.m. beside PM", []string{"10/03/2026 2:15 PM", "11/03/2026 9:00 a.m."}, false},
		{"lower-case pm (en-AU)", []string{"10/03/2026 2:15 pm"}, false},
		{"dates only", []string{"10/03/2026", "11/03/2026"}, false},
		{"ISO date-times", []string{"2026-03-10 2:15 PM"}, false},
		{"dashes, not a US date", []string{"10-03-2026 2:15 PM"}, false},
	} {
		if _, got := USClock(tc.samples); got != tc.want {
			t.Errorf("%s: USClock(%q) = %v, want %v", tc.name, tc.samples, got, tc.want)
		}
	}
}
