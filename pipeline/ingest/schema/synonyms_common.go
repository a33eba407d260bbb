package schema

// commonSynonyms apply to every kind that has the column: an account code
// is spelt the same in a sales export, a target sheet or a CRM report.
// Entries are written as people write headers (accents, "nº", "%"); they
// are normalised when the index is built. "~" marks a weak entry: a word
// that often means this column but also other things; "~~" a fallback, used
// only when nothing better is in the file (an order number for an invoice).
var commonSynonyms = map[string][]string{
	"account_id": {
		"cliente", "id cliente", "cliente id", "código cliente", "cod cliente", "cód. cliente",
		"codcliente", "nº cliente", "n cliente", "num cliente", "núm. cliente", "número cliente",
		"número de cliente", "código de cliente", "id de cliente", "cliente código", "nro cliente",
		"customer", "customer id", "customer code", "customer no", "customer number", "client id",
		"client code", "account id", "account number", "account no", "account code", "cuenta",
		"id cuenta", "código cuenta", "cod cuenta", "id de la cuenta", "solicitante", "deudor",
		"kunnr", "sold to", "sold to party", "sell to customer no", "sell to customer number",
		"sell to customer", "bill to customer no", "bill to customer number", "bill to customer", "cif cliente", "nif cliente", "~cif", "~nif",
		"nif destinatario", "destinatario identificación", "destinatario nif",
		// Dolibarr's exports: the customer is a third party (tiers).
		"third party id", "third party code", "third party", "customer code third party", "id tercero", "código tercero",
		// Sage 50 (UK): a customer is an account, named by its reference.
		"account reference", "account ref", "a/c ref", "a/c reference",
		"reseller", "reseller id", "reseller code", "reseller number", "dealer id",
		"~account", "partner id", "business partner", "business partner id", "bp id",
		// Spend and purchase exports (public-sector "expenditure over
		// £500" files) name the counterpart a supplier: the account when
		// no customer column is there.
		"~~supplier id", "~~supplier", "~~supplier code", "~~supplier number", "~~vendor id",
		"~~vendor", "~~vendor number", "~~proveedor", "~~id proveedor", "~~código proveedor",
		"~~payee",
	},
	"account_name": {
		"razón social", "nombre cliente", "nombre del cliente", "nombre de cliente", "cliente nombre",
		"nombre cuenta", "nombre de la cuenta", "customer name", "company name", "account name",
		"client name", "denominación", "denominación social", "nombre comercial", "nombre 1",
		"destinatario nombre", "nombre destinatario", "destinatario nombre o razón social",
		"third party name", "nombre tercero",
		"~nombre", "~name", "~cliente", "~customer", "~empresa", "~company", "~cuenta", "~client",
		"~~supplier name", "~~vendor name", "~~nombre proveedor", "~~payee name",
	},
	"parent_account_id": {
		"empresa matriz", "cuenta principal", "cuenta padre", "parent", "parent account",
		"parent account id", "parent id", "parent company", "matriz", "sociedad matriz",
		"grupo empresarial", "holding", "id grupo", "código grupo", "parent customer",
		"cliente padre", "~grupo", "~group",
	},
	"segment": {
		"segmento", "segment", "segmento cliente", "customer segment", "tipo cliente",
		"tipo de cliente", "customer type", "clase cliente", "categoría cliente",
		"customer category", "grupo de clientes", "grupo clientes", "customer group", "tier",
		"clasificación abc", "abc", "canal", "channel", "~categoría",
	},
	"industry": {
		"sector", "industria", "industry", "sector de actividad", "sector industrial",
		"industry code", "vertical", "cnae", "sic", "rama", "rama de actividad",
	},
	"region": {
		"región", "region", "zona", "zona comercial", "área", "area", "territorio", "territory",
		"provincia", "province", "state", "comunidad autónoma", "delegación", "sales region",
		"billing state", "state region",
	},
	"country": {
		"país", "pais cliente", "country", "billing country", "country region", "código país",
		"cod país", "country code", "nación",
	},
	"kam_id": {
		"comercial", "vendedor", "gestor", "sales rep", "owner", "kam", "id kam", "kam id",
		"código comercial", "cod comercial", "código vendedor", "cod vendedor", "id vendedor",
		"representante", "agente", "agente comercial", "account manager", "key account manager",
		"gestor cuenta", "gestor de cuenta", "gestor de la cuenta", "responsable",
		"responsable comercial", "salesperson", "sales person", "sales representative",
		"account owner", "propietario", "propietario de la cuenta", "owner id", "comercial asignado",
		"empleado de ventas", "sales employee", "rep", "id gestor", "código gestor",
		"sales rep id", "sales rep number", "sales rep employee number", "sales rep employee id",
		"support rep", "support rep id", "salesperson id", "sales person id", "salesperson key",
		"sales agent", "agente de ventas", "~agent",
		"goal owner", "owner name",
	},
	"currency": {
		"divisa", "moneda", "currency", "currency code", "código divisa", "cod divisa",
		"código moneda", "currency iso code", "iso currency", "moneda documento",
		"divisa documento", "document currency", "waers", "order currency", "invoice currency", "invoice currency code", "transaction currency", "transaction currency code",
	},
	"invoice_id": {
		"nº factura", "n factura", "factura", "número factura", "número de factura", "num factura",
		"nro factura", "id factura", "código factura", "factura nº", "nº fra", "num fra", "fra",
		"invoice", "invoice no", "invoice number", "invoice id", "invoice ref", "document number",
		"nº documento", "número documento", "document no", "doc no", "documento de facturación", "billing document",
		"bill no", "vbeln", "~documento", "~document", "~doc", "~num", "~número", "~number", "~~pedido", "~~nº pedido",
		"~~número pedido", "~~order", "~~order no", "~~order number", "~~order id", "~~sales order",
		"~~sales order number", "~~sales order id", "~~sales order no", "~~order ref", "~~order reference",
		"~~sales order reference", "~~sales document",
		"trans no", "transaction no", "transaction number", "transaction id", "trans id",
		"identificación de la factura número",
		// Sage 50's (UK) day books: the invoice's or credit's number.
		"~~reference",
	},
	// The order an invoice line invoices: the same words as an order's
	// number, which feeds invoice_id instead in a file without an invoice
	// number (an order book: repairRequired). A customer's own purchase
	// order ("PO number", "Su pedido") is not ours and is not listed.
	"order_id": {
		"pedido", "nº pedido", "n pedido", "número pedido", "número de pedido", "num pedido",
		"nro pedido", "núm. pedido", "id pedido", "ref pedido", "referencia pedido", "pedido de venta",
		"nº pedido de venta", "pedido venta", "order", "order no", "order number", "order id",
		"order ref", "order reference", "sales order", "sales order no", "sales order number",
		"sales order id", "sales order reference", "so number", "so no", "source document",
		"sales document", "reference document",
	},
	// A series of invoice numbers; never a product's serial number ("Nº
	// de serie", "Serial number"), which is not listed.
	"invoice_series": {
		"serie", "series", "serie factura", "serie de factura", "serie de la factura",
		"serie facturación", "serie de facturación", "serie documento", "serie del documento",
		"código serie", "cod serie", "invoice series", "document series",
		// The AEAT's register of issued invoices, its header over two rows.
		"identificación de la factura serie",
	},
	"line_no": {
		"línea", "nº línea", "n línea", "num línea", "número línea", "número de línea", "line",
		"line no", "line number", "line id", "id línea", "posición", "pos", "line item",
		"line item number", "order line", "order line number", "order line no", "sales order line",
		"sales order line number", "invoice line", "invoice line number", "invoice line id",
		"sales order item", "order item", "order item id", "item position", "posnr", "posición pedido",
		"billing item",
	},
	"invoice_date": {
		"fecha factura", "fecha de factura", "fecha fra", "fecha emisión", "fecha de emisión",
		"fecha expedición", "date issued", "issue date", "issued date", "fecha documento", "fecha doc", "fecha contable",
		"fecha contabilización", "fecha facturación", "fecha venta", "invoice date",
		"posting date", "document date", "billing date", "sale date", "sales date", "transaction date", "~fecha",
		"~date", "~~fecha pedido", "~~order date", "~~created at", "~~created on",
		"~~creation date", "~~fecha creación", "~~fecha de creación", "~~paid date",
		"~~date paid", "~~payment date", "~~fecha pago", "~~fecha de pago", "~~purchase date",
		"~~order purchase date", "~~purchase timestamp", "~~order purchase timestamp",
		"~~fecha compra", "~~fecha de compra", "~~order timestamp", "~~order datetime",
	},
	"product_id": {
		"artículo", "referencia", "sku", "product", "~item", "producto", "código artículo",
		"cod artículo", "ref", "referencia artículo", "código producto", "cod producto",
		"id producto", "producto id", "product id", "product code", "item code", "item no",
		"item number", "material", "código material", "part number", "~ean",
		"inventory item code", // Xero
	},
	"product_line": {
		"familia", "línea de producto", "línea producto", "product line", "product family",
		"category", "categoría", "familia producto", "familia de producto", "grupo artículo",
		"grupo de artículos", "grupo producto", "product group", "product category",
		"categoría producto", "gama",
	},
	"quantity": {
		"cantidad", "unidades", "qty", "quantity", "uds", "unid", "cant", "cantidad facturada",
		"units", "piezas", "pcs", "quantity ordered", "ordered quantity", "order quantity",
		"billed quantity", "invoiced quantity", "fkimg",
		"order qty", "qty ordered", "quantity sold", "cantidad pedida", "product quantity",
		// WooCommerce's order items (Advanced Order Export): the quantity
		// left once the items refunded are taken off.
		"quantity refund", "qty refund",
	},
	"net_amount": {
		"importe neto", "base imponible", "neto", "net amount", "net sales", "venta neta",
		"ventas netas", "importe venta", "importe ventas", "importe línea", "line amount",
		"net value", "valor neto", "subtotal", "total sin iva", "importe sin iva", "total neto",
		"net revenue", "revenue", "ingresos", "facturación", "sales amount", "line total",
		"line item total", "line subtotal", "item subtotal", "extended amount", "extended price", "ext amount", "ext price",
		// Odoo's reports (Invoice Analysis, Sales Analysis) label the
		// line's amount before tax so.
		"untaxed total", "untaxed amount", "total untaxed", "amount untaxed",
		// A shop's order exports (WooCommerce's, Magento's): the items'
		// amount before tax, shipping and (decideSubtotalBeforeDiscount
		// reads it) the cart's discount. Weak: beside the items' own
		// amount it is the order's (dropOrderFigures).
		"~order subtotal", "~order subtotal amount",
		// Etsy's Sold Orders: the items' value before the coupon.
		"~order value",
		"~amount", "~importe", "~ventas",
		"~sales", "~net", "~base", "~valor", "~value",
	},
	"cost_amount": {
		"coste", "costo", "coste de ventas", "costo de ventas", "coste venta", "costo venta",
		"cogs", "cost", "coste total", "total cost", "cost of sales", "cost of goods sold",
		"coste mercancía", "coste línea", "total product cost", "line cost",
		"extended cost",
	},
	"profit_amount": {
		"beneficio", "margen", "margin", "profit", "line profit", "gross profit", "margen bruto", "gross margin",
		"margen importe", "importe margen", "margen comercial", "beneficio bruto", "margin amount",
		"contribución",
	},
	// "Margen", "Margin", "Gross margin" name a rate and an amount alike:
	// the values decide (all 0–1, or written with %, is a rate).
	"margin_pct": {
		"margen %", "% margen", "margin %", "% margin", "margen bruto %", "% margen bruto",
		"gross margin %", "% gross margin", "gm %", "margen porcentaje", "porcentaje margen",
		"porcentaje de margen", "margin pct", "margin percent", "margin percentage", "margin rate",
		"gross margin pct", "gross margin percent", "gross margin percentage", "gross margin rate",
		"margen", "margin", "margen bruto", "gross margin", "margen comercial",
	},
	"unit_cost": {
		"coste unitario", "costo unitario", "unit cost", "coste unidad", "precio coste",
		"precio de coste", "cost price",
	},
	"unit_price": {
		"precio unitario", "precio", "unit price", "precio venta", "precio de venta",
		"precio unidad", "price", "pvp", "price each", "each price", "sale price", "sales price", "selling price",
		"price per unit", "precio por unidad", "unit selling price", "price per item",
		// Xero's invoice lines.
		"unit amount",
		// WooCommerce's order items name the item's price before tax
		// "Item Cost" (a sales export holds no cost of ours under it).
		"~item cost",
		// eBay's orders report: what one item sold for (its Total Price
		// adds the quantity's other items and the shipping).
		"sold for",
	},
	// A bare "Descuento", "Discount", "Dto." holds a rate in many ERPs and an
	// amount in others: listed under both columns, the column's values
	// decide (see Mapping.Undecided).
	"discount_pct": {
		"dto %", "descuento %", "% dto", "% descuento", "discount %", "% discount",
		"porcentaje descuento", "descuento porcentaje", "discount pct", "discount percent",
		"discount percentage", "discount rate", "dcto %", "desc %", "tipo descuento",
		"descuento", "discount", "dto", "dcto",
	},
	"discount_amount": {
		"importe descuento", "importe dto", "importe de descuento",
		"descuento importe", "total descuento", "discount amount", "discount value",
		"cart discount", "cart discount amount",
		"descuento", "discount", "dto", "dcto",
	},
	"tax_amount": {
		"tax amount", "tax", "taxes", "vat", "vat amount", "iva", "importe iva", "cuota iva",
		"impuesto", "impuestos", "tax value",
		"order tax", "order tax amount", "order total tax", "order total tax amount",
		"sales tax", "sales tax amount",
	},
	"refunded_amount": {
		"amount refunded", "refunded amount", "refund amount", "total refunded",
		"importe reembolsado", "importe devuelto", "importe reembolso",
		"order refund", "order refund amount", "order refunded amount",
	},
	"gross_amount": {
		"importe bruto", "bruto", "gross amount", "gross sales", "ventas brutas",
		"importe sin descuento", "gross",
	},
}
