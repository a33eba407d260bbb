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

// businessCentralPreset reads Microsoft Dynamics 365 Business Central's
// (and Navision's) sales lines (Sales Lines, Posted Sales Invoice Lines,
// Sales Invoice Lines): its "Line Amount" is quantity × price less the
// line's discount but before the invoice discount ("Inv. Discount
// Amount"); "Amount" is after both and without VAT, the line's net
// revenue; "Amount Including VAT" has the tax. The discount columns are
// already inside Amount, so they feed nothing (read as a discount still to
// take, they misread the invoice discount as not applied). "No." is the
// item (or G/L account, resource) the line sells.
var businessCentralPreset = preset{
	name: "businesscentral",
	signature: sig(
		"Sell-to Customer No.", "Bill-to Customer No.", "Amount Including VAT", "Inv. Discount Amount",
		"Line Discount Amount", "=Line Amount", "=Document No.", "=Line No.", "Qty. to Invoice", "Outstanding Amount",
		"Unit Price Excl. VAT", "Unit Cost (LCY)",
	),
	rules: map[string][]rule{
		Sales: {
			r("invoice_id", "Document No."),
			r("line_no", "Line No."),
			r("account_id", "Sell-to Customer No.", "Bill-to Customer No."),
			r("product_id", "No."),
			r("quantity", "Quantity"),
			r("unit_price", "Unit Price Excl. VAT", "Unit Price"),
			r("net_amount", "Amount"),
			r("invoice_date", "Posting Date", "Document Date", "Order Date", "Shipment Date"),
			r("document_type", "Document Type"),
			r("currency", "Currency Code"),
			r("kam_id", "Salesperson Code"),
			r("unit_cost", "Unit Cost (LCY)", "Unit Cost"),
		},
	},
	ignore: map[string][]string{Sales: {"Line Amount", "Amount Including VAT", "Line Discount Amount", "Line Discount %", "Inv. Discount Amount"}},
}
