package i18n

// What each parameter of pipeline.DefaultParams controls (selection,
// resources, plan, health and the congruence scorecard targets), shown on
// the Definitions sheet next to the value in force.
func init() {
	add(map[string]entry{
		"param.congruence_amber_tolerance":   {"Relative shortfall from a target that is still amber rather than red.", "Desviación relativa respecto al objetivo que todavía es ámbar y no rojo."},
		"param.health_attention_from":        {"Health score from which an account needs attention (below: at risk).", "Puntuación de salud a partir de la cual una cuenta requiere atención (por debajo: en riesgo)."},
		"param.health_champion_above":        {"Health score above which an account is a champion.", "Puntuación de salud por encima de la cual una cuenta es excelente."},
		"param.health_healthy_from":          {"Health score from which an account is healthy.", "Puntuación de salud a partir de la cual una cuenta es saludable."},
		"param.health_weight_activity":       {"Weight of activity freshness in the health score.", "Peso de la actividad reciente en la puntuación de salud."},
		"param.health_weight_margin_trend":   {"Weight of the margin trend in the health score.", "Peso de la tendencia del margen en la puntuación de salud."},
		"param.health_weight_pipeline":       {"Weight of pipeline coverage in the health score.", "Peso de la cobertura con cartera ponderada en la puntuación de salud."},
		"param.health_weight_plan":           {"Weight of plan attainment in the health score.", "Peso del cumplimiento del plan en la puntuación de salud."},
		"param.health_weight_revenue_trend":  {"Weight of the revenue trend in the health score.", "Peso de la tendencia de ingresos en la puntuación de salud."},
		"param.inactive_days":                {"Days without activity or purchase after which an account counts as gone quiet.", "Días sin actividad ni compras tras los cuales una cuenta se considera inactiva."},
		"param.plan_at_risk_from":            {"Attainment from which a plan is at risk (below: off track).", "Cumplimiento a partir del cual un plan está en riesgo (por debajo: desviado)."},
		"param.plan_on_track_from":           {"Attainment from which a plan is on track.", "Cumplimiento a partir del cual un plan va en línea."},
		"param.risk_decline_pct":             {"Year-on-year revenue decline that puts a key account's revenue at risk.", "Caída interanual de ingresos que pone en riesgo los ingresos de una cuenta clave."},
		"param.selection_recommend_from":     {"Selection score from which an account is recommended as a key account.", "Puntuación de selección a partir de la cual se recomienda una cuenta como clave."},
		"param.selection_review_below":       {"Key accounts scoring below this are to be reviewed.", "Las cuentas clave con una puntuación inferior deben revisarse."},
		"param.selection_top_n":              {"If above 0, recommend the top N accounts by selection score instead of using the score threshold.", "Si es mayor que 0, se recomiendan las N cuentas con mayor puntuación de selección en lugar de aplicar el umbral."},
		"param.selection_weight_fit":         {"Weight of strategic fit (alignment with mission and values) in the selection score.", "Peso del encaje estratégico (afinidad con la misión y los valores) en la puntuación de selección."},
		"param.selection_weight_growth":      {"Weight of the growth potential score in the selection score.", "Peso del potencial de crecimiento en la puntuación de selección."},
		"param.selection_weight_influence":   {"Weight of market influence in the selection score.", "Peso de la influencia de mercado en la puntuación de selección."},
		"param.selection_weight_profit":      {"Weight of LTM net contribution in the selection score.", "Peso de la contribución neta 12M en la puntuación de selección."},
		"param.selection_weight_revenue":     {"Weight of LTM revenue in the selection score.", "Peso de los ingresos 12M en la puntuación de selección."},
		"param.service_over_above":           {"Service index above which an account is over-served.", "Índice de servicio por encima del cual una cuenta está sobreatendida."},
		"param.service_under_below":          {"Service index below which an account is under-served.", "Índice de servicio por debajo del cual una cuenta está infraatendida."},
		"param.target_activity_coverage":     {"Scorecard target: share of key accounts with an activity within the inactivity window.", "Objetivo de congruencia: porcentaje de cuentas clave con actividad dentro del plazo de inactividad."},
		"param.target_crm_completeness":      {"Scorecard target: share of the wallet, segment, fit and influence fields filled in the accounts file.", "Objetivo de congruencia: porcentaje de campos de gasto potencial, segmento, encaje e influencia rellenos en el fichero de cuentas."},
		"param.target_key_hours_share":       {"Scorecard target: share of KAM hours spent on key accounts.", "Objetivo de congruencia: porcentaje de las horas de KAM dedicado a cuentas clave."},
		"param.target_key_revenue_share_max": {"Scorecard target: highest share of revenue from key accounts for a balanced portfolio.", "Objetivo de congruencia: peso máximo de las cuentas clave en los ingresos para una cartera equilibrada."},
		"param.target_key_revenue_share_min": {"Scorecard target: lowest share of revenue from key accounts for a balanced portfolio.", "Objetivo de congruencia: peso mínimo de las cuentas clave en los ingresos para una cartera equilibrada."},
		"param.target_plan_coverage":         {"Scorecard target: share of key accounts with a plan (target) covering the period.", "Objetivo de congruencia: porcentaje de cuentas clave con un plan (objetivo) que cubre el periodo."},
		"param.target_recommended_share":     {"Scorecard target: share of key accounts that the selection criteria recommend.", "Objetivo de congruencia: porcentaje de cuentas clave que recomiendan los criterios de selección."},
		"param.target_reject_rate":           {"Scorecard target: highest share of input rows rejected.", "Objetivo de congruencia: porcentaje máximo de filas de entrada rechazadas."},
		"param.target_utilisation_max":       {"Scorecard target: highest KAM utilisation on target.", "Objetivo de congruencia: ocupación máxima de un KAM dentro del objetivo."},
		"param.target_utilisation_min":       {"Scorecard target: lowest KAM utilisation on target.", "Objetivo de congruencia: ocupación mínima de un KAM dentro del objetivo."},
		"param.utilisation_high_above":       {"KAM utilisation above which the KAM is over capacity.", "Ocupación por encima de la cual el KAM está sobrecargado."},
		"param.utilisation_low_below":        {"KAM utilisation below which the KAM is under-used.", "Ocupación por debajo de la cual el KAM está infrautilizado."},
	})
}
