package i18n

// Failures: the messages of a run that fails for its data (rejects over the
// limit, failed data tests), in the report language, so that a Spanish run
// does not fail half in English.
func init() {
	add(map[string]entry{
		"fail.checks": {
			"%d data test(s) failed, so no report was published:",
			"%d prueba(s) de datos han fallado, así que no se ha publicado ningún informe:"},
		"fail.checks_more": {
			"… and %d more",
			"… y %d más"},
		"fail.checks_test": {
			"%s — %s: %d offending row(s)",
			"%s — %s: %d fila(s) infractoras"},
		"fail.reject_file": {
			"%s (%s): %d of %d rows rejected (%s %%)",
			"%s (%s): %d de %d filas rechazadas (%s %%)"},
		"fail.reject_limit": {
			"%d file(s) reject more than %s %% of their rows; nothing was loaded, the warehouse is as before:",
			"%d fichero(s) rechazan más del %s %% de sus filas; no se ha cargado nada, el almacén sigue como estaba:"},
		"fail.reject_see": {
			"See %s for every rejected row (file, line, column, value, reason); the reports and their rejects.csv are those of the last good run; fix the files or raise reject_limit in kam.yaml.",
			"%s lista cada fila rechazada (fichero, línea, columna, valor, motivo); los informes y su rejects.csv son los de la última ejecución correcta; corrija los ficheros o suba reject_limit en kam.yaml."},
		"fail.reject_see_none": {
			"The failed run's rejected rows could not be written; fix the files or raise reject_limit in kam.yaml.",
			"No se han podido escribir las filas rechazadas de la ejecución fallida; corrija los ficheros o suba reject_limit en kam.yaml."},
		"run.currency_from_data": {
			"no currency in kam.yaml and every amount in the data is in %[1]s: %[1]s is the reporting currency (write currency: in kam.yaml to choose another)",
			"kam.yaml no indica moneda y todos los importes de los datos están en %[1]s: %[1]s es la moneda de los informes (escriba currency: en kam.yaml para elegir otra)"},
		"fail.run": {
			"the run failed; the warehouse and the reports are as before:",
			"la ejecución ha fallado; el almacén y los informes siguen como estaban:"},
	})
}
