package schema

import (
	"fmt"
	"strings"
)

// MappingError is a required column that no header feeds.
type MappingError struct {
	File    string
	Kind    string
	Column  string   // the missing canonical column (or "net_amount or unit_price")
	Found   []string // the headers of the file
	Closest string   // the unused header most like the column, "" if none is close
}

// Error says what is missing, what the file has, and the kam.yaml lines
// that would fix it, because the analyst reading it is not going to open
// the code to find out which synonyms exist.
func (e *MappingError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: no column for %s (kind %s); headers found: %s; ", e.File, e.Column, e.Kind, quoteList(e.Found))
	header := `"<header>"`
	if e.Closest != "" {
		fmt.Fprintf(&b, "closest: %q", e.Closest)
		header = fmt.Sprintf("%q", e.Closest)
	} else {
		b.WriteString("no close candidate")
	}
	fmt.Fprintf(&b, " — map it in kam.yaml under columns: %s: %s: %s", e.Kind, e.hintColumn(), header)
	return b.String()
}

// hintColumn picks, for a OneOf group, the member the closest header looks
// like ("Precio" suggests unit_price, not net_amount). Callers may qualify
// the column ("quantity (to derive net_amount from unit_price)"); only its
// name goes into the kam.yaml hint.
func (e *MappingError) hintColumn() string {
	cols := columnNames(e.Column)
	if len(cols) == 1 || e.Closest == "" {
		return cols[0]
	}
	best, bestD := cols[0], 2.0
	n := Normalize(e.Closest)
	for _, c := range cols {
		if d := columnDistance(e.Kind, c, n); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// columnNames splits "a or b" into its column names, dropping any
// qualification after a name.
func columnNames(column string) []string {
	var out []string
	for _, part := range strings.Split(column, " or ") {
		name, _, _ := strings.Cut(strings.TrimSpace(part), " ")
		out = append(out, name)
	}
	return out
}

// quoteList lists headers the way errors show them, "none" for an empty
// row, so that an analyst sees blanks and trailing spaces.
func quoteList(headers []string) string {
	if len(headers) == 0 {
		return "none"
	}
	q := make([]string, len(headers))
	for i, h := range headers {
		q[i] = fmt.Sprintf("%q", h)
	}
	return strings.Join(q, ", ")
}
