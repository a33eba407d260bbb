package schema

import (
	"slices"
	"testing"
)

// TestClosestRespectsHeaderWords: a header whose own words say what its
// values are (a count, a price, a date, a yes/no, a rate, a charge on top
// of the sale) is never offered for a column of another type, however
// alike the spelling; a header of the right type still is.
func TestClosestRespectsHeaderWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, kind, column string
		headers            string
		used               map[string]int
		never, want        string
	}{
		{"a quantity is no invoice id", Sales, "invoice_id", "Qty Invoiced,Invoice No,Amount", map[string]int{"net_amount": 2}, "Qty Invoiced", "Invoice No"},
		{"a quantity is no invoice id, alone", Sales, "invoice_id", "Qty Invoiced,Amount", map[string]int{"net_amount": 1}, "Qty Invoiced", ""},
		{"a shipping price is no unit price", Sales, "net_amount or unit_price", "sku,shipping-price,unit-prices", nil, "shipping-price", "unit-prices"},
		{"a freight amount is no net amount", Sales, "net_amount", "Factura,Importe portes,Importes", nil, "Importe portes", "Importes"},
		{"a tax quota is no net amount", Sales, "net_amount", "Factura,Cuota,Cuotas", nil, "Cuota", ""},
		{"an amount before tax stays a hint", Sales, "net_amount", "Factura,Importe sin IVAs", nil, "", "Importe sin IVAs"},
		{"a flag is no customer", Sales, "account_id", "is-business-order,buyer-name,customer-ids", nil, "is-business-order", "customer-ids"},
		{"a flag is no customer name", Accounts, "account_name", "id,has-account-name,account-names", map[string]int{"account_id": 0}, "has-account-name", "account-names"},
		{"a date is no id", Sales, "invoice_id", "Invoice Date,Invoice IDs", map[string]int{}, "Invoice Date", "Invoice IDs"},
		{"a rate is no id", Sales, "product_id", "Product Rate,Product Ids", nil, "Product Rate", "Product Ids"},
		{"a price is no date", Sales, "invoice_date", "Invoice Price,Invoice Dates", nil, "Invoice Price", "Invoice Dates"},
		{"an amount is no date", Invoices, "invoice_date", "Invoice Total,Invoice Dates", nil, "Invoice Total", "Invoice Dates"},
		{"a date is no quantity", Sales, "quantity", "Quantity Date,Quantities", nil, "Quantity Date", "Quantities"},
		{"a quantity is no amount", Sales, "net_amount", "Amount Qty,Amounts", nil, "Amount Qty", "Amounts"},
		{"freight is a service cost", ServiceCosts, "amount", "Importe portes", nil, "", "Importe portes"},
		{"a sales quota is a target", Targets, "revenue_target", "Cuota ventas", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			headers := split(tt.headers)
			got := Closest(tt.kind, tt.column, headers, Mapping{Columns: tt.used})
			if tt.never != "" && slices.Contains(got, tt.never) {
				t.Errorf("Closest(%s) = %q, offers %q", tt.column, got, tt.never)
			}
			if tt.want != "" && !slices.Contains(got, tt.want) {
				t.Errorf("Closest(%s) = %q, want %q among them", tt.column, got, tt.want)
			}
		})
	}
}
