package schema

import "fmt"

// eventSynonyms are the per-kind words of sales and the event and plan
// kinds: "importe" is the deal value in opportunities and the cost in
// service_costs, "fecha" the date of whatever the row records.
var eventSynonyms = map[string]map[string][]string{
	Sales: {
		// An accounting package's invoices name the customer a contact
		// (Xero's ContactName).
		// A shop's orders name the buyer's company in the billing address
		// (WooCommerce's "Company (Billing)"); a marketplace's, the buyer
		// (eBay's "Buyer Name").
		"account_name":  {"~razón", "contact name", "~contact", "billing company", "company billing", "buyer name", "buyer full name"},
		"kam_id":        orderEmployee,
		"status":        orderStatus,
		"is_cancelled":  orderCancelled,
		"is_not_issued": orderNotIssued,
		// An order's total with its tax and shipping, read only beside a
		// refund written with them (kinds.go: order_total).
		"order_total": {
			"order total", "order total amount", "order grand total", "grand total", "total",
			"grand total purchased", "grand total base", "total paid", "total pagado",
		},
		"adjusted_total": {"adjusted order total", "adjusted total", "order total adjusted"},
		// A flag that the row is a sales order's, not an invoice's.
		"is_order":      {"is order", "es pedido", "is sales order"},
		"document_type": documentType,
		"debit_credit": {
			"d/h", "debe/haber", "indicador debe/haber", "indicador d/h", "dr/cr", "debit/credit",
			"debit/credit indicator", "debit/credit ind", "debit credit indicator", "s/h", "soll/haben",
			"shkzg", "cargo/abono",
		},
		"tax_inclusion": {
			"line amount types", "line amount type", "amounts are", "amount type", "amounts tax",
			"tax inclusive", "amounts include tax", "amounts includes tax", "prices include tax",
			"price includes tax", "prices entered with tax", "tax included", "includes tax",
			"tax mode", "iva incluido", "impuestos incluidos", "precios con iva", "importes con iva",
			"precio con iva",
		},
		"tax_base_1":    taxBaseNames(1),
		"tax_base_2":    taxBaseNames(2),
		"tax_base_3":    taxBaseNames(3),
		"tax_base_4":    taxBaseNames(4),
		"debit_amount":  {"debe", "importe debe", "importe al debe", "debit amount", "soll", "~debit"},
		"credit_amount": {"haber", "importe haber", "importe al haber", "credit amount", "haben", "~credit"},
		// A shop's order lines may name the customer only by name and
		// e-mail: the e-mail is the key (two customers share a name).
		"account_id": {
			"~~email", "~~email address", "~~e mail", "~~customer email", "~~buyer email",
			"~~correo", "~~correo electrónico", "~~email cliente",
			// WooCommerce's order exports: a guest's order (Customer
			// User ID 0) has its billing e-mail too.
			"~~billing email", "~~email billing",
			// A marketplace's orders key the buyer by the account on
			// the marketplace (eBay's Buyer Username, Etsy's Buyer User
			// ID): one buyer whatever the name or address they ship to.
			"buyer username", "buyer user name", "buyer user id", "buyer id",
		},
	},
	Invoices: {
		"invoice_id":    {"~id"}, // a header file's own key
		"kam_id":        orderEmployee,
		"status":        orderStatus,
		"is_cancelled":  orderCancelled,
		"is_not_issued": orderNotIssued,
		"document_type": documentType,
		// A yes/no flag for a credit note.
		"is_credit": {"is credit", "is credit note", "is credit memo", "es abono", "es rectificativa", "rectificativa"},
		// The header's own discount, on the whole invoice (A3, Contasol,
		// Sage, Holded and Factusol write "Dto. P.P." or "% Dto. P.P.").
		"invoice_discount": {
			"dto p p", "dto pp", "dto pronto pago", "descuento pronto pago", "pronto pago",
			"% pronto pago", "descuento financiero", "dto financiero", "dto factura",
			"descuento factura", "descuento general", "dto general", "dto", "dcto", "descuento",
			"invoice discount", "discount", "order discount", "skonto", "skontobetrag", "skontosatz",
			"rabatt", "gesamtrabatt",
		},
		"invoice_base": {
			"base imponible", "base", "total base imponible", "base imponible total", "importe neto",
			"neto", "net total", "total net", "net amount", "subtotal", "sub total",
			"total excl tax", "total excluding tax", "nettobetrag", "netto", "summe netto",
			"gesamt netto", "montant ht", "total ht",
		},
	},
	Activities: {
		"activity_id": {
			"id actividad", "activity id", "id interacción", "id tarea", "task id", "event id",
			"nº actividad", "call id", "meeting id", "~id", "~código",
		},
		"activity_date": {
			"fecha actividad", "activity date", "fecha de la actividad", "fecha visita",
			"fecha reunión", "fecha llamada", "fecha interacción", "fecha tarea", "fecha evento",
			"start date", "fecha inicio", "call start time", "start time", "start date time",
			"meeting start time", "activity date time",
			// The day a task or an appointment is set for (Pipedrive's
			// "Activity - Due date", Salesforce's report "Due Date"): the
			// day it took place once it is done.
			"due date", "fecha de vencimiento", "fecha vencimiento", "fecha de comienzo", "fecha comienzo",
			"~fecha", "~date", "~start", "~día",
		},
		"activity_type": {
			"tipo actividad", "tipo de actividad", "activity type", "tipo interacción",
			"tipo de interacción", "tipo visita", "task subtype", "event type", "~~subtipo",
			"~tipo", "~type", "~clase", "~canal", "~medio",
		},
		"duration_hours": {
			"duración (h)", "duración h", "duración horas", "duración en horas", "horas", "hours",
			"duration hours", "duration (h)", "tiempo (h)", "horas dedicadas", "time spent",
			// A call's length, its unit unsaid (HubSpot writes
			// milliseconds): the values decide it.
			"call duration", "duración llamada", "duración de la llamada", "talk time",
			"~duración", "~duration", "~tiempo",
		},
		// Whether it took place: CRM exports list planned, open and
		// cancelled tasks and appointments beside the ones done.
		"status": {
			"status", "estado", "activity status", "task status", "event status", "call status", "meeting status", "estado actividad",
			"estado de la actividad", "estado tarea", "estado de la tarea", "done", "situación",
			"~estado", "~status reason", "~razón para el estado",
		},
		"is_done": {"is done", "is completed", "is closed", "completada", "realizada"},
		"duration_minutes": {
			"duración (min)", "duración minutos", "duración en minutos", "minutos", "minutes",
			"duration minutes", "duration (min)", "duration in minutes", "tiempo (min)", "mins",
		},
		"duration_seconds": {
			"duración (s)", "duración (seg)", "duración segundos", "duración en segundos",
			"segundos", "seconds", "duration seconds", "duration in seconds",
			"call duration in seconds", "duración llamada (s)", "secs",
		},
		"completed_date": {
			"completed date time", "completed datetime", "completed date", "completed at", "completed on",
			"completion date", "date completed", "marked as done time", "done time", "fecha de realización",
			"fecha completada", "fecha de finalización de la tarea",
		},
		"start_time": {"start time", "hora inicio", "hora de inicio", "hora comienzo", "hora de comienzo"},
		"end_date":   {"end date", "end date time", "end datetime", "fecha fin", "fecha de fin", "fecha final", "fecha de finalización"},
		"end_time":   {"end time", "hora fin", "hora de fin", "hora final", "hora de finalización"},
		"is_all_day": {"all day event", "all day", "is all day event", "todo el día", "evento de todo el día", "día completo"},
		"expense_amount": {
			"gastos", "expenses", "gasto", "expense", "gastos viaje", "gastos de viaje",
			"travel expenses", "importe gastos", "dietas", "expense amount", "~coste", "~costo",
			"~importe",
		},
		// Zoho's and SugarCRM's calls name the record a call is about
		// "Related To"; Copper keys the company by "Company ID".
		"account_id": {"company account", "empresa cuenta", "organization", "organisation", "organization id", "organización", "company id", "related account", "~related to", "~empresa", "~company", "~organization"},
		"kam_id": {
			"asignado", "asignado a", "assigned", "assigned to", "call owner", "task owner",
			"meeting owner", "event owner", "activity owner", "meeting organizer", "organizer",
			"organizador", "organizador de la reunión",
		},
	},
	Opportunities: {
		"opportunity_id": {
			"id oportunidad", "opportunity id", "código oportunidad", "nº oportunidad",
			"número oportunidad", "opportunity number", "deal id", "id negocio", "oportunidad",
			"opportunity", "~id",
		},
		"opportunity_name": {
			"nombre oportunidad", "nombre de la oportunidad", "opportunity name", "deal name",
			"nombre negocio", "título", "title", "topic", "~oportunidad", "~opportunity", "~nombre",
			"~name", "~descripción", "~description", "~asunto",
		},
		"created_date": {
			"fecha creación", "fecha de creación", "created date", "create date", "created",
			"created on", "creation date", "creado", "fecha apertura", "open date",
		},
		"close_date": {
			"fecha cierre", "fecha de cierre", "close date", "closing date", "fecha cierre prevista",
			"fecha prevista cierre", "fecha prevista de cierre", "expected close date",
			"estimated close date", "fecha estimada cierre", "fecha decisión", "decision date",
			"cierre", "~fecha", "~date",
		},
		"stage": {
			"etapa", "fase", "stage", "etapa venta", "fase venta", "sales stage", "deal stage",
			"pipeline stage", "etapa oportunidad", "stage name", "estadio",
			// A stage history's row: the stage the change led to.
			"to stage", "new stage", "etapa nueva", "nueva etapa", "a la etapa",
		},
		"modified_date": {
			"edit date", "last modified date", "last modified", "modified date", "modified time",
			"last modified time", "update time", "updated at", "last updated", "last update",
			"system modstamp", "fecha de modificación", "fecha modificación", "última modificación",
			"fecha de última modificación", "modificado", "fecha de edición",
			// A pipeline snapshot's rows: each deal once a snapshot.
			"snapshot date", "as of date", "fecha de la instantánea",
		},
		"status": {"estado", "status", "estado oportunidad", "resultado", "outcome", "situación"},
		"amount": {
			"importe oportunidad", "importe estimado", "valor estimado", "estimated value",
			"ingreso estimado", "deal value",
			"deal amount", "opportunity amount", "~importe", "~amount", "~valor", "~value",
			"~total", "~importe total",
		},
		"probability": {
			"probabilidad", "probability", "probabilidad (%)", "probability (%)", "prob",
			"probabilidad de cierre", "close probability", "win probability", "deal probability",
			"likelihood",
		},
		"is_closed":  {"cerrada", "cerrado", "closed", "is closed", "está cerrada", "is deal closed"},
		"is_won":     {"ganada", "ganado", "won", "is won", "está ganada", "is closed won"},
		"state_code": {"state code", "statecode", "código estado", "estado registro"},
		"lost_reason": {
			"lost reason", "loss reason", "reason lost", "lost reason id", "deal lost reason",
			"motivo de pérdida", "motivo pérdida", "razón de pérdida", "motivo perdida",
		},
		"won_date":  {"won time", "won date", "date won", "won on", "fecha ganada", "fecha de ganada"},
		"lost_date": {"lost time", "lost date", "date lost", "lost on", "fecha perdida", "fecha de pérdida"},
		"closed_date": {
			"actual close date", "actualclosedate", "closed date", "date closed", "closed on",
			"close time", "deal closed on", "fecha cierre real", "fecha de cierre real", "fecha real de cierre",
		},
		"account_id": {
			"associated company", "empresa asociada", "potential customer", "cliente potencial",
			// Pipedrive names the customer an organization ("Deal -
			// Organization", "Organization ID").
			"organization", "organisation", "organization id", "organisation id", "org id",
			"organización", "organizacion", "company id",
			"~empresa", "~company", "~organization", "~organisation",
		},
	},
	Targets: {
		// Salesforce's ForecastingQuota (QuotaOwnerId, QuotaAmount) and
		// HubSpot's goals (Assignee) are each salesperson's own plan.
		"kam_id":        append([]string{"quota owner", "quota owner id", "assignee", "assigned to", "user"}, orderEmployee...),
		"target_name":   {"goal name", "target name", "nombre objetivo", "nombre del objetivo", "~name", "~nombre"},
		"parent_target": {"parent goal", "parent target", "objetivo padre", "meta padre", "~parent"},
		"period_from": {
			"from", "desde", "valid from", "start date", "fecha inicio", "fecha desde",
			"period start", "inicio periodo", "válido desde",
		},
		"period_to": {
			"to", "hasta", "valid to", "end date", "fecha fin", "fecha hasta", "period end",
			"fin periodo", "válido hasta",
		},
		"month_01": monthNames(1, "jan", "january", "ene", "enero"),
		"month_02": monthNames(2, "feb", "february", "febrero"),
		"month_03": monthNames(3, "mar", "march", "marzo"),
		"month_04": monthNames(4, "apr", "april", "abr", "abril"),
		"month_05": monthNames(5, "may", "mayo"),
		"month_06": monthNames(6, "jun", "june", "junio"),
		"month_07": monthNames(7, "jul", "july", "julio"),
		"month_08": monthNames(8, "aug", "august", "ago", "agosto"),
		"month_09": monthNames(9, "sep", "sept", "september", "septiembre", "set", "setiembre"),
		"month_10": monthNames(10, "oct", "october", "octubre"),
		"month_11": monthNames(11, "nov", "november", "noviembre"),
		"month_12": monthNames(12, "dec", "december", "dic", "diciembre"),
		"period":   {"periodo", "mes", "period", "month", "año", "year", "ejercicio", "fiscal year", "trimestre", "quarter", "~fecha"},
		"revenue_target": {
			"objetivo ventas", "objetivo de ventas", "objetivo venta", "objetivo facturación",
			"objetivo ingresos", "sales target", "revenue target", "target revenue", "sales quota",
			"presupuesto ventas", "sales budget", "plan ventas", "plan de ventas", "importe objetivo",
			"meta ventas", "cuota", "quota", "quota amount", "target amount", "goal target", "goal amount", "target", "~objetivo", "~plan", "~presupuesto",
			"~budget", "~meta", "~importe",
		},
		"margin_target": {
			"objetivo margen", "objetivo de margen", "margen objetivo", "margin target",
			"target margin", "objetivo beneficio", "profit target", "presupuesto margen",
			"plan margen", "margin budget", "gross margin target",
		},
		"objective": {
			"objective", "objetivo cualitativo", "objetivo estratégico", "descripción objetivo",
			"plan de acción", "action plan", "iniciativa", "~descripción", "~description",
			"~comentario", "~comentarios", "~notas", "~notes", "~~objetivo",
		},
	},
	ServiceCosts: {
		"cost_date": {
			"fecha coste", "cost date", "fecha gasto", "fecha cargo", "fecha envío", "fecha de envío",
			"fecha albarán", "fecha entrega", "shipping date", "ship date", "shipment date", "delivery date",
			"~fecha", "~date",
		},
		"period": {"periodo", "mes", "period", "month", "año", "year", "ejercicio", "fiscal year", "año fiscal"},
		"cost_type": {
			"tipo coste", "tipo de coste", "concepto", "cost type", "tipo gasto", "tipo de gasto",
			"categoría coste", "cost category", "clase de coste", "expense type", "partida",
			"~tipo", "~type", "~categoría", "~category",
		},
		"amount": {"importe coste", "cost amount", "~importe", "~amount", "~coste", "~costo", "~cost", "~valor", "~total"},
	},
	// fcurr, tcurr, kurst, gdatu and ukurs are the fields of SAP's rates
	// table TCURR.
	FXRates: {
		"currency":    {"from currency", "divisa origen", "moneda origen", "source currency", "fcurr", "currency from"},
		"to_currency": {"to currency", "target currency", "divisa destino", "moneda destino", "tcurr", "currency to", "quote currency"},
		"rate_type":   {"rate type", "exchange rate type", "kurst", "tipo de cotización", "clase de cotización"},
		"period":      {"mes", "periodo", "period", "month"},
		"rate_date":   {"rate date", "fecha cambio", "fecha de cambio", "fecha tipo", "fecha valor", "effective date", "~fecha", "~date"},
		"valid_from":  {"valid from", "gdatu", "valid since", "válido desde", "vigente desde", "fecha desde", "effective from"},
		"rate": {
			"tipo de cambio", "tipo cambio", "cambio", "rate", "exchange rate", "tasa de cambio",
			"tasa", "fx rate", "conversion rate", "cotización", "tc", "ukurs", "~factor", "~valor",
		},
	},
}

// orderEmployee is the employee an order or its line names: the rep who
// sold it (an ERP order's EmployeeID, a data warehouse's EmployeeKey).
var orderEmployee = []string{
	"employee", "employee id", "employee number", "employee no", "empleado", "id empleado",
	"código empleado", "nº empleado",
}

// documentType names an invoice's or line's document type (Factura, Abono,
// Credit Note…), on sales lines and invoice headers alike.
var documentType = []string{
	"tipo documento", "tipo de documento", "tipo doc", "tipo de factura", "tipo factura",
	"clase de documento", "clase documento", "clase de factura", "clase factura",
	"tipo de movimiento", "tipo movimiento", "tipo de operación", "tipo operación",
	"document type", "doc type", "invoice type", "transaction type", "billing type",
	"billing document type", "voucher type", "~tipo", "~type", "~clase",
}

// orderStatus and orderCancelled name an order's or invoice's status and a
// yes/no "cancelled" flag, in sales lines and invoice headers alike.
var (
	orderStatus = []string{
		"status", "order status", "estado pedido", "estado del pedido", "estado factura",
		"estado documento", "invoice status", "document status", "line status",
		"estado línea", "situación", "~estado",
		// SAP's reference models: the EPM sales order's LIFECYCLESTATUS, the
		// flight model's TravelStatus and BookingStatus (X = cancelled).
		"lifecycle status", "travel status", "booking status",
		// Dolibarr's field (fk_statut: 0 draft, 1 validated, 2 paid, 3
		// abandoned) and its French label.
		"fk statut", "f fk statut", "statut", "statut facture",
	}
	orderCancelled = []string{
		"cancelled", "canceled", "is cancelled", "is canceled", "anulada", "anulado",
		"cancelada", "cancelado", "anulación", "void", "voided", "storno",
	}
	// A yes/no flag for a document not issued yet.
	orderNotIssued = []string{"is draft", "es borrador", "is proforma", "es proforma", "is quote", "is quotation"}
)

// monthNames are the headers of month n's column in a targets sheet with
// one column per month: its names and M01, M1, "Month 1", "Mes 01".
func monthNames(n int, names ...string) []string {
	return append(names, fmt.Sprintf("m%02d", n), fmt.Sprintf("m%d", n), fmt.Sprintf("month %d", n),
		fmt.Sprintf("month %02d", n), fmt.Sprintf("mes %d", n), fmt.Sprintf("mes %02d", n))
}

// taxBaseNames are the headers of a register's n-th base (one per tax
// rate): "Base 1", "Base imponible 1", "B. Imponible 1", "Base1".
func taxBaseNames(n int) []string {
	var out []string
	for _, w := range []string{"base", "base imponible", "b imponible", "base imp", "bi", "importe base", "tax base", "taxable base"} {
		out = append(out, fmt.Sprintf("%s %d", w, n), fmt.Sprintf("%s%d", w, n))
	}
	return out
}
