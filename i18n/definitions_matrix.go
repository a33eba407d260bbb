package i18n

// Definitions (def.<column>) of the portfolio matrix (attractiveness,
// relative strength): one or two sentences with the formula; the Definitions
// sheet prints the thresholds and weights in force apart.
func init() {
	add(map[string]entry{
		"def.activities_ltm": {
			"CRM activities logged for the account in the LTM.",
			"Actividades del CRM registradas para la cuenta en los 12M."},
		"def.attractiveness": {
			"Account attractiveness 0–100 (y axis of the matrix): weighted growth potential score, strategic fit and market influence rescaled to 0–100, and gross margin % percentile.",
			"Atractivo de la cuenta 0–100 (eje y de la matriz): media ponderada del potencial de crecimiento, el encaje estratégico y la influencia de mercado llevados a 0–100, y el percentil de margen bruto %."},
		"def.engagement_rank": {
			"Percentile rank (0–100) of the LTM activity count: engagement.",
			"Percentil (0–100) del número de actividades en 12M: la interacción."},
		"def.gross_margin_pct_rank": {
			"Percentile rank (0–100) of LTM gross margin % over the ranking universe.",
			"Percentil (0–100) del margen bruto % 12M en el universo de clasificación."},
		"def.is_key_account": {
			"Designated key account in the accounts file; empty when no file says which accounts are key.",
			"Cuenta designada como clave en el fichero de cuentas; vacío si ningún fichero indica qué cuentas son clave."},
		"def.market_influence": {
			"The account's influence in its market, 1–5, from the accounts file.",
			"Influencia de la cuenta en su mercado, de 1 a 5, según el fichero de cuentas."},
		"def.market_influence_score": {
			"(market influence − 1) ÷ 4 × 100: market influence on a 0–100 scale.",
			"(influencia de mercado − 1) ÷ 4 × 100: la influencia en escala 0–100."},
		"def.quadrant": {
			"Portfolio-matrix quadrant, both axes split at the matrix threshold: strategic (attractive, strong: invest), star (attractive, weak: invest selectively), status (less attractive, strong: maintain), streamline (neither: manage for cash).",
			"Cuadrante de la matriz de cartera, con ambos ejes divididos en el umbral: estratégica (atractiva y fuerte: invertir), estrella (atractiva, débil: invertir de forma selectiva), estatus (menos atractiva, fuerte: mantener), racionalizar (ninguna: gestionar para generar caja)."},
		"def.relationship_score": {
			"Relationship stage on 0–100: exploratory 0, basic 25, cooperative 50, interdependent 75, integrated 100.",
			"Etapa de la relación en escala 0–100: exploratoria 0, básica 25, cooperativa 50, interdependiente 75, integrada 100."},
		"def.relative_strength": {
			"Our relative strength with the account 0–100 (x axis of the matrix): weighted share of wallet (at most 100 %), relationship stage, tenure percentile, engagement percentile and win rate.",
			"Fortaleza relativa con la cuenta 0–100 (eje x de la matriz): media ponderada de cuota de cartera (máximo 100 %), etapa de la relación, percentil de antigüedad, percentil de interacción y tasa de éxito."},
		"def.share_of_wallet_score": {
			"min(share of wallet, 1) × 100.",
			"mín(cuota de cartera, 1) × 100."},
		"def.strategic_fit": {
			"Alignment with the supplier's mission and values, 1–5, from the accounts file.",
			"Afinidad con la misión y los valores del proveedor, de 1 a 5, según el fichero de cuentas."},
		"def.strategic_fit_score": {
			"(strategic fit − 1) ÷ 4 × 100: strategic fit on a 0–100 scale.",
			"(encaje estratégico − 1) ÷ 4 × 100: el encaje en escala 0–100."},
		"def.tenure_rank": {
			"Percentile rank (0–100) of tenure over the ranking universe.",
			"Percentil (0–100) de la antigüedad en el universo de clasificación."},
		"def.tenure_years": {
			"Years as a customer to the end of the report month: since customer_since in the accounts file, else since the first sale.",
			"Años como cliente hasta el final del mes del informe: desde customer_since del fichero de cuentas o, si no, desde la primera venta."},
		"def.win_rate_score": {
			"Win rate by count × 100.",
			"Tasa de éxito por número × 100."},
	})
}
