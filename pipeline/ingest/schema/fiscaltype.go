package schema

import (
	"regexp"
	"slices"
	"strings"
)

// fiscalSystem is a tax authority's table of document type codes, which
// the registers and e-invoicing exports of its country write in place of
// the type's name: Mexico's CFDI (TipoDeComprobante I, E, P, T, N), Chile's
// SII (33 factura electrónica, 61 nota de crédito electrónica), Argentina's
// AFIP (1 Factura A, 3 Nota de Crédito A), Peru's SUNAT (01 factura, 07
// nota de crédito). A credit note written so with a positive amount was
// summed as a sale, silently: the code said nothing to the document type's
// words. The codes are read as their names only where the file says whose
// codes they are (its header or a header naming the country's tax id) and
// every sampled value is one of them.
type fiscalSystem struct {
	name string
	// header: the document type column's normalised header is one.
	header func(norm string) bool
	// beside: some other header of the file, normalised, names the
	// country's tax id or the register's own fields; nil when the
	// document type's header says enough.
	beside func(norm string) bool
	// codes maps each code, as written without leading zeros and in
	// capitals, to the type's name.
	codes map[string]string
}

func hasWord(norm string, words ...string) bool {
	return slices.ContainsFunc(strings.Fields(norm), func(w string) bool { return slices.Contains(words, w) })
}

var fiscalSystems = []fiscalSystem{
	{
		// The CFDI's TipoDeComprobante (SAT, Anexo 20): an Egreso is the
		// credit note. A Pago (payment receipt) and a Traslado carry no
		// amount of sale.
		name: "CFDI (SAT)",
		header: func(n string) bool {
			return hasWord(strings.ReplaceAll(n, "de comprobante", "comprobante"), "comprobante", "tipodecomprobante", "efectocomprobante", "cfdi", "efecto")
		},
		codes: map[string]string{"I": "Ingreso", "E": "Egreso", "P": "Pago", "T": "Traslado", "N": "Nómina"},
	},
	{
		// The SII's document types (DTE): Chile's registers of sales
		// (Registro de Compras y Ventas) write the code under Tipo Doc
		// beside the customer's RUT.
		name:   "SII",
		header: func(n string) bool { return hasWord(n, "tipo", "tipodte", "dte", "tipodoc") },
		beside: func(n string) bool { return hasWord(n, "rut") },
		codes: map[string]string{
			"30": "Factura", "32": "Factura no afecta o exenta", "33": "Factura electrónica",
			"34": "Factura no afecta o exenta electrónica", "35": "Boleta", "38": "Boleta exenta",
			"39": "Boleta electrónica", "41": "Boleta exenta electrónica", "46": "Factura de compra electrónica",
			"52": "Guía de despacho electrónica", "55": "Nota de débito", "56": "Nota de débito electrónica",
			"60": "Nota de crédito", "61": "Nota de crédito electrónica", "101": "Factura de exportación",
			"104": "Nota de débito de exportación", "106": "Nota de crédito de exportación",
			"110": "Factura de exportación electrónica", "111": "Nota de débito de exportación electrónica",
			"112": "Nota de crédito de exportación electrónica",
		},
	},
	{
		// AFIP's comprobante types (Argentina's "Mis Comprobantes", the
		// IVA Ventas register): numbered per letter A, B, C, M, E and
		// for the MiPyMEs' electronic credit invoices (FCE).
		name:   "AFIP",
		header: func(n string) bool { return hasWord(n, "tipo", "comprobante", "cbte", "tipocomprobante") },
		beside: func(n string) bool {
			return hasWord(n, "cuit", "cae") || strings.Contains(n, "punto de venta") || strings.Contains(n, "autorizacion")
		},
		codes: map[string]string{
			"1": "Factura A", "2": "Nota de Débito A", "3": "Nota de Crédito A", "4": "Recibo A",
			"6": "Factura B", "7": "Nota de Débito B", "8": "Nota de Crédito B", "9": "Recibo B",
			"11": "Factura C", "12": "Nota de Débito C", "13": "Nota de Crédito C", "15": "Recibo C",
			"19": "Factura E", "20": "Nota de Débito E", "21": "Nota de Crédito E",
			"51": "Factura M", "52": "Nota de Débito M", "53": "Nota de Crédito M",
			"201": "Factura de Crédito Electrónica MiPyMEs A", "202": "Nota de Débito Electrónica MiPyMEs A", "203": "Nota de Crédito Electrónica MiPyMEs A",
			"206": "Factura de Crédito Electrónica MiPyMEs B", "207": "Nota de Débito Electrónica MiPyMEs B", "208": "Nota de Crédito Electrónica MiPyMEs B",
			"211": "Factura de Crédito Electrónica MiPyMEs C", "212": "Nota de Débito Electrónica MiPyMEs C", "213": "Nota de Crédito Electrónica MiPyMEs C",
		},
	},
	{
		// SUNAT's comprobante types (Peru's Registro de Ventas, the PLE):
		// 01 factura, 03 boleta, 07 nota de crédito, 08 nota de débito,
		// beside the customer's RUC.
		name:   "SUNAT",
		header: func(n string) bool { return hasWord(n, "tipo", "comprobante", "cp", "tipodoc") },
		beside: func(n string) bool { return hasWord(n, "ruc") },
		codes: map[string]string{
			"1": "Factura", "3": "Boleta de venta", "7": "Nota de crédito", "8": "Nota de débito", "12": "Ticket",
		},
	},
}

// fiscalCode is a value as the code tables key it: trimmed, in capitals,
// without leading zeros ("07" is 7).
func fiscalCode(v string) string {
	v = strings.ToUpper(strings.TrimSpace(v))
	if t := strings.TrimLeft(v, "0"); t != "" && t != v && strings.Trim(t, "0123456789") == "" {
		return t
	}
	return v
}

// FiscalDocumentCodes names the tax authority whose document type codes a
// document type column holds (see fiscalSystem): "" when none says so or a
// sampled value is no code of it.
func FiscalDocumentCodes(header string, headers, samples []string) string {
	n := Normalize(header)
	any := false
	for _, s := range samples {
		any = any || strings.TrimSpace(s) != ""
	}
	if !any {
		return ""
	}
	for _, sys := range fiscalSystems {
		if !sys.header(n) {
			continue
		}
		if sys.beside != nil && !slices.ContainsFunc(headers, func(h string) bool { return h != header && sys.beside(Normalize(h)) }) {
			continue
		}
		all := true
		for _, s := range samples {
			if _, ok := sys.codes[fiscalCode(s)]; !ok && strings.TrimSpace(s) != "" {
				all = false
				break
			}
		}
		if all {
			return sys.name
		}
	}
	return ""
}

func fiscalSystemNamed(name string) *fiscalSystem {
	for i := range fiscalSystems {
		if fiscalSystems[i].name == name {
			return &fiscalSystems[i]
		}
	}
	return nil
}

// FiscalDocumentName is the value a code of system reads as: the code and
// its type's name ("61 Nota de crédito electrónica"), so the document
// type's words decide as for any other (IsCreditDocument).
func FiscalDocumentName(system, v string) string {
	sys := fiscalSystemNamed(system)
	if sys == nil {
		return v
	}
	if name, ok := sys.codes[fiscalCode(v)]; ok {
		return strings.TrimSpace(v) + " " + name
	}
	return v
}

// FiscalDocumentSQL is FiscalDocumentName in DuckDB over the VARCHAR
// expression col.
func FiscalDocumentSQL(system, col string) string {
	sys := fiscalSystemNamed(system)
	if sys == nil {
		return col
	}
	codes := make([]string, 0, len(sys.codes))
	for c := range sys.codes {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	key := "upper(trim(" + col + "))"
	// Digits lose their leading zeros, as fiscalCode does.
	key = "(case when regexp_matches(" + key + ", '^0+[0-9]+$') then ltrim(" + key + ", '0') else " + key + " end)"
	var b strings.Builder
	b.WriteString("(case " + key)
	for _, c := range codes {
		b.WriteString(" when " + sqlQuote(c) + " then " + col + " || ' ' || " + sqlQuote(sys.codes[c]))
	}
	b.WriteString(" else " + col + " end)")
	return b.String()
}

// saftNumber is an invoice number as Portugal's SAF-T (PT) has every
// certified invoicing program write it: the document type's code, a space,
// the series, a slash and the number ("FT 2026/101", "NC A/7", "FR
// FR2026/15"). FT, FS and FR are invoices, ND a debit note, NC a credit
// note; VD, TV, TD, AA and DA older sales documents.
var saftNumber = regexp.MustCompile(`^(FT|FS|FR|ND|NC|VD|TV|TD|AA|DA) [^ /]+/[0-9]+$`)

// saftCredit is the SAF-T number of a credit note.
const saftCredit = `^NC [^ /]+/[0-9]+$`

// TypeInNumber reports whether every sampled invoice number writes its
// document type as SAF-T's do (saftNumber), and returns one of them for
// the note: a credit note's when one is sampled. Exports of PHC, Primavera,
// Sage and Moloni list such numbers with the credit notes' amounts
// unsigned: the number alone says the document gives money back.
func TypeInNumber(samples []string) (credit string, ok bool) {
	n := 0
	for _, s := range samples {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !saftNumber.MatchString(s) {
			return "", false
		}
		n++
		if credit == "" || (strings.HasPrefix(s, "NC ") && !strings.HasPrefix(credit, "NC ")) {
			credit = s
		}
	}
	return credit, n > 0
}

// CreditInNumberSQL is, in DuckDB over the VARCHAR expression col of an
// invoice number, whether it is a credit note's: SAF-T's (TypeInNumber) or
// one a credit note's prefix opens (CreditPrefixInNumber).
func CreditInNumberSQL(col string) string {
	return "coalesce(regexp_matches(trim(" + col + "), " + sqlQuote(saftCredit) + ") or regexp_matches(upper(trim(" + col + ")), " +
		sqlQuote(creditPrefixPattern) + "), false)"
}

// prefixedNumber is a document number that opens with a short code of
// letters before its digits, with or without a separator ("FV-1-1024",
// "NC-1-57", Xero's "INV-0001" and "CN-0001", "NC57"): the code of its
// document type, as many invoicing programs write it (Siigo's FV and NC,
// Xero's INV and CN), or of a series.
var prefixedNumber = regexp.MustCompile(`^([A-Za-z]{1,4})[-/ .]?[0-9][-/. 0-9A-Za-z]*$`)

// creditPrefixes open a credit note's number: nota crédito (Colombia's
// DIAN and every Spanish-speaking register: NC, NCE its electronic one),
// credit note (CN, CRN). invoicePrefixes open an invoice's or a debit
// note's: factura (F, FA, FAC, FACT), factura de venta (FV, FVE), factura
// electrónica (FE, FEV), SAF-T's FT, FR, FS, invoice (INV, IN), sales
// invoice (SI), nota débito / debit note (ND, NDE, DN).
var (
	creditPrefixes  = []string{"NC", "NCE", "CN", "CRN"}
	invoicePrefixes = []string{"F", "FA", "FAC", "FACT", "FV", "FVE", "FE", "FEV", "FT", "FR", "FS", "INV", "IN", "SI", "ND", "NDE", "DN"}
)

var creditPrefixPattern = `^(` + strings.Join(creditPrefixes, "|") + `)[-/ .]?[0-9]`

// CreditPrefixInNumber reads a file's invoice numbers when no column gives
// the document type: ok when every sampled number is a plain number or
// opens with a code (prefixedNumber), a credit note's code opens some of
// them (creditPrefixes) and every other code is an invoice's
// (invoicePrefixes), so the credit note's prefix is no series of the
// business's own. credit is one such number, others the other codes (or
// the plain numbers' "123"). unsure is set when a credit note's code
// opens numbers beside codes that name no document type ("CN-2001" beside
// "ES-1001" and "DE-3001": China's series, or credit notes?): kam cannot
// tell, and the numbers are read as written.
func CreditPrefixInNumber(samples []string) (credit string, others []string, ok, unsure bool) {
	plain, unknown := false, false
	for _, s := range samples {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if strings.Trim(s, "0123456789") == "" {
			plain = true
			continue
		}
		m := prefixedNumber.FindStringSubmatch(s)
		if m == nil {
			return "", nil, false, false
		}
		code := strings.ToUpper(m[1])
		switch {
		case slices.Contains(creditPrefixes, code):
			if credit == "" {
				credit = s
			}
			continue
		case !slices.Contains(invoicePrefixes, code):
			unknown = true
		}
		if !slices.Contains(others, code) {
			others = append(others, code)
		}
	}
	if plain {
		others = append(others, "123")
	}
	if credit == "" || len(others) == 0 {
		return "", nil, false, false
	}
	if unknown {
		return credit, others, false, true
	}
	return credit, others, true, false
}

// CFDIMetadata reports whether a file's header is the SAT's CFDI metadata
// (the "descarga masiva" of Mexico's tax authority: Uuid, RfcEmisor,
// RfcReceptor, Monto, EfectoComprobante, Estatus). Its Monto is each
// CFDI's total with its taxes, and no column gives the subtotal, the
// discount or the tax: there is no revenue in it to read.
func CFDIMetadata(header []string) bool {
	need := map[string]bool{"uuid": false, "rfcemisor": false, "rfcreceptor": false, "monto": false, "efectocomprobante": false}
	for _, h := range header {
		k := strings.ReplaceAll(Normalize(h), " ", "")
		if _, ok := need[k]; ok {
			need[k] = true
		}
	}
	for _, ok := range need {
		if !ok {
			return false
		}
	}
	return true
}
