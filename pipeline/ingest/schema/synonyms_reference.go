package schema

// kindOnly marks kind.column entries of kindSynonyms that replace the common
// ones instead of adding to them: in a kams file "responsable" is the
// person's manager, not the person.
var kindOnly = map[string]bool{
	"kams.kam_id": true,
}

// referenceSynonyms are the per-kind words of the reference kinds
// (accounts, kams, products): a bare "id" or "nombre" is the key and name
// of whatever the file lists, and a kams file speaks of people ("nombre
// comercial" is a rep's name there, a trade name elsewhere).
var referenceSynonyms = map[string]map[string][]string{
	Accounts: {
		"account_id":   {"~id", "~código", "~cod", "~code"},
		"account_name": {"~razón", "~nombre empresa"},
		"account_alias": {
			"alias", "account alias", "id crm", "crm id", "código crm", "salesforce id", "id salesforce",
			"sf id", "código alternativo", "alternate id", "otro código",
		},
		// A tax id beside the account's code; in a file whose only code
		// is the tax id, the id takes that header (repairRequired).
		"tax_id": {
			"nif", "cif", "nif cif", "cif nif", "nif/cif", "nie", "rfc", "cuit", "cuil", "nit", "ruc", "rut",
			"vat", "vat number", "vat no", "vat id", "vat reg no", "vat registration no", "vat registration number",
			"tax id", "tax number", "tax no", "tax identification number", "tin", "ein", "federal tax id",
			"número fiscal", "identificación fiscal", "número de identificación fiscal", "id fiscal",
			"nº iva", "número iva", "partita iva", "p iva", "codice fiscale", "ust idnr", "ust id", "ustid",
			"steuernummer", "btw nummer", "numéro tva", "n tva", "siren", "nipc", "nif iva",
		},
		"is_key_account": {
			"cuenta clave", "key account", "es cuenta clave", "cliente clave", "key customer",
			"is key account", "key account flag", "cuenta estratégica", "strategic account",
			"cliente estratégico",
		},
		"strategic_fit": {
			"encaje estratégico", "strategic fit", "ajuste estratégico", "fit estratégico",
			"alineamiento estratégico", "alineación estratégica", "strategic alignment", "~encaje",
		},
		"market_influence": {
			"influencia", "market influence", "influencia mercado", "influencia en el mercado",
			"influencia de mercado", "influencia sectorial",
		},
		"relationship_stage": {
			"etapa relación", "relationship stage", "etapa de la relación", "fase relación",
			"fase de la relación", "estado relación", "nivel relación", "relationship level",
			"etapa kam", "fase kam", "kam stage", "relationship", "~etapa", "~fase",
		},
		// Fallbacks only: a classification is the key-account flag by its
		// values alone (keyAccountLabel), and a header that names the
		// segment stays the segment's.
		"account_type": {"~~tipo de cuenta", "~~tipo cuenta", "~~account tier", "~~clasificación cliente", "~~account classification"},
		"wallet_estimate": {
			"potencial", "gasto total estimado", "wallet", "wallet estimate", "potencial de compra",
			"potencial anual", "potencial cliente", "gasto estimado", "total spend",
			"estimated spend", "wallet size", "potencial de gasto", "compra potencial",
		},
		"first_name": {"first name", "firstname", "given name", "forename", "contact first name", "nombre de pila"},
		"last_name":  {"last name", "lastname", "surname", "family name", "contact last name", "apellidos", "apellido"},
		"customer_since": {
			"cliente desde", "customer since", "fecha alta", "fecha de alta", "fecha alta cliente",
			"~alta", "inicio relación", "fecha inicio relación", "relationship start",
			"primera compra", "fecha primera compra", "first order date", "~since",
		},
	},
	KAMs: {
		"kam_id": {
			"kam", "kam id", "id kam", "código kam", "comercial", "vendedor", "gestor", "id gestor",
			"código gestor", "código comercial", "cod comercial", "código vendedor",
			"cod vendedor", "id vendedor", "sales rep", "sales rep id", "rep id", "user id",
			"id usuario", "usuario", "employee id", "id empleado", "sales agent", "agente",
			"agente comercial", "agente de ventas", "~agent", "~id", "~código", "~cod", "~code",
			"~~employee number", "~~número de empleado", "~~nº empleado",
		},
		"kam_name": {
			"nombre kam", "kam name", "nombre gestor", "nombre vendedor", "nombre comercial",
			"nombre del comercial", "sales rep name", "nombre completo", "full name",
			"employee name", "nombre empleado", "nombre y apellidos", "~nombre", "~name", "~empleado",
		},
		"kam_alias": {
			"alias", "kam alias", "employee number", "número de empleado", "número empleado",
			"nº empleado", "código erp", "erp code", "código vendedor erp",
		},
		"role":       {"rol", "role", "puesto", "cargo", "title", "job title", "función", "position", "perfil"},
		"manager_id": {"responsable", "manager", "manager id", "jefe", "jefe directo", "reports to", "reporta a", "superior", "supervisor", "id responsable", "código responsable"},
		"annual_cost": {
			"coste anual", "costo anual", "annual cost", "coste total", "costo total", "total cost",
			"coste empresa", "coste salarial", "salario", "salary", "fully loaded cost",
			"loaded cost", "~coste", "~costo", "~cost",
			// A month's cost, read × 12 (SaysMonthly).
			"coste mensual", "costo mensual", "monthly cost", "coste empresa mensual", "coste por mes",
			"cost per month", "~salario mensual", "~salario bruto mensual", "~monthly salary",
		},
		// "name first" is SAP HANA's NAME.FIRST (a structure's element).
		"first_name": {"first name", "firstname", "given name", "forename", "nombre de pila", "name first"},
		"last_name":  {"last name", "lastname", "surname", "family name", "apellidos", "apellido", "name last"},
		"capacity_hours": {
			"capacidad horas", "capacity hours", "capacidad", "capacity", "horas anuales",
			"horas año", "annual hours", "horas disponibles", "available hours", "jornada anual",
			"~horas", "~hours",
		},
	},
	Products: {
		"product_id": {"~id", "~código", "~cod", "~code"},
		"product_name": {
			"descripción", "nombre artículo", "nombre producto", "nombre del producto",
			"product name", "description", "item name", "item description",
			"descripción artículo", "denominación", "~nombre", "~name",
		},
		"list_price": {
			"precio tarifa", "list price", "pvp", "precio lista", "precio de lista", "tarifa",
			"precio venta", "precio base", "precio catálogo", "msrp", "~precio", "~price",
		},
		"unit_cost": {
			"cost", "coste", "costo", "buy price", "purchase price", "precio de compra",
			"precio compra", "standard cost", "coste estándar", "costo estándar", "product cost",
			"product standard cost", "coste producto", "cost per unit",
		},
	},
}
