package i18n

// What each parameter of pipeline.DefaultParams controls (profitability,
// growth and portfolio balance), shown on the Definitions sheet next to the
// value in force.
func init() {
	add(map[string]entry{
		"param.abc_a_share":                {"Cumulative share of the total that closes class A (ABC classes by contribution and by revenue).", "Porcentaje acumulado del total que cierra la clase A (clases ABC por contribución y por ingresos)."},
		"param.abc_b_share":                {"Cumulative share of the total that closes class B; the rest is class C.", "Porcentaje acumulado del total que cierra la clase B; el resto es clase C."},
		"param.default_hourly_rate":        {"Hourly cost of activities whose KAM has no annual cost or capacity (unset: their time is not costed and the accounts are flagged).", "Coste por hora de las actividades cuyo KAM no tiene coste anual ni capacidad (sin valor: su tiempo no se valora y las cuentas se señalan)."},
		"param.growth_weight_headroom":     {"Weight of wallet headroom in the growth potential score.", "Peso del gasto no captado en la puntuación de potencial de crecimiento."},
		"param.growth_weight_pipeline":     {"Weight of the weighted pipeline in the growth potential score.", "Peso de la cartera ponderada en la puntuación de potencial de crecimiento."},
		"param.growth_weight_trend":        {"Weight of the monthly revenue trend in the growth potential score.", "Peso de la tendencia mensual de ingresos en la puntuación de potencial de crecimiento."},
		"param.growth_weight_whitespace":   {"Weight of the whitespace value in the growth potential score.", "Peso del valor del espacio en blanco en la puntuación de potencial de crecimiento."},
		"param.hhi_high_above":             {"HHI above which concentration is high.", "HHI por encima del cual la concentración es alta."},
		"param.hhi_moderate_from":          {"HHI from which concentration is moderate (below: unconcentrated).", "HHI a partir del cual la concentración es moderada (por debajo: no concentrada)."},
		"param.kam_capacity_hours":         {"Yearly capacity hours of a KAM when the KAMs file gives none.", "Horas de capacidad anual de un KAM cuando el fichero de KAMs no las indica."},
		"param.key_accounts_max":           {"Most key accounts the guidance recommends for the portfolio.", "Máximo de cuentas clave que recomienda la guía para la cartera."},
		"param.key_accounts_min":           {"Fewest key accounts the guidance recommends for the portfolio.", "Mínimo de cuentas clave que recomienda la guía para la cartera."},
		"param.key_per_kam_max":            {"Most key accounts per KAM.", "Máximo de cuentas clave por KAM."},
		"param.key_per_kam_min":            {"Fewest key accounts per KAM.", "Mínimo de cuentas clave por KAM."},
		"param.matrix_split":               {"Score that splits high from low on both axes of the portfolio matrix.", "Puntuación que separa alto de bajo en los dos ejes de la matriz de cartera."},
		"param.matrix_weight_engagement":   {"Weight of engagement (percentile of the LTM activity count) in relative strength.", "Peso de la interacción (percentil del número de actividades en 12M) en la fortaleza relativa."},
		"param.matrix_weight_fit":          {"Weight of strategic fit in attractiveness.", "Peso del encaje estratégico en el atractivo."},
		"param.matrix_weight_growth":       {"Weight of the growth potential score in attractiveness.", "Peso del potencial de crecimiento en el atractivo."},
		"param.matrix_weight_influence":    {"Weight of market influence in attractiveness.", "Peso de la influencia de mercado en el atractivo."},
		"param.matrix_weight_margin":       {"Weight of the gross margin % percentile in attractiveness.", "Peso del percentil de margen bruto % en el atractivo."},
		"param.matrix_weight_relationship": {"Weight of the relationship stage in relative strength.", "Peso de la etapa de la relación en la fortaleza relativa."},
		"param.matrix_weight_tenure":       {"Weight of tenure (percentile of years as a customer) in relative strength.", "Peso de la antigüedad (percentil de años como cliente) en la fortaleza relativa."},
		"param.matrix_weight_wallet":       {"Weight of share of wallet in relative strength.", "Peso de la cuota de cartera en la fortaleza relativa."},
		"param.matrix_weight_win_rate":     {"Weight of the win rate in relative strength.", "Peso de la tasa de éxito en la fortaleza relativa."},
		"param.pipeline_horizon_months":    {"Open opportunities closing within this many months from the start of the period count in the weighted pipeline.", "Las oportunidades abiertas que cierran dentro de estos meses desde el inicio del periodo cuentan en la cartera ponderada."},
		"param.sow_backup_below":           {"Share of wallet below which the supplier is a backup supplier.", "Cuota de cartera por debajo de la cual el proveedor es de respaldo."},
		"param.sow_strategic_above":        {"Share of wallet above which the supplier is a strategic partner.", "Cuota de cartera por encima de la cual el proveedor es socio estratégico."},
		"param.trend_months":               {"Months of history in the revenue trend and the monthly trend charts.", "Meses de historia de la tendencia de ingresos y de los gráficos mensuales."},
		"param.whitespace_peer_share":      {"Share of segment peers that must buy a product line for it to be whitespace for an account that does not.", "Porcentaje de comparables del segmento que deben comprar una línea de producto para que sea espacio en blanco en una cuenta que no la compra."},
		"param.win_rate_months":            {"Months of closed opportunities counted in the win rate.", "Meses de oportunidades cerradas que cuenta la tasa de éxito."},
	})
}
