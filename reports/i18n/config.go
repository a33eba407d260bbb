package i18n

// Configuration errors: the key is the English message format itself
// (cmd/kam's configParser.fail), so that a message without a Spanish entry
// still shows in English. Keys, values and file names stay as written.
func init() {
	add(map[string]entry{
		"config.line":       {"%s line %d: %s", "%s línea %d: %s"},
		"config.where_root": {"the configuration", "la configuración"},
		"config.not_yaml": {
			"configuration %s is not valid YAML: %v",
			"la configuración %s no es YAML válido: %v"},
		"the merge key << in %s must name a mapping (<<: *name)": {
			"the merge key << in %s must name a mapping (<<: *name)",
			"la clave de fusión << en %s debe nombrar un mapa (<<: *nombre)"},
		"key %q appears twice in %s (lines %d and %d); keep one of them": {
			"key %q appears twice in %s (lines %d and %d); keep one of them",
			"la clave %q aparece dos veces en %s (líneas %d y %d); deje una de ellas"},
		"%s must be a mapping of keys to values": {
			"%s must be a mapping of keys to values",
			"%s debe ser un mapa de claves a valores"},
		"unknown key %q in %s; allowed keys: %s": {
			"unknown key %q in %s; allowed keys: %s",
			"clave desconocida %q en %s; claves permitidas: %s"},
		"files must be a list of {match, kind, ...} entries": {
			"files must be a list of {match, kind, ...} entries",
			"files debe ser una lista de entradas {match, kind, ...}"},
		"%s.match %q is not a valid glob pattern": {
			"%s.match %q is not a valid glob pattern",
			"%s.match %q no es un patrón glob válido"},
		"%s needs a match: a glob such as \"crm/*.csv\"": {
			"%s needs a match: a glob such as \"crm/*.csv\"",
			"%s necesita match: un patrón como \"crm/*.csv\""},
		"%s needs a kind (%s), skip: true, headers or scale": {
			"%s needs a kind (%s), skip: true, headers or scale",
			"%s necesita kind (%s), skip: true, headers o scale"},
		"%s.columns needs the rule's kind": {
			"%s.columns needs the rule's kind",
			"%s.columns necesita el kind de la regla"},
		"%s must be a list of the file's column names, in order, e.g. [id, name, amount]": {
			"%s must be a list of the file's column names, in order, e.g. [id, name, amount]",
			"%s debe ser la lista de los nombres de columna del fichero, en orden, p. ej. [id, nombre, importe]"},
		"%s.%s is %q; write the factor each value is multiplied by as a positive decimal, e.g. 0.01 for amounts in cents or 1000 for thousands": {
			"%s.%s is %q; write the factor each value is multiplied by as a positive decimal, e.g. 0.01 for amounts in cents or 1000 for thousands",
			"%s.%s es %q; escriba el factor por el que se multiplica cada valor como un decimal positivo, p. ej. 0.01 para importes en céntimos o 1000 para miles"},
		"duckdb.memory_limit %q must be an amount such as 4GB, 800MB or 75%%": {
			"duckdb.memory_limit %q must be an amount such as 4GB, 800MB or 75%%",
			"duckdb.memory_limit %q debe ser una cantidad como 4GB, 800MB o 75%%"},
		"%s must be a list of texts, such as [\"NULL\", \"N/A\", \"-\"]": {
			"%s must be a list of texts, such as [\"NULL\", \"N/A\", \"-\"]",
			"%s debe ser una lista de textos, como [\"NULL\", \"N/A\", \"-\"]"},
		"%s must be a non-empty text value": {
			"%s must be a non-empty text value",
			"%s debe ser un texto no vacío"},
		"%s is %q; allowed values: %s": {
			"%s is %q; allowed values: %s",
			"%s es %q; valores permitidos: %s"},
		"%s is %q; use a three-letter ISO 4217 code such as EUR, USD or MXN": {
			"%s is %q; use a three-letter ISO 4217 code such as EUR, USD or MXN",
			"%s es %q; use un código ISO 4217 de tres letras como EUR, USD o MXN"},
		"%s is %q; it must be a number between %g and %g": {
			"%s is %q; it must be a number between %g and %g",
			"%s es %q; debe ser un número entre %g y %g"},
		"%s is %g; it must be between %g and %g": {
			"%s is %g; it must be between %g and %g",
			"%s es %g; debe estar entre %g y %g"},
		"%s is %q; write a share such as 0.02 or 2%%": {
			"%s is %q; write a share such as 0.02 or 2%%",
			"%s es %q; escriba una proporción como 0.02 o 2%%"},
		"%s is %q; it must be between 0 and 1 (0%% and 100%%)": {
			"%s is %q; it must be between 0 and 1 (0%% and 100%%)",
			"%s es %q; debe estar entre 0 y 1 (0%% y 100%%)"},
		"%s is %q; use true or false": {
			"%s is %q; use true or false",
			"%s es %q; use true o false"},
	})
}
