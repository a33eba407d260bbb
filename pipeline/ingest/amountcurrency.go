package ingest

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"kam/i18n"
	"kam/pipeline/ingest/schema"
)

// preferBookedAmounts: an ERP export that gives an amount twice, in the
// document's currency and in the company's ("Amount" and "Amount (LCY)",
// "Importe (divisa)" and "Importe (EUR)", "Importe en moneda documento" and
// "Importe en moneda local"), feeds a money column from the one in the
// company's or the reporting currency: the amount as it was booked, which
// needs no rate. A column the configuration maps is left alone.
//
// swaps maps each booked header read to the document's one it replaced.
func preferBookedAmounts(kind schema.Kind, m *schema.Mapping, header []string, explicit map[string]string, report string) (notes []i18n.Note, swaps map[int]int) {
	if _, ok := kind.Column("currency"); !ok {
		return nil, nil
	}
	swaps = map[int]int{}
	taken := map[int]bool{}
	for _, idx := range m.Columns {
		taken[idx] = true
	}
	for _, c := range kind.Columns {
		idx, ok := m.Columns[c.Name]
		if !ok || c.Type != schema.Money || explicit[c.Name] != "" {
			continue
		}
		have := schema.HeaderCurrency(header[idx])
		if booked(have, report) {
			continue
		}
		for j, h := range header {
			if taken[j] || j == idx {
				continue
			}
			if other := schema.HeaderCurrency(h); booked(other, report) && other.Base == have.Base {
				m.Columns[c.Name] = j
				taken[j], taken[idx] = true, false
				if k := slices.Index(m.Unused, j); k >= 0 {
					m.Unused[k] = idx
					slices.Sort(m.Unused)
				}
				notes = append(notes, i18n.N("note.booked_amount", h, c.Name, header[idx]))
				swaps[j] = idx
				break
			}
		}
	}
	return notes, swaps
}

// bookedCurrency: a file that gives an amount in the document's currency
// and in the company's, beside the document's currency column (HubSpot's
// "Amount" and "Amount in company currency" with "Deal currency code"),
// shows the company's currency on its rows: a document in it has the same
// amount in both columns. When the sampled rows whose two amounts agree
// (and are not zero) all name one currency, and no row in that currency
// has two amounts, it is the company's: the booked amounts are in it,
// where kam would otherwise read them in the reporting currency (a
// company in dollars had its deals counted as euros). "" when the rows do
// not tell.
func bookedCurrency(m schema.Mapping, swaps map[int]int, recs [][]string, present func(string) string) string {
	cur, ok := m.Columns["currency"]
	if !ok || len(swaps) == 0 {
		return ""
	}
	same, differ := map[string]int{}, map[string]int{}
	for _, r := range recs {
		if cur >= len(r) {
			continue
		}
		code := markerCurrency(strings.TrimSpace(present(r[cur])))
		if code == "" {
			continue
		}
		for booked, doc := range swaps {
			if booked >= len(r) || doc >= len(r) {
				continue
			}
			b, d := strings.TrimSpace(present(r[booked])), strings.TrimSpace(present(r[doc]))
			if !strings.ContainsAny(b, "123456789") || !strings.ContainsAny(d, "123456789") {
				continue
			}
			if b == d {
				same[code]++
			} else {
				differ[code]++
			}
		}
	}
	if len(same) != 1 {
		return ""
	}
	for code := range same {
		if differ[code] == 0 {
			return code
		}
	}
	return ""
}

// ownCurrencyColumns: a CRM report export gives each money field a
// currency column of its own (Salesforce's "Amount Currency" beside
// "Amount") and, in a multi-currency org, the amount converted into the
// company's currency beside it ("Amount (converted)" with "Amount
// (converted) Currency"). The currency column named after the amount read
// is that amount's currency; and a converted amount whose currency is
// named so is read rather than the original, as booked: it needs no rate.
// Left unread, every deal was taken in the reporting currency whatever
// its own (12,500 USD read as 12,500 EUR). A column the configuration maps
// is left alone.
func ownCurrencyColumns(kind schema.Kind, m *schema.Mapping, header []string, explicit map[string]string) []i18n.Note {
	if _, ok := kind.Column("currency"); !ok || explicit["currency"] != "" {
		return nil
	}
	currencyOf := func(idx int) int {
		return slices.IndexFunc(header, func(h string) bool { return schema.CurrencyOf(h, header[idx]) })
	}
	swap := func(col string, from, to int) {
		m.Columns[col] = to
		if k := slices.Index(m.Unused, to); k >= 0 {
			m.Unused[k] = from
			slices.Sort(m.Unused)
		}
	}
	var notes []i18n.Note
	for _, c := range kind.Columns {
		idx, ok := m.Columns[c.Name]
		if !ok || c.Type != schema.Money || explicit[c.Name] != "" {
			continue
		}
		for j, h := range header {
			if j != idx && schema.ConvertedBase(h) == schema.Normalize(header[idx]) && currencyOf(j) >= 0 && !slices.Contains(slices.Collect(maps.Values(m.Columns)), j) {
				notes = append(notes, i18n.N("note.converted_amount", h, c.Name, header[idx], header[currencyOf(j)]))
				swap(c.Name, idx, j)
				break
			}
		}
	}
	for _, c := range kind.Columns {
		idx, ok := m.Columns[c.Name]
		if !ok || c.Type != schema.Money {
			continue
		}
		j := currencyOf(idx)
		if j < 0 {
			continue
		}
		old, had := m.Columns["currency"]
		if had && old == j {
			break
		}
		if had {
			notes = append(notes, i18n.N("note.own_currency_column", header[j], header[idx], header[old]))
			swap("currency", old, j)
		} else {
			m.Columns["currency"] = j
			m.Unused = slices.DeleteFunc(m.Unused, func(k int) bool { return k == j })
			notes = append(notes, i18n.N("note.own_currency_column_new", header[j], header[idx]))
		}
		break
	}
	return notes
}

// booked: the header's amounts are in the company's currency or the
// reporting one.
func booked(a schema.AmountCurrency, report string) bool {
	return a.Local || (a.Code != "" && a.Code == report)
}

// decideHeaderCurrency: when the file's money columns say in their names
// which currency they are in ("Importe (EUR)", "Amount (LCY)": the
// company's currency, read as the reporting one), that currency is every
// line's, whatever its currency column says — that column gives the
// document's currency, and converting an amount already in euros with the
// dollar's rate would count it twice. Money columns that name different
// currencies decide nothing.
//
// local is the company's currency the rows showed (bookedCurrency), ""
// when they did not: the company's amounts are then read in the reporting
// currency.
func (t *typing) decideHeaderCurrency(report, local string) {
	if _, ok := t.kind.Column("currency"); !ok {
		return
	}
	code, from := "", ""
	company := report
	if local != "" {
		company = local
	}
	for _, name := range t.order {
		c := t.cols[name]
		if c.Col.Type != schema.Money {
			continue
		}
		a := schema.HeaderCurrency(c.Header)
		cur := a.Code
		if a.Local {
			cur = company
		}
		switch {
		case a.Document || (a.Local && a.Code != "" && a.Code != company):
			return
		case cur == "":
		case code == "":
			code, from = cur, c.Header
		case cur != code:
			return
		}
	}
	if code == "" {
		return
	}
	t.headerCurrency = code
	if cc, ok := t.cols["currency"]; ok && local != "" && code == local {
		t.notes = append(t.notes, i18n.N("note.booked_currency_from_rows", from, local, cc.Header, local))
	} else if ok {
		t.notes = append(t.notes, i18n.N("note.header_currency_over_column", from, code, code, cc.Header))
	} else if code != report {
		t.notes = append(t.notes, i18n.N("note.header_currency", from, code, code))
	}
}

// decideSaleSide: in a journal of sales, revenue is booked on the credit
// side and a return on the debit side; a customer account's ledger books
// its invoices as debits. The side most sampled lines are on holds the
// sales (credit on a tie, the rule for a sales account), and the note
// says which side counts negative.
func (t *typing) decideSaleSide(header string, samples []string) i18n.Note {
	debit, credit := 0, 0
	for _, v := range samples {
		switch schema.DebitCreditSide(v) {
		case "debit":
			debit++
		case "credit":
			credit++
		}
	}
	t.saleSide = "credit"
	if debit > credit {
		t.saleSide = "debit"
		return i18n.N("note.debit_sales", header, debit, credit)
	}
	return i18n.N("note.credit_sales", header, credit, debit)
}

// discountWords are the words of a discount header ("Dto. P.P. %",
// "Descuento pronto pago", "Invoice discount").
var discountWords = []string{"dto", "dto.", "descuento", "descuentos", "discount", "discounts", "rappel"}

// unappliedDiscountNotes: an invoice header's own discount (Spanish
// "Dto. P.P." / "Descuento pronto pago", "Invoice discount") lowers every
// line of the invoice, but the lines' amounts are read as written: when
// such a column that feeds nothing holds a value other than zero in the
// sample, the note says the revenue does not take it off.
func unappliedDiscountNotes(kind schema.Kind, m schema.Mapping, header []string, sample func(int) ([]string, error)) ([]i18n.Note, error) {
	if kind.Name != schema.Invoices && kind.Name != schema.Sales {
		return nil, nil
	}
	fed := map[int]bool{}
	for _, idx := range m.Columns {
		fed[idx] = true
	}
	for _, idx := range m.Ignored {
		fed[idx] = true
	}
	var out []i18n.Note
	for i, h := range header {
		if fed[i] || !slices.ContainsFunc(strings.Fields(schema.Normalize(h)), func(w string) bool { return slices.Contains(discountWords, w) }) {
			continue
		}
		values, err := sample(i)
		if err != nil {
			return nil, err
		}
		if v := slices.IndexFunc(values, func(v string) bool { return strings.ContainsAny(v, "123456789") }); v >= 0 {
			out = append(out, i18n.N("note.discount_not_applied", h, values[v]))
		}
	}
	// A shop's refunds are the whole order's, with its tax and shipping
	// (Shopify's Refunded Amount): no line's to subtract. An order
	// refunded in full says so in its status; one refunded in part keeps
	// its revenue, and the note says so rather than let it pass unseen.
	for _, i := range m.Ignored {
		if !slices.ContainsFunc(strings.Fields(schema.Normalize(header[i])), func(w string) bool { return strings.HasPrefix(w, "refund") || strings.HasPrefix(w, "reembols") }) {
			continue
		}
		values, err := sample(i)
		if err != nil {
			return nil, err
		}
		if v := slices.IndexFunc(values, func(v string) bool { return strings.ContainsAny(v, "123456789") }); v >= 0 {
			// A quantity left after the items refunded (WooCommerce's
			// "Quantity (- Refund)") has taken the refunded items off
			// already: only a refund of an amount is left out.
			if q, ok := m.Columns["quantity"]; ok && slices.ContainsFunc(strings.Fields(schema.Normalize(header[q])), func(w string) bool { return strings.HasPrefix(w, "refund") }) {
				out = append(out, i18n.N("note.order_refund_in_quantity", header[i], values[v], header[q]))
				continue
			}
			out = append(out, i18n.N("note.order_refund_not_applied", header[i], values[v]))
		}
	}
	return out, nil
}

// decideJournalSide: a journal's amounts in a debit and a credit column,
// one filled per line. The column most sampled lines fill holds the sales
// (credit on a tie: a sales account's side); the other one's amounts are
// taken off as returns, and the note says which.
func (t *typing) decideJournalSide(debit, credit *column, debits, credits []string) i18n.Note {
	filled := func(values []string) int {
		n := 0
		for _, v := range values {
			if strings.ContainsAny(v, "123456789") {
				n++
			}
		}
		return n
	}
	d, c := filled(debits), filled(credits)
	t.journalSide = "credit"
	if d > c {
		t.journalSide = "debit"
		return i18n.N("note.journal_debit_sales", debit.Header, strconv.Itoa(d), credit.Header, strconv.Itoa(c))
	}
	return i18n.N("note.journal_credit_sales", credit.Header, strconv.Itoa(c), debit.Header, strconv.Itoa(d))
}
