package i18n

// Definitions (def.<column>) of account health and portfolio retention: one
// or two sentences with the formula; the Definitions sheet prints the
// thresholds and weights in force apart.
func init() {
	add(map[string]entry{
		"def.accounts_at_risk": {
			"Key accounts whose revenue is at risk.",
			"Cuentas clave cuyos ingresos están en riesgo."},
		"def.activity_score": {
			"max(0, 100 × (1 − days since activity ÷ (2 × inactive days))); 0 for an account never visited.",
			"máx(0, 100 × (1 − días sin actividad ÷ (2 × días de inactividad))); 0 para una cuenta nunca visitada."},
		"def.base_accounts": {
			"Accounts with prior-LTM revenue above 0: the base of NRR and GRR.",
			"Cuentas con ingresos 12M previos mayores que 0: la base de NRR y GRR."},
		"def.base_revenue_ltm": {
			"LTM revenue of the base accounts.",
			"Ingresos 12M de las cuentas base."},
		"def.base_revenue_prior_ltm": {
			"Prior-LTM revenue of the base accounts.",
			"Ingresos 12M previos de las cuentas base."},
		"def.days_since_purchase": {
			"Days from the last purchase to the last day of the report month.",
			"Días desde la última compra hasta el último día del mes del informe."},
		"def.gross_margin_pct_ltm": {
			"Gross margin ÷ revenue of the lines with a cost over the LTM, as a percentage.",
			"Margen bruto ÷ ingresos de las líneas con coste en los 12M, en porcentaje."},
		"def.gross_margin_pct_prior_ltm": {
			"Gross margin ÷ revenue of the lines with a cost over the prior LTM, as a percentage.",
			"Margen bruto ÷ ingresos de las líneas con coste en los 12M previos, en porcentaje."},
		"def.grr": {
			"Gross revenue retention: retained revenue ÷ the base's prior-LTM revenue, as a percentage; counts losses and decreases, not growth.",
			"Retención bruta de ingresos: ingresos retenidos ÷ ingresos 12M previos de la base, en porcentaje; recoge pérdidas y descensos, no el crecimiento."},
		"def.health_band": {
			"Champion above the champion threshold, healthy from the healthy threshold, needs attention from the attention threshold, at risk below it.",
			"Excelente por encima del umbral de excelencia, saludable desde el umbral de salud, requiere atención desde el umbral de atención y en riesgo por debajo."},
		"def.health_score": {
			"0–100: weighted revenue trend, margin trend, activity, plan and pipeline scores; a missing component's weight is shared out over the others.",
			"0–100: media ponderada de las puntuaciones de tendencia de ingresos, tendencia del margen, actividad, plan y cobertura; el peso de un componente que falta se reparte entre los demás."},
		"def.is_revenue_at_risk": {
			"Key account with a health score below the attention threshold, LTM revenue down more than the risk decline year on year, or no purchase within the inactivity window.",
			"Cuenta clave con puntuación de salud bajo el umbral de atención, ingresos 12M que caen más que el umbral de caída interanual o sin compras dentro del plazo de inactividad."},
		"def.last_purchase_date": {
			"Date of the last invoice up to the end of the report month.",
			"Fecha de la última factura hasta el final del mes del informe."},
		"def.lost_accounts": {
			"Accounts with prior-LTM revenue above 0 and LTM revenue of 0 or less.",
			"Cuentas con ingresos 12M previos mayores que 0 e ingresos 12M de 0 o menos."},
		"def.lost_revenue": {
			"Prior-LTM revenue of the lost accounts.",
			"Ingresos 12M previos de las cuentas perdidas."},
		"def.margin_trend": {
			"Gross margin % LTM − gross margin % prior LTM, in percentage points.",
			"Margen bruto % 12M − margen bruto % 12M previos, en puntos porcentuales."},
		"def.margin_trend_score": {
			"Percentile rank (0–100) of the margin trend.",
			"Percentil (0–100) de la tendencia del margen."},
		"def.new_accounts": {
			"Accounts with LTM revenue above 0 and prior-LTM revenue of 0 or less.",
			"Cuentas con ingresos 12M mayores que 0 e ingresos 12M previos de 0 o menos."},
		"def.new_revenue": {
			"LTM revenue of the new accounts.",
			"Ingresos 12M de las cuentas nuevas."},
		"def.nrr": {
			"Net revenue retention: the base's LTM revenue ÷ its prior-LTM revenue, as a percentage; above 100 % existing customers grew.",
			"Retención neta de ingresos: ingresos 12M de la base ÷ sus ingresos 12M previos, en porcentaje; por encima del 100 % los clientes existentes crecieron."},
		"def.pipeline_score": {
			"min(weighted pipeline ÷ the fiscal year's remaining gap, 1) × 100; 100 when no gap remains; empty without a target in the fiscal year.",
			"mín(cartera ponderada ÷ brecha pendiente del año fiscal, 1) × 100; 100 si no queda brecha; vacío sin objetivo en el año fiscal."},
		"def.plan_fy_target": {
			"Full fiscal-year target of the account.",
			"Objetivo de todo el año fiscal de la cuenta."},
		"def.plan_remaining_gap": {
			"Full-year target − actual to date: revenue still needed this fiscal year.",
			"Objetivo anual − real acumulado: ingresos que aún faltan en este año fiscal."},
		"def.plan_score": {
			"min(fiscal-year-to-date attainment, 1) × 100.",
			"mín(cumplimiento acumulado del año fiscal, 1) × 100."},
		"def.retained_revenue": {
			"Σ over the base accounts of min(LTM, prior LTM) revenue, at least 0 each.",
			"Σ sobre las cuentas base de mín(ingresos 12M, 12M previos), como mínimo 0 cada una."},
		"def.revenue_at_risk": {
			"LTM revenue of the key accounts at risk (0 for the others).",
			"Ingresos 12M de las cuentas clave en riesgo (0 para las demás)."},
		"def.revenue_trend_score": {
			"Percentile rank (0–100) of the monthly revenue trend.",
			"Percentil (0–100) de la tendencia mensual de ingresos."},
		"def.risk_reasons": {
			"Why the key account's revenue is at risk: low health score, revenue decline, no recent purchase.",
			"Por qué están en riesgo los ingresos de la cuenta clave: salud baja, caída de ingresos, sin compras recientes."},
	})
}
