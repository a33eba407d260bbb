package parse

import "testing"

func TestParseDateDetail(t *testing.T) {
	t.Parallel()
	for order, words := range map[string]string{"dmy": "day-first", "mdy": "month-first", "ymd": "year-first", "": "day-first"} {
		_, _, err := ParseDate("31/02/2026", DateFormat{Order: order})
		if pe, ok := err.(*Error); !ok || pe.Detail != words {
			t.Errorf("order %q: %v; want Detail %s", order, err, words)
		}
	}
}

func TestDetectDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		samples []string
		order   string
		serial  bool
		want    DateFormat
	}{
		{[]string{"31/10/2026", "01/11/2026", "2026-10-31"}, "mdy", false, DateFormat{Order: "dmy"}},
		{[]string{"10/31/2026", "11/01/2026", "Oct 31, 2026"}, "dmy", false, DateFormat{Order: "mdy"}},
		{[]string{"13/01/2026", "14/01/2026", "01/13/2026"}, "mdy", false, DateFormat{Order: "dmy", Conflicts: 1}},
		{[]string{"01/02/2026", "03/04/26"}, "mdy", true, DateFormat{Order: "mdy", Serial: true, Ambiguous: true}},
		{[]string{"01/02/2026", "2026-10-31", "31 oct 2026", "46326", ""}, "dmy", false, DateFormat{Order: "dmy", Ambiguous: true}},
		{[]string{"2026/10/31", "2026/01/02"}, "ymd", false, DateFormat{Order: "ymd", YearFirst: true}},
		// ISO dates and date-times depend on no order: not ambiguous, whatever is configured.
		{[]string{"2024-01-15 00:00:00.000", "2024-01-19T09:42:24.000+0000", "2024-02-03"}, "dmy", false, DateFormat{Order: "dmy", YearFirst: true}},
		{[]string{"2024-01-15T00:00:00Z", "2024-12-01"}, "mdy", false, DateFormat{Order: "mdy", YearFirst: true}},
		{[]string{"15 ene 2026", "3 oct 2026"}, "dmy", false, DateFormat{Order: "dmy"}},
		{[]string{"26/10/31", "26/01/02"}, "ymd", false, DateFormat{Order: "ymd", Ambiguous: true}},
		{[]string{"31/10/2026"}, "ymd", false, DateFormat{Order: "dmy"}},
		{[]string{"13/01/2026", "01/13/2026"}, "mdy", false, DateFormat{Order: "mdy", Conflicts: 1}},
		{[]string{"13/01/2026", "01/13/2026"}, "ymd", false, DateFormat{Order: "dmy", Conflicts: 1}},
		{[]string{"45/01/2026", "13/13/2026", "13-01/2026"}, "mdy", false, DateFormat{Order: "mdy", Ambiguous: true}},
		{nil, "", false, DateFormat{Order: "dmy"}},
	}
	for _, tt := range tests {
		if got := DetectDate(tt.samples, tt.order, tt.serial); got != tt.want {
			t.Errorf("DetectDate(%q, %s) = %+v; want %+v", tt.samples, tt.order, got, tt.want)
		}
	}
}

func TestSerialBounds(t *testing.T) {
	t.Parallel()
	if maxSerial != 73415 {
		t.Errorf("maxSerial = %d; want 73415 (2100-12-31)", maxSerial)
	}
}
