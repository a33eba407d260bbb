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

// Amazon's All Orders report: item-price (the whole quantity's, with its
// VAT in the EU) beside item-tax is the amount with tax and its tax, the
// promotion a discount; shipping and gift wrap are no item's revenue.
func TestAmazonPreset(t *testing.T) {
	t.Parallel()
	headers := split("amazon-order-id,merchant-order-id,purchase-date,last-updated-date,order-status,fulfillment-channel,sales-channel,order-channel,url,ship-service-level,product-name,sku,asin,item-status,quantity,currency,item-price,item-tax,shipping-price,shipping-tax,gift-wrap-price,gift-wrap-tax,item-promotion-discount,ship-promotion-discount,ship-city,ship-state,ship-postal-code,ship-country,promotion-ids")
	m, err := Map("All Orders.txt", Sales, headers, map[string]string{"account_id": "sales-channel"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Preset != "amazon" || !m.NetFromGross() {
		t.Errorf("preset %q, net from gross %t; want amazon, true", m.Preset, m.NetFromGross())
	}
	for col, want := range map[string]string{
		"invoice_id": "amazon-order-id", "invoice_date": "purchase-date", "product_id": "sku", "quantity": "quantity",
		"gross_amount": "item-price", "tax_amount": "item-tax", "discount_amount": "item-promotion-discount",
		"status": "order-status", "currency": "currency", "account_id": "sales-channel",
	} {
		if i, ok := m.Columns[col]; !ok || headers[i] != want {
			t.Errorf("%s: got %v, want %q", col, m.Columns[col], want)
		}
	}
	for _, col := range []string{"net_amount", "unit_price"} {
		if i, ok := m.Columns[col]; ok {
			t.Errorf("%s read from %q", col, headers[i])
		}
	}
}

// Business Central's sales lines: Amount (after the line and invoice
// discounts, without VAT) is the line's revenue, not Line Amount (before
// the invoice discount) nor Amount Including VAT; the discounts, already
// inside Amount, feed nothing.
func TestBusinessCentralPreset(t *testing.T) {
	t.Parallel()
	checkMapping(t, mappingCase{
		name: "business central sales lines", kind: Sales, preset: "businesscentral",
		headers: split("Document Type,Document No.,Line No.,Sell-to Customer No.,Type,No.,Description,Posting Date,Quantity,Unit Price,Line Discount %,Line Discount Amount,Line Amount,Inv. Discount Amount,Amount,Amount Including VAT"),
		want: map[string]string{
			"document_type": "Document Type", "invoice_id": "Document No.", "line_no": "Line No.",
			"account_id": "Sell-to Customer No.", "product_id": "No.", "invoice_date": "Posting Date",
			"quantity": "Quantity", "unit_price": "Unit Price", "net_amount": "Amount",
		},
		unused: split("Type,Description,Line Discount %,Line Discount Amount,Line Amount,Inv. Discount Amount,Amount Including VAT"),
	})
}
