package i18n

// Missing inputs: the names in the unavailable_inputs and missing_input
// columns (file kinds and columns), and for each a sentence saying what is
// missing and which file would enable the metrics that need it.
func init() {
	names := map[string]entry{
		"accounts":                {"Accounts file", "Fichero de cuentas"},
		"accounts.is_key_account": {"Key-account flag", "Marca de cuenta clave"},
		"accounts.kam_id":         {"KAM of each account", "KAM de cada cuenta"},
		"activities":              {"CRM activities", "Actividades CRM"},
		"fx_rates":                {"Exchange rates", "Tipos de cambio"},
		"invoices":                {"Invoice headers", "Cabeceras de factura"},
		"kams":                    {"KAMs file", "Fichero de KAMs"},
		"key_accounts":            {"Key-account flag", "Marca de cuenta clave"},
		"net_contribution":        {"Net contribution", "Contribución neta"},
		"opportunities":           {"Opportunities", "Oportunidades"},
		"products":                {"Products file", "Fichero de productos"},
		"sales":                   {"Sales lines", "Líneas de venta"},
		"sales.cost_amount":       {"Cost of sales", "Coste de las ventas"},
		"sales.discount_amount":   {"Sales discounts", "Descuentos de ventas"},
		"sales.product_line":      {"Product lines", "Líneas de producto"},
		"service_costs":           {"Service costs", "Costes de servicio"},
		"targets":                 {"Targets", "Objetivos"},
	}
	// congruence_scorecard names two kinds at once for key_contribution_share.
	names["activities, service_costs"] = entry{"CRM activities, service costs", "Actividades CRM, costes de servicio"}
	labels := map[string]entry{}
	for k, v := range names {
		labels["val.unavailable_inputs."+k] = v
		labels["val.missing_input."+k] = v
	}
	add(labels)

	keyFlag := entry{
		"Needs an is_key_account column (yes/no) in the accounts file saying which accounts are key accounts.",
		"Requiere una columna is_key_account (sí/no) en el fichero de cuentas que indique qué cuentas son clave."}
	add(map[string]entry{
		"unavailable.accounts": {
			"Needs an accounts file (customer master: name, parent account, segment, KAM, key-account flag, strategic fit, market influence, wallet estimate) in the input folder.",
			"Requiere un fichero de cuentas (maestro de clientes: nombre, cuenta matriz, segmento, KAM, marca de cuenta clave, encaje estratégico, influencia de mercado, gasto potencial) en la carpeta de entrada."},
		"unavailable.accounts.is_key_account": keyFlag,
		"unavailable.accounts.kam_id": {
			"Needs the KAM of each account: a kam_id column in the accounts file, or the sales rep on the sales lines or the invoice headers.",
			"Requiere el KAM de cada cuenta: una columna kam_id en el fichero de cuentas, o el comercial en las líneas de venta o en las cabeceras de factura."},
		"unavailable.activities": {
			"Needs a CRM activities export (visits, calls, meetings with hours) in the input folder.",
			"Requiere una exportación de actividades del CRM (visitas, llamadas, reuniones con sus horas) en la carpeta de entrada."},
		"unavailable.activities, service_costs": {
			"Needs a CRM activities export (visits, calls, meetings with hours) and a service-costs file, from which net contribution is built.",
			"Requiere una exportación de actividades del CRM (visitas, llamadas, reuniones con sus horas) y un fichero de costes de servicio, de los que sale la contribución neta."},
		"unavailable.fx_rates": {
			"Needs an exchange-rates file (the monthly rate of each currency into the reporting currency) in the input folder.",
			"Requiere un fichero de tipos de cambio (el tipo mensual de cada divisa frente a la divisa del informe) en la carpeta de entrada."},
		"unavailable.invoices": {
			"Needs an invoice-headers file (date, account and sales rep of each invoice) for sales lines exported without them.",
			"Requiere un fichero de cabeceras de factura (fecha, cuenta y comercial de cada factura) para las líneas de venta exportadas sin esos datos."},
		"unavailable.kams": {
			"Needs a KAMs file (each key account manager with role, manager, annual cost and capacity hours) in the input folder.",
			"Requiere un fichero de KAMs (cada gestor de cuentas clave con su rol, responsable, coste anual y horas de capacidad) en la carpeta de entrada."},
		"unavailable.key_accounts": keyFlag,
		"unavailable.net_contribution": {
			"Needs everything net contribution is built from: a cost column on the sales lines, a CRM activities export and a service-costs file.",
			"Requiere todo aquello de lo que sale la contribución neta: una columna de coste en las líneas de venta, una exportación de actividades del CRM y un fichero de costes de servicio."},
		"unavailable.opportunities": {
			"Needs a CRM opportunities export (open, won and lost deals with amount, probability and close date) in the input folder.",
			"Requiere una exportación de oportunidades del CRM (abiertas, ganadas y perdidas, con importe, probabilidad y fecha de cierre) en la carpeta de entrada."},
		"unavailable.products": {
			"Needs a products file (each product with its product line) to give a line to sales lines that lack one.",
			"Requiere un fichero de productos (cada producto con su línea de producto) para asignar línea a las ventas que no la traen."},
		"unavailable.sales": {
			"Needs a sales file (invoice lines with date, account and net amount) in the input folder: it is the one required input.",
			"Requiere un fichero de ventas (líneas de factura con fecha, cuenta e importe neto) en la carpeta de entrada: es el único dato obligatorio."},
		"unavailable.sales.cost_amount": {
			"Needs a cost column (cost_amount, or a profit or margin column) on the sales lines, so gross margin can be measured.",
			"Requiere una columna de coste (cost_amount, o una de beneficio o margen) en las líneas de venta para poder medir el margen bruto."},
		"unavailable.sales.discount_amount": {
			"Needs a discount column (discount_amount) on the sales lines, so gross sales and discounts can be shown.",
			"Requiere una columna de descuento (discount_amount) en las líneas de venta para mostrar las ventas brutas y los descuentos."},
		"unavailable.sales.product_line": {
			"Needs a product line on the sales lines, or a products file that gives each product its line.",
			"Requiere la línea de producto en las líneas de venta, o un fichero de productos que asigne a cada producto su línea."},
		"unavailable.service_costs": {
			"Needs a service-costs file (logistics, support, rebates and marketing per account) in the input folder.",
			"Requiere un fichero de costes de servicio (logística, soporte, rappels y marketing por cuenta) en la carpeta de entrada."},
		"unavailable.targets": {
			"Needs a targets file (revenue and margin target per account and period: month, quarter or year) in the input folder.",
			"Requiere un fichero de objetivos (objetivo de ingresos y de margen por cuenta y periodo: mes, trimestre o año) en la carpeta de entrada."},
	})
}
