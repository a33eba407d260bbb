package schema

import (
	"errors"
	"slices"
	"testing"
)

// TestChildTableExport: ERPNext's "Export Data" of a Sales Invoice with its
// child tables is sales lines: the Items' fields are the line's, read by
// their label, the invoice's are the order's (its totals no line's amount),
// and another child table's (the taxes') feed nothing.
func TestChildTableExport(t *testing.T) {
	t.Parallel()
	headers := split("ID,Series,Customer,Customer Name,Date,Currency,Net Total,Grand Total,Status," +
		"ID (Items),Item Code (Items),Item Name (Items),Quantity (Items),Rate (Items),Amount (Items),Net Amount (Items)," +
		"ID (Sales Taxes and Charges),Type (Sales Taxes and Charges),Rate (Sales Taxes and Charges),Tax Amount (Sales Taxes and Charges)")
	if k, _ := KindFromHeader(headers, nil); k != Sales {
		t.Errorf("kind %q, want sales", k)
	}
	checkMapping(t, mappingCase{
		name: "ERPNext sales invoices with their items", kind: Sales, headers: headers,
		want: map[string]string{
			"invoice_id": "ID", "invoice_series": "Series", "account_id": "Customer", "account_name": "Customer Name",
			"invoice_date": "Date", "currency": "Currency", "status": "Status",
			"line_no": "ID (Items)", "product_id": "Item Code (Items)", "quantity": "Quantity (Items)",
			"net_amount": "Net Amount (Items)",
		},
		unused: split("Net Total,Grand Total,Item Name (Items),Rate (Items),Amount (Items)," +
			"ID (Sales Taxes and Charges),Type (Sales Taxes and Charges),Rate (Sales Taxes and Charges),Tax Amount (Sales Taxes and Charges)"),
	})
	checkMapping(t, mappingCase{
		name: "the brief's export: Item is the product", kind: Sales,
		headers: split("ID,Customer,Date,Currency,Net Total,Grand Total,Status,ID (Items),Item (Items),Quantity (Items),Rate (Items),Amount (Items),Net Amount (Items)"),
		want: map[string]string{
			"invoice_id": "ID", "account_id": "Customer", "invoice_date": "Date", "currency": "Currency", "status": "Status",
			"line_no": "ID (Items)", "product_id": "Item (Items)", "quantity": "Quantity (Items)", "net_amount": "Net Amount (Items)",
		},
	})
	// The document's Amount is its total: the line's revenue is its price
	// × quantity.
	checkMapping(t, mappingCase{
		name: "a document's amount beside its lines' prices", kind: Sales,
		headers: split("ID,Customer,Date,Amount,Status,ID (Lines),Product (Lines),Quantity (Lines),Price (Lines)"),
		want: map[string]string{
			"invoice_id": "ID", "account_id": "Customer", "invoice_date": "Date", "status": "Status",
			"line_no": "ID (Lines)", "product_id": "Product (Lines)", "quantity": "Quantity (Lines)", "unit_price": "Price (Lines)",
		},
		unused: split("Amount"),
	})
	// Without a line amount, the invoice's Net Total is still no line's:
	// the file fails naming the net amount rather than count the invoice
	// once per line.
	noAmount := split("ID,Customer,Date,Net Total,Grand Total,Status,ID (Items),Item Code (Items),Quantity (Items),Rate (Items)")
	m, err := Map("Sales Invoice.csv", Sales, noAmount, nil)
	var me *MappingError
	if !errors.As(err, &me) {
		t.Fatalf("mapped without a line amount: net_amount from %q", noAmount[m.Columns["net_amount"]])
	}
	for _, miss := range me.Missing {
		if slices.Contains(miss.Closest, "Net Total") || slices.Contains(miss.Closest, "Grand Total") {
			t.Errorf("%s: the invoice's total offered as closest (%q)", miss.Column, miss.Closest)
		}
	}
}

// TestTableLabel: a parenthesis that says something of the value (its
// currency, tax, scale or unit) is no table's label.
func TestTableLabel(t *testing.T) {
	t.Parallel()
	for h, want := range map[string]string{
		"Rate (Items)": "items", "Amount (Sales Invoice Item)": "sales invoice item",
		"Amount (converted)": "", "Importe (EUR)": "", "Line amount (excl. tax)": "", "Amount (inc. tax)": "",
		"Dto (%)": "", "Call Duration (in seconds)": "", "Revenue (k€)": "", "Objetivo (miles €)": "",
		"Rate (Company Currency)": "", "Importe (IVA)": "", "Rate (Sales Taxes and Charges)": "sales taxes and charges", "Duración (h)": "", "Tax 1 (2)": "", "Importe (IVA incl.)": "",
	} {
		if _, got := tableLabel(h); got != want {
			t.Errorf("tableLabel(%q) = %q, want %q", h, got, want)
		}
	}
	// Salesforce's converted amounts and Dolibarr's amounts before tax are
	// no child table.
	for _, h := range [][]string{
		split("Opportunity Name,Amount,Amount (converted),Expected Revenue (converted),Close Date"),
		split("Invoice ID,Third party ID,Amount (excl. tax),Amount tax,Amount (inc. tax),Line amount (excl. tax)"),
		split("Rate (Items),Amount (Items),Quantity (Items)"), // no document's field beside them
	} {
		tables, _ := childTables(h)
		for i, tb := range tables {
			if tb != "" {
				t.Errorf("%q: %q read as a field of table %q", h, h[i], tb)
			}
		}
	}
}
