package ingest

import (
	"math/big"
	"slices"
	"strconv"
	"strings"

	"kam/i18n"
	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// decideTaxIncluded: a sales line's amount that is its unit price ×
// quantity plus the tax column beside it includes the tax, which is not
// revenue (WideWorldImporters' InvoiceLines: ExtendedPrice = Quantity ×
// UnitPrice + TaxAmount, once read as the net amount, 15 % too high,
// silently). The header cannot tell ("Amount", "Extended price", "Importe"
// are written before and after tax); the values can: when nearly every
// sampled line with a tax other than zero adds up as price × quantity +
// tax, and none as price × quantity alone, the net amount is the amount
// less its tax, and the note says so. A file whose lines add up neither way
// (a discount kam does not see) is read as written.
func (t *typing) decideTaxIncluded(recs [][]string) {
	amount, tax, price, qty := t.cols["net_amount"], t.cols["tax_amount"], t.cols["unit_price"], t.cols["quantity"]
	if t.kind.Name != schema.Sales || amount == nil || tax == nil || price == nil || qty == nil || t.has("tax_inclusion") {
		// A column that says it per line (decideTaxInclusion) is read
		// rather than guessed from the values.
		return
	}
	num := func(c *column, r []string) (*big.Rat, bool) {
		if c == nil {
			return nil, false
		}
		return sampledNumber(r, c.Index, c.numberFormat)
	}
	// The bases a line's amount may be before tax: price × quantity, less
	// a discount column's amount or rate (on either scale) when there is
	// one.
	disc, discPct := t.cols["discount_amount"], t.cols["discount_pct"]
	bases := func(r []string, p, q *big.Rat) []*big.Rat {
		gross := new(big.Rat).Mul(p, q)
		out := []*big.Rat{gross}
		if disc != nil {
			if d, ok := num(disc, r); ok {
				out = append(out, new(big.Rat).Sub(gross, d))
			}
		}
		if discPct != nil {
			if d, ok := num(discPct, r); ok {
				for _, scale := range []int64{1, 100} {
					share := new(big.Rat).Quo(d, big.NewRat(scale, 1))
					out = append(out, new(big.Rat).Mul(gross, new(big.Rat).Sub(big.NewRat(1, 1), share)))
				}
			}
		}
		return out
	}
	lines, with, without := 0, 0, 0
	for _, r := range recs {
		a, ok1 := num(amount, r)
		tx, ok2 := num(tax, r)
		p, ok3 := num(price, r)
		q, ok4 := num(qty, r)
		if !ok1 || !ok2 || !ok3 || !ok4 || tx.Sign() == 0 {
			continue
		}
		lines++
		matchWith, matchWithout := false, false
		for _, b := range bases(r, p, q) {
			matchWith = matchWith || nearCent(a, new(big.Rat).Add(b, tx))
			matchWithout = matchWithout || nearCent(a, b)
		}
		if matchWith && !matchWithout {
			with++
		}
		if matchWithout {
			without++
		}
	}
	if lines == 0 || without > 0 || with*10 < lines*9 {
		return
	}
	t.taxIncluded = true
	t.notes = append(t.notes, i18n.N("note.amount_includes_tax", amount.Header, price.Header, qty.Header, tax.Header, strconv.Itoa(with), strconv.Itoa(lines)))
}

// netPriceWords say a unit price is after the discount.
var netPriceWords = []string{"net", "neto", "neta", "netto", "nett", "discounted"}

// decideBeforeDiscount: a sales line's amount that is its unit price ×
// quantity on the lines with a discount, beside the discount column
// (AdventureWorks' ExtendedAmount beside DiscountAmount and SalesAmount),
// is before the discount, and read as the net amount it overstated every
// discounted line, silently. When nearly every sampled line with a
// discount other than zero has amount = price × quantity, and none amount
// = price × quantity less the discount, the net amount is the amount less
// the discount (an amount, or a rate of it), and the note says so.
func (t *typing) decideBeforeDiscount(header []string, recs [][]string) {
	amount, price, qty := t.cols["net_amount"], t.cols["unit_price"], t.cols["quantity"]
	disc, rate := t.cols["discount_amount"], t.cols["discount_pct"]
	if t.kind.Name == schema.Sales && amount != nil && disc != nil && (price == nil || qty == nil) {
		t.decideSubtotalBeforeDiscount(header, recs)
		return
	}
	if t.kind.Name != schema.Sales || amount == nil || price == nil || qty == nil || disc == nil && rate == nil {
		return
	}
	if slices.ContainsFunc(strings.Fields(schema.Normalize(price.Header)), func(w string) bool { return slices.Contains(netPriceWords, w) }) {
		// A net price ("Precio neto") is after the discount already:
		// amount = price × quantity says nothing of the discount column.
		return
	}
	num := func(c *column, r []string) (*big.Rat, bool) {
		if c == nil {
			return nil, false
		}
		return sampledNumber(r, c.Index, c.numberFormat)
	}
	lines, before, after := 0, 0, 0
	for _, r := range recs {
		a, ok1 := num(amount, r)
		p, ok2 := num(price, r)
		q, ok3 := num(qty, r)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		gross := new(big.Rat).Mul(p, q)
		if t.taxIncluded {
			if tx, ok := num(t.cols["tax_amount"], r); ok {
				a.Sub(a, tx)
			}
		}
		var afters []*big.Rat
		if d, ok := num(disc, r); ok && d.Sign() != 0 {
			afters = append(afters, new(big.Rat).Sub(gross, d))
		}
		if d, ok := num(rate, r); ok && d.Sign() != 0 {
			for _, scale := range []int64{1, 100} {
				share := new(big.Rat).Quo(d, big.NewRat(scale, 1))
				afters = append(afters, new(big.Rat).Mul(gross, new(big.Rat).Sub(big.NewRat(1, 1), share)))
			}
		}
		if len(afters) == 0 {
			continue
		}
		lines++
		isAfter := false
		for _, x := range afters {
			isAfter = isAfter || nearCent(a, x)
		}
		switch {
		case isAfter:
			after++
		case nearCent(a, gross):
			before++
		}
	}
	if lines == 0 || after > 0 || before*10 < lines*9 {
		return
	}
	t.beforeDiscount = true
	by := disc
	if by == nil {
		by = rate
	}
	t.notes = append(t.notes, i18n.N("note.amount_before_discount", amount.Header, price.Header, qty.Header, by.Header, strconv.Itoa(before), strconv.Itoa(lines)))
}

// decideSubtotalBeforeDiscount: an invoice register that gives each
// invoice's subtotal, its discount, its tax and its total, as Mexico's CFDI
// has them (SubTotal, Descuento, IVA trasladado, Total = SubTotal −
// Descuento + impuestos; CONTPAQi, Aspel SAE and Bind ERP export them so),
// has its subtotal before the discount: read as the net amount it
// overstated every discounted invoice, silently. When nearly every sampled
// row with a discount has total = amount − discount + tax, and none total
// = amount + tax, the net amount is the amount less the discount, and the
// note says so. A register whose amount is after its discount (total =
// amount + tax) is read as written.
func (t *typing) decideSubtotalBeforeDiscount(header []string, recs [][]string) {
	amount, disc, tax := t.cols["net_amount"], t.cols["discount_amount"], t.cols["tax_amount"]
	if tax == nil || t.taxIncluded {
		return
	}
	total := -1
	for i, h := range header {
		if t.mapping.Feeds(i) || !schema.IsInvoiceTotalHeader(h) {
			continue
		}
		if total >= 0 {
			return // two totals: which one is the invoice's is no guess
		}
		total = i
	}
	if c := t.cols["order_total"]; c != nil {
		total = c.Index // beside a refund, the order's total is mapped
	}
	if total < 0 {
		return
	}
	// A shop's order total holds its shipping too (WooCommerce: Order
	// Total Amount = Order Subtotal Amount − Cart Discount Amount + Order
	// Shipping Amount + Order Total Tax Amount): one column that names
	// shipping and feeds nothing is added with the tax.
	shipping, shipDiscount := t.shippingColumns(header, recs, amount)
	lines, before, after := 0, 0, 0
	for _, r := range recs {
		a, ok1 := sampledNumber(r, amount.Index, amount.numberFormat)
		d, ok2 := sampledNumber(r, disc.Index, disc.numberFormat)
		tx, ok3 := sampledNumber(r, tax.Index, tax.numberFormat)
		tot, ok4 := sampledNumber(r, total, amount.numberFormat)
		if !ok1 || !ok2 || !ok3 || !ok4 || d.Sign() == 0 {
			continue
		}
		lines++
		withTax := withShipping(new(big.Rat).Add(a, tx), r, shipping, shipDiscount, amount.numberFormat)
		switch {
		case nearCent(tot, withTax):
			after++
		case nearCent(tot, new(big.Rat).Sub(withTax, d)):
			before++
		}
	}
	if lines == 0 || after > 0 || before*10 < lines*9 {
		return
	}
	t.beforeDiscount = true
	if shipping >= 0 {
		t.notes = append(t.notes, i18n.N("note.subtotal_before_discount_shipping", amount.Header, disc.Header, header[total], tax.Header, header[shipping], strconv.Itoa(before), strconv.Itoa(lines)))
		return
	}
	t.notes = append(t.notes, i18n.N("note.subtotal_before_discount", amount.Header, disc.Header, header[total], tax.Header, strconv.Itoa(before), strconv.Itoa(lines)))
}

// decideUnseenDiscount: a shop's order grid that gives each order's
// subtotal, its shipping and its grand total but neither its tax nor its
// discount (Magento's sales order grid: Subtotal, Shipping and Handling,
// Grand Total) hides a coupon: the subtotal is before it, and kam cannot
// tell by how much. A total below the subtotal plus the shipping is
// something only a discount explains (tax only adds): when a sampled row
// shows one, the note says the revenue of such orders is before their
// discount, and what to export instead. Nothing is taken off: the
// discount is not in the file.
func (t *typing) decideUnseenDiscount(header []string, recs [][]string) {
	amount := t.cols["net_amount"]
	if t.kind.Name != schema.Sales || amount == nil || t.beforeDiscount || t.has("discount_amount") || t.has("discount_pct") || t.has("tax_amount") {
		return
	}
	total := -1
	if c := t.cols["order_total"]; c != nil {
		total = c.Index
	} else {
		for i, h := range header {
			if t.mapping.Feeds(i) || !schema.IsInvoiceTotalHeader(h) {
				continue
			}
			if total >= 0 {
				return
			}
			total = i
		}
	}
	if total < 0 {
		return
	}
	shipping, shipDiscount := t.shippingColumns(header, recs, amount)
	lines, below := 0, 0
	example := ""
	for _, r := range recs {
		a, ok1 := sampledNumber(r, amount.Index, amount.numberFormat)
		tot, ok2 := sampledNumber(r, total, amount.numberFormat)
		if !ok1 || !ok2 || a.Sign() <= 0 {
			continue
		}
		lines++
		with := withShipping(new(big.Rat).Set(a), r, shipping, shipDiscount, amount.numberFormat)
		if tot.Cmp(with) < 0 && !nearCent(tot, with) {
			below++
			if id := t.cols["invoice_id"]; example == "" && id != nil && id.Index < len(r) {
				example = strings.TrimSpace(r[id.Index])
			}
		}
	}
	if below == 0 {
		return
	}
	t.notes = append(t.notes, i18n.N("note.discount_unseen", amount.Header, header[total], strconv.Itoa(below), strconv.Itoa(lines), example))
}

// shippingColumns are the one header that names shipping, feeds nothing
// and holds amounts on every sampled row that fills it ("Order Shipping
// Amount", "Shipping and Handling"; not "Shipping Address" nor "Shipping
// Information"), and the one that names a discount on it too (Etsy's
// "Shipping Discount"), each -1 when there is none or more than one.
func (t *typing) shippingColumns(header []string, recs [][]string, amount *column) (shipping, discount int) {
	shipping, discount = -1, -1
	twoShipping, twoDiscounts := false, false
	for i, h := range header {
		words := strings.Fields(schema.Normalize(h))
		if t.mapping.Feeds(i) || !slices.ContainsFunc(words, func(w string) bool { return slices.Contains(shippingWords, w) }) {
			continue
		}
		filled, numbers := 0, 0
		for _, r := range recs {
			if i >= len(r) || strings.TrimSpace(r[i]) == "" {
				continue
			}
			filled++
			if _, ok := sampledNumber(r, i, amount.numberFormat); ok {
				numbers++
			}
		}
		if filled == 0 || numbers < filled {
			continue
		}
		switch {
		case slices.ContainsFunc(words, func(w string) bool { return slices.Contains(discountWords, w) }):
			twoDiscounts = twoDiscounts || discount >= 0
			discount = i
		default:
			twoShipping = twoShipping || shipping >= 0
			shipping = i
		}
	}
	if twoShipping {
		shipping = -1 // two shipping amounts: which one the total holds is no guess
	}
	if twoDiscounts || shipping < 0 {
		discount = -1
	}
	return shipping, discount
}

// withShipping adds a row's shipping, less its discount, to x.
func withShipping(x *big.Rat, r []string, shipping, discount int, f parse.NumberFormat) *big.Rat {
	if shipping >= 0 {
		if sh, ok := sampledNumber(r, shipping, f); ok {
			x.Add(x, sh)
		}
	}
	if discount >= 0 {
		if d, ok := sampledNumber(r, discount, f); ok {
			x.Sub(x, d.Abs(d))
		}
	}
	return x
}

// shippingWords name a shop's shipping charge ("Order Shipping Amount",
// "Shipping and Handling", "Gastos de envío", "Portes"): no item's
// revenue, but part of the order's total.
var shippingWords = []string{"shipping", "envio", "envios", "portes", "freight", "versand", "versandkosten", "livraison"}

// taxPerLine: the sales lines say one by one whether their amounts include
// the tax (decideTaxInclusion), and the tax column is there to take off.
func (t *typing) taxPerLine() bool { return t.has("tax_inclusion") && t.has("tax_amount") }

// decideTaxInclusion notes a column that says per line whether its amounts
// include the tax (Xero's LineAmountTypes: Inclusive, Exclusive, NoTax).
// The amount of an inclusive line (and its unit price) is with tax, and
// read as the net amount it overstated the revenue by the tax, silently:
// such a line's net amount is its amount less its tax column. Without a
// tax column nothing can be taken off: the note says so when a sampled
// line is inclusive, and the amounts are read as written.
func (t *typing) decideTaxInclusion(recs [][]string) {
	c := t.cols["tax_inclusion"]
	if t.kind.Name != schema.Sales || c == nil {
		return
	}
	lines, inclusive := 0, 0
	var seen []string
	for _, r := range recs {
		if c.Index >= len(r) || strings.TrimSpace(r[c.Index]) == "" {
			continue
		}
		lines++
		if v := strings.TrimSpace(r[c.Index]); schema.IsTaxInclusive(v) {
			inclusive++
			if !slices.Contains(seen, v) && len(seen) < 3 {
				seen = append(seen, v)
			}
		}
	}
	switch {
	case !t.has("tax_amount") && inclusive > 0:
		t.notes = append(t.notes, i18n.N("note.tax_inclusive_no_tax", c.Header, strings.Join(seen, ", "), strconv.Itoa(inclusive), strconv.Itoa(lines)))
	case t.has("tax_amount"):
		t.notes = append(t.notes, i18n.N("note.tax_inclusive", c.Header, strings.Join(seen, ", "), strconv.Itoa(inclusive), strconv.Itoa(lines), t.cols["tax_amount"].Header))
	}
}

// maxTaxRate is the highest tax on a net amount that a register's tax
// column may be: every VAT and GST rate is below 30 % (Hungary's 27 % is
// the highest in Europe).
var maxTaxRate = big.NewRat(30, 100)

// decideGrossLessTax: a sales file whose only amounts are each row's
// amount with tax and its tax (schema.Mapping.NetFromGross: a
// Rechnungsausgangsbuch's Bruttobetrag and MwSt-Betrag) has the one less
// the other as its net amount. The headers said so; the values must not
// say otherwise: on every sampled row with both, the tax is of the same
// sign as the amount (a credit note has both negative), smaller, and at
// most 30 % of what is left. A tax larger than the amount, or equal to it,
// says the columns are something else (the tax column is another amount,
// the "total" a subtotal), and subtracting would invent the revenue: the
// file fails, naming a row's values.
func (t *typing) decideGrossLessTax(recs [][]string) error {
	if t.kind.Name != schema.Sales || !t.mapping.NetFromGross() {
		return nil
	}
	gross, tax := t.cols["gross_amount"], t.cols["tax_amount"]
	rows := 0
	for _, r := range recs {
		g, ok1 := sampledNumber(r, gross.Index, gross.numberFormat)
		tx, ok2 := sampledNumber(r, tax.Index, tax.numberFormat)
		if !ok1 || !ok2 {
			continue
		}
		rows++
		if !taxOf(g, tx) {
			return &grossTaxError{gross: gross.Header, tax: tax.Header, grossValue: strings.TrimSpace(r[gross.Index]), taxValue: strings.TrimSpace(r[tax.Index])}
		}
	}
	t.notes = append(t.notes, i18n.N("note.net_gross_less_tax", gross.Header, tax.Header, strconv.Itoa(rows)))
	return nil
}

// taxOf reports whether tax may be the tax included in gross: none, or of
// its sign, smaller, and at most maxTaxRate of the rest.
func taxOf(gross, tax *big.Rat) bool {
	if tax.Sign() == 0 {
		return true
	}
	if gross.Sign() != tax.Sign() {
		return false
	}
	g, tx := new(big.Rat).Abs(gross), new(big.Rat).Abs(tax)
	if tx.Cmp(g) >= 0 {
		return false
	}
	net := new(big.Rat).Sub(g, tx)
	return tx.Cmp(new(big.Rat).Mul(net, maxTaxRate)) <= 0
}

// grossTaxError: a row's values say its tax column is not the tax of its
// amount with tax (decideGrossLessTax).
type grossTaxError struct{ gross, tax, grossValue, taxValue string }

func (e *grossTaxError) Error() string { return e.gross + " " + e.tax }
