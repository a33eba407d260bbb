package schema

import (
	"fmt"
	"strings"

	"kam/i18n"
)

// MappingError is the required columns that no header feeds: all of them at
// once, so that one run tells everything a file lacks.
type MappingError struct {
	File    string
	Kind    string
	Missing []Missing // in the kind's column order
	Found   []string  // the headers of the file
	Lang    string    // the language of the message ("" or "en": English)
}

// Language is the language the message is written in, for its lead-in.
func (e *MappingError) Language() string {
	if e.Lang == "" {
		return "en"
	}
	return e.Lang
}

// Missing is one required column (or OneOf group) that nothing feeds.
type Missing struct {
	Column  string   // the canonical column, "net_amount or unit_price", or a qualified "quantity (to …)"
	Closest []string // the unused headers most like it, best first; empty when none is close
	// WithTax are headers of amounts with tax ("Total incl. VAT"), named
	// when the net amount is missing: not revenue, never offered for it.
	WithTax []string
	// Owed is the header of what is still owed on each invoice ("Open
	// balance") that makes WithTax's bare amount the invoice's total.
	Owed string
	// Weighted are headers of deal amounts already weighted by probability
	// ("Expected Revenue"), named when the amount is missing.
	Weighted []string
	// PerItem is the header of a unit price read without a quantity: in an
	// export of one row per item sold (order items, marketplace sales) it
	// is the line's amount, which only the analyst can confirm.
	PerItem string
	// Marketplace is the header naming the marketplace of each order in a
	// marketplace's order report (Amazon's sales-channel), named when the
	// customer is missing: such a report has none.
	Marketplace string
}

// Error says what is missing, what the file has, and the kam.yaml lines
// that would fix it, because the analyst reading it is not going to open
// the code to find out which synonyms exist.
func (e *MappingError) Error() string {
	var b strings.Builder
	lang := e.Language()
	if len(e.Missing) == 1 {
		m := e.Missing[0]
		b.WriteString(i18n.T(lang, "mapping.one", e.File, m.Column, e.Kind, quoteList(e.Found), m.closestText(lang)))
		b.WriteString(i18n.T(lang, "mapping.one_hint", e.Kind, m.hintColumn(e.Kind), m.hintHeader()))
		return b.String()
	}
	cols := make([]string, len(e.Missing))
	hints := make([]string, len(e.Missing))
	for i, m := range e.Missing {
		cols[i] = m.Column
		hints[i] = m.hintColumn(e.Kind) + ": " + m.hintHeader()
	}
	b.WriteString(i18n.T(lang, "mapping.many", e.File, andList(cols, i18n.T(lang, "mapping.and")), e.Kind, quoteList(e.Found)))
	for _, m := range e.Missing {
		b.WriteString(i18n.T(lang, "mapping.for", m.hintColumn(e.Kind), m.closestText(lang)))
	}
	b.WriteString(i18n.T(lang, "mapping.many_hint", e.Kind, strings.Join(hints, ", ")))
	return b.String()
}

func (m Missing) closestText(lang string) string {
	text := i18n.T(lang, "mapping.closest", quoteList(m.Closest))
	if len(m.Closest) == 0 {
		text = i18n.T(lang, "mapping.no_close")
		if m.Column == "invoice_id" {
			// A summary by customer and month, or a list of payments:
			// nothing to map, so say what kam needs the number for.
			text += i18n.T(lang, "mapping.no_document")
		}
	}
	switch {
	case len(m.WithTax) > 0 && m.Owed != "":
		text += i18n.T(lang, "mapping.owed_with_tax", quoteList(m.WithTax), m.Owed)
	case len(m.WithTax) > 0:
		text += i18n.T(lang, "mapping.with_tax", quoteList(m.WithTax))
	}
	if len(m.Weighted) > 0 {
		text += i18n.T(lang, "mapping.weighted", quoteList(m.Weighted))
	}
	if m.PerItem != "" {
		text += i18n.T(lang, "mapping.per_item", m.PerItem)
	}
	if m.Marketplace != "" {
		text += i18n.T(lang, "mapping.marketplace_no_customer", m.Marketplace)
	}
	return text
}

func (m Missing) hintHeader() string {
	if len(m.Closest) == 0 {
		return `"<header>"`
	}
	return fmt.Sprintf("%q", m.Closest[0])
}

// hintColumn picks, for a OneOf group, the member the closest header looks
// like ("Precio" suggests unit_price, not net_amount). Callers may qualify
// the column ("quantity (to derive net_amount from unit_price)"); only its
// name goes into the kam.yaml hint.
func (m Missing) hintColumn(kind string) string {
	cols := columnNames(m.Column)
	if len(cols) == 1 || len(m.Closest) == 0 {
		return cols[0]
	}
	best, bestD := cols[0], 2.0
	n := Normalize(m.Closest[0])
	for _, c := range cols {
		if d := columnDistance(kind, c, n); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// andList joins "a, b and c" (and: the word for "and").
func andList(items []string, and string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + and + " " + items[len(items)-1]
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
