package i18n

// Definitions (def.<column>) of plan vs actual, the congruence scorecard and
// the KPI history: one or two sentences with the formula; the Definitions
// sheet prints the thresholds and weights in force apart.
func init() {
	add(map[string]entry{
		"def.attainment_pct": {
			"Revenue actual ÷ target to date, as a percentage.",
			"Ingresos reales ÷ objetivo a la fecha, en porcentaje."},
		"def.change_pct_prior_month": {
			"(Value − value the previous month) ÷ |value the previous month|, as a percentage.",
			"(Valor − valor del mes anterior) ÷ |valor del mes anterior|, en porcentaje."},
		"def.change_pct_prior_year": {
			"(Value − value a year before) ÷ |value a year before|, as a percentage.",
			"(Valor − valor de hace un año) ÷ |valor de hace un año|, en porcentaje."},
		"def.change_prior_month": {
			"Value − value the previous month.",
			"Valor − valor del mes anterior."},
		"def.change_prior_year": {
			"Value − value the same month a year before.",
			"Valor − valor del mismo mes del año anterior."},
		"def.congruence_index": {
			"Mean of the four pillar scores, as a percentage.",
			"Media de las puntuaciones de los cuatro pilares, en porcentaje."},
		"def.gap": {
			"Revenue target − revenue actual.",
			"Objetivo de ingresos − ingresos reales."},
		"def.gap_covered_by_pipeline": {
			"Weighted pipeline ÷ remaining gap, as a percentage: how much of the gap the open deals could close. Empty when no gap remains.",
			"Cartera ponderada ÷ brecha pendiente, en porcentaje: cuánto de la brecha podrían cerrar las oportunidades abiertas. Vacío si no queda brecha."},
		"def.is_partial": {
			"The target period is in progress, so it is judged against its pro-rated target.",
			"El periodo del objetivo está en curso, por lo que se compara con su objetivo prorrateado."},
		"def.margin_actual": {
			"Gross margin (lines with a cost) of the target period up to the report month.",
			"Margen bruto (líneas con coste) del periodo del objetivo hasta el mes del informe."},
		"def.margin_attainment_pct": {
			"Margin actual ÷ margin target to date, as a percentage.",
			"Margen real ÷ objetivo de margen a la fecha, en porcentaje."},
		"def.margin_target": {
			"Gross margin target of the period.",
			"Objetivo de margen bruto del periodo."},
		"def.margin_target_to_date": {
			"Margin target × months elapsed ÷ months.",
			"Objetivo de margen × meses transcurridos ÷ meses."},
		"def.missing_input": {
			"The input that would make the indicator available.",
			"El dato de entrada que haría disponible el indicador."},
		"def.months": {
			"Months of the target period.",
			"Meses del periodo del objetivo."},
		"def.months_elapsed": {
			"Months of the target period up to the report month.",
			"Meses del periodo del objetivo hasta el mes del informe."},
		"def.pillar_score": {
			"Share of the pillar's available indicators that are green, amber counting half, as a percentage.",
			"Porcentaje de indicadores disponibles del pilar en verde, contando el ámbar como medio."},
		"def.remaining_gap": {
			"max(gap, 0): revenue still needed to reach the target.",
			"máx(brecha, 0): ingresos que aún faltan para alcanzar el objetivo."},
		"def.revenue_actual": {
			"Revenue of the target period up to the report month.",
			"Ingresos del periodo del objetivo hasta el mes del informe."},
		"def.revenue_target": {
			"Revenue target of the period, summed over the member accounts.",
			"Objetivo de ingresos del periodo, sumado sobre las cuentas que lo componen."},
		"def.status": {
			"Plan: on track from the on-track attainment, at risk from the at-risk attainment, off track below, not started when the period begins after the report month. Scorecard: green when the target is met, amber when it misses by at most the amber tolerance, red otherwise, unavailable when an input is missing.",
			"Plan: en línea desde el cumplimiento de «en línea», en riesgo desde el de «en riesgo», desviado por debajo y no iniciado si el periodo empieza después del mes del informe. Cuadro de congruencia: verde si se cumple el objetivo, ámbar si falla como mucho en la tolerancia ámbar, rojo en otro caso, no disponible si falta un dato de entrada."},
		"def.target_kind": {
			"How the target reads: at least the minimum, at most the maximum, or between both.",
			"Cómo se lee el objetivo: como mínimo el mínimo, como máximo el máximo, o entre ambos."},
		"def.target_max": {
			"Highest value on target; empty when there is no upper bound.",
			"Valor máximo dentro del objetivo; vacío si no hay límite superior."},
		"def.target_min": {
			"Lowest value on target; empty when there is no lower bound.",
			"Valor mínimo dentro del objetivo; vacío si no hay límite inferior."},
		"def.target_to_date": {
			"Revenue target × months elapsed ÷ months: the target pro-rated to date.",
			"Objetivo de ingresos × meses transcurridos ÷ meses: el objetivo prorrateado a la fecha."},
		"def.value_prior_month": {
			"The value in the previous month's snapshot; empty when that month was never loaded.",
			"El valor en la foto del mes anterior; vacío si ese mes nunca se cargó."},
		"def.value_prior_year": {
			"The value in the snapshot of the same month a year before.",
			"El valor en la foto del mismo mes del año anterior."},
	})
}
