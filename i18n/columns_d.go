package i18n

// Labels and definitions of the columns of the portfolio P&L, the Pareto
// curve, the health distribution and the reject reasons.
func init() {
	add(map[string]entry{
		"col.column_name":          {"Column", "Columna"},
		"col.cum_revenue":          {"Cumulative revenue", "Ingresos acumulados"},
		"col.cum_revenue_share":    {"Cumulative revenue %", "% ingresos acumulado"},
		"col.detail":               {"Detail", "Detalle"},
		"col.first_line":           {"First line", "Primera línea"},
		"col.loss_making_accounts": {"Loss-making accounts", "Cuentas con pérdidas"},
		"col.reason":               {"Reason", "Motivo"},
		"col.rows":                 {"Rows", "Filas"},
		"def.cum_revenue": {
			"LTM revenue of this unit and every larger one (units ranked by LTM revenue, largest first).",
			"Ingresos 12M de esta unidad y de todas las mayores (unidades ordenadas por ingresos 12M, de mayor a menor)."},
		"def.cum_revenue_share": {
			"Cumulative revenue ÷ the LTM revenue of all units with revenue: the Pareto curve of concentration.",
			"Ingresos acumulados ÷ ingresos 12M de todas las unidades con ingresos: la curva de Pareto de la concentración."},
		"def.loss_making_accounts": {
			"Number of units whose net contribution in the window is negative.",
			"Número de unidades cuya contribución neta en la ventana es negativa."},
		"def.rows": {
			"Number of rows: rejected rows with this column and reason, or units in this health band.",
			"Número de filas: filas rechazadas con esta columna y motivo, o unidades en esta banda de salud."},
	})
}
