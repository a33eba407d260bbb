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

// amazonPreset reads Amazon Seller Central's order reports (All Orders,
// tab-separated): one row per item of an order, its number in
// amazon-order-id, its ISO timestamp in purchase-date. item-price is what
// the buyer paid for the item's whole quantity (not a unit price), with
// the tax beside it in item-tax and the promotion in
// item-promotion-discount; shipping and gift wrap are no item's revenue.
// The report names no customer (Amazon keeps the buyer to itself): the
// lines' account is for the user to give (see MarketplaceNoCustomer).
var amazonPreset = preset{
	name: "amazon",
	signature: sig(
		"amazon-order-id", "asin", "item-price", "item-tax", "item-promotion-discount",
		"ship-promotion-discount", "gift-wrap-price", "gift-wrap-tax", "ship-service-level",
		"fulfillment-channel", "=sales-channel", "=order-channel", "=item-status", "=merchant-order-id",
	),
	rules: map[string][]rule{
		Sales: {
			r("invoice_id", "amazon-order-id", "order-id"),
			r("invoice_date", "purchase-date"),
			r("product_id", "sku", "asin"),
			r("quantity", "quantity", "quantity-purchased"),
			r("gross_amount", "item-price"),
			r("tax_amount", "item-tax"),
			r("discount_amount", "item-promotion-discount"),
			r("status", "order-status"),
			r("currency", "currency"),
			r("country", "ship-country"),
			r("account_id", "buyer-email"),
			r("account_name", "buyer-name"),
		},
	},
	ignore: map[string][]string{
		Sales: {"shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax", "ship-promotion-discount",
			"merchant-order-id", "last-updated-date", "url", "promotion-ids", "item-status", "product-name"},
	},
}
