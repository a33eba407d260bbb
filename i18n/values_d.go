package i18n

// Values added with the portfolio P&L scopes, the health distribution and
// the quadrant and ABC splits of the mix.
func init() {
	add(map[string]entry{
		"val.dimension.abc_contribution": {"ABC class by contribution", "Clase ABC por contribución"},
		"val.dimension.abc_revenue":      {"ABC class by revenue", "Clase ABC por ingresos"},
		"val.dimension.quadrant":         {"Portfolio-matrix quadrant", "Cuadrante de la matriz"},
		"val.health_band.unscored":       {"No health score", "Sin puntuación de salud"},
		"val.scope.other":                {"Other customers", "Resto de clientes"},
	})
}
