package parse

import "regexp"

// usClockRe is a numeric date with slashes and a time on a 12-hour clock
// marked AM or PM in capitals, without dots: "10/03/2026 2:15 PM", as US
// Excel, Salesforce and QuickBooks write a date-time.
var usClockRe = regexp.MustCompile(`^` + wsClass + `*\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?:` + wsClass + `+|,` + wsClass + `*)` +
	`(?:0?[1-9]|1[0-2]):[0-5]\d(?::[0-5]\d)?` + wsClass + `*(?:AM|PM)` + wsClass + `*$`)

// otherClockRe is any other 12-hour marker: Spanish "p. m." and "a. m."
// (Windows and ICU in es-ES, a day-first locale), "p.m.", and the lower
// case "pm" of day-first English locales (en-AU, en-NZ).
var otherClockRe = regexp.MustCompile(`\d:[0-5]\d(?::[0-5]\d)?` + wsClass + `*(?:[aApP]\.` + wsClass + `?[mM]\.?|[ap]m)` + wsClass + `*$`)

// USClock reports whether a date column's values write their times on a US
// 12-hour clock: some sampled value is a numeric date with AM or PM
// (usClockRe) and none marks its time in another way (otherClockRe). A
// 24-hour clock says nothing of the order of day and month; a US one
// says month-first.
func USClock(samples []string) (example string, ok bool) {
	for _, s := range samples {
		if otherClockRe.MatchString(s) {
			return "", false
		}
		if example == "" && usClockRe.MatchString(s) {
			example = s
		}
	}
	return example, example != ""
}
