package i18n

// The congruence scorecard: its four pillars and its indicators, each with
// a short label and (.help) one sentence on what it measures and why it
// matters in the key account congruence model.
func init() {
	add(map[string]entry{
		"ind.crm_completeness": {"CRM completeness", "Completitud del CRM"},
		"ind.crm_completeness.help": {
			"Share of the wallet estimate, segment, strategic fit and market influence fields filled in the accounts file: selection and the portfolio matrix rely on them.",
			"Porcentaje de los campos de gasto potencial, segmento, encaje estratégico e influencia de mercado rellenos en el fichero de cuentas: la selección y la matriz de cartera dependen de ellos."},
		"ind.kam_hours_on_key_accounts_share": {"KAM hours on key accounts", "Horas de KAM en cuentas clave"},
		"ind.kam_hours_on_key_accounts_share.help": {
			"Share of KAM activity hours spent on key accounts: KAM time is the programme's main investment and should go where the strategy says.",
			"Porcentaje de las horas de actividad de los KAM dedicado a cuentas clave: el tiempo del KAM es la principal inversión del programa y debe ir adonde marca la estrategia."},
		"ind.kams_utilisation_on_target_share": {"KAMs with utilisation on target", "KAMs con ocupación en objetivo"},
		"ind.kams_utilisation_on_target_share.help": {
			"Share of KAMs whose logged hours use their capacity within the target range: overload burns people out, under-use wastes a scarce resource.",
			"Porcentaje de KAMs cuyas horas registradas ocupan su capacidad dentro del rango objetivo: la sobrecarga desgasta a las personas y la infrautilización desperdicia un recurso escaso."},
		"ind.kams_with_negative_contribution": {"KAMs with negative contribution", "KAMs con contribución negativa"},
		"ind.kams_with_negative_contribution.help": {
			"Number of KAMs whose accounts together lose money after the cost to serve: their effort does not pay for itself.",
			"Número de KAMs cuyas cuentas, en conjunto, pierden dinero después del coste de servir: su esfuerzo no se paga a sí mismo."},
		"ind.kams_within_key_account_guidance_share": {"KAMs within key-account guidance", "KAMs con carga de cuentas recomendada"},
		"ind.kams_within_key_account_guidance_share.help": {
			"Share of KAMs who own a number of key accounts within the guidance: fewer wastes the role, more dilutes the attention each account gets.",
			"Porcentaje de KAMs con un número de cuentas clave dentro del rango recomendado: menos desaprovecha el puesto y más diluye la atención que recibe cada cuenta."},
		"ind.key_account_director": {"Key account director in place", "Existe director de cuentas clave"},
		"ind.key_account_director.help": {
			"Whether someone with the director role in the KAMs file leads the programme: the portfolio as a whole needs an accountable owner.",
			"Si alguien con el rol de director en el fichero de KAMs dirige el programa: la cartera en su conjunto necesita un responsable."},
		"ind.key_accounts": {"Number of key accounts", "Número de cuentas clave"},
		"ind.key_accounts.help": {
			"How many accounts are designated key: too few leaves growth untapped, too many spreads KAM attention thin.",
			"Cuántas cuentas están designadas como clave: pocas dejan crecimiento sin aprovechar y demasiadas dispersan la atención de los KAM."},
		"ind.key_accounts_recommended_share": {"Key accounts backed by the criteria", "Cuentas clave avaladas por los criterios"},
		"ind.key_accounts_recommended_share.help": {
			"Share of today's key accounts that the selection criteria also recommend: checks that the designation follows the agreed criteria rather than habit.",
			"Porcentaje de las cuentas clave actuales que los criterios de selección también recomiendan: comprueba que la designación sigue los criterios acordados y no la costumbre."},
		"ind.key_accounts_with_kam_share": {"Key accounts with a KAM", "Cuentas clave con KAM"},
		"ind.key_accounts_with_kam_share.help": {
			"Share of key accounts with an assigned key account manager: every key account needs a named owner.",
			"Porcentaje de cuentas clave con un gestor de cuentas clave asignado: toda cuenta clave necesita un responsable con nombre."},
		"ind.key_accounts_with_plan_share": {"Key accounts with a plan", "Cuentas clave con plan"},
		"ind.key_accounts_with_plan_share.help": {
			"Share of key accounts with a target covering the report month: an account plan with figures is the basis for managing a key account.",
			"Porcentaje de cuentas clave con un objetivo que cubre el mes del informe: un plan de cuenta con cifras es la base para gestionar una cuenta clave."},
		"ind.key_accounts_with_recent_activity_share": {"Key accounts with recent activity", "Cuentas clave con actividad reciente"},
		"ind.key_accounts_with_recent_activity_share.help": {
			"Share of key accounts with a CRM activity logged within the inactivity window: shows that contact is kept up and recorded.",
			"Porcentaje de cuentas clave con alguna actividad registrada en el CRM dentro del plazo de inactividad: muestra que el contacto se mantiene y se registra."},
		"ind.key_contribution_share": {"Key-account share of contribution", "Peso de las cuentas clave en la contribución"},
		"ind.key_contribution_share.help": {
			"Share of net contribution earned by key accounts, against their share of revenue as target: key accounts should earn at least their weight, not consume margin.",
			"Porcentaje de la contribución neta que generan las cuentas clave, con su peso en ingresos como objetivo: deben aportar al menos lo que pesan, no consumir margen."},
		"ind.key_portfolio_hhi": {"Key-portfolio concentration (HHI)", "Concentración de la cartera clave (HHI)"},
		"ind.key_portfolio_hhi.help": {
			"Herfindahl-Hirschman index of revenue within the key portfolio: a high value means the key-account strategy hangs on a few customers.",
			"Índice Herfindahl-Hirschman de los ingresos dentro de la cartera clave: un valor alto significa que la estrategia de cuentas clave depende de pocos clientes."},
		"ind.key_revenue_share": {"Key-account share of revenue", "Peso de las cuentas clave en los ingresos"},
		"ind.key_revenue_share.help": {
			"Share of revenue from key accounts: they should matter to the business without the company depending on them.",
			"Porcentaje de los ingresos que procede de cuentas clave: deben ser relevantes para el negocio sin que la empresa dependa de ellas."},
		"ind.reject_rate": {"Input reject rate", "Tasa de rechazo de datos"},
		"ind.reject_rate.help": {
			"Share of input rows rejected as unreadable or invalid: a high rate means the systems feeding the analysis need fixing before its figures can be trusted.",
			"Porcentaje de filas de entrada rechazadas por ilegibles o no válidas: una tasa alta indica que los sistemas que alimentan el análisis deben corregirse antes de fiarse de las cifras."},
		"pillar.human_resources": {"Human resources", "Recursos humanos"},
		"pillar.human_resources.help": {
			"Are KAMs used within their capacity, focused on key accounts and earning more than they cost?",
			"¿Trabajan los KAM dentro de su capacidad, centrados en las cuentas clave y generando más de lo que cuestan?"},
		"pillar.organisation": {"Organisation", "Organización"},
		"pillar.organisation.help": {
			"Does every key account have an owner, is there a key account director, and is each KAM's load reasonable?",
			"¿Tiene cada cuenta clave un responsable, existe un director de cuentas clave y es razonable la carga de cada KAM?"},
		"pillar.strategy": {"Strategy", "Estrategia"},
		"pillar.strategy.help": {
			"Is the key-account portfolio the right size, chosen by the agreed criteria and balanced between revenue and contribution?",
			"¿Tiene la cartera de cuentas clave el tamaño adecuado, está elegida con los criterios acordados y equilibrada entre ingresos y contribución?"},
		"pillar.systems_processes": {"Systems & processes", "Sistemas y procesos"},
		"pillar.systems_processes.help": {
			"Do account plans, CRM activity records and data quality support managing key accounts?",
			"¿Sostienen los planes de cuenta, el registro de actividad en el CRM y la calidad de los datos la gestión de las cuentas clave?"},
	})
}
