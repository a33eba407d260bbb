package schema

// enums holds the vocabulary of every Enum column, keyed "kind.column".
// Phrases are written as exports spell them and folded with enumText.
var enums = map[string]*enumDict{
	// Activity types come from CRM picklists (Salesforce TaskSubtype and
	// Type: Call, Email, Task, ListEmail, Meeting) and from free text in
	// Spanish spreadsheets; review and proposal come first because
	// "reunión de revisión" is a review and "llamada para la oferta" a
	// proposal.
	Activities + ".activity_type": newEnum(true, true,
		says("review", "revisión", "qbr", "business review", "quarterly business review",
			"revisión de negocio", "revisión trimestral", "review", "account review",
			"revisión de cuenta"),
		says("proposal", "propuesta", "oferta", "proposal", "quote", "presupuesto", "cotización",
			"offer", "propuesta comercial"),
		says("meeting", "reunión", "meeting", "videollamada", "video call", "videoconferencia",
			"teams", "zoom", "cita", "appointment", "evento", "event"),
		says("visit", "visita", "visit", "visita comercial", "visita cliente", "site visit",
			"visita presencial", "on site"),
		says("call", "llamada", "call", "phone", "phone call", "teléfono", "llamada telefónica",
			"telefónica"),
		says("email", "correo", "email", "e-mail", "mail", "correo electrónico", "listemail",
			"list email", "mass email"),
		says("other", "otro", "otros", "other", "task", "tarea", "cadence", "linkedin"),
	),
	ServiceCosts + ".cost_type": newEnum(true, true,
		says("logistics", "logística", "transporte", "flete", "fletes", "envío", "envíos",
			"logistics", "transport", "freight", "shipping", "delivery", "portes",
			"distribución", "distribution", "almacenaje", "warehousing"),
		says("support", "soporte", "servicio técnico", "asistencia", "asistencia técnica",
			"support", "technical support", "atención al cliente", "customer service",
			"mantenimiento", "maintenance"),
		says("rebate", "rappel", "rappels", "bonificación", "bonificaciones", "rebate", "rebates",
			"descuento por volumen", "volume discount"),
		says("marketing", "marketing", "promoción", "promociones", "co-marketing", "comarketing",
			"trade marketing", "promotion", "publicidad", "advertising"),
		says("other", "otro", "otros", "other"),
	),
	// Job titles are free text: account-manager phrases first (an
	// "Account Executive" is a rep, not an executive), then top management
	// ("Director General" is the CEO), then directors, then the bare words.
	KAMs + ".role": newEnum(true, true,
		says("kam", "key account manager", "account manager", "account executive",
			"ejecutivo de cuentas", "ejecutiva de cuentas", "gestor de cuentas",
			"gestora de cuentas", "gestor de cuentas clave", "gestor cuenta clave",
			"responsable de cuenta", "responsable de cuentas", "sales representative",
			"sales rep", "representante comercial", "técnico comercial"),
		says("executive", "ceo", "director general", "directora general", "dirección general",
			"consejero delegado", "managing director", "chief executive", "chief",
			"vice president", "vicepresidente", "vicepresidenta", "vp", "svp", "evp",
			"presidente", "president", "gerente general", "general manager", "coo", "cfo",
			"cco", "cso"),
		says("director", "key account director", "kad", "director de cuentas clave",
			"directora de cuentas clave", "director de cuentas", "director comercial",
			"directora comercial", "dirección comercial", "sales director",
			"director de ventas", "jefe de ventas", "head of sales", "head of key accounts",
			"director", "directora"),
		says("executive", "executive", "ejecutivo", "ejecutiva"),
		says("kam", "kam", "gestor", "gestora", "comercial", "vendedor", "vendedora",
			"key account"),
		says("other", "other", "otro", "otros"),
	),
	// Stages follow the KAM relationship model (exploratory → integrated),
	// also numbered 1–5 and in the Millman–Wilson names some teams use.
	// Labels such as "3 - Cooperativa" match through their words.
	Accounts + ".relationship_stage": newEnum(false, true,
		says("exploratory", "exploratory", "exploratoria", "exploratorio", "exploración",
			"1", "pre kam", "prekam"),
		says("basic", "basic", "básica", "básico", "2", "early kam"),
		says("cooperative", "cooperative", "cooperativa", "cooperativo", "cooperación", "3",
			"mid kam"),
		says("interdependent", "interdependent", "interdependiente", "interdependencia", "4",
			"partnership kam", "partnership"),
		says("integrated", "integrated", "integrada", "integrado", "integración", "5",
			"synergistic kam", "synergistic"),
	),
	// Opportunity status, also as Salesforce and HubSpot stage names and
	// Dynamics statecode (0 open, 1 won, 2 lost). Exact only: a stage like
	// "Negotiation/Review" must stay unknown rather than match a word.
	Opportunities + ".status": newEnum(false, false,
		says("open", "open", "abierta", "abierto", "en curso", "in progress", "en progreso",
			"pendiente", "pending", "0"),
		says("won", "won", "ganada", "ganado", "closed won", "cerrada ganada", "cerrado ganado",
			"closedwon", "win", "1"),
		says("lost", "lost", "perdida", "perdido", "closed lost", "cerrada perdida",
			"cerrado perdido", "closedlost", "canceled", "cancelled", "cancelada", "cancelado",
			"2"),
	),
}
