package i18n

// Mapping and configuration errors: what a file lacks and what kam.yaml
// says wrong, in the run's language (with --lang es they were English). The
// canonical column names, kinds and kam.yaml keys stay as written, since the
// user types them.
func init() {
	add(map[string]entry{
		"mapping.one": {
			"%s: no column for %s (kind %s); headers found: %s; %s",
			"%s: ninguna columna para %s (tipo %s); cabeceras encontradas: %s; %s"},
		"mapping.one_hint": {
			" — map it in kam.yaml under columns: %s: %s: %s",
			" — asígnela en kam.yaml en columns: %s: %s: %s"},
		"mapping.many": {
			"%s: no column for %s (kind %s); headers found: %s",
			"%s: ninguna columna para %s (tipo %s); cabeceras encontradas: %s"},
		"mapping.for": {
			"; for %s %s",
			"; para %s %s"},
		"mapping.many_hint": {
			" — map them in kam.yaml under columns: %s: {%s}",
			" — asígnelas en kam.yaml en columns: %s: {%s}"},
		"mapping.and": {"and", "y"},
		"mapping.no_close": {
			"no close candidate",
			"ninguna cabecera se parece"},
		"mapping.closest": {
			"closest: %s",
			"las más parecidas: %s"},
		"mapping.looks_like_data": {
			"its first line looks like data, not column names: if the file has no header row, list its column names in kam.yaml: files: - {match: %q, headers: [<name 1>, …, <name %d>]}",
			"su primera línea parece datos, no nombres de columna: si el fichero no tiene fila de cabecera, enumere sus columnas en kam.yaml: files: - {match: %q, headers: [<nombre 1>, …, <nombre %d>]}"},
	})
}
