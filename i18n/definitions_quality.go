package i18n

// Definitions (def.<column>) of service costs by type, the whale curve,
// revenue reconciliation, data quality and the columns that list missing
// inputs: one or two sentences with the formula; the Definitions sheet
// prints the thresholds and weights in force apart.
func init() {
	add(map[string]entry{
		"def.attributed_revenue": {
			"Revenue of the sales lines attributed to a known account: the sum over accounts of account profitability.",
			"Ingresos de las líneas de venta atribuidas a una cuenta conocida: la suma por cuentas de la rentabilidad."},
		"def.cum_accounts_pct": {
			"Rank ÷ number of accounts: the share of accounts up to this one, as a percentage (x axis of the whale curve).",
			"Posición ÷ número de cuentas: el porcentaje de cuentas hasta esta (eje x de la curva de la ballena)."},
		"def.cum_contribution": {
			"Σ LTM net contribution of the accounts up to this one, ranked by contribution, highest first.",
			"Σ de la contribución neta 12M de las cuentas hasta esta, ordenadas de mayor a menor contribución."},
		"def.cum_contribution_pct": {
			"Cumulative contribution ÷ total net contribution, as a percentage: rises above 100 % while profitable accounts are added, falls as loss-makers eat into it. Empty when the total is not positive.",
			"Contribución acumulada ÷ contribución neta total, en porcentaje: supera el 100 % mientras se suman cuentas rentables y baja cuando las cuentas en pérdidas la erosionan. Vacío si el total no es positivo."},
		"def.difference": {
			"Loaded revenue − attributed revenue − unattributed revenue; must be 0 to the cent (a data test checks it).",
			"Ingresos cargados − ingresos atribuidos − ingresos sin atribuir; debe ser 0 al céntimo (lo comprueba una prueba de datos)."},
		"def.is_peak": {
			"The top of the whale curve: the accounts up to this one earn the highest cumulative contribution.",
			"El pico de la curva de la ballena: las cuentas hasta esta suman la mayor contribución acumulada."},
		"def.loaded_revenue": {
			"Σ net amount of every loaded sales line in the window, attributed to an account or not.",
			"Σ del importe neto de todas las líneas de venta cargadas en la ventana, atribuidas a una cuenta o no."},
		"def.offending_rows": {
			"Rows the data test returned; 0 means it passed.",
			"Filas que devolvió la prueba de datos; 0 significa que la superó."},
		"def.passed": {
			"Whether the data test found no offending rows; kam run publishes no report while a test fails.",
			"Si la prueba de datos no encontró filas con incidencias; kam run no publica informes mientras alguna prueba falle."},
		"def.rank": {
			"Position by LTM net contribution, highest first.",
			"Posición por contribución neta 12M, de mayor a menor."},
		"def.reject_rate": {
			"Rows rejected ÷ rows read, as a percentage.",
			"Filas rechazadas ÷ filas leídas, en porcentaje."},
		"def.rows_conflicting": {
			"Duplicate rows whose values differ from the row kept (the same invoice line with another amount, the same customer code with another name); part of the duplicate rows. The newest row still wins; the Data quality sheet lists what differed.",
			"Filas duplicadas cuyos valores difieren de la fila conservada (la misma línea de factura con otro importe, el mismo código de cliente con otro nombre); forman parte de las duplicadas. Sigue prevaleciendo la fila más reciente; la hoja Calidad de datos muestra qué difería."},
		"def.rows_duplicate": {
			"Rows whose key had already been seen; the newest file wins.",
			"Filas cuya clave ya había aparecido; prevalece el fichero más reciente."},
		"def.rows_loaded": {
			"Rows that passed validation and entered the warehouse.",
			"Filas que superaron la validación y entraron en el almacén de datos."},
		"def.rows_read": {
			"Data rows read from the file: rows loaded + rejected + duplicate.",
			"Filas de datos leídas del fichero: cargadas + rechazadas + duplicadas."},
		"def.rows_rejected": {
			"Rows refused because of an invalid value (see the reject reasons).",
			"Filas rechazadas por un valor no válido (ver los motivos de rechazo)."},
		"def.score_missing_inputs": {
			"Components of the account's score that are unknown; their weight is shared out over its other components.",
			"Componentes de la puntuación de la cuenta que se desconocen; su peso se reparte entre los demás componentes."},
		"def.service_cost": {
			"Σ service costs charged to the account: logistics, support, rebates, marketing and other.",
			"Σ de los costes de servicio imputados a la cuenta: logística, soporte, rappels, marketing y otros."},
		"def.service_cost_logistics": {
			"Service costs of type logistics (freight, warehousing, special deliveries).",
			"Costes de servicio de tipo logística (transporte, almacenaje, entregas especiales)."},
		"def.service_cost_marketing": {
			"Service costs of type marketing (co-marketing and promotions funded for the account).",
			"Costes de servicio de tipo marketing (marketing conjunto y promociones financiadas para la cuenta)."},
		"def.service_cost_other": {
			"Service costs of any other type.",
			"Costes de servicio de cualquier otro tipo."},
		"def.service_cost_rebate": {
			"Service costs of type rebate (volume rebates and bonuses paid to the account).",
			"Costes de servicio de tipo rappel (rappels y bonificaciones por volumen pagados a la cuenta)."},
		"def.service_cost_support": {
			"Service costs of type support (technical support and customer service).",
			"Costes de servicio de tipo soporte (soporte técnico y atención al cliente)."},
		"def.top_reject_reason": {
			"The most frequent reject reason of the file.",
			"El motivo de rechazo más frecuente del fichero."},
		"def.unattributed_lines": {
			"Sales lines whose account is unknown.",
			"Líneas de venta cuya cuenta es desconocida."},
		"def.unattributed_revenue": {
			"Revenue of the sales lines whose account is unknown, reported apart so that totals tie out.",
			"Ingresos de las líneas de venta cuya cuenta es desconocida, que se muestran aparte para que los totales cuadren."},
		"def.unavailable_inputs": {
			"Input files or columns that are missing; the metrics that need them are empty, never zero.",
			"Ficheros o columnas de entrada que faltan; las métricas que los necesitan quedan vacías, nunca a cero."},
	})
}
