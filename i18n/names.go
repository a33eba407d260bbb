package i18n

// SheetIDs are the workbook's sheets in reports.md's order; sheet.<id> is
// each sheet's name (Excel: at most 31 characters, none of []:*?/\).
var SheetIDs = []string{
	"summary", "key_accounts", "profitability", "growth", "portfolio", "selection",
	"kams", "plan", "retention", "data_quality", "definitions",
}

// SectionIDs are the HTML report's sections in reports.md's order;
// section.<id> is each section's title.
var SectionIDs = []string{
	"summary", "matrix", "profitability", "concentration", "growth", "plan",
	"kams", "retention", "data_quality",
}

// Sheet names, section titles and the executive KPIs of kpi_summary.
func init() {
	add(map[string]entry{
		"kpi.accounts_star":            {"Star accounts", "Cuentas estrella"},
		"kpi.accounts_status":          {"Status accounts", "Cuentas de estatus"},
		"kpi.accounts_strategic":       {"Strategic accounts", "Cuentas estratégicas"},
		"kpi.accounts_streamline":      {"Streamline accounts", "Cuentas a racionalizar"},
		"kpi.congruence_index":         {"Congruence index", "Índice de congruencia"},
		"kpi.gross_margin_pct_ltm":     {"Gross margin % LTM", "Margen bruto % 12M"},
		"kpi.grr":                      {"Gross revenue retention (GRR)", "Retención bruta de ingresos (GRR)"},
		"kpi.hhi":                      {"Concentration (HHI)", "Concentración (HHI)"},
		"kpi.hhi_key":                  {"Key-portfolio concentration (HHI)", "Concentración de la cartera clave (HHI)"},
		"kpi.key_accounts":             {"Key accounts", "Cuentas clave"},
		"kpi.key_contribution_share":   {"Key-account share of contribution", "Peso de las cuentas clave en la contribución"},
		"kpi.key_revenue_share":        {"Key-account share of revenue", "Peso de las cuentas clave en los ingresos"},
		"kpi.net_contribution_ltm":     {"Net contribution LTM", "Contribución neta 12M"},
		"kpi.nrr":                      {"Net revenue retention (NRR)", "Retención neta de ingresos (NRR)"},
		"kpi.revenue_at_risk":          {"Revenue at risk", "Ingresos en riesgo"},
		"kpi.revenue_ltm":              {"Revenue LTM", "Ingresos 12M"},
		"kpi.revenue_month":            {"Revenue of the month", "Ingresos del mes"},
		"kpi.unattributed_revenue_ltm": {"Unattributed revenue LTM", "Ingresos sin atribuir 12M"},
		"section.concentration":        {"Concentration and mix", "Concentración y composición"},
		"section.data_quality":         {"Data quality", "Calidad de datos"},
		"section.growth":               {"Growth", "Crecimiento"},
		"section.kams":                 {"Key account managers", "Gestores de cuentas clave (KAM)"},
		"section.matrix":               {"Portfolio matrix", "Matriz de cartera"},
		"section.plan":                 {"Plan vs actual", "Plan frente a real"},
		"section.profitability":        {"Profitability", "Rentabilidad"},
		"section.retention":            {"Retention and health", "Retención y salud"},
		"section.summary":              {"Summary", "Resumen"},
		"sheet.data_quality":           {"Data quality", "Calidad de datos"},
		"sheet.definitions":            {"Definitions", "Definiciones"},
		"sheet.growth":                 {"Growth", "Crecimiento"},
		"sheet.kams":                   {"KAMs", "KAMs"},
		"sheet.key_accounts":           {"Key accounts", "Cuentas clave"},
		"sheet.plan":                   {"Plan vs actual", "Plan vs real"},
		"sheet.portfolio":              {"Portfolio", "Cartera"},
		"sheet.profitability":          {"Profitability", "Rentabilidad"},
		"sheet.retention":              {"Retention", "Retención"},
		"sheet.selection":              {"Selection", "Selección"},
		"sheet.summary":                {"Summary", "Resumen"},
	})
}
