// Package schema holds the data contract: the eleven input kinds, their canonical
// columns, and how real export headers (Spanish, English, CRM presets) map
// onto them.
package schema

import (
	"fmt"
	"slices"
)

// Type is how a canonical column's text is parsed.
type Type int

const (
	Text     Type = iota // trimmed text
	ID                   // identifier: trimmed text, compared exactly
	Money                // exact decimal in a currency
	Number               // decimal without currency (quantity, hours, rate)
	Share                // 0–1, or 0–100 decided per column, or "45 %"
	Date                 // calendar date
	Bool                 // yes/no in Spanish or English
	Period               // 2026-10, 2026-Q4, 2026, FY2026
	Enum                 // one of Column.Values (after normalising, with synonyms)
	Score                // integer 1–5
	Currency             // ISO 4217 code
)

// Column is a canonical column of a kind.
type Column struct {
	Name     string
	Type     Type
	Required bool
	Values   []string // Enum: the accepted canonical values
	// Source marks auxiliary columns: not stored as such, used to derive
	// the canonical column named here (unit_price → net_amount, …).
	Source string
	// OneOf names the columns of which one must be present when Required
	// cannot hold for a single column (net_amount or unit_price, …).
	OneOf []string
	// Part names the column this one holds a part of (a month of a yearly
	// revenue_target): a scale configured for that column applies to it.
	Part string
	// Beside names the column without which a header never feeds this
	// one (an invoice's base only beside its discount): alone, the header
	// says nothing of the file's kind, and it is left to the others.
	Beside string // one column, or several joined by "|" (any of them)
}

// Kind describes one kind of input file.
type Kind struct {
	Name    string
	Key     []string // grain; empty for event kinds without a natural key
	Columns []Column
	// Snapshot kinds describe the current state: their files merge by key,
	// the newest file's row winning per key. Event kinds accumulate across
	// files.
	Snapshot bool
}

// Kind names.
const (
	Accounts      = "accounts"
	Sales         = "sales"
	Invoices      = "invoices"
	KAMs          = "kams"
	Activities    = "activities"
	Opportunities = "opportunities"
	Targets       = "targets"
	ServiceCosts  = "service_costs"
	FXRates       = "fx_rates"
	Products      = "products"
	Assessments   = "assessments"
)

// Kinds in load order: reference data first, so that sales and events find
// their accounts, headers and rates.
var Kinds = []Kind{
	{Name: FXRates, Key: []string{"currency", "period"}, Snapshot: true, Columns: []Column{
		{Name: "currency", Type: Currency, Required: true},
		// A rates table of an ERP (SAP TCURR) converts between any two
		// currencies, in several rate types, each rate valid from a date
		// until the next one: rows into (or out of) the reporting currency
		// are used, of one rate type (see stg_fx_rates_checked).
		{Name: "to_currency", Type: Currency},
		{Name: "rate_type", Type: Text},
		{Name: "period", Type: Period, OneOf: []string{"period", "rate_date", "valid_from"}},
		{Name: "rate_date", Type: Date},
		{Name: "valid_from", Type: Date},
		// Units of the reporting (or to_) currency for one unit of
		// currency; a negative rate is an indirect quotation (SAP): one
		// unit of the target currency costs |rate| units of currency.
		{Name: "rate", Type: Number, Required: true},
	}},
	{Name: Accounts, Key: []string{"account_id"}, Snapshot: true, Columns: []Column{
		{Name: "account_id", Type: ID, Required: true},
		{Name: "account_name", Type: Text, OneOf: []string{"account_name", "last_name", "first_name"}},
		{Name: "account_alias", Type: ID}, // another id of the same account: the CRM Id when account_id is the ERP code
		// The account's tax id in a column of its own (an ERP's VAT
		// Registration No., Salesforce's VAT_Number__c, a NIF beside the
		// customer code): one more name of the account for files that
		// write the customer by its tax id (e-invoices, public registers).
		{Name: "tax_id", Type: ID},
		{Name: "parent_account_id", Type: ID},
		{Name: "segment", Type: Text},
		{Name: "industry", Type: Text},
		{Name: "region", Type: Text},
		{Name: "country", Type: Text},
		{Name: "kam_id", Type: ID},
		{Name: "is_key_account", Type: Bool},
		{Name: "strategic_fit", Type: Score},
		{Name: "market_influence", Type: Score},
		{Name: "relationship_stage", Type: Enum, Values: []string{"exploratory", "basic", "cooperative", "interdependent", "integrated"}},
		{Name: "wallet_estimate", Type: Money},
		{Name: "currency", Type: Currency},
		{Name: "customer_since", Type: Date},
		// A person's name in two columns (B2C shops, CRM contacts): the
		// account's name when the file has no name column or leaves it blank.
		{Name: "first_name", Type: Text, Source: "account_name"},
		{Name: "last_name", Type: Text, Source: "account_name"},
		// An account's classification whose values name the key
		// accounts ("Tipo de cuenta: Cuenta clave / Normal"): the flag
		// when the file has none (the loader decides it by the values).
		{Name: "account_type", Type: Text, Source: "is_key_account"},
	}},
	{Name: KAMs, Key: []string{"kam_id"}, Snapshot: true, Columns: []Column{
		// A CRM user list without ids (Dynamics' "First Name, Last Name")
		// names its people by their full name, as the owner columns of
		// the other files do: the name is then the id.
		{Name: "kam_id", Type: ID, OneOf: []string{"kam_id", "last_name", "first_name"}},
		{Name: "kam_name", Type: Text, OneOf: []string{"kam_name", "last_name", "first_name"}},
		{Name: "kam_alias", Type: ID}, // another id of the same person: the ERP sales-rep code when kam_id is the CRM user Id
		{Name: "role", Type: Enum, Values: []string{"kam", "director", "executive", "other"}},
		{Name: "manager_id", Type: ID},
		{Name: "annual_cost", Type: Money},
		{Name: "capacity_hours", Type: Number},
		{Name: "currency", Type: Currency},
		{Name: "first_name", Type: Text, Source: "kam_name"},
		{Name: "last_name", Type: Text, Source: "kam_name"},
	}},
	{Name: Products, Key: []string{"product_id"}, Snapshot: true, Columns: []Column{
		{Name: "product_id", Type: ID, Required: true},
		{Name: "product_name", Type: Text},
		{Name: "product_line", Type: Text},
		{Name: "list_price", Type: Money},
		// What one unit costs us, in the reporting currency: the cost of
		// sales lines that carry none (quantity × unit_cost).
		{Name: "unit_cost", Type: Money},
	}},
	{Name: Invoices, Key: []string{"invoice_id"}, Columns: []Column{
		{Name: "invoice_id", Type: ID, Required: true},
		// The invoice's series ("Serie A", "R" for rectifying invoices,
		// the year): Spanish ERPs number each series from 1, so the
		// invoice is the series and the number together.
		{Name: "invoice_series", Type: ID, Source: "invoice_id"},
		{Name: "invoice_date", Type: Date, Required: true},
		{Name: "account_id", Type: ID, Required: true},
		{Name: "kam_id", Type: ID},
		{Name: "currency", Type: Currency},
		{Name: "status", Type: Text},       // the order's status as exported ("Shipped", "Cancelled")
		{Name: "is_cancelled", Type: Bool}, // a cancelled/returned order: kept out of revenue; else derived from status
		// A document never issued (a draft, a quotation, a pro forma: its
		// status or document type says so, IsNotIssuedStatus): kept out of
		// revenue and counted apart, not as cancelled.
		{Name: "is_not_issued", Type: Bool},
		// A credit note, return or rectifying invoice (from its document
		// type): its lines count negative, however they are written.
		{Name: "is_credit", Type: Bool},
		{Name: "document_type", Type: Text, Source: "is_credit"},
		// A discount on the whole invoice (Spanish ERPs' "Dto. P.P." for
		// prompt payment, "Descuento financiero", German "Skonto",
		// "Invoice discount"), as written: a percentage or an amount. The
		// invoice's lines are before it when its base (the net of the
		// invoice, "Base imponible") is their sum less it; the lines then
		// share it (stg_sales_lines_checked). Beside it only, the base.
		{Name: "invoice_discount", Type: Number},
		{Name: "invoice_base", Type: Money, Beside: "invoice_discount"},
		// The order the invoice invoices, on its header only ("Nº
		// pedido", Business Central's "Order No." on the posted invoice
		// headers): its lines invoice that order as a line naming it
		// does (stg_sales_lines_checked).
		{Name: "order_id", Type: ID},
	}},
	{Name: Sales, Key: []string{"invoice_id", "line_no"}, Columns: slices.Concat([]Column{
		{Name: "invoice_id", Type: ID, Required: true},
		{Name: "invoice_series", Type: ID, Source: "invoice_id"}, // as on invoices
		{Name: "line_no", Type: ID},
		{Name: "invoice_date", Type: Date}, // required unless an invoices header gives it
		{Name: "account_id", Type: ID},     // idem
		{Name: "account_name", Type: Text},
		{Name: "segment", Type: Text},
		{Name: "industry", Type: Text},
		{Name: "region", Type: Text},
		{Name: "country", Type: Text},
		{Name: "product_id", Type: ID},
		{Name: "product_line", Type: Text},
		{Name: "quantity", Type: Number},
		{Name: "net_amount", Type: Money, OneOf: []string{"net_amount", "unit_price"}},
		{Name: "cost_amount", Type: Money},
		{Name: "discount_amount", Type: Money},
		{Name: "kam_id", Type: ID},
		{Name: "currency", Type: Currency},
		{Name: "status", Type: Text},
		{Name: "is_cancelled", Type: Bool},
		{Name: "is_not_issued", Type: Bool},
		// The order an invoice line invoices ("Nº pedido", "Order No.",
		// Odoo's "Source Document", ERPNext's "Sales Order (Items)"):
		// beside the orders' own export, those orders' rows are this
		// line's sale again (stg_sales_lines_checked).
		{Name: "order_id", Type: ID},
		// The row is an order's, not an invoice's: its document type or
		// status says so, or its file's name (schema.NamesOrders).
		{Name: "is_order", Type: Bool},
		{Name: "unit_price", Type: Money, Source: "net_amount"},
		{Name: "discount_pct", Type: Share, Source: "net_amount"},
		{Name: "profit_amount", Type: Money, Source: "cost_amount"},
		// A margin written as a rate ("Margen %", or "Margen" whose values
		// are 0,40 or 40 %): read so that it is not taken for a profit
		// amount, and never made into a cost (a rounded rate would invent
		// one): the lines keep an unknown cost.
		{Name: "margin_pct", Type: Share, Source: "cost_amount"},
		{Name: "unit_cost", Type: Money, Source: "cost_amount"},
		{Name: "gross_amount", Type: Money, Source: "discount_amount"},
		// What was paid back of the line (a payment export's "Amount
		// Refunded"): the net amount is what was kept.
		{Name: "refunded_amount", Type: Money, Source: "net_amount"},
		// The order's total with its tax and shipping beside a refund
		// that is written with them too (WooCommerce's Order Total Amount
		// beside Order Refund Amount): the refund's share before tax is
		// the total's (see refundBeforeTax).
		{Name: "order_total", Type: Money, Source: "net_amount", Beside: "refunded_amount|adjusted_total"},
		// The order's total once its refunds are taken off, beside its
		// total (Etsy's Adjusted Order Total, blank when nothing was
		// refunded): the refund is the one less the other.
		{Name: "adjusted_total", Type: Money, Source: "net_amount", Beside: "order_total"},
		// The sale's exempt and non-taxed amounts beside its taxed net
		// amount, as fiscal registers split each document (Chile's SII:
		// Monto Exento beside Monto Neto; Argentina's AFIP: Imp. Neto No
		// Gravado and Imp. Op. Exentas beside Imp. Neto Gravado): revenue
		// as the taxed part is, added to it.
		{Name: "exempt_amount", Type: Money, Source: "net_amount"},
		{Name: "nontaxable_amount", Type: Money, Source: "net_amount"},
		// The line's document type ("Tipo: Factura / Abono", "Doc. type:
		// Invoice / Credit Note"): a credit note, return or rectifying
		// invoice written with positive amounts takes money back, so its
		// amounts count negative (IsCreditDocument).
		{Name: "document_type", Type: Text, Source: "net_amount"},
		// An accounting journal's debit/credit indicator ("D/H",
		// "Dr/Cr", SAP "S/H") beside amounts written positive: a sale is
		// on one side, a return on the other (DebitCreditSide).
		{Name: "debit_credit", Type: Text, Source: "net_amount"},
		// A journal's amounts in two columns, one of them blank on each
		// line ("Debe" / "Haber", "Debit" / "Credit"): the net amount is
		// their difference, sales on the side most lines are on.
		{Name: "debit_amount", Type: Money, Source: "net_amount"},
		{Name: "credit_amount", Type: Money, Source: "net_amount"},
		// Tax on the line. Read only to know what a "gross" amount is: with
		// a tax column beside it (SAP GROSSAMOUNT = NETAMOUNT + TAXAMOUNT)
		// gross means with tax, not before discount.
		{Name: "tax_amount", Type: Money, Source: "discount_amount"},
		// Whether the line's amounts include its tax, per line (Xero's
		// LineAmountTypes Inclusive / Exclusive / NoTax, "Amounts are: Tax
		// Inclusive", "Prices include tax: yes"): an inclusive line's net
		// amount is its amount less its tax (IsTaxInclusive).
		{Name: "tax_inclusion", Type: Text, Source: "net_amount"},
	}, taxBaseColumns())},
	{Name: Activities, Key: []string{"activity_id"}, Columns: []Column{
		{Name: "activity_id", Type: ID},
		{Name: "activity_date", Type: Date, Required: true},
		{Name: "account_id", Type: ID, Required: true},
		{Name: "kam_id", Type: ID},
		{Name: "activity_type", Type: Enum, Values: []string{"meeting", "visit", "call", "email", "proposal", "review", "other"}},
		{Name: "duration_hours", Type: Number},
		{Name: "expense_amount", Type: Money},
		{Name: "currency", Type: Currency},
		// The activity's status as exported ("Completed", "Not Started",
		// "Canceled"); an activity not done (planned, open, cancelled)
		// is loaded but kept out of the KAM's time, cost and contacts.
		{Name: "status", Type: Text},
		{Name: "is_done", Type: Bool}, // else derived from status; blank: done
		{Name: "duration_minutes", Type: Number, Source: "duration_hours"},
		{Name: "duration_seconds", Type: Number, Source: "duration_hours"},
		// A calendar exported as an activity log (Outlook's Start Date,
		// Start Time, End Date, End Time, All day event) gives no
		// duration: its length is the time from start to end, and an
		// all-day event's is unknown.
		// When a task was marked done (Salesforce's CompletedDateTime,
		// Pipedrive's Marked as done time): its date when it had no due
		// date, as tasks often have none.
		{Name: "completed_date", Type: Date, Source: "activity_date"},
		{Name: "start_time", Type: Text, Source: "duration_hours"},
		{Name: "end_date", Type: Date, Source: "duration_hours"},
		{Name: "end_time", Type: Text, Source: "duration_hours"},
		{Name: "is_all_day", Type: Bool, Source: "duration_hours"},
	}},
	{Name: Opportunities, Key: []string{"opportunity_id"}, Snapshot: true, Columns: []Column{
		// Required when the file has an id column. CRM exports made for
		// people (Dynamics' Excel export, Salesforce CLI data plans) have
		// none: each row is then one opportunity, and the file is a
		// snapshot that replaces older opportunity files without ids.
		{Name: "opportunity_id", Type: ID},
		{Name: "account_id", Type: ID, Required: true},
		{Name: "opportunity_name", Type: Text},
		{Name: "created_date", Type: Date},
		{Name: "close_date", Type: Date, Required: true},
		{Name: "stage", Type: Text},
		{Name: "status", Type: Enum, Values: []string{"open", "won", "lost"}, OneOf: []string{"status", "is_closed", "state_code", "stage"}},
		{Name: "amount", Type: Money, Required: true},
		{Name: "probability", Type: Share},
		{Name: "product_line", Type: Text},
		{Name: "currency", Type: Currency},
		{Name: "is_closed", Type: Bool, Source: "status"},
		{Name: "is_won", Type: Bool, Source: "status"},
		{Name: "state_code", Type: Text, Source: "status"},
		// Why a deal was lost (Odoo's Lost Reason, Copper's Loss Reason):
		// a deal that has one is lost whatever stage it stopped at (Odoo
		// archives a lost lead in its last stage).
		{Name: "lost_reason", Type: Text, Source: "status"},
		// When a closed deal closed, beside the expected close date
		// (Pipedrive's "Won time" / "Lost time", Dynamics'
		// actualclosedate): a won or lost deal is dated by them, an open
		// one by its expected close date.
		{Name: "won_date", Type: Date, Source: "close_date"},
		{Name: "lost_date", Type: Date, Source: "close_date"},
		{Name: "closed_date", Type: Date, Source: "close_date"},
		// When the row was last changed (Salesforce's Edit Date and
		// LastModifiedDate, Zoho's Modified Time, Pipedrive's Update
		// time): a stage history repeats a deal on a row per change, in
		// whatever order the report sorts them, and the deal is its
		// latest change.
		{Name: "modified_date", Type: Date},
	}},
	{Name: Targets, Key: []string{"account_id", "kam_id", "period"}, Snapshot: true, Columns: slices.Concat([]Column{
		// A target is an account's (the key account plan) or a KAM's (a
		// sales plan per salesperson).
		{Name: "account_id", Type: ID, OneOf: []string{"account_id", "kam_id"}},
		{Name: "kam_id", Type: ID},
		{Name: "period", Type: Period, OneOf: []string{"period", "period_from"}},
		{Name: "revenue_target", Type: Money, OneOf: append([]string{"revenue_target"}, monthColumns...)},
		{Name: "margin_target", Type: Money},
		{Name: "objective", Type: Text},
		{Name: "currency", Type: Currency},
		// Goals in a hierarchy (Dynamics: a team goal and one child goal
		// per seller, Parent Goal naming the team goal): a row that is
		// another row's parent is their roll-up, not a target of its own.
		{Name: "target_name", Type: Text},
		{Name: "parent_target", Type: Text},
		// A target valid from a day to a day (a CRM goal's From and To):
		// the months it spans are its period, whatever coarser period
		// (a fiscal year) the file also names.
		{Name: "period_from", Type: Date, Source: "period"},
		{Name: "period_to", Type: Date, Source: "period"},
	}, monthTargets())},
	{Name: ServiceCosts, Columns: []Column{
		{Name: "account_id", Type: ID, Required: true},
		{Name: "cost_date", Type: Date, OneOf: []string{"cost_date", "period"}},
		{Name: "period", Type: Period},
		{Name: "cost_type", Type: Enum, Values: []string{"logistics", "support", "rebate", "marketing", "other"}, Required: true},
		{Name: "amount", Type: Money, Required: true},
		{Name: "currency", Type: Currency},
	}},
	// A periodic assessment of a KAM's capabilities (optional): what the
	// data cannot show — communication, negotiation, empathy and listening,
	// customer and industry knowledge, training, collaboration across
	// departments, flexibility — scored 1–5 by someone (the key account
	// director, a peer, the customer) on a date. A re-exported file
	// replaces the rows with the same key.
	{Name: Assessments, Key: []string{"kam_id", "dimension", "assessor", "assessment_date"}, Snapshot: true, Columns: []Column{
		{Name: "kam_id", Type: ID, Required: true},
		{Name: "dimension", Type: Enum, Required: true, Values: AssessmentDimensions},
		{Name: "score", Type: Score, Required: true},
		{Name: "assessor", Type: Text},
		{Name: "assessment_date", Type: Date, Required: true},
	}},
}

// AssessmentDimensions are the capabilities the seed names for the key
// account manager; "other" keeps a dimension kam does not know.
var AssessmentDimensions = []string{
	"communication", "negotiation", "empathy_listening", "customer_knowledge",
	"industry_knowledge", "training", "collaboration", "flexibility", "other",
}

// monthColumns hold a year's revenue target written one column per month
// (M01 … M12, Jan … Dec): month_01 is January of the row's period.
var monthColumns = func() []string {
	out := make([]string, 12)
	for i := range out {
		out[i] = fmt.Sprintf("month_%02d", i+1)
	}
	return out
}()

func monthTargets() []Column {
	out := make([]Column, len(monthColumns))
	for i, name := range monthColumns {
		out[i] = Column{Name: name, Type: Money, Part: "revenue_target"}
	}
	return out
}

// TaxBaseColumns are a register's bases written one column per tax rate
// (Contasol's, Factusol's "Base 1", "Base 2", "Base 3" beside "IVA 1" …
// and a "Total" with the tax): the row's revenue is their sum, never the
// total.
var TaxBaseColumns = func() []string {
	out := make([]string, 4)
	for i := range out {
		out[i] = fmt.Sprintf("tax_base_%d", i+1)
	}
	return out
}()

func taxBaseColumns() []Column {
	out := make([]Column, len(TaxBaseColumns))
	for i, name := range TaxBaseColumns {
		out[i] = Column{Name: name, Type: Money, Source: "net_amount", Part: "net_amount"}
	}
	return out
}

// KindByName returns the kind called name.
func KindByName(name string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// KindNames lists the kind names in load order.
func KindNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = k.Name
	}
	return out
}

// ColumnNames lists the canonical and auxiliary columns of a kind.
func ColumnNames(kind string) []string {
	k, _ := KindByName(kind)
	out := make([]string, len(k.Columns))
	for i, c := range k.Columns {
		out[i] = c.Name
	}
	return out
}

// Column returns the named column of the kind.
func (k Kind) Column(name string) (Column, bool) {
	i := slices.IndexFunc(k.Columns, func(c Column) bool { return c.Name == name })
	if i < 0 {
		return Column{}, false
	}
	return k.Columns[i], true
}
