package ingest

import (
	"context"
	"fmt"
	"kam/i18n"
	"slices"
	"strings"

	"kam/pipeline/ingest/schema"
)

// orderColumns are the columns of a sales line that belong to its order:
// report-style exports (an Odoo list grouped by order, an ERP's printed
// order book) write them on the first line of an order only and leave
// them blank on the lines below, meaning "same as above".
var orderColumns = schema.OrderColumns

// lineColumns are what a line itself says.
var lineColumns = []string{"net_amount", "unit_price", "quantity", "product_id", "product_line"}

// decideCarryDown reads a sales file as one whose continuation rows leave
// the order blank when its sampled records (in file order) show it: the
// first record opens an order, and on every record without an order id
// every mapped order column is blank while the line names its product (a
// file without a product column is never read so). Those rows then take the order columns from the row that opened the order,
// and the file's note says so. A row with some order columns filled and no
// order id is not a continuation: it is rejected for its missing id, as in
// any other file. recs are the records' raw values (present trims them and
// blanks the missing-value markers).
func (t *typing) decideCarryDown(rt *rawTable, recs [][]string) {
	if t.kind.Name != schema.Sales || t.mapping.Preset == "odoo" || !t.has("invoice_id") || len(recs) < 2 {
		return
	}
	var parents, lines []int
	var names []string
	for _, n := range orderColumns {
		if c, ok := t.cols[n]; ok {
			parents = append(parents, c.Index)
			names = append(names, fmt.Sprintf("%q", c.Header))
		}
	}
	for _, n := range lineColumns {
		if c, ok := t.cols[n]; ok {
			lines = append(lines, c.Index)
		}
	}
	if len(parents) < 2 || len(lines) == 0 {
		return
	}
	val := func(r []string, idx int) string {
		if idx < len(r) {
			return rt.present(r[idx])
		}
		return ""
	}
	// A line of an order names its product; a subtotal or total line
	// below the order (its amount only) does not, and continues nothing:
	// it is left as it is (rejectTotalLines judges it once loaded).
	// Without a product column the two cannot be told apart: nothing is
	// carried down, and a row without its order is rejected as such (or
	// as a total line), never added to the order above.
	var products []int
	for _, n := range lineColumns {
		if c, ok := t.cols[n]; ok && isProductColumn(n) {
			products = append(products, c.Index)
		}
	}
	if len(products) == 0 {
		return
	}
	id := t.cols["invoice_id"].Index
	if val(recs[0], id) == "" {
		return
	}
	cont := 0
	for _, r := range recs {
		if val(r, id) != "" {
			continue
		}
		if slices.ContainsFunc(parents, func(i int) bool { return val(r, i) != "" }) {
			return
		}
		if !slices.ContainsFunc(lines, func(i int) bool { return val(r, i) != "" }) {
			if slices.ContainsFunc(r, func(v string) bool { return rt.present(v) != "" }) && !t.otherTableRow(r, rt) {
				return
			}
			// A row of another child table only (ERPNext's second tax
			// of an invoice with one item) or a blank one is no line
			// and continues nothing: the order goes on below it.
			continue
		}
		if !slices.ContainsFunc(products, func(i int) bool { return val(r, i) != "" }) {
			continue
		}
		cont++
	}
	if cont == 0 {
		return
	}
	slices.Sort(parents)
	t.carryDown = parents
	t.carryNeeds = products
	t.notes = append(t.notes, i18n.N("note.carry_down", strings.Join(names, ", ")))
}

// decideOrderFill reads a sales file as one that writes its orders'
// columns on their first line only, repeating just the order id (and
// perhaps its date and customer) on the others — Shopify's orders export
// leaves the financial status, the currency and the billing details
// blank on every line item after the first. A column is filled from the
// order's first line when, in the sampled records (file order), some
// order's first line fills it and no later line of an order does: the
// second line of a voided order is then voided too, rather than revenue.
// A column any later line fills is the line's own and is left as it is.
func (t *typing) decideOrderFill(rt *rawTable, recs [][]string) {
	if t.kind.Name != schema.Sales || t.mapping.Preset == "odoo" || len(t.carryDown) > 0 || !t.has("invoice_id") {
		return
	}
	val := func(r []string, idx int) string {
		if idx < len(r) {
			return rt.present(r[idx])
		}
		return ""
	}
	id := t.cols["invoice_id"].Index
	var fill []int
	var names []string
	for _, n := range orderColumns {
		c, ok := t.cols[n]
		if !ok || n == "invoice_id" {
			continue
		}
		blankUnder, filledUnder := 0, 0
		opener := -1
		for i, r := range recs {
			if i == 0 || val(r, id) == "" || val(r, id) != val(recs[i-1], id) {
				opener = i
				continue
			}
			switch {
			case val(r, c.Index) != "":
				filledUnder++
			case opener >= 0 && val(recs[opener], c.Index) != "":
				blankUnder++
			}
		}
		if blankUnder > 0 && filledUnder == 0 {
			fill = append(fill, c.Index)
			names = append(names, fmt.Sprintf("%q", c.Header))
		}
	}
	if len(fill) == 0 {
		return
	}
	slices.Sort(fill)
	t.orderFill = fill
	t.notes = append(t.notes, i18n.N("note.order_fill", strings.Join(names, ", "), t.cols["invoice_id"].Header))
}

// firstRecords are the first n rows of a raw table (a workbook's sheet, a
// Parquet file) as text, in file order.
func (w *loader) firstRecords(ctx context.Context, rt *rawTable, n int) ([][]string, error) {
	cols := make([]string, len(rt.Header))
	for i := range cols {
		cols[i] = "coalesce(cast(" + rawCol(i) + " as varchar), '')"
	}
	rows, err := w.Query(ctx, fmt.Sprintf("select %s from %s order by rowid limit %d", strings.Join(cols, ", "), rt.Name, n))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		r := make([]string, len(cols))
		dest := make([]any, len(cols))
		for i := range r {
			dest[i] = &r[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// otherTableRow reports whether a row fills only fields the mapping left
// to another child table of the export (schema.Mapping.Ignored): the rows
// of a document's second table written beside its lines (its taxes) run
// past its last line.
func (t *typing) otherTableRow(r []string, rt *rawTable) bool {
	if len(t.mapping.OtherTables) == 0 {
		return false
	}
	for i, v := range r {
		if rt.present(v) != "" && !slices.Contains(t.mapping.OtherTables, i) {
			return false
		}
	}
	return true
}
