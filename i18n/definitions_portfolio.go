package i18n

// Definitions (def.<column>) of portfolio balance (concentration, mix, ABC)
// and key account selection: one or two sentences with the formula; the
// Definitions sheet prints the thresholds and weights in force apart.
func init() {
	add(map[string]entry{
		"def.abc_contribution": {
			"ABC class by LTM net contribution: accounts with positive contribution ranked highest first; A up to the class-A cumulative share of the total, B up to the class-B share, C the rest and every account with contribution ≤ 0.",
			"Clase ABC por contribución neta 12M: cuentas con contribución positiva de mayor a menor; A hasta el porcentaje acumulado de la clase A, B hasta el de la clase B, C el resto y toda cuenta con contribución ≤ 0."},
		"def.abc_revenue": {
			"ABC class by LTM revenue, built like the class by contribution.",
			"Clase ABC por ingresos 12M, calculada igual que la clase por contribución."},
		"def.accounts": {
			"Number of accounts (portfolio units): per KAM those they own; per scope or mix value those of the ranking universe; in concentration those with LTM revenue.",
			"Número de cuentas (unidades de cartera): por KAM, las que gestiona; por ámbito o valor de la composición, las del universo de clasificación; en concentración, las que tienen ingresos 12M."},
		"def.accounts_share": {
			"Accounts of the value ÷ all accounts, as a percentage.",
			"Cuentas del valor ÷ total de cuentas, en porcentaje."},
		"def.contribution_share": {
			"Net contribution ÷ total net contribution, as a percentage (per account: over the accounts with positive contribution). Empty when not positive.",
			"Contribución neta ÷ contribución neta total, en porcentaje (por cuenta: sobre las cuentas con contribución positiva). Vacío si no es positiva."},
		"def.fit_rank": {
			"Percentile rank (0–100) of strategic fit: the selection criterion alignment with mission and values.",
			"Percentil (0–100) del encaje estratégico: el criterio de selección de afinidad con la misión y los valores."},
		"def.growth_rank": {
			"Percentile rank (0–100) of the growth potential score: the selection criterion growth potential.",
			"Percentil (0–100) del potencial de crecimiento: el criterio de selección de crecimiento."},
		"def.hhi": {
			"Herfindahl-Hirschman index of LTM revenue: Σ (each account's share × 100)², from near 0 (spread) to 10,000 (a single customer).",
			"Índice Herfindahl-Hirschman de los ingresos 12M: Σ (cuota de cada cuenta × 100)², desde casi 0 (repartidos) hasta 10.000 (un solo cliente)."},
		"def.hhi_band": {
			"Concentration band: unconcentrated below the moderate threshold, high above the high threshold, moderate in between.",
			"Nivel de concentración: no concentrada por debajo del umbral moderado, alta por encima del umbral alto y moderada entre ambos."},
		"def.hhi_ltm": {
			"HHI of the twelve months ending with that month.",
			"HHI de los 12 meses que terminan en ese mes."},
		"def.hhi_prior_ltm": {
			"HHI over the prior LTM.",
			"HHI de los 12M previos."},
		"def.influence_rank": {
			"Percentile rank (0–100) of market influence: the selection criterion market influence.",
			"Percentil (0–100) de la influencia de mercado: el criterio de selección de influencia."},
		"def.is_recommended": {
			"Recommended as a key account: selection score at or above the recommendation threshold, or among the top N when a top N is set.",
			"Recomendada como cuenta clave: puntuación de selección igual o superior al umbral de recomendación, o entre las N primeras si se fija un número N."},
		"def.kam_hours": {
			"LTM KAM activity hours on the accounts of the value.",
			"Horas de actividad de KAM en 12M en las cuentas del valor."},
		"def.key_accounts": {
			"Number of designated key accounts (per KAM: those they own).",
			"Número de cuentas clave designadas (por KAM: las que gestiona)."},
		"def.profit_rank": {
			"Percentile rank (0–100) of LTM net contribution: the selection criterion profitability.",
			"Percentil (0–100) de la contribución neta 12M: el criterio de selección de rentabilidad."},
		"def.recommendation": {
			"Against today's designation: promote (recommended, not key), confirm (key and recommended), review (key, score below the review threshold), hold (key, in between), none (neither).",
			"Frente a la designación actual: promover (recomendada, no clave), confirmar (clave y recomendada), revisar (clave, puntuación bajo el umbral de revisión), mantener (clave, en zona intermedia), ninguna (ni una cosa ni otra)."},
		"def.revenue_change_pct": {
			"Revenue LTM ÷ revenue prior LTM − 1, as a percentage.",
			"Ingresos 12M ÷ ingresos 12M previos − 1, en porcentaje."},
		"def.revenue_rank": {
			"Percentile rank (0–100) of LTM revenue: the selection criterion sales volume.",
			"Percentil (0–100) de los ingresos 12M: el criterio de selección de volumen de ventas."},
		"def.revenue_share": {
			"Revenue LTM of the value ÷ total revenue LTM, as a percentage.",
			"Ingresos 12M del valor ÷ ingresos 12M totales, en porcentaje."},
		"def.selection_rank": {
			"Position by selection score, highest first.",
			"Posición por puntuación de selección, de mayor a menor."},
		"def.selection_score": {
			"0–100: weighted percentile ranks of LTM revenue, growth potential, market influence, strategic fit and LTM net contribution; a missing component's weight is shared out over the others.",
			"0–100: percentiles ponderados de ingresos 12M, potencial de crecimiento, influencia de mercado, encaje estratégico y contribución neta 12M; el peso de un componente que falta se reparte entre los demás."},
		"def.top10_share": {
			"LTM revenue of the ten largest accounts ÷ total LTM revenue, as a percentage.",
			"Ingresos 12M de las diez mayores cuentas ÷ ingresos 12M totales, en porcentaje."},
		"def.top1_share": {
			"LTM revenue of the largest account ÷ total LTM revenue, as a percentage.",
			"Ingresos 12M de la mayor cuenta ÷ ingresos 12M totales, en porcentaje."},
		"def.top5_share": {
			"LTM revenue of the five largest accounts ÷ total LTM revenue, as a percentage.",
			"Ingresos 12M de las cinco mayores cuentas ÷ ingresos 12M totales, en porcentaje."},
		"def.within_guidance": {
			"Whether the number of key accounts lies within the guidance (minimum to maximum key accounts).",
			"Si el número de cuentas clave está dentro del rango recomendado (mínimo a máximo de cuentas clave)."},
	})
}
