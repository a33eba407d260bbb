package schema

import (
	"slices"
	"testing"
)

// synonymCases are generic sales and invoice exports, Spanish and English.
var synonymCases = []mappingCase{
	{
		name: "spanish erp sales lines", kind: Sales,
		headers: split("Nº Factura,Línea,Fecha Factura,Fecha Vencimiento,Cód. Cliente,Cliente,Artículo,Familia,Cantidad,Precio,Dto %,Importe Neto,Coste,Comercial,Divisa"),
		want: map[string]string{
			"invoice_id": "Nº Factura", "line_no": "Línea", "invoice_date": "Fecha Factura",
			"account_id": "Cód. Cliente", "account_name": "Cliente", "product_id": "Artículo",
			"product_line": "Familia", "quantity": "Cantidad", "unit_price": "Precio",
			"discount_pct": "Dto %", "net_amount": "Importe Neto", "cost_amount": "Coste",
			"kam_id": "Comercial", "currency": "Divisa",
		},
		unused: split("Fecha Vencimiento"),
	},
	{
		name: "specific date wins over ambiguous whatever the order", kind: Sales,
		headers: split("Fecha Vencimiento,Fecha,Fecha Factura,Factura,Importe"),
		want: map[string]string{
			"invoice_date": "Fecha Factura", "invoice_id": "Factura", "net_amount": "Importe",
		},
		unused: split("Fecha Vencimiento,Fecha"),
	},
	{
		name: "english sales lines", kind: Sales,
		headers: split("Invoice No,Line No,Invoice Date,Customer ID,Customer Name,Product,Product Line,Qty,Unit Price,Discount %,Net Amount,Cost,Sales Rep,Currency,Segment,Region,Country,Industry"),
		want: map[string]string{
			"invoice_id": "Invoice No", "line_no": "Line No", "invoice_date": "Invoice Date",
			"account_id": "Customer ID", "account_name": "Customer Name", "product_id": "Product",
			"product_line": "Product Line", "quantity": "Qty", "unit_price": "Unit Price",
			"discount_pct": "Discount %", "net_amount": "Net Amount", "cost_amount": "Cost",
			"kam_id": "Sales Rep", "currency": "Currency", "segment": "Segment", "region": "Region",
			"country": "Country", "industry": "Industry",
		},
	},
	{
		name: "profit instead of cost; a margin ratio is a rate, no amount", kind: Sales,
		headers: split("Factura,Fecha emisión,Cliente,Importe,Margen,Margen %"),
		want: map[string]string{
			"invoice_id": "Factura", "invoice_date": "Fecha emisión", "account_id": "Cliente",
			"net_amount": "Importe", "profit_amount": "Margen", "margin_pct": "Margen %",
		},
	},
	{
		name: "discount amount and percentage", kind: Sales,
		headers: split("Factura,Precio unitario,Unidades,Descuento,Descuento %,Importe bruto,Base imponible"),
		want: map[string]string{
			"invoice_id": "Factura", "unit_price": "Precio unitario", "quantity": "Unidades",
			"discount_amount": "Descuento", "discount_pct": "Descuento %", "gross_amount": "Importe bruto",
			"net_amount": "Base imponible",
		},
	},
	{
		name: "glued and shouted headers", kind: Sales,
		headers: split("NUMFACTURA,FechaFactura,IDCLIENTE,IMPORTENETO,CosteDeVentas"),
		want: map[string]string{
			"invoice_id": "NUMFACTURA", "invoice_date": "FechaFactura", "account_id": "IDCLIENTE",
			"net_amount": "IMPORTENETO", "cost_amount": "CosteDeVentas",
		},
	},
	{
		name: "currency and date layout in the header", kind: Sales,
		headers: []string{"Nº Factura", "Fecha (dd/mm/aaaa)", "Importe Neto (EUR)", "Importe (EUR)"},
		want: map[string]string{
			"invoice_id": "Nº Factura", "invoice_date": "Fecha (dd/mm/aaaa)", "net_amount": "Importe Neto (EUR)",
		},
		unused: []string{"Importe (EUR)"},
	},
	{
		name: "invoice headers", kind: Invoices,
		headers: split("Nº Factura,Fecha,Cliente,Vendedor,Moneda"),
		want: map[string]string{
			"invoice_id": "Nº Factura", "invoice_date": "Fecha", "account_id": "Cliente",
			"kam_id": "Vendedor", "currency": "Moneda",
		},
	},
	{
		name: "canonical names", kind: Sales,
		headers: split("invoice_id,line_no,invoice_date,account_id,net_amount,cost_amount"),
		want: map[string]string{
			"invoice_id": "invoice_id", "line_no": "line_no", "invoice_date": "invoice_date",
			"account_id": "account_id", "net_amount": "net_amount", "cost_amount": "cost_amount",
		},
	},
	{
		name: "a specific word beats an ambiguous one of the same length", kind: Sales,
		headers: split("Factura,Importe,Neto"),
		want:    map[string]string{"invoice_id": "Factura", "net_amount": "Neto"},
		unused:  split("Importe"),
	},
	{
		name: "a percentage never feeds an amount", kind: Sales,
		headers: split("Factura,Importe,Margen %,Coste %"),
		want:    map[string]string{"invoice_id": "Factura", "net_amount": "Importe", "margin_pct": "Margen %"},
		unused:  split("Coste %"),
	},
	{
		name: "an order date only when no better date", kind: Sales,
		headers: split("Fecha pedido,Fecha,Pedido,Importe"),
		want:    map[string]string{"invoice_date": "Fecha", "invoice_id": "Pedido", "net_amount": "Importe"},
		unused:  split("Fecha pedido"),
	},
	{
		name: "order numbers and dates as a fallback", kind: Invoices,
		headers: split("Nº Pedido,Fecha pedido,Cliente"),
		want:    map[string]string{"invoice_id": "Nº Pedido", "invoice_date": "Fecha pedido", "account_id": "Cliente"},
	},
}

func TestSynonyms(t *testing.T) {
	t.Parallel()
	for _, tc := range slices.Concat(synonymCases, kindSynonymCases) {
		t.Run(tc.name, func(t *testing.T) { checkMapping(t, tc) })
	}
}

// Every column of every kind has at least one way in besides its own name,
// and no entry feeds two columns of a kind with the same strength (the
// outcome would then depend on column order, not on the words) — except a
// rate and an amount ("Descuento"), which the column's values decide.
func TestSynonymTables(t *testing.T) {
	t.Parallel()
	for _, k := range Kinds {
		for _, c := range k.Columns {
			if len(entriesFor(k.Name, c.Name)) < 2 {
				t.Errorf("%s.%s has no synonyms", k.Name, c.Name)
			}
		}
		type slot struct {
			key string
			t   tier
			pct bool
		}
		owner := map[slot]string{}
		for key, ss := range synonymIndex[k.Name] {
			for _, s := range ss {
				sl := slot{key, s.tier, s.pct}
				if o, dup := owner[sl]; dup && o != s.column && !valuesDecide(k, o, s.column) {
					t.Errorf("%s: %q feeds both %s and %s at the same strength", k.Name, s.text, o, s.column)
				}
				owner[sl] = s.column
			}
		}
	}
}

func valuesDecide(k Kind, a, b string) bool {
	ca, _ := k.Column(a)
	cb, _ := k.Column(b)
	return rateOrAmount(ca.Type, cb.Type)
}
