package i18n

// Definitions (def.<column>) of the account P&L (account_profitability): one
// or two sentences with the formula; the Definitions sheet prints the
// thresholds and weights in force apart.
func init() {
	add(map[string]entry{
		"def.activities": {
			"Number of CRM activities (visits, calls, meetings…) logged for the account in the window; for a KAM, those charged to them in the LTM.",
			"Número de actividades del CRM (visitas, llamadas, reuniones…) registradas para la cuenta en la ventana; para un KAM, las que se le imputan en los 12M."},
		"def.activity_cost": {
			"Cost of KAM time plus expenses: Σ activity hours × hourly cost of the KAM charged (annual cost ÷ capacity hours; the account's KAM when the activity names none; else the default hourly rate) + Σ activity expenses.",
			"Coste del tiempo de KAM más gastos: Σ horas de actividad × coste por hora del KAM imputado (coste anual ÷ horas de capacidad; el KAM de la cuenta si la actividad no indica ninguno; si no, la tarifa horaria por defecto) + Σ gastos de las actividades."},
		"def.break_even_revenue": {
			"Revenue that pays for the KAM effort at today's margin: KAM investment ÷ gross margin %. Empty when the gross margin is not positive.",
			"Ingresos que pagan el esfuerzo del KAM con el margen actual: inversión en KAM ÷ margen bruto %. Vacío si el margen bruto no es positivo."},
		"def.cogs": {
			"Cost of goods sold: Σ cost of the sales lines that carry a cost.",
			"Coste de las ventas: Σ del coste de las líneas de venta que lo informan."},
		"def.cost_to_serve": {
			"Activity cost + service costs: what serving the account costs beyond the goods themselves.",
			"Coste de actividad + costes de servicio: lo que cuesta atender la cuenta más allá del propio producto."},
		"def.discounts": {
			"Σ on-invoice discounts of the sales lines; gross sales − discounts = revenue. Empty when no sales line carries a discount.",
			"Σ de los descuentos en factura de las líneas de venta; ventas brutas − descuentos = ingresos. Vacío si ninguna línea informa descuento."},
		"def.gross_margin": {
			"Revenue of the lines with a cost − COGS. Lines without a cost are left out: their margin is unknown, not 100 %.",
			"Ingresos de las líneas con coste − coste de ventas. Las líneas sin coste quedan fuera: su margen es desconocido, no del 100 %."},
		"def.gross_margin_pct": {
			"Gross margin ÷ revenue of the lines with a cost, as a percentage.",
			"Margen bruto ÷ ingresos de las líneas con coste, en porcentaje."},
		"def.gross_sales": {
			"Revenue before on-invoice discounts: Σ (net amount + discount). Empty when no sales line carries a discount.",
			"Ingresos antes de descuentos en factura: Σ (importe neto + descuento). Vacío si ninguna línea informa descuento."},
		"def.hours": {
			"KAM activity hours logged on the account in the window (LTM for KAMs and resources; for a KAM, the hours charged to them).",
			"Horas de actividad de KAM registradas en la cuenta en la ventana (12M en KAMs y recursos; para un KAM, las horas que se le imputan)."},
		"def.hours_uncosted": {
			"Activity hours with no hourly cost (no KAM cost and no default hourly rate): left out of activity cost, which is therefore understated.",
			"Horas de actividad sin coste por hora (ni coste del KAM ni tarifa horaria por defecto): no entran en el coste de actividad, que queda infravalorado."},
		"def.is_loss_making": {
			"Net contribution below zero: serving the account costs more than the margin it earns.",
			"Contribución neta negativa: atender la cuenta cuesta más que el margen que genera."},
		"def.kam_investment": {
			"KAM time and expenses spent on the account: its activity cost.",
			"Tiempo y gastos de KAM dedicados a la cuenta: su coste de actividad."},
		"def.kam_roi": {
			"Net contribution ÷ KAM investment: what each unit of KAM effort returns. Empty when there is no KAM investment.",
			"Contribución neta ÷ inversión en KAM: lo que devuelve cada unidad de esfuerzo del KAM. Vacío si no hay inversión en KAM."},
		"def.lines": {
			"Number of sales lines of the account in the window.",
			"Número de líneas de venta de la cuenta en la ventana."},
		"def.lines_without_cost": {
			"Sales lines without a cost; their revenue is shown apart and left out of gross margin.",
			"Líneas de venta sin coste; sus ingresos se muestran aparte y quedan fuera del margen bruto."},
		"def.net_contribution": {
			"Gross margin − cost to serve (service costs and activity cost): what the account really earns. LTM outside the profitability table.",
			"Margen bruto − coste de servir (costes de servicio y coste de actividad): lo que la cuenta aporta de verdad. 12M fuera de la tabla de rentabilidad."},
		"def.net_contribution_pct": {
			"Net contribution ÷ all revenue (lines with and without a cost), as a percentage.",
			"Contribución neta ÷ todos los ingresos (líneas con y sin coste), en porcentaje."},
		"def.revenue": {
			"Σ net amount (after on-invoice discounts, credit notes negative) of the sales lines attributed to the account in the window.",
			"Σ del importe neto (tras descuentos en factura, abonos en negativo) de las líneas de venta atribuidas a la cuenta en la ventana."},
		"def.revenue_costed": {
			"Revenue of the sales lines that carry a cost: the base of gross margin %.",
			"Ingresos de las líneas de venta con coste: la base del margen bruto %."},
		"def.revenue_without_cost": {
			"Revenue of the sales lines without a cost, shown apart because its margin is unknown.",
			"Ingresos de las líneas de venta sin coste, mostrados aparte porque su margen es desconocido."},
	})
}
