package schema

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds a header for matching: lower case, no accents, Salesforce
// "__c" dropped, camelCase split, punctuation, underscores and spaces folded
// to single spaces ("Fecha_Factura" and "fecha factura" and "FechaFactura" →
// "fecha factura"; "Nº Factura" → "no factura").
//
// The same header arrives spelt by Excel users, ERP report writers and CRM
// APIs; folding all of them to one form lets a single synonym entry cover
// every spelling, so the dictionary stays readable.
func Normalize(header string) string {
	s := strings.TrimLeft(header, headerBlanks)
	s = dropCustomSuffix(s)
	s = splitCamel(s)
	s = strings.ToLower(s)
	s = foldOrdinals(s)
	s = foldAccents(s)
	return foldSeparators(s)
}

// headerBlanks are what exports leave around a header: spaces, tabs,
// no-break spaces and a byte order mark.
const headerBlanks = "\ufeff\u00a0 \t"

// dropCustomSuffix removes Salesforce's "__c" so that Key_Account__c matches
// the synonym "key account" like any other header. Data Loader writes API
// names in upper case, hence the case-insensitive test.
func dropCustomSuffix(s string) string {
	t := strings.TrimRight(s, headerBlanks)
	if len(t) > 3 && strings.EqualFold(t[len(t)-3:], "__c") {
		return t[:len(t)-3]
	}
	return s
}

// splitCamel inserts a space at lower→upper boundaries ("AccountId") and
// before the last capital of an acronym that starts a word ("IDCliente" →
// "ID Cliente"). All-lower or all-upper text is left alone: "accountid" is
// how Dynamics spells it, and guessing word breaks there would be wrong.
//
// Only capitals that have a lower-case form count: symbols such as "ϓ" are
// classed upper case but survive lower-casing, and splitting before them
// would make Normalize(Normalize(h)) differ from Normalize(h).
func splitCamel(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range rs {
		if i > 0 && isCapital(r) {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || (isCapital(prev) && nextLower) {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isCapital(r rune) bool { return unicode.IsUpper(r) && unicode.ToLower(r) != r }

// isOrdinal reports the ordinal indicators that Spanish headers use for
// "número" (Nº, N°, Nª by mistake).
func isOrdinal(r rune) bool { return r == 'º' || r == 'ª' || r == '°' }

// foldOrdinals turns "nº", "n.º", "n°" and a lone "º" into the word "no", so
// "Nº Factura", "N.º factura" and "No. factura" meet at "no factura". The
// "n" is consumed only at the start of a word: "revisiónº" keeps its n.
func foldOrdinals(s string) string {
	if !strings.ContainsFunc(s, isOrdinal) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		wordStart := i == 0 || !isWordRune(rs[i-1])
		if r == 'n' && wordStart {
			j := i + 1
			if j < len(rs) && rs[j] == '.' {
				j++
			}
			if j < len(rs) && isOrdinal(rs[j]) {
				b.WriteString(" no ")
				i = j
				continue
			}
		}
		if isOrdinal(r) {
			b.WriteString(" no ")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldAccents removes combining marks after canonical decomposition:
// "Código" → "codigo", "Año" → "ano". Compatibility characters (ﬁ, ²) are
// kept as they are, which is also what DuckDB's strip_accents does, so Go
// and SQL agree on enum values.
func foldAccents(s string) string {
	if isASCII(s) {
		return s
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// foldSeparators keeps letters and digits and turns every other run of
// characters (spaces, NBSP, BOM, underscores, / . - ( ) : # % € …) into one
// space, trimmed at both ends.
func foldSeparators(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isWordRune(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// squash is Normalize without spaces: CRM API names are matched this way
// because "ACCOUNTID" (Data Loader), "AccountId" (API) and "accountid"
// (Dynamics) are the same field.
func squash(header string) string {
	return strings.ReplaceAll(Normalize(header), " ", "")
}

// scaleWords are the words of a header that says its amounts are written
// in thousands, millions or cents ("Objetivo (miles €)", "Revenue target
// (k€)", "Budget ('000)", "Umsatz TEUR", "Ventas (millones)",
// "amount_cents"), and their factor.
var scaleWords = map[string]string{
	"k": "1000", "miles": "1000", "thousand": "1000", "thousands": "1000", "000": "1000",
	"000s": "1000", "keur": "1000", "kusd": "1000", "teur": "1000", "tsd": "1000",
	"millones": "1000000", "million": "1000000", "millions": "1000000", "mio": "1000000",
	"mn": "1000000", "meur": "1000000", "musd": "1000000",
	// Amounts in the currency's hundredths, as payment APIs write them
	// ("amount_cents", "Amount (in cents)", "Importe en céntimos").
	"cents": "0.01", "cent": "0.01", "centimos": "0.01", "centavos": "0.01", "pence": "0.01",
}

// millionsSign is "M€", "€m", "$m", "£M": an M beside a currency sign (an
// M alone could be metres or minutes).
var millionsSign = regexp.MustCompile(`(?i)(^|[^\pL])(m[€$£]|[€$£]m)([^\pL]|$)`)

// HeaderScale is the factor a header says its amounts are written in:
// "1000" for thousands, "1000000" for millions, "0.01" for cents, "" when
// it says none.
func HeaderScale(header string) string {
	if millionsSign.MatchString(header) {
		return "1000000"
	}
	for _, w := range strings.Fields(Normalize(header)) {
		if f := scaleWords[w]; f != "" {
			return f
		}
	}
	return ""
}

// lotSuffixes end the headers of the results of Spain's public procurement
// platform (PLACSP's open-data workbook: "Importe adjudicación sin
// impuestos licitación/lote", "Identificador Adjudicatario de la
// licitación/lote", "Número de ofertas recibidas por licitación/lote"):
// each value is the tender's, or its lot's when it has lots. They say
// where a value comes from, not what it is, and no header was known with
// them.
var lotSuffixes = []string{" de la licitacion lote", " por licitacion lote", " de licitacion lote", " licitacion lote"}

// withoutLotSuffix is a normalised header without its lot suffix, norm
// itself when it has none.
func withoutLotSuffix(norm string) string {
	for _, s := range lotSuffixes {
		if r, ok := strings.CutSuffix(norm, s); ok && r != "" {
			return r
		}
	}
	return norm
}

// withoutScale drops the words that say thousands or millions (and an
// "in", "en", "de" or "of" before them, or a "de" or "of" after them, as
// statistical tables write "Importe (miles de euros)" and "Amount
// (thousands of pounds)"), so "Objetivo (miles €)" is read as "Objetivo";
// "" when there is none or nothing else.
func withoutScale(norm string) string {
	words := strings.Fields(norm)
	kept := words[:0:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if scaleWords[w] != "" || (w == "m" && i > 0) {
			if n := len(kept); n > 0 && (kept[n-1] == "in" || kept[n-1] == "en" || kept[n-1] == "de" || kept[n-1] == "of") {
				kept = kept[:n-1]
			}
			if i+1 < len(words) && (words[i+1] == "de" || words[i+1] == "of") {
				i++
			}
			continue
		}
		kept = append(kept, w)
	}
	if len(kept) == len(words) || len(kept) == 0 {
		return ""
	}
	return strings.Join(kept, " ")
}

// withoutTaxExcluded drops the words that say an amount is before tax
// ("Line Amount Excl. VAT", "Unit Price (ex GST)", "Importe sin IVA",
// "Importe (IVA excluido)", "Amount before taxes", "Net of tax", "Montant
// HT"), so that the rest
// names the column: an amount before tax is what kam reads as revenue.
// "" when there are none or nothing else.
func withoutTaxExcluded(norm string) string {
	words := strings.Fields(norm)
	kept := words[:0:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "ht" && i > 0 {
			continue
		}
		if taxWords[w] && i+1 < len(words) && (taxExcluding[words[i+1]] || words[i+1] == "excluido" || words[i+1] == "excluida") && words[i+1] != "ex" {
			i++ // "IVA excluido", "VAT excl."
			continue
		}
		if taxExcluding[w] || (w == "net" && i+1 < len(words) && words[i+1] == "of") {
			j := i + 1
			for j < len(words) && (words[j] == "of" || words[j] == "de" || words[j] == "the") {
				j++
			}
			if j < len(words) && taxWords[words[j]] {
				i = j
				continue
			}
		}
		kept = append(kept, w)
	}
	if len(kept) == len(words) || len(kept) == 0 {
		return ""
	}
	return strings.Join(kept, " ")
}

// taxExcluding are the words before a tax that say "without it".
var taxExcluding = map[string]bool{
	"excl": true, "exc": true, "excluding": true, "excluded": true, "exclusive": true,
	"ex": true, "before": true, "without": true, "less": true, "sin": true, "antes": true,
	"ohne": true,
}

// taxWords name a sales tax.
var taxWords = map[string]bool{
	"iva": true, "vat": true, "tax": true, "taxes": true, "igic": true, "gst": true,
	"hst": true, "impuestos": true, "impuesto": true, "btw": true, "mwst": true, "ust": true,
}

// SaysHours reports whether a header names its unit as hours ("Duración
// (h)", "Hours spent", "Tiempo (horas)", "Duration hrs").
func SaysHours(header string) bool {
	for _, w := range strings.Fields(Normalize(header)) {
		switch w {
		case "h", "hour", "hours", "hora", "horas", "hr", "hrs":
			return true
		}
	}
	return false
}

// SaysMilliseconds reports whether a header names its unit as
// milliseconds ("Duration (ms)", "Talk time ms", "Duración en
// milisegundos"), as call-center and telephony exports count a call.
func SaysMilliseconds(header string) bool {
	for _, w := range strings.Fields(Normalize(header)) {
		if millisecondWords[w] {
			return true
		}
	}
	return false
}

var millisecondWords = map[string]bool{
	"ms": true, "msec": true, "msecs": true, "millis": true, "millisecond": true,
	"milliseconds": true, "milisegundo": true, "milisegundos": true,
}

// SaysPercent reports whether a header says its values are percentages:
// written with a % sign ("Dto %", "Probability (%)") or the word
// ("Discount percent", "Porcentaje descuento").
func SaysPercent(header string) bool {
	if strings.ContainsAny(header, "%\uff05") {
		return true
	}
	for _, w := range strings.Fields(Normalize(header)) {
		switch w {
		case "percent", "percentage", "pct", "porcentaje", "porciento":
			return true
		}
	}
	return false
}

// SaysWeighted reports whether a header names a deal amount already
// weighted by its probability: Salesforce's and Zoho's Expected Revenue
// (Ingresos esperados) is Amount × Probability, as are a "weighted amount",
// "weighted value" (Pipedrive), "forecast amount" (HubSpot) or an "importe
// ponderado". Read as the deal's amount, the pipeline would be weighted
// twice; no header like that is offered for it. (Odoo's expected_revenue is
// the amount itself: its preset maps it.)
func SaysWeighted(header string) bool {
	words := strings.Fields(Normalize(header))
	for i, w := range words {
		switch w {
		case "weighted", "ponderado", "ponderada", "ponderados", "ponderadas", "prorated":
			return true
		case "revenue", "ingresos":
			if i > 0 && (words[i-1] == "expected" || words[i-1] == "forecast") {
				return true
			}
			if i+1 < len(words) && words[i+1] == "esperados" {
				return true
			}
		case "amount":
			if i > 0 && words[i-1] == "forecast" {
				return true
			}
		}
	}
	return false
}

// SaysTaxIncluded reports whether a header says its amounts include tax
// ("Importe (IVA incl.)", "Total incl. VAT", "Total con IVA", "Price incl.
// tax", "Montant TTC", "Bruttobetrag"): such amounts are not revenue, and no header like
// that is offered for a net amount.
func SaysTaxIncluded(header string) bool {
	words := strings.Fields(Normalize(header))
	tax, incl := false, false
	for i, w := range words {
		switch w {
		case "iva", "vat", "tax", "taxes", "igic", "gst", "impuestos", "impuesto", "tva", "btw", "mwst", "ust":
			tax = true
			if i > 0 && (words[i-1] == "con" || words[i-1] == "with" || words[i-1] == "plus") {
				incl = true
			}
		case "incl", "inc", "included", "including", "inclusive", "incluido", "incluida", "incluidos", "incluidas", "incluye":
			incl = true
		case "ttc", "brutto": // French "toutes taxes comprises", German "Betrag brutto"
			return true
		}
		if strings.HasPrefix(w, "brutto") {
			// German writes it as one word: "Bruttobetrag", "Bruttosumme".
			return true
		}
	}
	return tax && incl
}

// abbreviations are the words ERP screens shorten to fit a column heading
// (SAP's "Billing Doc.", "Billed Qty", "Net Amt", "Cust. No", "Doc. Curr."),
// by their whole word.
var abbreviations = map[string]string{
	"doc": "document", "docu": "document", "qty": "quantity", "quant": "quantity",
	"amt": "amount", "curr": "currency", "cust": "customer", "inv": "invoice",
	"bill": "billing", "mat": "material",
	// Oracle and JD Edwards column names ("INVOICE_NUM", "TRX_NUMBER",
	// "TRX_DATE", "CUST_NBR").
	"num": "number", "nbr": "number", "trx": "transaction", "txn": "transaction", "dt": "date",
}

// withAbbreviationsExpanded writes out the shortened words of a normalised
// header, so that "billing doc" meets the dictionary's "billing document";
// "" when it has none.
func withAbbreviationsExpanded(norm string) string {
	words := strings.Fields(norm)
	changed := false
	for i, w := range words {
		if long, ok := abbreviations[w]; ok {
			words[i], changed = long, true
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(words, " ")
}

// monthlyWords say a figure is for a month ("Coste mensual", "Monthly
// salary", "Salario por mes").
var monthlyWords = []string{"mensual", "monthly", "mes", "month", "mensuales"}

// SaysMonthly reports whether a header says its figure is for one month.
func SaysMonthly(header string) bool {
	for _, w := range strings.Fields(Normalize(header)) {
		if slices.Contains(monthlyWords, w) {
			return true
		}
	}
	return false
}
