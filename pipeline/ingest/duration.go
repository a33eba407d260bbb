package ingest

import (
	"regexp"
	"strconv"
	"strings"
)

// Durations written with their units rather than as a number of hours:
// a clock time ("01:30", "0:45:00": hours, minutes, seconds) or hours and
// minutes by name ("1h 30m", "2 h", "90 min", "1,5 horas").
const (
	clockDuration = `(\d{1,3}):([0-5]\d)(?::([0-5]\d))?`
	unitDuration  = `(?:(\d+(?:[.,]\d+)?)h(?:oras?|ours?|rs?|s)?)?(?:(\d+(?:[.,]\d+)?)m(?:in(?:utos?|utes?|s)?)?)?`
)

var (
	clockDurationRe = regexp.MustCompile(`^` + clockDuration + `$`)
	unitDurationRe  = regexp.MustCompile(`^` + unitDuration + `$`)
)

// durationText is a value as the unit grammar reads it: lower case,
// without spaces or a trailing period.
func durationText(v string) string {
	return strings.TrimSuffix(strings.ToLower(strings.Join(strings.Fields(v), "")), ".")
}

// isWrittenDuration reports whether a sampled value is a duration written
// with its units.
func isWrittenDuration(v string) bool {
	if clockDurationRe.MatchString(strings.TrimSpace(v)) {
		return true
	}
	t := durationText(v)
	return t != "" && strings.ContainsAny(t, "hm") && unitDurationRe.MatchString(t)
}

// writtenDurationSQL reads raw (the trimmed text) as hours when it is a
// duration written with its units, else as num (the column's number).
func writtenDurationSQL(raw, num string) string {
	t := "rtrim(lower(regexp_replace(" + raw + `, '\s+', '', 'g')), '.')`
	part := func(src, re string, i int) string {
		return "coalesce(try_cast(replace(nullif(regexp_extract(" + src + ", '^" + re + "$', " + strconv.Itoa(i) + "), ''), ',', '.') as decimal(18,8)), 0)"
	}
	clock := part(raw, clockDuration, 1) + " + " + part(raw, clockDuration, 2) + " / 60 + " + part(raw, clockDuration, 3) + " / 3600"
	units := part(t, unitDuration, 1) + " + " + part(t, unitDuration, 2) + " / 60"
	return "(case when regexp_full_match(" + raw + ", '" + clockDuration + "') then cast(round(" + clock + ", 8) as decimal(18,8))" +
		" when " + t + " <> '' and regexp_matches(" + t + ", '[hm]') and regexp_full_match(" + t + ", '" + unitDuration + "') then cast(round(" + units + ", 8) as decimal(18,8))" +
		" else " + num + " end)"
}
