package i18n

import "strings"

// Reject reasons: the code stored in the warehouse, its message with the
// detail, and what to do about it.
func init() {
	add(map[string]entry{
		"reject.fields": {
			"the row has %s fields (this/header): a delimiter or quote inside a value; quote the value or fix the row",
			"la fila tiene %s campos (esta/cabecera): hay un separador o comilla dentro de un valor; entrecomille el valor o corrija la fila"},
		"reject.junk": {
			"a row without data (one value at most in the file's columns): a filler or footer line, not a record; nothing to do if it is one",
			"una fila sin datos (un valor como mucho en las columnas del fichero): una línea de relleno o de pie, no un registro; nada que hacer si lo es"},
		"reject.missing": {
			"required value missing%s; fill it in the source system and export again",
			"falta un valor obligatorio%s; rellénelo en el sistema de origen y exporte de nuevo"},
		"reject.number": {
			"not a number in the column's format (%s); correct the value",
			"no es un número en el formato de la columna (%s); corrija el valor"},
		"reject.date": {
			"not a valid date (%s, years 1900–2100); correct the value",
			"no es una fecha válida (%s, años 1900–2100); corrija el valor"},
		"reject.time_only": {
			"a time without a date: the export left the date out (%s expected); export the file again with its dates, or leave it out with a files: rule (skip: true) in kam.yaml",
			"una hora sin fecha: la exportación omitió la fecha (se esperaba %s); exporte el fichero de nuevo con sus fechas, o exclúyalo con una regla files: (skip: true) en kam.yaml"},
		"order.dmy":   {"day first: dd/mm/yyyy", "día primero: dd/mm/aaaa"},
		"order.mdy":   {"month first: mm/dd/yyyy", "mes primero: mm/dd/aaaa"},
		"order.ymd":   {"year first: yyyy-mm-dd", "año primero: aaaa-mm-dd"},
		"detail.past": {"a date up to this month", "una fecha hasta este mes"},
		"reject.bool": {
			"not a yes/no value (%s); use yes/no, sí/no, true/false, 1/0 or x",
			"no es un valor sí/no (%s); use sí/no, yes/no, true/false, 1/0 o x"},
		"reject.period": {
			"not a period (%s); write it like 2026-10, 2026-Q4, 2026 or FY2026",
			"no es un periodo (%s); escríbalo como 2026-10, 2026-Q4, 2026 o FY2026"},
		"reject.enum": {
			"not one of the accepted values (%s); use one of them",
			"no es uno de los valores aceptados (%s); use uno de ellos"},
		"reject.currency": {
			"not a currency code (%s); use the ISO code",
			"no es un código de divisa (%s); use el código ISO"},
		"reject.range": {
			"out of range (%s); correct the value",
			"fuera de rango (%s); corrija el valor"},
		"reject.future": {
			"date in the future (expected %s); correct the date",
			"fecha futura (se esperaba %s); corrija la fecha"},
		"reject.no_header": {
			"the invoice header is missing: no row for invoice %s in the invoices (cabecera) file; export the headers of that invoice",
			"falta la cabecera de la factura: no hay fila para la factura %s en el fichero de cabeceras; exporte la cabecera de esa factura"},
		"reject.header_rejected": {
			"the invoice header was rejected: invoice %s, %s line %s: %s; fix that header row and this line loads with it",
			"se rechazó la cabecera de la factura: factura %s, %s línea %s: %s; corrija esa fila de cabecera y esta línea se cargará con ella"},
		"rejects.more_values": {
			"and %d other values like it",
			"y otros %d valores similares"},
		"rejects.fx_no_file": {
			"amounts in %s and no fx_rates file: add one with the rate of each currency and month (units of %s for one unit), or set currency: in kam.yaml when every amount is in that one currency",
			"importes en %s y ningún fichero de tipos de cambio: añada uno con el tipo de cada divisa y mes (unidades de %s por unidad), o fije currency: en kam.yaml si todos los importes están en esa única divisa"},
		"reject.too_large": {
			"too large for the column: more than %s digits before the decimal point; check the value (a reference or a code in an amount column?)",
			"demasiado grande para la columna: más de %s cifras antes del separador decimal; revise el valor (¿una referencia o un código en una columna de importe?)"},
		"reject.unknown_currency": {
			"unknown currency %s: not the reporting currency and no exchange rate for it in any month; correct the code, or add its rates to the fx_rates file",
			"divisa desconocida %s: no es la divisa del informe y no tiene tipo de cambio en ningún mes; corrija el código o añada sus tipos al fichero de tipos de cambio"},
		"reject.formula": {
			"a formula whose value was not saved in the workbook (%s); open the file in Excel and save it again, so that the values are stored",
			"una fórmula cuyo valor no se guardó en el libro (%s); abra el fichero en Excel y guárdelo de nuevo para que se guarden los valores"},
		"reject.fx": {
			"no exchange rate for %s in the fx_rates file; add that month's rate",
			"no hay tipo de cambio para %s en el fichero de tipos de cambio; añada el tipo de ese mes"},
	})
}

// Reject renders a stored reject reason with its detail in lang. The
// detail (an invoice number, a currency code) is shown with its invisible
// characters escaped: "F1\u200b" rather than an "F1" that seems to be there.
func Reject(lang, reason, detail string) string {
	if reason == "header_rejected" {
		// invoice, file, line, the header's own reason and detail, split
		// before escaping (the separator is a control character); each
		// part is escaped as it is shown.
		key := "reject." + reason
		p := strings.Split(detail, "\x1f")
		if len(p) != 5 {
			return T(lang, key, Printable(detail), "?", "?", "?")
		}
		return T(lang, key, Printable(p[0]), Printable(p[1]), p[2], Reject(lang, p[3], p[4]))
	}
	detail = Printable(detail)
	key := "reject." + reason
	if !Has(key) {
		return reason + " " + detail
	}
	switch reason {
	case "missing":
		if detail != "" {
			detail = " (" + detail + ")"
		}
		return T(lang, key, detail)
	case "date", "time_only":
		return T(lang, key, T(lang, "order."+detail))
	case "future":
		return T(lang, key, T(lang, "detail."+detail))
	case "no_header", "fx", "fields", "number", "bool", "period", "enum", "currency", "range", "too_large", "unknown_currency", "formula":
		return T(lang, key, detail)
	}
	return T(lang, key)
}
