package ingest

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// typedSQL is the select that turns a raw table into rows of raw.<kind>:
// every mapped column typed (t1), canonical columns derived from auxiliary
// ones (t2), and the first problem of each row as a reject (final). One
// statement, so DuckDB does the whole file in one parallel pass.
func (t *typing) typedSQL(rt *rawTable) string {
	var b strings.Builder
	src := rt.Name
	// For a handful of rows the steps are materialized: inlined, each
	// step's expressions are copied into every step that reads them, and
	// DuckDB takes about a second to plan the general grammar's statement
	// (its numbers and dates are long expressions); materialized, a third
	// of that. Large sources stream through the inlined steps.
	as := "as"
	if rt.few {
		as = "as materialized"
	}
	if parents := t.continuationParents(rt); len(parents) > 0 {
		// One-to-many exports (Odoo) leave the parent columns blank on the
		// rows that continue a record: those rows take them from the row
		// that opened the record.
		blank := make([]string, len(parents))
		for i, idx := range parents {
			blank[i] = fmt.Sprintf("nullif(trim(%s), '') is null", rawCol(idx))
		}
		cont := "(" + strings.Join(blank, " and ") + ")"
		if t.mapping.Preset != "odoo" {
			named := make([]string, len(t.carryNeeds))
			for i, idx := range t.carryNeeds {
				named[i] = fmt.Sprintf("nullif(trim(%s), '') is not null", rawCol(idx))
			}
			cont = "(" + cont + " and (" + strings.Join(named, " or ") + "))"
		}
		fmt.Fprintf(&b, "with t00 as (\n  select *, %s as _src_line0, %s as _cont,\n    sum(case when %s then 0 else 1 end) over (order by %s rows unbounded preceding) as _grp\n  from %s\n),\n",
			rt.LineExpr, cont, cont, rt.LineExpr, rt.Name)
		fmt.Fprintf(&b, "t0 as (\n  select * replace (")
		for i, idx := range parents {
			if i > 0 {
				b.WriteString(", ")
			}
			c := rawCol(idx)
			fmt.Fprintf(&b, "case when _cont then first_value(%[1]s) over (partition by _grp order by _src_line0) else %[1]s end as %[1]s", c)
		}
		b.WriteString(")\n  from t00\n),\n")
		src = "t0"
		fmt.Fprintf(&b, "t1r %s (\n  select _src_line0 as _src_line", as)
	} else if len(t.orderFill) > 0 {
		// A shop export writes its order's status and currency on the
		// order's first line only: the other lines of the order take them.
		id := rawCol(t.cols["invoice_id"].Index)
		fmt.Fprintf(&b, "with t00 as (\n  select *, %s as _src_line0\n  from %s\n),\n", rt.LineExpr, rt.Name)
		b.WriteString("t0 as (\n  select * replace (")
		for i, idx := range t.orderFill {
			if i > 0 {
				b.WriteString(", ")
			}
			c := rawCol(idx)
			fmt.Fprintf(&b, "case when nullif(trim(%[1]s), '') is null then first_value(%[1]s) over (partition by trim(%[2]s) order by _src_line0) else %[1]s end as %[1]s", c, id)
		}
		b.WriteString(")\n  from t00\n),\n")
		src = "t0"
		fmt.Fprintf(&b, "t1r %s (\n  select _src_line0 as _src_line", as)
	} else {
		// t1r: the trimmed text of every mapped column.
		fmt.Fprintf(&b, "with t1r %s (\n  select %s as _src_line", as, rt.LineExpr)
	}
	if rt.FieldsExpr != "" {
		fmt.Fprintf(&b, ", %s as _fields", rt.FieldsExpr)
	}
	for _, name := range t.order {
		c := t.cols[name]
		raw := c.Raw
		if rt.native && c.Native != "" {
			raw = rawCol(c.Index) // already typed by DuckDB's reader
		}
		fmt.Fprintf(&b, ",\n    %s as %s", raw, sqlIdent("r_"+name))
	}
	fmt.Fprintf(&b, "\n  from %s\n),\n", src)

	// t1: typed values.
	t.markers = t.currencyMarkers(rt)
	fmt.Fprintf(&b, "t1 %s (\n  select t1r.*", as)
	for _, name := range t.markers {
		fmt.Fprintf(&b, ",\n    %s as %s", parse.CurrencyMarkerSQL(sqlIdent("r_"+name)), sqlIdent("k_"+name))
	}
	if t.credits() {
		// Once per row: the line is a credit note's (derive).
		credit := schema.CreditDocumentSQL(sqlIdent("r_document_type"))
		if !t.has("document_type") {
			credit = schema.CreditInNumberSQL(sqlIdent("r_invoice_id"))
		}
		fmt.Fprintf(&b, ",\n    %s as _credit", credit)
	}
	for _, name := range t.order {
		c := t.cols[name]
		value := c.Value
		if rt.native && c.Native != "" {
			value = c.nativeValue(sqlIdent("r_" + name))
		}
		if name == "status" && t.dolibarrStatus {
			value = dolibarrStatusSQL(value)
		}
		if c.Scale != "" {
			// The factor is a plain decimal checked by the configuration.
			digits := 4
			if c.Col.Type == schema.Number {
				digits = 8
			}
			value = fmt.Sprintf("try_cast(cast(%s as decimal(38,10)) * %s as decimal(18,%d))", value, c.Scale, digits)
		}
		if c.Divide != "" {
			value = "(" + value + " / " + c.Divide + ")"
		}
		fmt.Fprintf(&b, ",\n    %s as %s", value, sqlIdent("v_"+name))
		if c.Start != "" {
			fmt.Fprintf(&b, ", %s as %s, %s as %s", c.Start, sqlIdent("v_"+name+"_start"), c.Months, sqlIdent("v_"+name+"_months"))
		}
	}
	b.WriteString("\n  from t1r\n),\n")

	// t2: canonical columns.
	fmt.Fprintf(&b, "t2 %s (\n  select t1.*", as)
	for _, sc := range storedColumns(t.kind) {
		d := t.derive(sc.Name)
		if strings.HasPrefix(sc.Type, "decimal") && d != "null" {
			d = "try_cast(" + d + " as " + sc.Type + ")"
		}
		fmt.Fprintf(&b, ",\n    %s as %s", d, sqlIdent("d_"+sc.Name))
	}
	b.WriteString("\n  from t1\n)\n")

	// final: the reject, if any.
	b.WriteString("select _src_line")
	for _, sc := range storedColumns(t.kind) {
		fmt.Fprintf(&b, ", %s", sqlIdent("d_"+sc.Name))
	}
	b.WriteString(",\n  case")
	if rt.formulas > 0 {
		// A formula without a saved value is not a blank, nor a value.
		for _, name := range t.order {
			c := t.cols[name]
			r := sqlIdent("r_" + name)
			if rt.native && c.Native != "" {
				continue
			}
			fx := fmt.Sprintf("substr(%s, %d)", r, len(formulaMarker)+1)
			fmt.Fprintf(&b, "\n    when starts_with(%s, %s) then %s", r, formulaMarkerSQL,
				rejectStruct(sqlString(columnLabel(c)), fx, "'formula'", fx))
		}
	}
	if rt.FieldsExpr != "" {
		fmt.Fprintf(&b, "\n    when _fields <> %d then %s", len(rt.Header),
			rejectStruct("null", "null", "'fields'", fmt.Sprintf("cast(_fields as varchar) || '/%d'", len(rt.Header))))
	}
	if len(t.order) >= 2 {
		// A row that writes the header again (a board or a report exported
		// by groups or pages repeats it above each: monday.com, a printed
		// listing) is no record: every value it has in the mapped columns
		// is that column's header, and it has two at least. Written as one
		// test per column joined by "and": DuckDB stops at the first column
		// whose value is not its header, so an ordinary row costs about one
		// comparison, not two per column (the sum of matches and the test
		// of a mismatch over every column took a third of the insert of a
		// 1 M-line file).
		each := make([]string, 0, len(t.order))
		filled := make([]string, 0, len(t.order))
		for _, name := range t.order {
			r := sqlIdent("r_" + name)
			h := sqlString(strings.ToLower(strings.TrimSpace(t.cols[name].Header)))
			each = append(each, "("+r+" is null or lower(trim(cast("+r+" as varchar))) = "+h+")")
			filled = append(filled, "("+r+" is not null)::int")
		}
		fmt.Fprintf(&b, "\n    when %s and %s >= 2 then %s", strings.Join(each, " and "), strings.Join(filled, " + "),
			rejectStruct("null", "null", "'header_row'", "null"))
	}
	for _, name := range t.order {
		// A code of digits that Excel wrote in scientific notation when it
		// saved the CSV (1,23457E+11 for 123456789012): its last digits are
		// lost, so rows of different invoices or customers would share it
		// (read as duplicates of each other, or as one customer). Rejected,
		// naming the value and how to export the column as text.
		c := t.cols[name]
		if c.Col.Type != schema.ID || rt.native && c.Native != "" {
			continue
		}
		r := sqlIdent("r_" + name)
		// The plain test first: the expression is read on every row.
		fmt.Fprintf(&b, "\n    when (contains(%[1]s, 'E+') or contains(%[1]s, 'e+')) and regexp_full_match(%[1]s, '-?[0-9][.,][0-9]+[eE]\\+[0-9]+') then %[2]s", r,
			rejectStruct(sqlString(columnLabel(c)), r, "'scientific_id'", r))
	}
	for _, name := range t.order {
		c := t.cols[name]
		if c.Code == "" {
			continue
		}
		if limit, digits := tooLarge(c); limit != "" && !(rt.native && c.Native != "") {
			// A number that reads but does not fit the column (20 digits in
			// an amount) is too large, not "not a number".
			fmt.Fprintf(&b, "\n    when %[1]s is not null and %[2]s is null and abs(%[3]s) >= %[4]s then %[5]s",
				sqlIdent("r_"+name), sqlIdent("v_"+name), c.numberFormat.SQL(sqlIdent("r_"+name)), limit,
				rejectStruct(sqlString(columnLabel(c)), c.rejectValue(rt.native), "'too_large'", sqlString(digits)))
		}
		code := sqlString(c.Code)
		if c.Col.Type == schema.Date {
			// A bare time ("00:00:00") is a date formatted away on export:
			// say so, rather than that the date is malformed.
			code = fmt.Sprintf(`(case when regexp_full_match(cast(%s as varchar), '\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?') then 'time_only' else %s end)`,
				sqlIdent("r_"+name), code)
		}
		fmt.Fprintf(&b, "\n    when %s is not null and %s is null then %s",
			sqlIdent("r_"+name), sqlIdent("v_"+name),
			rejectStruct(sqlString(columnLabel(c)), c.rejectValue(rt.native), code, sqlString(c.Detail)))
	}
	checks := t.checks(rt.native)
	var missing []string
	for _, chk := range checks {
		if chk.code == "missing" {
			missing = append(missing, "("+chk.cond+")")
		}
	}
	if len(t.order) >= 3 && len(missing) > 0 {
		// A row that lacks a required value and has at most one value in
		// the file's mapped columns is no record: a filler or footer line
		// (",,xxx,,,,,,,"). It is rejected as such rather than for the
		// first required value it lacks.
		filled := make([]string, len(t.order))
		for i, name := range t.order {
			filled[i] = fmt.Sprintf("(%s is not null)::int", sqlIdent("r_"+name))
		}
		fmt.Fprintf(&b, "\n    when %s <= 1 and (%s) then %s", strings.Join(filled, " + "), strings.Join(missing, " or "),
			rejectStruct("null", "null", "'junk'", "null"))
	}
	for _, chk := range checks {
		detail := sqlString(chk.detail)
		if chk.detailSQL != "" {
			detail = chk.detailSQL
		}
		fmt.Fprintf(&b, "\n    when %s then %s", chk.cond, rejectStruct(sqlString(chk.column), chk.value, sqlString(chk.code), detail))
	}
	b.WriteString("\n  end as _reject\nfrom t2")
	return b.String()
}

// continuationParents are the raw columns of a one-to-many Odoo export
// that belong to the parent record, when the file has line columns: a
// line's product, quantity or amount under a path ("invoice_line_ids/…",
// or "Invoice lines/…" in the default export's labels), the parent's
// columns being the mapped ones outside that path ("partner_id/id" and
// "Invoice/Bill Date" included). In other files, the order columns a
// report-style export leaves blank on the 2nd..nth line of an order
// (decideCarryDown).
func (t *typing) continuationParents(rt *rawTable) []int {
	if t.mapping.Preset != "odoo" {
		return t.carryDown
	}
	var paths []string
	for _, name := range lineColumns {
		if c, ok := t.cols[name]; ok {
			if i := strings.Index(c.Header, "/"); i > 0 {
				paths = append(paths, c.Header[:i+1])
			}
		}
	}
	if len(paths) == 0 {
		return nil
	}
	var out []int
	for _, name := range t.order {
		c := t.cols[name]
		if !slices.ContainsFunc(paths, func(p string) bool { return strings.HasPrefix(c.Header, p) }) {
			out = append(out, c.Index)
		}
	}
	sort.Ints(out)
	return out
}

// tooLarge is the smallest value too large for a number column's stored
// type (DECIMAL(18,4) for money, (18,8) for other numbers) and its digits
// before the decimal point; "" for other columns.
func tooLarge(c *column) (string, string) {
	switch c.Col.Type {
	case schema.Money:
		return "100000000000000", "14"
	case schema.Number:
		return "10000000000", "10"
	}
	return "", ""
}

func columnLabel(c *column) string {
	if c.Header == c.Name {
		return c.Name
	}
	return c.Header + " (" + c.Name + ")"
}

func rejectStruct(col, val, code, detail string) string {
	return fmt.Sprintf("{'column': cast(%s as varchar), 'value': cast(%s as varchar), 'reason': cast(%s as varchar), 'detail': cast(%s as varchar)}",
		col, val, code, detail)
}

// has reports whether the file maps the column.
func (t *typing) has(name string) bool { _, ok := t.cols[name]; return ok }

func (t *typing) v(name string) string { return sqlIdent("v_" + name) }

// creditColumns are the columns of a sales line that a credit note's
// document type turns negative: what was sold, its cost and its discount
// are taken back.
var creditColumns = []string{"net_amount", "cost_amount", "discount_amount", "quantity"}

// credits reports whether the file's lines say their document type, so
// that credit notes written with positive amounts count negative.
func (t *typing) credits() bool {
	return t.kind.Name == schema.Sales && (t.has("document_type") || t.typeInNumber)
}

// derive is the SQL for a stored canonical column: the mapped value, or
// what the data contract derives it from. On a credit note's line (a
// document type such as "Abono" or "Credit Note", schema.IsCreditDocument)
// an amount, cost, discount or quantity counts negative whichever sign it
// is written with: an export that writes credit notes positive says what
// they are only in that column.
func (t *typing) derive(stored string) string {
	out := t.deriveValue(stored)
	if out != "null" && t.kind.Name == schema.Sales && t.has("quantity") && stored != "quantity" && slices.Contains(creditColumns, stored) {
		// A return written with a negative quantity and its amount
		// unsigned (-2 units, 40,00): the line gives the money back.
		q := t.deriveValue("quantity")
		out = "(case when " + q + " < 0 and " + out + " > 0 then -(" + out + ") else " + out + " end)"
	}
	switch {
	case out == "null" || !slices.Contains(creditColumns, stored):
	case t.creditNotes:
		// Every line of a file named as credit notes or returns gives
		// money (and goods) back, however its amounts are written.
		out = "(-abs(" + out + "))"
	case t.credits():
		out = "(case when _credit then -abs(" + out + ") else " + out + " end)"
	case t.saleSide != "":
		// A journal's lines on the sales side are sales, on the other
		// side returns, whichever sign the amount is written with.
		other := "debit"
		if t.saleSide == "debit" {
			other = "credit"
		}
		dc := t.v("debit_credit")
		out = "(case when " + schema.DebitCreditSQL(dc, other) + " then -abs(" + out + ") when " +
			schema.DebitCreditSQL(dc, t.saleSide) + " then abs(" + out + ") else " + out + " end)"
	}
	return out
}

// deriveValue is derive as the line is written, before a credit note's sign.
func (t *typing) deriveValue(stored string) string {
	if t.kind.Name == schema.Targets && t.has("period_from") && t.has("period_to") {
		// The span from one day to another: its months, labelled
		// yyyy-mm, or yyyy-mm/yyyy-mm for several.
		from, to := t.v("period_from"), t.v("period_to")
		months := "(date_diff('month', date_trunc('month', " + from + "), date_trunc('month', " + to + ")) + 1)"
		valid := from + " <= " + to
		switch stored {
		case "period":
			return "(case when " + valid + " then strftime(" + from + ", '%Y-%m') || case when " + months + " > 1 then '/' || strftime(" + to + ", '%Y-%m') else '' end end)"
		case "period_start":
			return "(case when " + valid + " then cast(date_trunc('month', " + from + ") as date) end)"
		case "period_months":
			return "(case when " + valid + " then cast(" + months + " as integer) end)"
		}
	}
	for _, name := range t.order {
		if c := t.cols[name]; c.Col.Type == schema.Period {
			switch stored {
			case name:
				return t.v(name)
			case name + "_start":
				return t.v(name + "_start")
			case name + "_months":
				return t.v(name + "_months")
			}
		}
	}
	if stored == "currency" && t.headerCurrency != "" {
		return sqlString(t.headerCurrency)
	}
	if stored == "cost_type" && t.costType != "" {
		return sqlString(t.costType)
	}
	var alts []string
	switch {
	case t.kind.Name == schema.Sales && stored == "net_amount" && (t.taxIncluded || t.beforeDiscount):
		alts = append(alts, t.netOfTaxAndDiscount())
	case t.has(stored):
		alts = append(alts, t.v(stored))
	}
	if stored == "currency" {
		// An amount written with its currency ("1.000,00 USD", "US$ 5")
		// is in that currency when the row's currency column does not
		// say: never the reporting currency by default.
		for _, name := range t.markers {
			alts = append(alts, currencySQL(sqlIdent("k_"+name)))
		}
	}
	switch t.kind.Name + "." + stored {
	case "sales.net_amount":
		if bases := t.taxBases(); len(bases) > 0 {
			// A register's bases, one per tax rate: the row's revenue
			// is their sum, over any amount column (its total has the
			// tax).
			alts = []string{"(case when " + strings.Join(bases, " is not null or ") + " is not null then " + sumOf(bases) + " end)"}
			break
		}
		if !t.has("net_amount") && t.has("unit_price") && t.has("quantity") {
			alts = append(alts, t.netFromPrice())
		}
		if t.mapping.NetFromGross() && t.mapping.Preset == "amazon" {
			alts = append(alts, t.marketplaceNet())
		} else if t.mapping.NetFromGross() {
			// A register's amount with tax beside its tax
			// (decideGrossLessTax); a blank tax is none.
			alts = append(alts, "("+t.v("gross_amount")+" - coalesce("+t.v("tax_amount")+", 0))")
		}
		if !t.has("net_amount") && t.has("debit_amount") && t.has("credit_amount") {
			// A journal's two amount columns: the sales side less the
			// other side (a return), however each is signed.
			sale, back := t.v("credit_amount"), t.v("debit_amount")
			if t.journalSide == "debit" {
				sale, back = back, sale
			}
			alts = append(alts, "(case when "+sale+" is not null or "+back+" is not null then coalesce(abs("+sale+"), 0) - coalesce(abs("+back+"), 0) end)")
		}
	case "sales.cost_amount":
		if t.has("profit_amount") {
			alts = append(alts, "("+t.deriveValue("net_amount")+" - "+t.v("profit_amount")+")")
		}
		if t.has("unit_cost") && t.has("quantity") {
			alts = append(alts, "round("+wide(t.v("unit_cost"))+" * "+wide(t.v("quantity"))+", 4)")
		}
	case "sales.discount_amount":
		if t.has("gross_amount") && !t.has("tax_amount") {
			alts = append(alts, "("+t.v("gross_amount")+" - "+t.deriveValue("net_amount")+")")
		}
		if t.has("unit_price") && t.has("quantity") && t.has("discount_pct") {
			alts = append(alts, "round("+wide(t.v("unit_price"))+" * "+wide(t.v("quantity"))+" * "+t.v("discount_pct")+", 4)")
		}
	case "sales.is_cancelled", "invoices.is_cancelled":
		if t.has("status") {
			alts = append(alts, schema.CancelledStatusSQL(t.v("status")))
		}
	case "sales.is_not_issued", "invoices.is_not_issued":
		// A draft, a quotation or a pro forma, by its status or by its
		// document type ("Sales Quote", "Factura proforma"): either says it.
		var said []string
		for _, c := range []string{"status", "document_type"} {
			if t.has(c) {
				said = append(said, schema.NotIssuedStatusSQL(t.v(c)))
			}
		}
		// An order beside the invoices of the same file is not invoiced
		// yet (schema.OpenOrderSQL); a payment, payroll or transfer
		// receipt sells nothing (schema.NoSaleDocumentSQL).
		if t.has("document_type") {
			said = append(said, schema.OpenOrderSQL(t.v("document_type")), schema.NoSaleDocumentSQL(t.v("document_type")))
		}
		// An order whose payment has not come ("Pendiente de pago") is
		// no sale yet; an invoice so described is owed, and counts.
		if t.has("status") {
			doc := ""
			if t.has("document_type") {
				doc = t.v("document_type")
			}
			said = append(said, schema.UnpaidOrderSQL(t.v("status"), schema.OrderRowSQL(doc, t.v("status"), t.namedOrders)))
		}
		if len(said) > 0 {
			alts = append(alts, "("+strings.Join(said, " or ")+")")
		}
	case "sales.is_order":
		// An order's row, beside invoices that name it, is their sale
		// again (stg_sales_lines_checked): by its document type, its
		// status, or its file's name.
		var doc, status string
		if t.has("document_type") {
			doc = t.v("document_type")
		}
		if t.has("status") {
			status = t.v("status")
		}
		alts = append(alts, schema.OrderRowSQL(doc, status, t.namedOrders))
	case "invoices.is_credit":
		if t.has("document_type") {
			alts = append(alts, schema.CreditDocumentSQL(t.v("document_type")))
		}
		if t.typeInNumber {
			alts = append(alts, schema.CreditInNumberSQL(t.v("invoice_id")))
		}
	case "accounts.account_name", "kams.kam_name":
		if t.has("first_name") || t.has("last_name") {
			alts = append(alts, t.personName())
		}
	case "kams.kam_id":
		if !t.has("kam_id") && (t.has("first_name") || t.has("last_name")) {
			alts = append(alts, t.personName())
		}
	case "sales.line_no":
		if !t.has("line_no") {
			// The row's position in its invoice within the file.
			return "cast(row_number() over (partition by " + t.v("invoice_id") + " order by _src_line) as varchar)"
		}
	case "activities.duration_hours":
		var derived []string
		if t.has("duration_minutes") {
			derived = append(derived, "("+t.v("duration_minutes")+" / 60)")
		}
		if t.has("duration_seconds") {
			derived = append(derived, "("+t.v("duration_seconds")+" / 3600)")
		}
		if span := t.spanHours(); span != "" {
			derived = append(derived, span)
		}
		for _, d := range derived {
			if t.has("is_all_day") {
				// An all-day event's span is no time spent (Salesforce
				// gives it 1440 minutes a day): its length is unknown.
				d = "(case when coalesce(" + t.v("is_all_day") + ", false) then null else " + d + " end)"
			}
			alts = append(alts, d)
		}
	case "accounts.is_key_account":
		if t.has("account_type") {
			alts = append(alts, keyLabelSQL(t.v("account_type")))
		}
	case "opportunities.status":
		alts = append(alts, t.statusAlternatives()...)
	case "opportunities.close_date":
		// A won or lost deal closed when its won, lost or actual close
		// date says; its expected close date is what was forecast.
		var won, lost []string
		for _, c := range []string{"won_date", "closed_date"} {
			if t.has(c) {
				won = append(won, t.v(c))
			}
		}
		for _, c := range []string{"lost_date", "closed_date"} {
			if t.has(c) {
				lost = append(lost, t.v(c))
			}
		}
		if len(won) > 0 || len(lost) > 0 {
			st := t.deriveValue("status")
			closed := "(case"
			if len(won) > 0 {
				closed += " when " + st + " = 'won' then coalesce(" + strings.Join(won, ", ") + ")"
			}
			if len(lost) > 0 {
				closed += " when " + st + " = 'lost' then coalesce(" + strings.Join(lost, ", ") + ")"
			}
			alts = append([]string{closed + " end)"}, alts...)
		}
	case "activities.activity_date":
		// A task without a due date is dated by when it was done.
		if t.has("completed_date") {
			alts = append(alts, t.v("completed_date"))
		}
	case "activities.is_done":
		if t.has("status") {
			alts = append(alts, schema.ActivityDoneSQL(t.v("status")))
		}
	case "fx_rates.period":
		if !t.has("period") && t.has("rate_date") {
			return "strftime(" + t.v("rate_date") + ", '%Y-%m')"
		}
	case "fx_rates.period_start":
		if !t.has("period") && t.has("rate_date") {
			return "cast(date_trunc('month', " + t.v("rate_date") + ") as date)"
		}
	case "fx_rates.period_months":
		if !t.has("period") && t.has("rate_date") {
			return "1"
		}
	}
	out := "null"
	switch len(alts) {
	case 0:
		return out
	case 1:
		out = alts[0]
	default:
		out = "coalesce(" + strings.Join(alts, ", ") + ")"
	}
	if t.kind.Name == schema.Sales && stored == "net_amount" && t.taxPerLine() {
		// A line whose own value says its amounts include the tax.
		out = "(case when " + schema.TaxInclusiveSQL(t.v("tax_inclusion")) + " then " + out + " - coalesce(" + t.v("tax_amount") + ", 0) else " + out + " end)"
	}
	if t.kind.Name == schema.Sales && stored == "net_amount" && t.has("net_amount") && (t.has("exempt_amount") || t.has("nontaxable_amount")) {
		// The exempt and non-taxed parts of the sale beside its taxed
		// net amount: the row's revenue is their sum (a blank part is
		// none; all blank is no amount).
		parts := []string{out}
		for _, c := range []string{"exempt_amount", "nontaxable_amount"} {
			if t.has(c) {
				parts = append(parts, t.v(c))
			}
		}
		out = "(case when " + strings.Join(parts, " is not null or ") + " is not null then " + sumOf(parts) + " end)"
	}
	if t.kind.Name == schema.Sales && stored == "net_amount" && (t.has("refunded_amount") || t.has("adjusted_total")) {
		// A payment refunded in part kept the rest; a blank refund is none.
		out = "(" + out + " - coalesce(" + t.refundBeforeTax(out) + ", 0))"
	}
	return out
}

// refundBeforeTax is what a refund takes off the revenue net, the row's
// amount. A refund written with its tax beside the order's total with it
// (WooCommerce's Order Refund Amount and Order Total Amount, Magento's
// Total Refunded and Grand Total) is taken off in a share of it: with the
// order's tax beside them, the total's share before tax, (total − tax) /
// total, exact for a refund of items under one tax rate; without it, the
// amount's share of the total, net / total (an order refunded in full
// keeps nothing). A refund of the shipping is taken off as if of items
// (the note says so). Otherwise the refund is the amount's own (a
// payment's Amount Refunded). A total after the refunds beside the
// order's total (Etsy's Adjusted Order Total) makes the refund their
// difference.
func (t *typing) refundBeforeTax(net string) string {
	var r string
	if t.has("refunded_amount") {
		r = t.v("refunded_amount")
	} else {
		// The total after the refunds is blank when nothing was refunded.
		r = "(case when " + t.v("adjusted_total") + " is null then 0 else " + t.v("order_total") + " - " + t.v("adjusted_total") + " end)"
	}
	if !t.has("order_total") || t.taxIncluded {
		return r
	}
	total := t.v("order_total")
	share := wide(net)
	if t.has("tax_amount") {
		share = "(" + wide(total) + " - coalesce(" + wide(t.v("tax_amount")) + ", 0))"
	}
	return "(case when coalesce(" + total + ", 0) = 0 then " + r + " else round(" + wide(r) + " * " + share + " / " + wide(total) + ", 4) end)"
}

// wide lets products of decimals use DuckDB's 128-bit arithmetic instead of
// overflowing 18 digits.
func wide(v string) string { return "cast(" + v + " as decimal(38,10))" }

// netOfTaxAndDiscount is the sales amount column less what its values show
// it includes: the tax beside it (decideTaxIncluded), the discount beside
// it (decideBeforeDiscount).
func (t *typing) netOfTaxAndDiscount() string {
	v := t.v("net_amount")
	if t.taxIncluded {
		v = "(" + v + " - coalesce(" + t.v("tax_amount") + ", 0))"
	}
	if t.beforeDiscount {
		if t.has("discount_amount") {
			v = "(" + v + " - coalesce(" + t.v("discount_amount") + ", 0))"
		} else {
			v = "round(" + wide(v) + " * (1 - coalesce(" + t.v("discount_pct") + ", 0)), 4)"
		}
	}
	return v
}

// netFromPrice derives a line's net amount: unit price × quantity less the
// discount, a rate or an amount, kept to the stored 4 decimals. Rounding
// each line to the cent would put a 2,000-line total cents away from the
// one an analyst computes; reports round when they present.
func (t *typing) netFromPrice() string {
	gross := wide(t.v("unit_price")) + " * " + wide(t.v("quantity"))
	switch {
	case t.has("discount_pct"):
		return "round(" + gross + " * (1 - coalesce(" + t.v("discount_pct") + ", 0)), 4)"
	case t.has("discount_amount"):
		return "round(" + gross + " - coalesce(" + wide(t.v("discount_amount")) + ", 0), 4)"
	}
	return "round(" + gross + ", 4)"
}

// personName joins a first and a last name column ("Luís" "Gonçalves" →
// "Luís Gonçalves"), NULL when both are blank.
func (t *typing) personName() string {
	var parts []string
	for _, c := range []string{"first_name", "last_name"} {
		if t.has(c) {
			parts = append(parts, t.v(c))
		}
	}
	return "nullif(concat_ws(' ', " + strings.Join(parts, ", ") + "), '')"
}

// statusAlternatives derives an opportunity's status from Salesforce's
// IsClosed/IsWon, Dynamics' statecode or the stage name, first found first.
//
// Salesforce exports write false as an empty cell: an empty IsClosed is an
// open deal unless its stage says it closed, and an empty IsWon on a closed
// deal is a lost one.
func (t *typing) statusAlternatives() []string {
	var alts []string
	if t.has("is_closed") {
		won := "false"
		if t.has("is_won") {
			won = "coalesce(" + t.v("is_won") + ", false)"
		}
		alts = append(alts, fmt.Sprintf("(case when not %[1]s then 'open' when %[1]s and %[2]s then 'won' when %[1]s then 'lost' end)", t.v("is_closed"), won))
	} else if t.has("is_won") {
		alts = append(alts, "(case when "+t.v("is_won")+" then 'won' end)")
	}
	if t.has("state_code") {
		s := "lower(" + t.v("state_code") + ")"
		alts = append(alts, "(case when "+s+" in ('0', 'open', 'abierta', 'abierto') then 'open' when "+s+" in ('1', 'won', 'ganada', 'ganado') then 'won' when "+s+" in ('2', 'lost', 'perdida', 'perdido') then 'lost' end)")
	}
	if t.has("lost_reason") {
		// A reason for losing it: the deal was lost, whatever stage it
		// stopped at.
		alts = append(alts, "(case when "+t.v("lost_reason")+" is not null then 'lost' end)")
	}
	if t.has("stage") {
		alts = append(alts, schema.EnumSQL(t.kind.Name, "status", t.v("stage")))
		// A closed stage named in other words or another language
		// ("Closed-Lost to Competition", "Cierre ganado", "Fermée
		// gagnée") says its outcome by a word: read as open, a lost
		// deal stayed in the pipeline and a won one out of the win rate.
		alts = append(alts, schema.StageOutcomeSQL(t.v("stage")))
		if !t.has("status") && !t.has("state_code") {
			// A stage that is not a closed one is an open deal (with
			// IsClosed, one whose IsClosed is empty: false).
			alts = append(alts, "(case when "+t.v("stage")+" is not null then 'open' end)")
		}
	}
	if t.has("is_closed") {
		// An empty IsClosed with no stage to tell otherwise: false.
		alts = append(alts, "(case when "+t.v("is_closed")+" is null then 'open' end)")
	}
	return alts
}

type check struct {
	cond, column, value, code, detail string
	detailSQL                         string // an expression for the detail, when it depends on the row
}

// signCurrencies are the currencies a sign shared by several may stand
// for: an amount written with $ on a row in euros is no euro.
var signCurrencies = map[string][]string{
	"$": {"USD", "MXN", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "ARS", "CLP", "COP", "UYU", "BRL", "DOP", "CUP", "NAD", "FJD", "JMD", "TTD", "BSD", "BBD", "BZD", "BMD", "KYD", "XCD", "SBD", "LRD", "GYD", "SRD"},
	"¥": {"JPY", "CNY"},
	// The Nordic crowns (and Iceland's) all write kr.
	"kr": {"SEK", "NOK", "DKK", "ISK"}, "kr.": {"SEK", "NOK", "DKK", "ISK"},
	"Kr": {"SEK", "NOK", "DKK", "ISK"}, "Kr.": {"SEK", "NOK", "DKK", "ISK"},
}

// sharedSignReporting lists, quoted for SQL, the shared signs
// (signCurrencies) the configured reporting currency is one of: "" when
// none is configured or it is none of theirs.
func (t *typing) sharedSignReporting() string {
	var out []string
	for _, sign := range slices.Sorted(maps.Keys(signCurrencies)) {
		if t.reportCurrency != "" && slices.Contains(signCurrencies[sign], t.reportCurrency) {
			out = append(out, sqlString(sign))
		}
	}
	return strings.Join(out, ", ")
}

// currencyMarkers are the mapped money columns of a kind with a currency
// column whose text may carry a currency ("1.000,00 USD"): every one read
// by the general grammar (the native reader's columns are plain numbers).
func (t *typing) currencyMarkers(rt *rawTable) []string {
	if _, ok := t.kind.Column("currency"); !ok {
		return nil
	}
	var out []string
	for _, name := range t.order {
		if c := t.cols[name]; c.Col.Type == schema.Money && !(rt.native && c.Native != "") {
			out = append(out, name)
		}
	}
	return out
}

// checks are the row rules beyond reading each value: required columns
// present after derivation, values in range. native says the raw table is
// the native reader's, for what a reject shows of a value.
func (t *typing) checks(native bool) []check {
	var out []check
	d := func(n string) string { return sqlIdent("d_" + n) }
	for _, c := range t.kind.Columns {
		if c.Source != "" {
			continue
		}
		need := c.Required || (len(c.OneOf) > 0 && (c.Name == c.OneOf[0]))
		if t.kind.Name == schema.Opportunities && c.Name == "opportunity_id" {
			need = t.has(c.Name) // a blank id in an id column; no column: the row is the id
		}
		if t.kind.Name == schema.Invoices && c.Name == "account_id" {
			// The column must be there; a blank customer on an order is
			// no customer: its lines are unattributed revenue, as a blank
			// customer on a line is.
			need = false
		}
		if t.keyList && c.Name == "account_name" {
			need = false
		}
		if !need {
			continue
		}
		label := c.Name
		if mc, ok := t.cols[c.Name]; ok {
			label = columnLabel(mc)
		} else if len(c.OneOf) > 0 {
			label = strings.Join(c.OneOf, " or ")
		}
		// A row needs one of the group's stored columns (cost_date or
		// period, account_id or kam_id); derived members feed c itself.
		var nulls []string
		for _, name := range append([]string{c.Name}, c.OneOf...) {
			if oc, ok := t.kind.Column(name); ok && oc.Source == "" && !slices.Contains(nulls, d(name)+" is null") {
				nulls = append(nulls, d(name)+" is null")
			}
		}
		cond := strings.Join(nulls, " and ")
		if t.kind.Name == schema.Activities && c.Name == "activity_date" {
			// A task not done yet (open, planned, cancelled) often has no
			// date: it is loaded and kept out as not done, not rejected.
			cond = "(" + cond + ") and coalesce(" + d("is_done") + ", true)"
		}
		out = append(out, check{cond, label, "null", "missing", t.missingDetail(c), ""})
	}
	for _, c := range t.kind.Columns {
		if c.Source != "" {
			continue
		}
		// A reject names the column as the file does and shows its text;
		// a derived value has only its canonical name and typed value.
		label, value := c.Name, "cast("+d(c.Name)+" as varchar)"
		if mc, ok := t.cols[c.Name]; ok {
			label, value = columnLabel(mc), mc.rejectValue(native)
		}
		switch {
		case c.Type == schema.Share && t.kind.Name == schema.Opportunities && c.Name == "probability" && t.cols[c.Name] != nil && t.cols[c.Name].percentByValues:
			// A deal's probability written 0,6 among 25, 50, 100: a
			// fraction of one in a column of percentages (60 % or
			// 0,6 %?). No deal is 0,6 % likely; kam does not guess.
			out = append(out, check{d(c.Name) + " not between 0 and 1", label, value, "range", "0–100 %", ""})
			out = append(out, check{d(c.Name) + " > 0 and " + d(c.Name) + " < 0.01 and not contains(" + sqlIdent("r_"+c.Name) + ", '%')", label, value, "mixed_scale", "", ""})
		case c.Type == schema.Share:
			out = append(out, check{d(c.Name) + " not between 0 and 1", label, value, "range", "0–100 %", ""})
		case c.Type == schema.Score:
			out = append(out, check{d(c.Name) + " not between 1 and 5", label, value, "range", "1–5", ""})
		case t.kind.Name == schema.FXRates && c.Name == "rate":
			// Negative is an indirect quotation; zero converts nothing.
			out = append(out, check{d("rate") + " = 0", label, value, "range", "≠ 0", ""})
		case c.Type == schema.Date && isEventDate(t.kind.Name, c.Name):
			out = append(out, check{d(c.Name) + " > current_date + interval 31 day", label, value, "future", "past", ""})
		}
	}
	out = append(out, t.unsaidSignChecks(native)...)
	row := d("currency")
	if t.reportCurrency != "" {
		row = "coalesce(" + row + ", " + sqlString(t.reportCurrency) + ")"
	}
	for _, name := range t.markers {
		// An amount written in one currency on a row in another (the
		// currency column, another amount or the configured reporting
		// currency says EUR; this one USD, or $, which is no euro):
		// converting it either way would be a guess.
		k := sqlIdent("k_" + name)
		code := currencySQL(k)
		differs := fmt.Sprintf("%s <> %s", code, row)
		for _, sign := range slices.Sorted(maps.Keys(signCurrencies)) {
			quoted := make([]string, len(signCurrencies[sign]))
			for i, c := range signCurrencies[sign] {
				quoted[i] = sqlString(c)
			}
			differs += fmt.Sprintf(" or %s = %s and %s not in (%s)", k, sqlString(sign), row, strings.Join(quoted, ", "))
		}
		mc := t.cols[name]
		out = append(out, check{
			cond:      fmt.Sprintf("%s is not null and %s is not null and (%s)", k, row, differs),
			column:    columnLabel(mc),
			value:     mc.rejectValue(native),
			code:      "currency_conflict",
			detailSQL: fmt.Sprintf("coalesce(%s, %s) || chr(31) || %s", code, k, row),
		})
	}
	return out
}

// unsaidSignChecks: an amount written with a sign several currencies
// share ($1,234.56 from a US, Canadian, Australian or Mexican system) on a
// row that names no currency (no currency column, no other amount with
// its code, no currency in the header) is in a currency kam cannot tell.
// Read in the reporting currency it was right only when that currency is
// one of the sign's: under a euro report, 1,234.56 dollars of some kind
// became 1,234.56 euros, said in a note only. Such a row is rejected,
// naming the sign and the currency it would have been read in; a currency
// column or the reporting currency set to the right dollar reads it.
func (t *typing) unsaidSignChecks(native bool) []check {
	if t.has("currency") {
		return nil
	}
	var signs []string
	for _, sign := range slices.Sorted(maps.Keys(signCurrencies)) {
		if signRejected(sign, t.fallbackCurrency) {
			signs = append(signs, sqlString(sign))
		}
	}
	if len(signs) == 0 {
		return nil
	}
	var out []check
	for _, name := range t.markers {
		k := sqlIdent("k_" + name)
		mc := t.cols[name]
		out = append(out, check{
			cond:      fmt.Sprintf("%s in (%s) and %s is null", k, strings.Join(signs, ", "), sqlIdent("d_currency")),
			column:    columnLabel(mc),
			value:     mc.rejectValue(native),
			code:      "currency_unsaid",
			detailSQL: fmt.Sprintf("%s || chr(31) || %s", k, sqlString(t.fallbackCurrency)),
		})
	}
	return out
}

// signRejected: amounts written with sign, on rows that name no currency,
// are not read in the currency cur (the reporting one) because it is not
// one of the sign's ($ under a euro report).
func signRejected(sign, cur string) bool {
	curs, ok := signCurrencies[sign]
	return ok && cur != "" && !slices.Contains(curs, cur)
}

func (t *typing) missingDetail(c schema.Column) string {
	if t.kind.Name == schema.Sales && c.Name == "net_amount" && !t.has("net_amount") {
		return "unit_price × quantity"
	}
	return ""
}

// isEventDate: the dates of things that already happened.
func isEventDate(kind, col string) bool {
	switch kind + "." + col {
	case "sales.invoice_date", "invoices.invoice_date", "activities.activity_date", "service_costs.cost_date":
		return true
	}
	return false
}

// taxBases are the typed values of a register's base columns, one per tax
// rate ("Base 1", "Base 2"), in order; nil when the file has none.
func (t *typing) taxBases() []string {
	var out []string
	for _, name := range schema.TaxBaseColumns {
		if t.has(name) {
			out = append(out, t.v(name))
		}
	}
	return out
}

// sumOf adds values of which some may be NULL (a rate the row does not use).
func sumOf(vals []string) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = "coalesce(" + v + ", 0)"
	}
	return "(" + strings.Join(parts, " + ") + ")"
}
