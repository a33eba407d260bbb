package schema

// shopifyPreset reads Shopify's orders export: one row per line item, its
// fields named "Lineitem …", the order's number in "Name" and its customer
// by e-mail. The order's own figures (Subtotal, Shipping, Taxes, Total,
// Discount Amount, Refunded Amount, Outstanding Balance) are written on
// its first row only and include tax and shipping: they are no line's
// amount, and a synonym must not make one of them (Subtotal) the line's
// revenue or subtract a refund with tax from the first line. The line's
// revenue is its price × quantity − its discount.
var shopifyPreset = preset{
	name: "shopify",
	signature: sig(
		"Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku",
		"Lineitem discount", "Lineitem compare at price", "Lineitem requires shipping",
		"Lineitem taxable", "Lineitem fulfillment status", "Financial Status",
		"Fulfillment Status", "Accepts Marketing", "Outstanding Balance",
	),
	rules: map[string][]rule{
		Sales: {
			r("invoice_id", "Name"),
			r("invoice_date", "Created at"),
			r("account_id", "Email"),
			r("account_name", "Billing Company", "Billing Name"),
			r("product_id", "Lineitem sku", "Lineitem name"),
			r("quantity", "Lineitem quantity"),
			r("unit_price", "Lineitem price"),
			r("discount_amount", "Lineitem discount"),
			r("status", "Financial Status"),
			r("currency", "Currency"),
			r("country", "Billing Country"),
		},
	},
	ignore: map[string][]string{
		Sales: {"Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Refunded Amount",
			"Outstanding Balance", "Lineitem compare at price", "Id", "Paid at", "Fulfilled at", "Cancelled at"},
	},
}
