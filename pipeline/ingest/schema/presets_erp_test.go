package schema

import "testing"

// Particulars is a Tally voucher's party: the customer only in a register
// of sales vouchers, never in a day book of every voucher type.
func TestTallyPreset(t *testing.T) {
	t.Parallel()
	checkMapping(t, mappingCase{
		name: "tally sales register", kind: Sales, preset: "tally",
		headers: split("Date,Particulars,Voucher Type,Voucher No.,Value,Gross Total"),
		want: map[string]string{
			"invoice_date": "Date", "account_id": "Particulars", "document_type": "Voucher Type",
			"invoice_id": "Voucher No.", "net_amount": "Value",
		},
		unused: split("Gross Total"),
	})
	for _, h := range [][]string{
		split("Date,Particulars,Vch Type,Vch No.,Debit Amount,Credit Amount"), // the day book
		split("Date,Particulars,Voucher No.,Value"),                           // no voucher type
	} {
		if p := detectPreset(newHeaderRow(h)); p != nil {
			t.Errorf("%q: preset %s, want none", h, p.name)
		}
	}
}
