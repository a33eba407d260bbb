package schema

import (
	"regexp"
	"strings"
)

// cancelledWords open an order status that says the order is no sale: it
// was cancelled, voided, reversed or returned ("Cancelled", "Anulada",
// "Returned", "Cancelled by customer"), or its payment failed. "return_pending" is not one: the
// return has not happened. SAP writes a cancelled document's status as the
// single letter X.
var cancelledWords = []string{
	"cancelled", "canceled", "cancellation", "cancelado", "cancelada", "anulado", "anulada",
	"anulacion", "void", "voided", "storno", "storniert", "reversed", "returned", "devuelto",
	"devuelta", "refunded", "reembolsado", "reembolsada",
	// Odoo's technical state of a cancelled order or invoice; Xero's
	// DELETED (a draft deleted before it was issued).
	"cancel", "deleted", "eliminado", "eliminada", "borrado", "borrada",
	// Dolibarr's abandoned invoice (status 3), in its labels too.
	"abandoned", "abandonada", "abandonado", "abandonnee",
	// Brazil's NF-e: an invoice reversed (estornada) or whose number was
	// voided before use (inutilizada) is no sale.
	"estorno", "estornada", "estornado", "inutilizada", "inutilizado",
	// A payment that failed, was declined or never captured (Stripe,
	// PayPal, a shop's payment export) took no money.
	"failed", "fallido", "fallida", "declined", "denied", "denegado", "denegada", "rechazado",
	"rechazada", "uncaptured", "expired", "caducado", "caducada",
	// PrestaShop's order state of a payment that went wrong, in its
	// back office's languages ("Payment error", "Error en el pago").
	"payment error", "error en el pago", "error de pago", "erreur de paiement", "zahlungsfehler",
	"errore di pagamento", "errore nel pagamento",
}

var cancelledPattern = "^(" + strings.Join(cancelledWords, "|") + ")( |$)|^x$"

var cancelledRe = regexp.MustCompile(cancelledPattern)

// notIssuedWords open an order status or a document type that says the
// document was never issued to the customer: a draft (Xero DRAFT, Odoo's
// Draft invoice, "Borrador"), one waiting for approval (Xero SUBMITTED,
// "Awaiting Approval", Business Central's "Pending Approval"), a quotation
// or estimate (Odoo's Sales Analysis "Quotation" / "Quotation Sent",
// "Presupuesto", Business Central's "Sales Quote") or a pro forma. Its
// lines are no sale yet. "Open", "Sent" or "Awaiting Payment" are issued
// documents: QuickBooks' open invoice is unpaid, not unissued.
var notIssuedWords = []string{
	"draft", "drafted", "borrador", "entwurf", "brouillon",
	"submitted", "awaiting approval", "pending approval", "waiting for approval",
	"pendiente de aprobacion", "pendiente aprobacion", "por aprobar",
	"quotation", "quotations", "quote", "quoted", "estimate", "presupuesto", "presupuestos",
	"presupuestado", "presupuestada", "cotizacion", "cotizado", "cotizada", "oferta", "angebot",
	"devis", "proforma", "pro forma", "blanket order",
	"unposted", "not posted", "no contabilizado", "no contabilizada", "sin contabilizar",
	"sin emitir", "no emitido", "no emitida",
	// A shop's order whose checkout was never paid (WooCommerce's and
	// Magento's "Pending payment"; PrestaShop's orders awaiting a bank
	// wire or a cheque): no sale until the money comes. An issued
	// invoice "Awaiting Payment" (Xero) is not one.
	"pending payment", "awaiting bank wire payment", "awaiting check payment", "awaiting cheque payment",
	"en espera de pago por transferencia bancaria", "en espera de pago por cheque",
}

// notIssuedPattern allows the document's own name before the word
// ("Sales Quote", "Factura proforma", "Draft invoice" needs none).
var notIssuedPattern = "^((factura|fra|invoice|sales|sale|customer|documento|doc|pedido|order) (de )?)?(" +
	strings.Join(notIssuedWords, "|") + ")( |$)"

var notIssuedRe = regexp.MustCompile(notIssuedPattern)

// unpaidOrderPattern: an order's status that says its payment has not come
// (WooCommerce's "Pending payment" as its Spanish shops write it,
// "Pendiente de pago"; "Awaiting payment", "Payment pending"). An order
// not paid is no sale yet; an invoice so described (Xero's "Awaiting
// Payment", a Spanish ERP's "Pendiente de pago") is issued and owed, so
// the words count only on an order's row (UnpaidOrderSQL). "Pending"
// alone is Amazon's All Orders report's order-status of an order whose
// payment is not authorised yet (it can still be cancelled; a paid order
// waiting to ship is "Unshipped"), Shopify's Financial Status of one not
// paid and Magento's of an order placed and not invoiced: on an order's
// row it says no sale yet. On an invoice, or an activity, it says
// something else (an invoice issued and unpaid), so it too counts only on
// an order's row.
var unpaidOrderPattern = "^(pendiente de pago|pago pendiente|en espera de pago|esperando pago|esperando el pago|awaiting payment|payment pending|unpaid|no pagado|sin pagar|pending)$"

// UnpaidOrderSQL is, in DuckDB, whether a row that isOrder (a boolean
// expression: OrderRowSQL) has a status (a VARCHAR expression) saying
// its payment has not come (unpaidOrderPattern).
func UnpaidOrderSQL(status, isOrder string) string {
	return "coalesce(" + isOrder + " and regexp_matches(" + enumSQLText(status) + ", " + sqlQuote(unpaidOrderPattern) + "), false)"
}

// IsNotIssuedStatus reports whether an order status or a document type
// says the document was never issued (see notIssuedWords).
func IsNotIssuedStatus(raw string) bool { return notIssuedRe.MatchString(enumText(raw)) }

// NotIssuedStatusSQL is IsNotIssuedStatus in DuckDB over the VARCHAR
// expression col: NULL when the value is blank.
func NotIssuedStatusSQL(col string) string {
	v := enumSQLText(col)
	return "(case when coalesce(" + v + ", '') = '' then null else regexp_matches(" + v + ", " + sqlQuote(notIssuedPattern) + ") end)"
}

// IsCancelledStatus reports whether an order status says the order is no
// sale (see cancelledWords).
func IsCancelledStatus(raw string) bool { return cancelledRe.MatchString(enumText(raw)) }

// notDoneWords open an activity status that says the activity has not
// taken place: CRM tasks and appointments are exported with the planned
// and open ones ("Not Started", "In Progress", "Deferred", "Open", "To
// do", "Draft", "Pendiente") and the cancelled ones ("Canceled", "No
// show"); Zoho marks a scheduled call never logged "Overdue". Dynamics
// writes an open appointment's status reason as Free,
// Busy or Tentative. Any other status ("Completed", "Held", "Sent",
// "Realizada", a blank) is an activity done.
var notDoneWords = []string{
	"not started", "in progress", "waiting", "deferred", "open", "to do", "todo", "pending",
	"planned", "scheduled", "draft", "free", "busy", "tentative", "not held", "no show",
	"overdue", "missed", // Zoho's calls: scheduled and never logged as held
	"not done", "not completed", "incomplete", // Pipedrive's Done column: Done or Not done
	"vencida", "atrasada",
	"cancelled", "canceled", "no iniciada", "no iniciado", "en curso", "en progreso",
	"pendiente", "planificada", "planificado", "programada", "programado", "prevista",
	"previsto", "abierta", "abierto", "aplazada", "aplazado", "borrador", "por hacer",
	"sin realizar", "no realizada", "no realizado", "cancelada", "cancelado", "anulada",
	"anulado",
}

var notDonePattern = "^(" + strings.Join(notDoneWords, "|") + ")( |$)"

// ActivityDoneSQL says, in DuckDB over the VARCHAR expression col, whether
// an activity status says the activity took place (see notDoneWords): NULL
// when the status is blank.
func ActivityDoneSQL(col string) string {
	v := enumSQLText(col)
	return "(case when coalesce(" + v + ", '') = '' then null else not regexp_matches(" + v + ", " + sqlQuote(notDonePattern) + ") end)"
}

// CancelledStatusSQL is IsCancelledStatus in DuckDB over the VARCHAR
// expression col: NULL when the status is blank.
func CancelledStatusSQL(col string) string {
	v := enumSQLText(col)
	return "(case when coalesce(" + v + ", '') = '' then null else regexp_matches(" + v + ", " + sqlQuote(cancelledPattern) + ") end)"
}

// creditWords name a file of credit notes or returns ("devoluciones_2026",
// "abonos", "facturas rectificativas", "credit_notes", "sales_returns",
// "Gutschriften", "avoirs"): every line in it gives money back.
var creditWords = map[string]bool{
	"devolucion": true, "devoluciones": true, "abono": true, "abonos": true, "rectificativa": true,
	"devolucao": true, "devolucoes": true, "creditnota": true, "creditnotas": true, "kreditfaktura": true,
	"kreditfakturor": true, "kreditnotaer": true, "hyvityslaskut": true,
	"rectificativas": true, "return": true, "returns": true, "refund": true, "refunds": true,
	"creditnote": true, "creditnotes": true, "credito": true, "creditos": true, "gutschrift": true,
	"gutschriften": true, "avoir": true, "avoirs": true,
}

// bothWords join two things in a name ("ventas_y_devoluciones",
// "sales and returns"): such a file holds sales too.
var bothWords = map[string]bool{"y": true, "and": true, "e": true, "con": true, "with": true, "plus": true, "mas": true, "incl": true}

// NamesCreditNotes reports whether a file's name (its path relative to the
// input folder) says it holds only credit notes or returns. "credit note"
// counts as one word; a name that joins them to something else ("ventas y
// devoluciones") does not.
func NamesCreditNotes(path string) bool {
	base := path
	if i := strings.LastIndexAny(base, "/\\"); i >= 0 {
		base = base[i+1:]
	}
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	words := strings.Fields(Normalize(base))
	credit := false
	for i, w := range words {
		if bothWords[w] {
			return false
		}
		if creditWords[w] || (w == "credit" && i+1 < len(words) && (words[i+1] == "note" || words[i+1] == "notes" || words[i+1] == "memo" || words[i+1] == "memos")) {
			credit = true
		}
	}
	return credit
}

// creditDistinct open a document type that says the document takes money
// back: a credit note, a return or a rectifying invoice ("Abono", "Factura
// rectificativa", "Nota de crédito", "Credit Note", "Devolución"), after an
// optional "factura"/"invoice"/"customer"… ("Factura de abono", Odoo's
// "Customer Credit Note"), with anything after them ("Abono cliente").
// creditWhole say so only as the whole value: "Credit" or "Return" alone,
// not "Credit card" or "Return pending".
var (
	creditDistinct = []string{
		"abono", "abonos", "rectificativa", "rectificativas", "rectificacion", "devolucion",
		"devoluciones", "nota de credito", "nota credito", "nota de abono", "nota abono",
		"credit note", "credit notes", "credit memo", "credit memos", "gutschrift", "avoir",
		// German invoicing (sevDesk, Lexware, DATEV, SAP in German): a
		// correction or cancellation invoice takes the invoice's money
		// back, and these exports write it positive beside its type.
		"rechnungskorrektur", "stornorechnung",
		// The CFDI's Egreso (Mexico's credit note), its code before it.
		"egreso", "e egreso",
		// Portuguese and Brazilian ERPs (PHC, Primavera, Bling, Omie,
		// TOTVS): a sale returned is a "Devolução de venda".
		"devolucao", "devolucoes",
		// Italian, French, Dutch, Nordic, Finnish and Czech invoicing.
		// A Polish "faktura korygująca" corrects either way, written
		// with its sign: not listed.
		"nota di credito", "nota di accredito", "note de credit", "facture d avoir",
		"creditnota", "creditfactuur", "credit nota", "kreditfaktura", "kreditnota",
		"hyvityslasku", "dobropis",
	}
	creditWhole = []string{
		"credit", "credito", "cr", "cn", "crn", "nc", "return", "returns", "sales return",
		"refund", "refunds", "refund receipt",
		// Sage 50's (UK) transaction types: SI a sales invoice, SC a
		// sales credit, written positive in its day books.
		"sc", "sales credit", "sales credit note",
		// Odoo's move type, Xero's invoice type.
		"out refund", "accreccredit",
	}
)

// A type may follow its code, as the fiscal registers write it ("3 - Nota
// de Crédito A", "61 Nota de crédito electrónica"; FiscalDocumentName), or
// a credit note's letters, as Colombia's registers write the comprobante
// ("NC - Nota crédito" beside "FV - Factura de venta").
var creditPattern = "^([0-9]+ |(nc|nce|cn|crn) )?((factura|fra|fact|invoice|documento|doc|sales|customer|cliente) (de )?)?(" + strings.Join(creditDistinct, "|") +
	")( |$)|^([0-9]+ )?(" + strings.Join(creditWhole, "|") + ")$"

var creditRe = regexp.MustCompile(creditPattern)

// IsCreditDocument reports whether a sales line's document type says it is
// a credit note, return or rectifying invoice (see creditDistinct).
func IsCreditDocument(raw string) bool { return creditRe.MatchString(enumText(raw)) }

// CreditDocumentSQL is IsCreditDocument in DuckDB over the VARCHAR
// expression col: false when the type is blank.
func CreditDocumentSQL(col string) string {
	return "coalesce(regexp_matches(" + enumSQLText(col) + ", " + sqlQuote(creditPattern) + "), false)"
}

// noSaleWords are the document types a register of issued documents
// lists beside its invoices that sell nothing: a payment receipt (the
// CFDI's P "Pago", which Mexico calls the Recibo Electrónico de Pago and
// whose amount is an invoice's paid again; QuickBooks' "Payment" in a
// customer's transaction list), a payroll receipt (the CFDI's N "Nómina",
// an employee's pay) and a transfer note (the CFDI's T "Traslado", goods
// moved, not sold). Counted as sales, a payroll receipt's pay was revenue
// of an "account" that is an employee and a payment counted its invoice
// twice. Only as the whole value, after its code ("P Pago"): "Factura de
// pago" or a Peruvian "Comprobante de pago" (an invoice) is no such type.
var noSaleWords = []string{
	"pago", "pagos", "complemento de pago", "recibo de pago", "recibo electronico de pago", "recepcion de pagos",
	"payment", "payments", "customer payment", "receive payment", "received payment",
	"nomina", "recibo de nomina", "payroll", "traslado", "nota de traslado",
}

var noSalePattern = "^([0-9]+ |[a-z] )?(" + strings.Join(noSaleWords, "|") + ")$"

var noSaleRe = regexp.MustCompile(noSalePattern)

// IsNoSaleDocument reports whether a document type says the document sells
// nothing (see noSaleWords).
func IsNoSaleDocument(raw string) bool { return noSaleRe.MatchString(enumText(raw)) }

// NoSaleDocumentSQL is IsNoSaleDocument in DuckDB over the VARCHAR
// expression col: NULL when the type is blank.
func NoSaleDocumentSQL(col string) string {
	v := enumSQLText(col)
	return "(case when coalesce(" + v + ", '') = '' then null else regexp_matches(" + v + ", " + sqlQuote(noSalePattern) + ") end)"
}

// documentNamePattern opens the name of a kind of document, after the
// code a register may write before it ("FV - Factura de venta", "NC - Nota
// crédito", "I - Ingreso"): a value of it names the document's type, never
// its number.
var documentNamePattern = regexp.MustCompile(`^([a-z0-9]{1,4} )?(factura|facturas|invoice|invoices|nota|notas|note|credit|debit|abono|devolucion|recibo|receipt|pedido|order|boleta|ticket|albaran|remision|ingreso|egreso|rechnung|gutschrift|facture|avoir|fattura)( |$)`)

// NamesDocumentType reports whether a value names a kind of document
// (documentNamePattern) or says a type IsCreditDocument,
// IsNoSaleDocument or IsOrderDocument reads, with no number after its
// code ("Factura 101" is a number written with its type).
func NamesDocumentType(raw string) bool {
	v := enumText(raw)
	if v == "" {
		return false
	}
	if code, rest, ok := strings.Cut(v, " "); ok && len(code) <= 4 && strings.ContainsAny(code, "0123456789") {
		v = rest
	}
	if strings.ContainsAny(v, "0123456789") {
		return false
	}
	return documentNamePattern.MatchString(v) || IsCreditDocument(raw) || IsNoSaleDocument(raw) || IsOrderDocument(raw)
}

// taxInclusiveWords say that a line's amounts include its tax: Xero's
// LineAmountTypes "Inclusive" (beside "Exclusive" and "NoTax"), QuickBooks'
// "Tax Inclusive", a yes/true under a header that asks "Prices include
// tax", Spanish "IVA incluido".
var taxInclusiveWords = []string{
	"inclusive", "tax inclusive", "taxinclusive", "incl", "incl tax", "including tax", "included",
	"tax included", "includes tax", "gross", "true", "yes", "y", "si", "s", "1", "x",
	"incluido", "incluidos", "iva incluido", "impuestos incluidos", "con iva", "con impuestos",
}

var taxInclusivePattern = "^(" + strings.Join(taxInclusiveWords, "|") + ")$"

var taxInclusiveRe = regexp.MustCompile(taxInclusivePattern)

// IsTaxInclusive reports whether a line's tax-inclusion value says its
// amounts include the tax (see taxInclusiveWords).
func IsTaxInclusive(raw string) bool { return taxInclusiveRe.MatchString(enumText(raw)) }

// TaxInclusiveSQL is IsTaxInclusive in DuckDB over the VARCHAR expression
// col: false when the value is blank.
func TaxInclusiveSQL(col string) string {
	return "coalesce(regexp_matches(" + enumSQLText(col) + ", " + sqlQuote(taxInclusivePattern) + "), false)"
}

// An export of a system's sales documents can hold its open orders beside
// the invoices they become (Business Central's Sales Lines: Document Type
// Quote, Order, Invoice, Credit Memo, Return Order, Blanket Order). An
// order there is no sale yet: its lines are invoiced later, under an
// invoice of their own. In a file whose document types are all orders,
// the orders are the sales (an order book, a shop's orders), so the rule
// needs an invoice or credit note in the same file (OpenOrderSQL).
var orderDocumentPattern = "^((sales|sale|customer|open|return) )?(order|orders|pedido|pedidos|pedido de venta|pedido de cliente|auftrag|kundenauftrag|commande|commande client|ordine|ordine cliente|bestelling)$"

var invoiceDocumentPattern = "^((sales|sale|customer|posted) )?(invoice|invoices|factura|facturas|rechnung|ausgangsrechnung|facture|fattura|factuur|fatura|faturas|nota fiscal|faktura|lasku)$"

var (
	orderDocumentRe   = regexp.MustCompile(orderDocumentPattern)
	invoiceDocumentRe = regexp.MustCompile(invoiceDocumentPattern)
)

// IsOrderDocument reports whether a document type names an order.
func IsOrderDocument(raw string) bool { return orderDocumentRe.MatchString(enumText(raw)) }

// IsInvoiceDocument reports whether a document type names an invoice
// (not a credit note: see IsCreditDocument).
func IsInvoiceDocument(raw string) bool { return invoiceDocumentRe.MatchString(enumText(raw)) }

// OpenOrderSQL is, over the VARCHAR expression col of a whole file, true
// on an order's line when the file also holds invoices or credit notes:
// an order not invoiced yet (see orderDocumentPattern). A window over the
// file: it is evaluated once per load.
func OpenOrderSQL(col string) string {
	v := enumSQLText(col)
	return "(coalesce(regexp_matches(" + v + ", " + sqlQuote(orderDocumentPattern) + "), false) and coalesce(bool_or(regexp_matches(" +
		v + ", " + sqlQuote(invoiceDocumentPattern) + ") or " + CreditDocumentSQL(col) + ") over (), false))"
}

// orderNameWords name a file of sales orders ("Pedidos.csv", Odoo's
// "sale.order.csv", "Sales Order.xlsx", "Aufträge", "commandes", SAP's
// order tables VBAK and VBAP). A name that also says invoices
// ("pedidos_y_facturas") does not: its documents are not orders only.
var orderNameWords = map[string]bool{
	"order": true, "orders": true, "salesorder": true, "salesorders": true, "pedido": true, "pedidos": true,
	"auftrag": true, "auftrage": true, "auftraege": true, "kundenauftrag": true, "kundenauftrage": true,
	"kundenauftraege": true, "commande": true, "commandes": true, "ordine": true, "ordini": true,
	"bestelling": true, "bestellingen": true, "encomenda": true, "encomendas": true, "vbak": true, "vbap": true,
}

var invoiceNameWords = map[string]bool{
	"invoice": true, "invoices": true, "factura": true, "facturas": true, "rechnung": true, "rechnungen": true,
	"facture": true, "factures": true, "fattura": true, "fatture": true, "factuur": true, "facturen": true,
	"move": true, "billing": true, "facturacion": true,
}

// NamesOrders reports whether a file's name (its path relative to the
// input folder) says its documents are sales orders. Dots split words:
// Odoo names an export after its model (sale.order.csv).
func NamesOrders(path string) bool {
	base := path
	if i := strings.LastIndexAny(base, "/\\"); i >= 0 {
		base = base[i+1:]
	}
	orders := false
	for _, w := range strings.FieldsFunc(Normalize(strings.ReplaceAll(base, ".", " ")), func(r rune) bool { return r == ' ' || r >= '0' && r <= '9' }) {
		switch {
		case invoiceNameWords[w]:
			return false
		case orderNameWords[w]:
			orders = true
		}
	}
	return orders
}

// OrderRowSQL is, in DuckDB, whether a sales row is an order's: its
// document type, else its status (Odoo's "Sales Order" beside
// "Quotation"), says order, or, when neither says what the document is,
// its file's name does (named). docType and status are VARCHAR
// expressions, "" when the file has no such column.
func OrderRowSQL(docType, status string, named bool) string {
	says := func(col string) string {
		return "regexp_matches(" + enumSQLText(col) + ", " + sqlQuote(orderDocumentPattern) + ")"
	}
	kind := func(col string) string {
		v := enumSQLText(col)
		return "(regexp_matches(" + v + ", " + sqlQuote(orderDocumentPattern) + ") or regexp_matches(" + v + ", " + sqlQuote(invoiceDocumentPattern) +
			") or " + CreditDocumentSQL(col) + ")"
	}
	out := "false"
	if named {
		out = "true"
	}
	if status != "" {
		out = "(case when coalesce(" + kind(status) + ", false) then " + says(status) + " else " + out + " end)"
	}
	if docType != "" {
		out = "(case when coalesce(" + kind(docType) + ", false) then " + says(docType) + " else " + out + " end)"
	}
	return out
}
