package schema

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Closest returns the headers that feed nothing in m and look most like
// column (or any column of "a or b"), best first; none when none is close.
// It serves callers that find a column missing after Map succeeded, such as
// sales lines without an invoice date when no invoices file can supply it,
// so that their MappingError carries the same hints as Map's own.
func Closest(kind, column string, headers []string, m Mapping) []string {
	k, ok := KindByName(kind)
	if !ok {
		return nil
	}
	mp := newMapper(k, newHeaderRow(headers))
	for _, i := range m.Columns {
		if i >= 0 && i < len(headers) {
			mp.used[i] = true
		}
	}
	return mp.closest(columnNames(column))
}

// closeEnough is the largest normalised edit distance (edits per character
// of the longer text) still worth suggesting: "Fech Fact" for "fecha
// factura" (0.31) is, "Cliente" for "fecha factura" is not.
const closeEnough = 0.4

// maxHintLen bounds the headers considered for a hint, in runes.
const maxHintLen = 80

// maxHints is how many close headers a missing column lists.
const maxHints = 3

// closest returns the free headers nearest to any dictionary entry of the
// given columns, best first (ties in header order), at most maxHints; none
// when no header is close enough to be a useful hint.
func (m *mapper) closest(cols []string) []string {
	type hint struct {
		i int
		d float64
	}
	var hints []hint
	for i := range m.headers {
		// A header far longer than any entry is no typo of one; skipping
		// it keeps hints cheap on junk rows.
		if !m.free(i) || utf8.RuneCountInString(m.norms[i]) > maxHintLen {
			continue
		}
		if m.lines != "" && m.tables[i] == "" && !slices.ContainsFunc(cols, isOrderColumn) {
			// A document's own field ("Net Total") is no line's, in an
			// export of its lines as a child table.
			continue
		}
		if m.withTax(i) && slices.ContainsFunc(cols, netColumn) {
			// Amounts with tax are no net amount, however alike the words.
			continue
		}
		if strings.ContainsAny(m.headers[i], "%\uff05") && !slices.ContainsFunc(cols, func(c string) bool {
			col, _ := m.kind.Column(c)
			return !pctForbidden(col.Type)
		}) {
			// "Line Discount %" is a rate: never an amount, a date or an id.
			continue
		}
		if calendarPart(m.norms[i]) && slices.ContainsFunc(cols, func(c string) bool {
			col, _ := m.kind.Column(c)
			return col.Type == ID
		}) {
			// "YEAR_ID", "QTR_ID", "Month No" number a period: no
			// customer's, invoice's or product's code.
			continue
		}
		if m.wrongType(m.norms[i], cols) {
			// "Qty Invoiced" is no invoice id, "shipping-price" no unit
			// price, "is-business-order" no customer: the header's own
			// words say what its values are (headerClasses).
			continue
		}
		if SaysWeighted(m.headers[i]) && m.kind.Name == Opportunities && slices.Contains(cols, "amount") {
			// An amount already weighted by probability is no deal amount.
			continue
		}
		best := closeEnough + 1e-9
		for _, c := range cols {
			best = min(best, columnDistance(m.kind.Name, c, m.norms[i]))
		}
		if best <= closeEnough {
			hints = append(hints, hint{i, best})
		}
	}
	slices.SortStableFunc(hints, func(a, b hint) int { return cmp.Compare(a.d, b.d) })
	var out []string
	for _, h := range hints[:min(len(hints), maxHints)] {
		out = append(out, m.headers[h.i])
	}
	return out
}

// columnDistance is the smallest normalised Levenshtein distance between a
// normalised header and the entries of a column; 1 when there are none.
func columnDistance(kind, col, norm string) float64 {
	best := 1.0
	sq := strings.ReplaceAll(norm, " ", "")
	for _, e := range entriesFor(kind, col) {
		d := distance(norm, e)
		if d2 := distance(sq, strings.ReplaceAll(e, " ", "")); d2 < d {
			d = d2
		}
		if d < best {
			best = d
		}
	}
	return best
}

// distance is the Levenshtein distance per rune of the longer text. Texts
// whose lengths alone put them beyond closeEnough are not compared (the
// length difference is a lower bound of the edit distance), which keeps
// hints cheap on files with hundreds of columns.
func distance(a, b string) float64 {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	n := max(la, lb)
	if n == 0 || float64(max(la-lb, lb-la))/float64(n) > closeEnough {
		return 1
	}
	return float64(levenshtein.ComputeDistance(a, b)) / float64(n)
}

// netColumn: the columns revenue is read from.
func netColumn(col string) bool { return col == "net_amount" || col == "unit_price" }

// freeSaying lists the free headers a header test says yes to: the
// amounts with tax (SaysTaxIncluded) for the error of a file that lacks
// the net amount, the amounts already weighted by probability
// (SaysWeighted) for a deals file that lacks the amount — they are why it
// is missing.
func (m *mapper) freeSaying(says func(header string) bool) []string {
	var out []string
	for i, h := range m.headers {
		if m.free(i) && says(h) {
			out = append(out, h)
		}
	}
	return out
}

// calendarWords start the headers of a period's parts.
var calendarWords = []string{"year", "yr", "qtr", "quarter", "month", "week", "day", "ano", "mes", "trimestre", "semana", "dia", "fiscal", "period", "periodo"}

// calendarPart: the header numbers a part of the calendar ("YEAR_ID",
// "Month No", "Trimestre").
func calendarPart(norm string) bool {
	w, _, _ := strings.Cut(norm, " ")
	return slices.Contains(calendarWords, w)
}
