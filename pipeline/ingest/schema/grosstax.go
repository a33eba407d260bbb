package schema

import "slices"

// grossTotalHeaders name an invoice's total in the words registers of
// issued invoices write it with, beside its tax ("Rechnungsbetrag",
// "Totale documento", "Totaal"), without saying "tax" ("Montant TTC",
// "Bruttobetrag" and "Total incl. VAT" do: SaysTaxIncluded). The bare
// totals of invoiceTotalHeaders ("Total factura", "Importe total") are
// such totals too. A "gross" before a discount ("Importe bruto",
// "Importe sin descuento", "Gross sales") is not listed.
var grossTotalHeaders = []string{
	"gross", "gross amount", "gross total", "total gross", "gross value", "gross invoice amount", "invoice gross amount",
	"rechnungsbetrag", "gesamtbetrag", "endbetrag", // de
	"montant total", "total facture", "montant facture", // fr
	"totale documento", "totale fattura", "importo totale", "totale", // it
	"totaal", "totaalbedrag", "factuurbedrag", "totaal factuur", // nl
}

// grossWithTax reports whether header i may be an invoice's amount with
// its tax: it says so, or it names an invoice's total.
func (r *headerRow) grossWithTax(i int) bool {
	if SaysTaxIncluded(r.headers[i]) {
		return true
	}
	n := r.norms[i]
	if r.moneyBases[i] != "" {
		n = r.moneyBases[i]
	}
	return slices.Contains(grossTotalHeaders, n) || slices.Contains(invoiceTotalHeaders, n)
}

// mapGrossBesideTax: a register of issued invoices (DATEV's, Lexware's and
// sevDesk's Rechnungsausgangsbuch, a French journal des ventes, the
// Spanish libro de facturas emitidas without its base) gives each
// invoice's amount with its tax and the tax, and no net amount: its
// "Bruttobetrag" beside "MwSt-Betrag" feeds gross_amount, and the net
// amount is the one less the other (netFromGross; the loader checks the
// values). Without it such a file fitted invoice headers better than
// sales, and the run said no sales were given. A file with a net amount or
// a unit price reads those; an amount with tax and no tax column is still
// refused (Missing.WithTax).
func (m *mapper) mapGrossBesideTax() {
	if m.kind.Name != Sales || m.has("net_amount") || m.has("unit_price") || !m.has("tax_amount") || m.journalAmounts("net_amount") {
		return
	}
	if m.has("gross_amount") {
		return
	}
	var said, totals []int
	for i := range m.headers {
		switch {
		case !m.free(i) || i == m.owedColumn():
		case SaysTaxIncluded(m.headers[i]):
			said = append(said, i)
		case m.grossWithTax(i):
			totals = append(totals, i)
		}
	}
	// One amount says it has the tax, else one names the total: two of
	// either leave the file to the user.
	switch {
	case len(said) == 1:
		m.assign("gross_amount", said[0], tierStrong)
	case len(said) == 0 && len(totals) == 1:
		m.assign("gross_amount", totals[0], tierWeak)
	}
}

// netFromGross: a sales line's net amount is its amount with tax less its
// tax, when the file has both and neither a net amount nor a unit price
// (mapGrossBesideTax). A "gross" that is before a discount ("Importe
// bruto") is no amount with tax, unless the configuration maps it so.
func (m *mapper) netFromGross(col string) bool {
	if m.kind.Name != Sales || col != "net_amount" || !m.has("tax_amount") {
		return false
	}
	g, ok := m.cols["gross_amount"]
	return ok && (m.grossWithTax(g) || m.tiers["gross_amount"] == tierExplicit || m.tiers["gross_amount"] == tierPreset)
}

// NetFromGross reports whether a sales mapping reads its net amount as the
// amount with tax less the tax (netFromGross).
func (mp Mapping) NetFromGross() bool {
	_, net := mp.Columns["net_amount"]
	_, price := mp.Columns["unit_price"]
	_, gross := mp.Columns["gross_amount"]
	_, tax := mp.Columns["tax_amount"]
	return mp.Kind == Sales && !net && !price && gross && tax && !mp.journal()
}

// journal: the mapping's net amount comes from a journal's debit and
// credit columns or a register's bases (journalAmounts).
func (mp Mapping) journal() bool {
	_, d := mp.Columns["debit_amount"]
	_, c := mp.Columns["credit_amount"]
	return d && c || slices.ContainsFunc(TaxBaseColumns, func(n string) bool { _, ok := mp.Columns[n]; return ok })
}

// IsInvoiceTotalHeader reports whether a header names an invoice's total
// with its tax: it says so ("Total con IVA"), or it is an invoice's bare
// total ("Total", "Importe total", "Rechnungsbetrag").
func IsInvoiceTotalHeader(header string) bool {
	if SaysTaxIncluded(header) {
		return true
	}
	n := Normalize(header)
	return slices.Contains(grossTotalHeaders, n) || slices.Contains(invoiceTotalHeaders, n)
}

// Feeds reports whether header index i feeds a column of the mapping.
func (mp Mapping) Feeds(i int) bool {
	for _, idx := range mp.Columns {
		if idx == i {
			return true
		}
	}
	return false
}
