package i18n

// Definitions (def.<column>) of KAM performance and account resources: one
// or two sentences with the formula; the Definitions sheet prints the
// thresholds and weights in force apart.
func init() {
	add(map[string]entry{
		"def.capacity_hours": {
			"Hours the KAM can work in the LTM: yearly capacity from the KAMs file (else the default capacity) pro-rated to the window's months.",
			"Horas que el KAM puede trabajar en los 12M: capacidad anual del fichero de KAMs (o la capacidad por defecto) prorrateada a los meses de la ventana."},
		"def.days_since_activity": {
			"Days from the last activity to the last day of the report month.",
			"Días desde la última actividad hasta el último día del mes del informe."},
		"def.has_negative_contribution": {
			"The KAM's accounts together have a net contribution below zero.",
			"Las cuentas del KAM tienen, en conjunto, una contribución neta negativa."},
		"def.has_no_key_accounts": {
			"The KAM owns no key account.",
			"El KAM no gestiona ninguna cuenta clave."},
		"def.has_too_many_key_accounts": {
			"The KAM owns more key accounts than the maximum per KAM.",
			"El KAM gestiona más cuentas clave que el máximo por KAM."},
		"def.hours_share": {
			"The account's LTM activity hours ÷ all attributed LTM activity hours, as a percentage.",
			"Horas de actividad 12M de la cuenta ÷ todas las horas de actividad 12M atribuidas, en porcentaje."},
		"def.is_in_kams_file": {
			"Whether the person is in the KAMs file; a KAM ID seen only on accounts or activities is not.",
			"Si la persona figura en el fichero de KAMs; un ID de KAM visto solo en cuentas o actividades no figura."},
		"def.is_key_without_kam": {
			"Key account with no KAM assigned.",
			"Cuenta clave sin KAM asignado."},
		"def.is_key_without_recent_activity": {
			"Key account with no activity within the inactivity window before the end of the report month.",
			"Cuenta clave sin actividad dentro del plazo de inactividad anterior al final del mes del informe."},
		"def.is_over_capacity": {
			"Utilisation above the high-utilisation threshold.",
			"Ocupación por encima del umbral de ocupación alta."},
		"def.is_under_used": {
			"Utilisation below the low-utilisation threshold.",
			"Ocupación por debajo del umbral de ocupación baja."},
		"def.key_hours": {
			"LTM hours the KAM logged on key accounts.",
			"Horas que el KAM registró en cuentas clave en los 12M."},
		"def.key_hours_share": {
			"Hours on key accounts ÷ hours, as a percentage.",
			"Horas en cuentas clave ÷ horas, en porcentaje."},
		"def.last_activity_date": {
			"Date of the last CRM activity up to the end of the report month.",
			"Fecha de la última actividad del CRM hasta el final del mes del informe."},
		"def.other_accounts": {
			"Accounts the KAM owns that are not key accounts.",
			"Cuentas que gestiona el KAM y que no son clave."},
		"def.plan_actual": {
			"Revenue of the KAM's accounts in the fiscal-year months up to the report month that carry a target.",
			"Ingresos de las cuentas del KAM en los meses del año fiscal hasta el mes del informe que tienen objetivo."},
		"def.plan_attainment_pct": {
			"Actual fiscal year to date ÷ target fiscal year to date, as a percentage.",
			"Real acumulado del año fiscal ÷ objetivo acumulado del año fiscal, en porcentaje."},
		"def.plan_target": {
			"Fiscal-year-to-date target: each target spread evenly over its months (the finest grain wins where targets overlap), summed over the months up to the report month.",
			"Objetivo acumulado del año fiscal: cada objetivo se reparte por igual entre sus meses (donde se solapan prevalece el más detallado) y se suman los meses hasta el del informe."},
		"def.service_band": {
			"Over-served when the service index is above the over-served threshold, under-served below the under-served threshold, balanced in between; only for strategic and star accounts.",
			"Sobreatendida si el índice de servicio supera el umbral de sobreatención, infraatendida si queda por debajo del umbral de infraatención y equilibrada entre ambos; solo para cuentas estratégicas y estrella."},
		"def.service_index": {
			"Share of hours ÷ share of contribution: above 1 the account takes more KAM time than its contribution justifies.",
			"% de horas ÷ % de la contribución: por encima de 1 la cuenta consume más tiempo de KAM del que justifica su contribución."},
		"def.utilisation": {
			"Hours ÷ capacity hours, as a percentage.",
			"Horas ÷ horas de capacidad, en porcentaje."},
	})
}
