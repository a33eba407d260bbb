package schema

import (
	"regexp"
	"slices"
	"strings"
)

// A document exported with its child table (ERPNext's and Frappe's "Export
// Data" of a Sales Invoice with its Items) writes the document's own fields
// under their labels ("ID", "Customer", "Net Total") and the child table's
// under the label followed by the table's in parentheses ("ID (Items)",
// "Item (Items)", "Net Amount (Items)"). The parenthesis names the table,
// not the meaning: "Item (Items)" is the product, "ID (Items)" the line's
// own id. The document's fields are written on the first row of each
// document only; every row is one line of its table.

// OrderColumns are the columns of a sales line that belong to its order or
// invoice rather than to the line; the rest (product, quantity, amounts)
// are the line's own.
var OrderColumns = []string{"invoice_id", "invoice_series", "invoice_date", "account_id", "account_name", "kam_id", "currency",
	"status", "is_cancelled", "is_not_issued", "document_type", "segment", "industry", "region", "country"}

func isOrderColumn(c string) bool { return slices.Contains(OrderColumns, c) }

// qualified is a header ending in a parenthesised qualifier: "Rate (Items)".
var qualified = regexp.MustCompile(`^\s*(.*?\S)\s*\(([^()]*)\)\s*$`)

// tableLabel splits a header into its label and the table its parenthesis
// names (normalised), or returns "" for the table when the parenthesis
// says something about the value instead: its currency ("(EUR)",
// "(converted)"), tax ("(excl. tax)", "(IVA incl.)"), scale ("(k€)"),
// unit ("(%)", "(h)", "(in seconds)") or nothing a table could be called.
func tableLabel(header string) (label, table string) {
	sm := qualified.FindStringSubmatch(header)
	if sm == nil {
		return "", ""
	}
	q := Normalize(sm[2])
	words := strings.Fields(q)
	if len(words) == 0 || strings.ContainsAny(sm[2], "%$€£¥₹'") || HeaderScale(sm[2]) != "" ||
		SaysHours(sm[2]) || SaysMilliseconds(sm[2]) || SaysPercent(sm[2]) || SaysTaxIncluded(sm[2]) {
		return "", ""
	}
	if ac := headerCurrency("x "+q, "x "+q); ac.Named() {
		return "", ""
	}
	if _, unit := withoutTimeUnit("x " + q); unit != "" {
		return "", ""
	}
	allTax := true
	for _, w := range words {
		if taxExcluding[w] || valueQualifiers[w] || !isLetters(w) {
			return "", ""
		}
		allTax = allTax && taxWords[w]
	}
	if allTax {
		// "Importe (IVA)", "Amount (VAT)": the tax's, not a table's
		// ("Sales Taxes and Charges" is one).
		return "", ""
	}
	return sm[1], q
}

// valueQualifiers are words of a parenthesis that qualify the value (a
// converted amount, an optional field, Dynamics' "(Do Not Modify)"), never
// a table's label.
var valueQualifiers = map[string]bool{
	"converted": true, "convertido": true, "base": true, "local": true, "company": true,
	"do": true, "not": true, "modify": true, "optional": true, "required": true, "read": true,
	"only": true, "old": true, "new": true, "calculated": true, "calc": true, "est": true,
	"estimated": true, "incl": true, "inc": true, "net": true, "gross": true, "total": true,
}

func isLetters(w string) bool {
	for _, r := range w {
		if !isWordRune(r) || r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// childTables reads a header row as a document with child tables: a
// qualifier that two headers or more end with, and that is a table's label
// (tableLabel), beside two headers or more with no qualifier at all (the
// document's own fields). It returns each header's table ("" for the
// document's fields, or every header when the row is no such export) and
// its label normalised.
func childTables(headers []string) (tables, labels []string) {
	tables = make([]string, len(headers))
	labels = make([]string, len(headers))
	count := map[string]int{}
	bare := 0
	for i, h := range headers {
		label, table := tableLabel(h)
		if table == "" {
			if !strings.ContainsAny(h, "()") && Normalize(h) != "" {
				bare++
			}
			continue
		}
		tables[i], labels[i] = table, Normalize(label)
		count[table]++
	}
	for i, t := range tables {
		if t != "" && count[t] < 2 {
			tables[i], labels[i] = "", ""
		}
	}
	if bare < 2 || !slices.ContainsFunc(tables, func(t string) bool { return t != "" }) {
		return make([]string, len(headers)), make([]string, len(headers))
	}
	return tables, labels
}

// lineTable is the child table of a sales export whose fields are the
// lines: the one whose labels name a quantity, a unit price or an amount
// of the line (ERPNext's Items, not its Sales Taxes and Charges nor its
// Payment Schedule, whose "Rate" and "Amount" are a tax's and a
// payment's: the table giving the most line columns wins). "" for none.
func (m *mapper) lineTable() string {
	if m.kind.Name != Sales {
		return ""
	}
	best, bestN := "", 0
	seen := map[string]bool{}
	for _, t := range m.tables {
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		cols := map[string]bool{}
		for i, ti := range m.tables {
			if ti != t {
				continue
			}
			for _, c := range m.childCandidates(i) {
				cols[c.column] = true
			}
		}
		if !cols["quantity"] && !cols["net_amount"] && !cols["unit_price"] {
			continue
		}
		if len(cols) > bestN {
			best, bestN = t, len(cols)
		}
	}
	return best
}

// childCandidates are the sales columns header i of a child table may feed
// by its label: the line's own columns, never its order's; the bare "ID"
// is the line's id.
func (m *mapper) childCandidates(i int) []candidate {
	label := m.labels[i]
	if label == "id" || label == "name" {
		return []candidate{{header: i, column: "line_no", tier: tierStrong, score: int(tierStrong) * 100}}
	}
	var out []candidate
	raw := qualified.FindStringSubmatch(m.headers[i])[1]
	base := ""
	if ac := headerCurrency(raw, label); ac.Named() && ac.Base != label {
		base = ac.Base
	}
	for _, c := range synonymCandidates(m.kind, i, raw, label, "", base) {
		if !slices.Contains(OrderColumns, c.column) {
			out = append(out, c)
		}
	}
	return out
}

// documentCandidates filters the candidates of a document's own field in
// a sales export with a line table: it feeds the order's columns only
// (its "Net Total" and "Grand Total" are no line's amount), and its bare
// "ID" is the document's number.
func (m *mapper) documentCandidates(i int, cands []candidate) []candidate {
	if m.norms[i] == "id" {
		return []candidate{{header: i, column: "invoice_id", tier: tierStrong, score: int(tierStrong) * 100}}
	}
	out := cands[:0:0]
	for _, c := range cands {
		if slices.Contains(OrderColumns, c.column) {
			out = append(out, c)
		}
	}
	return out
}
