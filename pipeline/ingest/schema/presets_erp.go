package schema

import "slices"

// tallyPreset reads Tally's sales register (Date, Particulars, Voucher
// Type, Voucher No., Value, Gross Total, then a column per ledger): a
// voucher is an invoice, its number the invoice's, and Particulars the
// party it was made out to, the customer. Particulars names the ledger
// on the other side of any voucher, so it is the customer only in a
// register of sales vouchers: the preset needs both the voucher's type
// and its number, and a day book, which lists every voucher type with
// its amount in debit and credit columns, is not one. Gross Total has
// the tax and is never the net amount.
var tallyPreset = preset{
	name:  "tally",
	extra: tallySalesRegister,
	rules: map[string][]rule{
		Sales: {
			r("invoice_id", "Voucher No.", "Vch No.", "Voucher Number"),
			r("account_id", "Particulars"),
			r("document_type", "Voucher Type", "Vch Type"),
		},
		Invoices: {
			r("invoice_id", "Voucher No.", "Vch No.", "Voucher Number"),
			r("account_id", "Particulars"),
			r("document_type", "Voucher Type", "Vch Type"),
		},
	},
	ignore: map[string][]string{Sales: {"Gross Total"}, Invoices: {"Gross Total"}},
}

// tallySalesRegister weighs a header row as Tally's sales register: a
// voucher's type and number beside Particulars, without a day book's
// debit and credit columns.
func tallySalesRegister(row *headerRow) int {
	has := func(names ...string) bool {
		return slices.ContainsFunc(names, func(n string) bool { return slices.Contains(row.squashed, squash(n)) })
	}
	if has("Voucher Type", "Vch Type") && has("Voucher No.", "Vch No.", "Voucher Number") && has("Particulars") &&
		!has("Debit", "Debit Amount", "Dr Amount") && !has("Credit", "Credit Amount", "Cr Amount") {
		return presetThreshold
	}
	return 0
}
