package schema

import "slices"

// owedHeaders name what is still owed on each invoice (QuickBooks'
// Invoice List "Open balance", an aged receivables list's "Balance due",
// "Saldo pendiente"). A running "Balance" is not one: QuickBooks' Sales by
// Customer Detail sums its lines' amounts, before tax, in it.
var owedHeaders = []string{
	"open balance", "balance due", "amount due", "due amount", "outstanding", "amount outstanding",
	"outstanding amount", "outstanding balance", "open amount", "remaining balance",
	"saldo pendiente", "importe pendiente", "pendiente de cobro", "pendiente cobro",
	"importe pendiente de cobro", "saldo vivo", "importe vivo",
}

// invoiceTotalHeaders name an invoice's amount without saying whether it is
// before or after tax.
var invoiceTotalHeaders = []string{
	"amount", "total", "importe", "total amount", "amount total", "invoice amount", "invoice total",
	"importe total", "total importe", "total factura", "importe factura", "importe de la factura",
	"monto", "monto total", "total invoice", "invoice value",
}

// owedColumn is the header of what is still owed on each invoice, -1 when
// the row has none.
func (r *headerRow) owedColumn() int { return r.owed }

func owedIndex(norms []string) int {
	return slices.IndexFunc(norms, func(n string) bool { return slices.Contains(owedHeaders, n) })
}

// withTax reports whether header i holds amounts with tax: it says so
// ("Total incl. VAT"), or it is an invoice's bare amount ("Amount",
// "Total") beside what is still owed on it ("Open balance"): a list of
// invoices and their balances owed gives each invoice's total, tax
// included, as the customer owes it.
func (r *headerRow) withTax(i int) bool {
	if SaysTaxIncluded(r.headers[i]) {
		return true
	}
	owed := r.owedColumn()
	if owed < 0 || owed == i {
		return false
	}
	n := r.norms[i]
	if r.moneyBases[i] != "" {
		n = r.moneyBases[i]
	}
	return slices.Contains(invoiceTotalHeaders, n)
}

// onlyAmountWithTax: a sales mapping that lacks only its net amount, whose
// file has an amount with tax instead (an invoice list's "Amount" beside
// its "Open balance"). Among the kinds its name fits, the file is sales
// lines that cannot be read, and its error says why, rather than invoice
// headers missing a customer.
func (m *mapper) onlyAmountWithTax() bool {
	if m.kind.Name != Sales {
		return false
	}
	miss := m.missing()
	return len(miss) == 1 && len(miss[0].WithTax) > 0
}
