package i18n

// Definitions (def.<column>) of growth: revenue trend, share of wallet,
// pipeline, win rate, whitespace and the growth potential score: one or two
// sentences with the formula; the Definitions sheet prints the thresholds
// and weights in force apart.
func init() {
	add(map[string]entry{
		"def.cagr_3y": {
			"Compound annual growth: (LTM ÷ LTM n years earlier)^(1/n) − 1, with n = 3 when 48 months of sales history exist, else the full years available (CAGR span). Empty when n < 1 or either LTM ≤ 0.",
			"Tasa de crecimiento anual compuesto: (12M ÷ 12M de hace n años)^(1/n) − 1, con n = 3 si hay 48 meses de historia de ventas y, si no, los años completos disponibles (años del TCAC). Vacío si n < 1 o algún 12M es ≤ 0."},
		"def.cagr_span_years": {
			"Years n the CAGR spans: 3 when 48 months of sales history exist, fewer when the history is shorter.",
			"Años n que abarca el TCAC: 3 si hay 48 meses de historia de ventas, menos si la historia es más corta."},
		"def.growth_potential_score": {
			"0–100: weighted percentile ranks of wallet headroom, weighted pipeline, revenue trend and whitespace value over the ranking universe (accounts with revenue in the LTM or prior LTM, plus key accounts); a missing component's weight is shared out over the others.",
			"0–100: percentiles ponderados de gasto no captado, cartera ponderada, tendencia de ingresos y valor del espacio en blanco sobre el universo de clasificación (cuentas con ingresos en los 12M o los 12M previos, más las cuentas clave); el peso de un componente que falta se reparte entre los demás."},
		"def.growth_yoy_pct": {
			"Revenue LTM ÷ revenue prior LTM − 1, as a percentage. Empty when the prior revenue is ≤ 0.",
			"Ingresos 12M ÷ ingresos 12M previos − 1, en porcentaje. Vacío si los ingresos previos son ≤ 0."},
		"def.open_opportunities": {
			"Open opportunities closing within the pipeline horizon.",
			"Oportunidades abiertas que cierran dentro del horizonte de la cartera."},
		"def.open_opportunities_without_probability": {
			"Open opportunities in the horizon without a probability, left out of the weighted pipeline.",
			"Oportunidades abiertas del horizonte sin probabilidad, que quedan fuera de la cartera ponderada."},
		"def.peer_median_spend": {
			"Median LTM revenue in the product line of the peers who bought it: what the account could spend there.",
			"Ingresos 12M medianos en la línea de producto de los comparables que la compraron: lo que la cuenta podría gastar en ella."},
		"def.peer_share": {
			"Peers buying ÷ peers, as a percentage; the line is whitespace when this reaches the whitespace peer share.",
			"Comparables que compran ÷ comparables, en porcentaje; la línea es espacio en blanco si alcanza el umbral de comparables."},
		"def.peers": {
			"Other accounts of the same segment that bought anything in the LTM.",
			"Otras cuentas del mismo segmento que compraron algo en los 12M."},
		"def.peers_buying": {
			"Peers that bought the product line in the LTM.",
			"Comparables que compraron la línea de producto en los 12M."},
		"def.revenue_ltm": {
			"Revenue of the last twelve months, ending with the report month.",
			"Ingresos de los últimos 12 meses, hasta el mes del informe incluido."},
		"def.revenue_prior_ltm": {
			"Revenue of the twelve months before the LTM.",
			"Ingresos de los 12 meses anteriores a los últimos 12."},
		"def.share_of_wallet": {
			"Revenue LTM ÷ wallet estimate, as a percentage. Empty without a wallet estimate.",
			"Ingresos 12M ÷ gasto potencial del cliente, en porcentaje. Vacío sin gasto potencial."},
		"def.sow_band": {
			"Supplier position from share of wallet: backup supplier below the lower threshold, strategic partner above the upper one, developing in between.",
			"Posición como proveedor según la cuota de cartera: proveedor de respaldo por debajo del umbral inferior, socio estratégico por encima del superior y en desarrollo entre ambos."},
		"def.trend_pct_month": {
			"Least-squares slope of monthly revenue over the trend window (months without sales count as 0) ÷ mean monthly revenue: the monthly growth rate, as a percentage. Empty when the mean is ≤ 0.",
			"Pendiente por mínimos cuadrados de los ingresos mensuales en la ventana de tendencia (los meses sin ventas cuentan como 0) ÷ ingreso mensual medio: el ritmo de crecimiento mensual, en porcentaje. Vacío si la media es ≤ 0."},
		"def.trend_pct_month_rank": {
			"Percentile rank (0–100) of the monthly revenue trend over the ranking universe; a component of the growth potential score.",
			"Percentil (0–100) de la tendencia mensual de ingresos en el universo de clasificación; componente del potencial de crecimiento."},
		"def.wallet_estimate": {
			"The account's estimated total yearly spend in our categories, from the accounts file.",
			"Gasto anual total estimado del cliente en nuestras categorías, según el fichero de cuentas."},
		"def.wallet_headroom": {
			"max(wallet estimate − revenue LTM, 0): the customer's spend we do not capture yet.",
			"máx(gasto potencial − ingresos 12M, 0): el gasto del cliente que aún no captamos."},
		"def.wallet_headroom_rank": {
			"Percentile rank (0–100) of wallet headroom over the ranking universe; a component of the growth potential score.",
			"Percentil (0–100) del gasto no captado en el universo de clasificación; componente del potencial de crecimiento."},
		"def.weighted_pipeline": {
			"Σ amount × probability of the open opportunities closing within the pipeline horizon from the start of the report month; those without a probability are left out. Empty without an opportunities file.",
			"Σ importe × probabilidad de las oportunidades abiertas que cierran dentro del horizonte desde el inicio del mes del informe; las que no tienen probabilidad quedan fuera. Vacío sin fichero de oportunidades."},
		"def.weighted_pipeline_rank": {
			"Percentile rank (0–100) of the weighted pipeline over the ranking universe; a component of the growth potential score.",
			"Percentil (0–100) de la cartera ponderada en el universo de clasificación; componente del potencial de crecimiento."},
		"def.whitespace_lines": {
			"Product lines that enough segment peers bought in the LTM but the account did not.",
			"Líneas de producto que suficientes comparables del segmento compraron en los 12M y la cuenta no."},
		"def.whitespace_value": {
			"Σ of the peers' median LTM spend in the account's whitespace lines: the cross-selling opportunity. Empty without a segment or product lines.",
			"Σ del gasto mediano 12M de los comparables en las líneas de espacio en blanco de la cuenta: la oportunidad de venta cruzada. Vacío sin segmento o sin líneas de producto."},
		"def.whitespace_value_rank": {
			"Percentile rank (0–100) of the whitespace value over the ranking universe; a component of the growth potential score.",
			"Percentil (0–100) del valor del espacio en blanco en el universo de clasificación; componente del potencial de crecimiento."},
		"def.win_rate_amount": {
			"Won ÷ (won + lost) amount of the opportunities closed in the win-rate window, as a percentage. Empty when none closed.",
			"Importe ganado ÷ (ganado + perdido) de las oportunidades cerradas en la ventana de la tasa de éxito, en porcentaje. Vacío si no se cerró ninguna."},
		"def.win_rate_count": {
			"Won ÷ (won + lost) opportunities closed in the win-rate window, by count, as a percentage. Empty when none closed.",
			"Oportunidades ganadas ÷ (ganadas + perdidas) entre las cerradas en la ventana de la tasa de éxito, por número, en porcentaje. Vacío si no se cerró ninguna."},
	})
}
