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

// clockOfDay is the time of day at the end of a value: a time alone
// ("9:00:00 AM", "14:30") or after a date ("2026-10-05 10:00:00",
// "10/6/2026 9:00 AM", "2026-10-14T08:00:00.000Z"), on a 24-hour clock or
// a 12-hour one marked AM or PM (a. m., p.m.).
const clockOfDay = `(\d{1,2}):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?\s*(?:([AaPp])\.?\s?[Mm]\.?)?\s*(?:Z|[+-]\d\d:?\d\d)?\s*$`

// clockSecondsSQL is the seconds since midnight of the time at the end of
// raw (see clockOfDay), NULL when it ends in none.
func clockSecondsSQL(raw string) string {
	x := "cast(" + raw + " as varchar)"
	part := func(i int) string {
		return "regexp_extract(" + x + ", '" + clockOfDay + "', " + strconv.Itoa(i) + ")"
	}
	h := "cast(" + part(1) + " as integer)"
	hour := "(case lower(" + part(4) + ") when 'a' then " + h + " % 12 when 'p' then " + h + " % 12 + 12 else " + h + " end)"
	return "(case when regexp_matches(" + x + ", '" + clockOfDay + "') then " + hour + " * 3600 + cast(" + part(2) +
		" as integer) * 60 + coalesce(try_cast(nullif(" + part(3) + ", '') as integer), 0) end)"
}

// spanHours is an activity's length from its start and its end when the
// file gives them apart from its date (a calendar exported as an activity
// log: Start Date, Start Time, End Date, End Time): the hours between
// them. An end before its start is no length kam can tell: NULL, as for
// an activity without a duration (and an all-day event's, see derive).
func (t *typing) spanHours() string {
	if !t.has("end_time") && !t.has("end_date") {
		return ""
	}
	start := clockSecondsSQL(sqlIdent("r_activity_date"))
	if t.has("start_time") {
		start = "coalesce(" + clockSecondsSQL(sqlIdent("r_start_time")) + ", " + start + ")"
	}
	var ends []string
	if t.has("end_time") {
		ends = append(ends, clockSecondsSQL(sqlIdent("r_end_time")))
	}
	days := "0"
	if t.has("end_date") {
		ends = append(ends, clockSecondsSQL(sqlIdent("r_end_date")))
		days = "coalesce(date_diff('day', cast(" + t.v("activity_date") + " as date), cast(" + t.v("end_date") + " as date)), 0)"
	}
	end := ends[0]
	if len(ends) > 1 {
		end = "coalesce(" + strings.Join(ends, ", ") + ")"
	}
	secs := "(" + days + " * 86400 + " + end + " - " + start + ")"
	return "(case when " + secs + " >= 0 then cast(round(" + secs + " / 3600, 8) as decimal(18,8)) end)"
}
