package i18n

// The links between the pillars of the congruence model (congruence_links,
// congruence_quadrant_fit, congruence_service_gaps, promotion_capacity):
// their labels, help sentences and parameters. Spanish follows the seed's
// words: "modelo de congruencia", "director de cuentas clave", "alta
// dirección", "KAM" for the key account manager (gerente de cuentas clave).
func init() {
	add(map[string]entry{
		"pillar.strategy_resources": {"Strategy ↔ resources", "Estrategia ↔ recursos"},
		"pillar.strategy_resources.help": {
			"Does KAM time go where each quadrant of the portfolio calls for: invest in Strategic, develop Star, maintain Status efficiently, serve Streamline at low cost?",
			"¿Va el tiempo de los KAM adonde pide cada cuadrante de la cartera: invertir en las estratégicas, desarrollar las estrella, mantener las de estatus con eficiencia y atender las de racionalización con poco coste?"},
		"pillar.strategy_organisation": {"Strategy ↔ organisation", "Estrategia ↔ organización"},
		"pillar.strategy_organisation.help": {
			"Does the selection fit the portfolio guidance, and can the KAMs' free capacity serve the accounts it would promote?",
			"¿Encaja la selección en el tamaño orientativo de la cartera y puede la capacidad libre de los KAM atender las cuentas que propondría promover?"},
		"pillar.organisation_people": {"Organisation ↔ people", "Organización ↔ personas"},
		"pillar.organisation_people.help": {
			"Is each KAM's key-account workload within capacity, does every KAM report to the key account director, and are the director and top management involved with the key accounts?",
			"¿Está la carga de cuentas clave de cada KAM dentro de su capacidad, depende cada KAM del director de cuentas clave y se implican el director y la alta dirección con las cuentas clave?"},
		"pillar.strategy_systems": {"Strategy ↔ systems", "Estrategia ↔ sistemas"},
		"pillar.strategy_systems.help": {
			"Do the account plans carry more than a revenue target, are key accounts reviewed every quarter, and does the CRM cover them?",
			"¿Llevan los planes de cuenta algo más que un objetivo de ingresos, se revisan las cuentas clave cada trimestre y las cubre el CRM?"},
		"val.pillar.strategy_resources":    {"Strategy ↔ resources", "Estrategia ↔ recursos"},
		"val.pillar.strategy_organisation": {"Strategy ↔ organisation", "Estrategia ↔ organización"},
		"val.pillar.organisation_people":   {"Organisation ↔ people", "Organización ↔ personas"},
		"val.pillar.strategy_systems":      {"Strategy ↔ systems", "Estrategia ↔ sistemas"},
		"val.unit.ratio":                   {"Ratio", "Cociente"},

		"ind.strategic_hours_fit": {"Strategic: hours for the contribution", "Estratégicas: horas para su contribución"},
		"ind.strategic_hours_fit.help": {
			"Strategic accounts' share of KAM hours ÷ their share of contribution: the quadrant calls for investment, so at least 1.",
			"Porcentaje de horas de KAM de las cuentas estratégicas ÷ su porcentaje de la contribución: el cuadrante pide inversión, así que al menos 1."},
		"ind.star_hours_fit": {"Star: hours for the potential", "Estrella: horas para su potencial"},
		"ind.star_hours_fit.help": {
			"Star accounts' share of KAM hours ÷ their share of growth potential: the quadrant calls for development, so at least 1.",
			"Porcentaje de horas de KAM de las cuentas estrella ÷ su porcentaje del potencial de crecimiento: el cuadrante pide desarrollo, así que al menos 1."},
		"ind.status_hours_fit": {"Status: hours for the contribution", "Estatus: horas para su contribución"},
		"ind.status_hours_fit.help": {
			"Status accounts' share of KAM hours ÷ their share of contribution: the quadrant calls for efficient maintenance, so at most 1.",
			"Porcentaje de horas de KAM de las cuentas de estatus ÷ su porcentaje de la contribución: el cuadrante pide mantenerlas con eficiencia, así que como mucho 1."},
		"ind.streamline_hours_fit": {"Streamline: hours for the contribution", "Racionalización: horas para su contribución"},
		"ind.streamline_hours_fit.help": {
			"Streamline accounts' share of KAM hours ÷ their share of contribution: the quadrant calls for service at low cost.",
			"Porcentaje de horas de KAM de las cuentas de racionalización ÷ su porcentaje de la contribución: el cuadrante pide atenderlas con poco coste."},
		"ind.selection_size": {"Accounts the selection recommends", "Cuentas que recomienda la selección"},
		"ind.selection_size.help": {
			"How many accounts the selection criteria recommend as key (confirmed and promoted): the portfolio they imply should stay within the guidance.",
			"Cuántas cuentas recomiendan como clave los criterios de selección (confirmadas y a promover): la cartera que resulta debe quedar dentro del tamaño orientativo."},
		"ind.promotions_beyond_capacity": {"Promotions beyond KAM capacity", "Promociones más allá de la capacidad de los KAM"},
		"ind.promotions_beyond_capacity.help": {
			"Accounts the selection would promote that the KAMs' free capacity cannot serve: promote only as many as can be served, in rank order.",
			"Cuentas que la selección promovería y que la capacidad libre de los KAM no puede atender: conviene promover solo las que se pueden atender, por orden."},
		"ind.kams_workload_within_capacity_share": {"KAMs with a workload within capacity", "KAM con carga dentro de su capacidad"},
		"ind.kams_workload_within_capacity_share.help": {
			"Share of KAMs whose key accounts and hours fit their capacity (at most the key accounts per KAM and the highest utilisation on target).",
			"Porcentaje de KAM cuyas cuentas clave y horas caben en su capacidad (como mucho el máximo de cuentas clave por KAM y la ocupación máxima objetivo)."},
		"ind.kams_reporting_to_director_share": {"KAMs reporting to the key account director", "KAM que dependen del director de cuentas clave"},
		"ind.kams_reporting_to_director_share.help": {
			"Share of KAMs whose manager in the people file is a key account director: the organisation the strategy needs.",
			"Porcentaje de KAM cuyo responsable en el fichero de personas es un director de cuentas clave: la organización que la estrategia necesita."},
		"ind.key_accounts_with_director_review_share": {"Key accounts reviewed by the director", "Cuentas clave revisadas por el director"},
		"ind.key_accounts_with_director_review_share.help": {
			"Share of key accounts with a review activity logged by a key account director in the last 12 months.",
			"Porcentaje de cuentas clave con una actividad de revisión registrada por un director de cuentas clave en los últimos 12 meses."},
		"ind.key_accounts_with_top_management_share": {"Key accounts in contact with top management", "Cuentas clave con contacto de la alta dirección"},
		"ind.key_accounts_with_top_management_share.help": {
			"Share of key accounts with an activity logged by top management in the last 12 months: the seed asks for its committed leadership.",
			"Porcentaje de cuentas clave con una actividad registrada por la alta dirección en los últimos 12 meses: el modelo pide su liderazgo comprometido."},
		"ind.key_plans_beyond_revenue_share": {"Key account plans beyond a revenue target", "Planes de cuenta clave con algo más que ingresos"},
		"ind.key_plans_beyond_revenue_share.help": {
			"Share of key accounts whose plan in force carries a margin target and an objective of its own (not a text copied from other accounts' plans).",
			"Porcentaje de cuentas clave cuyo plan vigente lleva un objetivo de margen y un objetivo propio (no un texto copiado de los planes de otras cuentas)."},
		"ind.plan_objectives_distinct_share": {"Distinct plan objectives", "Objetivos de plan distintos"},
		"ind.plan_objectives_distinct_share.help": {
			"Distinct objective texts per account with a plan: each key account plan should say what it is for.",
			"Textos de objetivo distintos por cuenta con plan: cada plan de cuenta clave debe decir para qué es."},
		"ind.key_accounts_reviewed_share": {"Key accounts reviewed this quarter", "Cuentas clave revisadas en el trimestre"},
		"ind.key_accounts_reviewed_share.help": {
			"Share of key accounts with a review activity in the last months (review_months): the plan is a process, not a document.",
			"Porcentaje de cuentas clave con una actividad de revisión en los últimos meses (review_months): el plan es un proceso, no un documento."},
		"ind.key_accounts_crm_coverage_share": {"Key accounts covered in the CRM", "Cuentas clave cubiertas en el CRM"},
		"ind.key_accounts_crm_coverage_share.help": {
			"Share of key accounts with activity logged in at least crm_active_months of the last 12 months.",
			"Porcentaje de cuentas clave con actividad registrada en al menos crm_active_months de los últimos 12 meses."},

		"param.congruence_weakest_margin": {
			"The congruence index stands at most this far above the weakest pillar or link score (0: the minimum, 1: the plain mean).",
			"El índice de congruencia queda como mucho esta distancia por encima del pilar o vínculo más débil (0: el mínimo, 1: la media simple)."},
		"param.link_strategic_hours_min": {
			"Strategic quadrant (invest): share of KAM hours at least this many times its share of contribution.",
			"Cuadrante estratégico (invertir): porcentaje de horas de KAM de al menos estas veces su porcentaje de la contribución."},
		"param.link_star_hours_min": {
			"Star quadrant (develop): share of KAM hours at least this many times its share of growth potential.",
			"Cuadrante estrella (desarrollar): porcentaje de horas de KAM de al menos estas veces su porcentaje del potencial de crecimiento."},
		"param.link_status_hours_max": {
			"Status quadrant (maintain efficiently): share of KAM hours at most this many times its share of contribution.",
			"Cuadrante de estatus (mantener con eficiencia): porcentaje de horas de KAM de como mucho estas veces su porcentaje de la contribución."},
		"param.link_streamline_hours_max": {
			"Streamline quadrant (serve at low cost): share of KAM hours at most this many times its share of contribution.",
			"Cuadrante de racionalización (atender con poco coste): porcentaje de horas de KAM de como mucho estas veces su porcentaje de la contribución."},
		"param.link_accounts_listed": {
			"Accounts listed as the most over-served and the most under-served.",
			"Cuentas que se listan como las más sobreatendidas y las más desatendidas."},
		"param.target_kams_reporting_share": {
			"Scorecard target: share of KAMs who report to a key account director.",
			"Objetivo de congruencia: porcentaje de KAM que dependen de un director de cuentas clave."},
		"param.target_director_review_share": {
			"Scorecard target: share of key accounts with a review by a key account director in the last 12 months.",
			"Objetivo de congruencia: porcentaje de cuentas clave con una revisión del director de cuentas clave en los últimos 12 meses."},
		"param.target_top_management_share": {
			"Scorecard target: share of key accounts with an activity by top management in the last 12 months.",
			"Objetivo de congruencia: porcentaje de cuentas clave con una actividad de la alta dirección en los últimos 12 meses."},
		"param.target_plan_quality_share": {
			"Scorecard target: share of key accounts whose plan in force carries a margin target and an objective of its own.",
			"Objetivo de congruencia: porcentaje de cuentas clave cuyo plan vigente lleva objetivo de margen y un objetivo propio."},
		"param.target_distinct_objectives_share": {
			"Scorecard target: distinct plan objectives per account with a plan.",
			"Objetivo de congruencia: objetivos de plan distintos por cuenta con plan."},
		"param.review_months": {
			"Months ending with the report month in which a key account must have had a review activity.",
			"Meses, hasta el mes del informe, en los que una cuenta clave debe haber tenido una actividad de revisión."},
		"param.target_review_coverage": {
			"Scorecard target: share of key accounts with a review activity in the last review_months.",
			"Objetivo de congruencia: porcentaje de cuentas clave con una actividad de revisión en los últimos review_months."},
		"param.crm_active_months": {
			"Months of the last 12 with logged activity that make a key account covered in the CRM.",
			"Meses de los últimos 12 con actividad registrada para que una cuenta clave cuente como cubierta en el CRM."},
		"param.target_crm_key_coverage": {
			"Scorecard target: share of key accounts with activity logged in at least crm_active_months of the last 12.",
			"Objetivo de congruencia: porcentaje de cuentas clave con actividad registrada en al menos crm_active_months de los últimos 12."},
		"param.assessment_months": {
			"Months ending with the report month whose KAM assessments count.",
			"Meses, hasta el mes del informe, cuyas evaluaciones de KAM cuentan."},
		"param.target_assessed_share": {
			"Scorecard target: share of KAMs with an assessment in the last assessment_months.",
			"Objetivo de congruencia: porcentaje de KAM con una evaluación en los últimos assessment_months."},
		"param.target_assessment_score": {
			"Scorecard target: lowest mean assessment score (1–5) of a KAM's capabilities.",
			"Objetivo de congruencia: puntuación media mínima (1–5) de las capacidades de un KAM en la evaluación."},
		"param.target_win_rate_min": {
			"Proxy target: lowest win rate (by count) of a KAM.",
			"Objetivo indirecto: tasa de éxito mínima (por número) de un KAM."},
		"param.target_shared_activity_share": {
			"Proxy target: share of key-account activity hours logged by people outside the KAM team.",
			"Objetivo indirecto: porcentaje de las horas de actividad en cuentas clave registradas por personas ajenas al equipo de KAM."},

		"ind.kams_assessed_share": {"KAMs assessed", "KAM evaluados"},
		"ind.kams_assessed_share.help": {
			"Share of KAMs with a capability assessment (communication, negotiation, empathy and listening, customer and industry knowledge, training, collaboration, flexibility) in the last assessment_months. Unavailable until an assessment file is added.",
			"Porcentaje de KAM con una evaluación de capacidades (comunicación, negociación, empatía y escucha, conocimiento del cliente y del sector, formación, colaboración, flexibilidad) en los últimos assessment_months. No disponible hasta que se añada un fichero de evaluaciones."},
		"ind.kams_capabilities_on_target_share": {"KAMs with capabilities on target", "KAM con capacidades en objetivo"},
		"ind.kams_capabilities_on_target_share.help": {
			"Share of assessed KAMs whose mean assessment score reaches the target: what the data cannot show, asked for.",
			"Porcentaje de KAM evaluados cuya puntuación media alcanza el objetivo: lo que los datos no muestran, preguntado."},
		"ind.proxy_kams_win_rate_on_target_share": {"Proxy: KAMs with a win rate on target", "Indicador indirecto: KAM con tasa de éxito en objetivo"},
		"ind.proxy_kams_win_rate_on_target_share.help": {
			"A proxy of negotiation skill from the data: share of KAMs with closed deals whose win rate reaches the target. Shown, not scored.",
			"Indicador indirecto de la capacidad de negociación a partir de los datos: porcentaje de KAM con oportunidades cerradas cuya tasa de éxito alcanza el objetivo. Se muestra, no puntúa."},
		"ind.proxy_key_hours_shared_share": {"Proxy: key-account time from other departments", "Indicador indirecto: tiempo de otros departamentos en cuentas clave"},
		"ind.proxy_key_hours_shared_share.help": {
			"A proxy of cross-department collaboration: mean over KAMs of the share of their key accounts' activity hours logged by people outside the KAM team. Shown, not scored.",
			"Indicador indirecto de la colaboración entre departamentos: media por KAM del porcentaje de horas de actividad en sus cuentas clave registradas por personas ajenas al equipo de KAM. Se muestra, no puntúa."},
		"check.congruence_links_keys": {
			"(link, indicator) is unique and links take accepted values; quadrant fit, service gaps, promotion candidates and KAM capabilities are unique by their keys, with shares in 0–1 and scores in 1–5.",
			"(vínculo, indicador) es único y los vínculos toman valores aceptados; el ajuste por cuadrante, las cuentas sobreatendidas o desatendidas, las candidatas a promover y las capacidades de los KAM son únicos por su clave, con porcentajes entre 0 y 1 y puntuaciones entre 1 y 5."},
		"val.kind.assessments":               {"KAM assessments", "Evaluaciones de KAM"},
		"val.missing_input.assessments":      {"KAM assessments", "Evaluaciones de KAM"},
		"val.unavailable_inputs.assessments": {"KAM assessments", "Evaluaciones de KAM"},
		"unavailable.assessments": {
			"Unavailable — add an assessment file: each KAM scored 1–5 on communication, negotiation, empathy and listening, customer and industry knowledge, training, collaboration and flexibility, with assessor and date.",
			"No disponible: añada un fichero de evaluaciones con cada KAM puntuado de 1 a 5 en comunicación, negociación, empatía y escucha, conocimiento del cliente y del sector, formación, colaboración y flexibilidad, con evaluador y fecha."},
		"val.missing_input.targets.objective": {"Plan objectives", "Objetivos cualitativos del plan"},
		"unavailable.targets.objective": {
			"Needs an objective column (the plan's objective in words) in the targets file.",
			"Requiere una columna de objetivo (el objetivo del plan en palabras) en el fichero de objetivos."},
	})
}
