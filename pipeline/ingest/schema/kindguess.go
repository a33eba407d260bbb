package schema

import (
	"path"
	"slices"
	"strings"
	"unicode"
)

// nameWords are the words of file names, singular; plurals are derived
// (s, es, y→ies). Kinds are listed most specific first: "objetivos_ventas"
// and "sales_targets" are targets before they are sales, and account,
// product and person words usually qualify another kind ("ventas_clientes").
var nameWords = []struct {
	kind  string
	words []string
}{
	{Targets, []string{"target", "objetivo", "plan", "presupuesto", "budget", "cuota", "quota", "meta", "goal"}},
	{Assessments, []string{"assessment", "evaluacion", "evaluation", "valoracion", "appraisal", "competencia", "competency", "skill", "habilidad"}},
	{FXRates, []string{"fx", "exchange", "rate", "cambio", "divisa"}},
	{ServiceCosts, []string{"cost", "coste", "costo", "rappel", "rebate", "porte", "flete", "freight"}},
	{Opportunities, []string{"opportunity", "oportunidad", "deal", "pipeline"}},
	{Activities, []string{
		"activity", "actividad", "task", "tarea", "event", "evento", "interaccion",
		"interaction", "call", "llamada", "visita", "visit", "reunion", "meeting",
	}},
	{Sales, []string{
		"sale", "venta", "linea", "line", "detail", "detalle", "revenue", "ingreso",
		// Portuguese, Nordic, Finnish, Dutch and Polish.
		"venda", "salg", "forsaljning", "myynti", "verkoop", "sprzedaz", "sprzedazy",
	}},
	{Invoices, []string{"cabecera", "header"}},
	{Invoices + "|" + Sales, []string{
		"invoice", "factura", "order", "pedido", "facturacion", "albaran",
		// German, French, Italian and Dutch (plurals in -en and -e are
		// not derived): "Rechnungen.csv", "Ausgangsrechnungen.csv",
		// "Rechnungsausgangsbuch.csv", "factures.csv", "fatture.csv".
		"rechnung", "rechnungen", "ausgangsrechnung", "ausgangsrechnungen", "rechnungsausgangsbuch",
		"facture", "fattura", "fatture", "factuur", "facturen",
		// Portuguese, Nordic, Finnish and Polish ("Fakturalista.csv",
		// "myyntilaskut.csv"), and the fiscal documents of Latin America
		// (Mexico's CFDI, Argentina's and Colombia's comprobantes).
		"fatura", "faturacao", "faktura", "fakturor", "fakturaer", "fakturalista", "fakturaliste",
		"lasku", "laskut", "myyntilasku", "myyntilaskut", "verkoopfactuur", "verkoopfacturen",
		"faktury", "cfdi", "comprobante",
	}},
	{Products, []string{"product", "producto", "articulo", "item", "sku", "catalogo", "catalog", "tarifa"}},
	{KAMs, []string{
		"kam", "gestor", "user", "owner", "comercial", "vendedor", "rep", "employee",
		"empleado", "usuario",
	}},
	{Accounts, []string{
		"account", "cuenta", "cliente", "customer", "costumer", "company", "empresa",
		"partner", "organizacion", "organization",
	}},
}

// namePhrases are word pairs whose meaning differs from their words:
// "sales_reps" lists people, not sales; "price_list" and "product_lines"
// list products. Words are singular; plurals match as for nameWords.
var namePhrases = []struct {
	first, second, kind string
}{
	{"sale", "rep", KAMs},
	{"price", "list", Products},
	{"lista", "precio", Products},
	{"product", "line", Products},
	{"linea", "producto", Products},
	{"cost", "to", ServiceCosts},
	// Odoo names an export after its model: "account.move.csv" holds
	// invoices (with their lines when exported so), not accounts;
	// "account.move.line.csv" their journal items.
	{"account", "move", Invoices + "|" + Sales},
	// Brazil's invoices: "notas_fiscais.csv", "NF-e emitidas".
	{"nota", "fiscal", Invoices + "|" + Sales},
	{"nota", "fiscais", Invoices + "|" + Sales},
}

// isForm reports whether w is word or one of its plurals.
func isForm(w, word string) bool {
	return w == word || w == word+"s" || w == word+"es" ||
		(strings.HasSuffix(word, "y") && w == strings.TrimSuffix(word, "y")+"ies")
}

// phraseAt returns the kind of a phrase starting at words[i], or "".
func phraseAt(words []string, i int) string {
	if i+1 >= len(words) {
		return ""
	}
	for _, p := range namePhrases {
		if isForm(words[i], p.first) && isForm(words[i+1], p.second) {
			return p.kind
		}
	}
	return ""
}

// wordKinds maps every singular and plural word form to its kinds.
var wordKinds = func() map[string]string {
	m := map[string]string{}
	for _, g := range nameWords {
		for _, w := range g.words {
			forms := []string{w, w + "s", w + "es", strings.TrimSuffix(w, "y") + "ies"}
			for _, f := range forms {
				if !isForm(f, w) {
					continue
				}
				if _, taken := m[f]; !taken {
					m[f] = g.kind
				}
			}
		}
	}
	return m
}()

// KindsFromName returns the kinds a file name suggests (spec: Recognising
// files), most specific first; empty when the name says nothing. relPath is
// relative to the input folder; only the base name is used.
//
// A word that fits both sales and invoices ("facturas", "pedidos") returns
// both, and so does a name with a header word and a line word
// ("facturas_lineas"): KindFromHeader decides, since lines carry amounts.
func KindsFromName(relPath string) []string {
	base := path.Base(strings.ReplaceAll(relPath, `\`, "/"))
	words := strings.FieldsFunc(Normalize(base), func(r rune) bool { return r == ' ' || unicode.IsDigit(r) })
	found := map[string]bool{}
	for i := 0; i < len(words); i++ {
		if k := phraseAt(words, i); k != "" {
			for _, k := range strings.Split(k, "|") {
				found[k] = true
			}
			i++
			continue
		}
		for _, k := range strings.Split(wordKinds[words[i]], "|") {
			if k != "" {
				found[k] = true
			}
		}
	}
	// A header word settles "facturas_cabecera" as invoices; a line word
	// keeps "facturas_lineas" open to both, lines first (the group order).
	if found[Invoices] && found[Sales] && hasWordOf(words, Invoices) && !hasWordOf(words, Sales) {
		delete(found, Sales)
	}
	// Lines come before invoices only when a line word says so: a bare
	// "facturas" is an invoice file first, whatever its header decides.
	lineWord := hasWordOf(words, Sales)
	var out []string
	for _, g := range nameWords {
		if g.kind == Sales && !lineWord {
			continue
		}
		for _, k := range strings.Split(g.kind, "|") {
			if found[k] && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// hasWordOf reports whether a word names kind alone (not "factura", which
// names both sales and invoices).
func hasWordOf(words []string, kind string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return wordKinds[w] == kind })
}

// KindFromHeader returns the kind whose columns the headers fit best, and a
// score in 0..1; "" when no kind's required columns can be mapped. Among
// candidates (nil: all kinds) it decides sales vs invoices: lines carry
// amounts, headers do not.
//
// The score is the share of the file's headers that feed a column, each
// weighed by how specific its match was, so a Salesforce Account export is
// accounts (most fields map) rather than kams (only Id and Name would).
// Sales vs invoices needs no rule of its own: sales has every invoice
// column, so it maps at least what invoices map, and it can be mapped at
// all only when an amount or price column is there, which then scores on
// top.
func KindFromHeader(headers []string, candidates []string) (kind string, score float64) {
	byColumns := candidates == nil
	if byColumns {
		candidates = KindNames()
	}
	best, bestScore := "", -1.0
	row := newHeaderRow(headers)
	for _, name := range candidates {
		k, ok := KindByName(name)
		if !ok {
			continue
		}
		m := newMapper(k, row)
		m.applyPreset()
		m.applySynonyms()
		m.shareIDName()
		if m.isMissing() && (byColumns || !m.onlyAmountWithTax()) {
			continue
		}
		if byColumns && name == Targets && m.weakPlanAmount() {
			continue
		}
		if s := m.fit(); s > bestScore {
			best, bestScore = name, s
		}
	}
	if best == "" {
		return "", 0
	}
	return best, bestScore
}

// fit is the weighted share of usable headers that feed a column.
func (m *mapper) fit() float64 {
	n := 0
	for i := range m.headers {
		if !m.blocked[i] {
			n++
		}
	}
	if n == 0 {
		return 0
	}
	sum := 0.0
	for col, t := range m.tiers {
		// A first and a last name say a file lists people; beside a name
		// column they are no sign of the kind (a CRM's contacts are not
		// its accounts). A line's document type beside its amount is a
		// sign of sales lines all the same: without it, a register of
		// invoices and credit notes ("Belegart", "Tipo de documento")
		// fitted invoice headers as well and was loaded as such.
		if c, _ := m.kind.Column(col); c.Source != "" && c.Type == Text && m.has(c.Source) && c.Name != "document_type" {
			continue
		}
		sum += t.weight()
	}
	return min(sum/float64(n), 1)
}

// LineEvidence reads a header row as sales lines: the header that gives the
// invoice (order) id, and whether the row has what only lines carry — a
// line number, a product, a quantity or a unit price. An ERP export split
// into an order file and a line file has both files' ids under one header
// name; only the line file has line columns.
func LineEvidence(headers []string) (invoiceHeader string, lines bool) {
	k, _ := KindByName(Sales)
	m := newMapper(k, newHeaderRow(headers))
	m.applyPreset()
	m.applySynonyms()
	i, ok := m.cols["invoice_id"]
	if !ok {
		return "", false
	}
	for _, c := range []string{"line_no", "product_id", "quantity", "unit_price"} {
		if m.has(c) {
			lines = true
		}
	}
	return headers[i], lines
}

// otherEntities are the records of a CRM or ERP that no kind holds, by the
// word their exports are named with, and what they are. Their columns look
// like a kind's (a contact has an account id and a person's name, as a B2C
// customer file has), so their name decides: they are skipped, saying why.
var otherEntities = []struct{ word, what string }{
	{"contact", "contacts (people at accounts)"},
	{"contacto", "contacts (people at accounts)"},
	{"lead", "leads (prospects before they are accounts)"},
	{"campaign", "marketing campaigns"},
	{"campana", "marketing campaigns"},
	{"territory", "sales territories"},
	{"territorio", "sales territories"},
}

// OtherEntity returns what a file holds when its name says it is an entity
// no kind holds ("Contacts.csv" → contacts), "" otherwise.
func OtherEntity(relPath string) string {
	base := path.Base(strings.ReplaceAll(relPath, `\`, "/"))
	for _, w := range strings.FieldsFunc(Normalize(base), func(r rune) bool { return r == ' ' || unicode.IsDigit(r) }) {
		for _, e := range otherEntities {
			if isForm(w, e.word) {
				return e.what
			}
		}
	}
	return ""
}

// tableLayouts are the fields of tables that systems export without a
// header row, by the table's name: SAP writes a table extract (SE16, a
// HANA .hdbtabledata load file) as bare rows, and its field list is SAP's
// own. TCURR is SAP's exchange-rate table.
var tableLayouts = map[string][]string{
	"tcurr": {"MANDT", "KURST", "FCURR", "TCURR", "GDATU", "UKURS", "FFACT", "TFACT"},
}

// TableLayout returns the fields of a file named after a known table
// (TCURR.csv, tcurr.txt.gz), nil otherwise.
func TableLayout(relPath string) []string {
	base := strings.ToLower(path.Base(strings.ReplaceAll(relPath, `\`, "/")))
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	return tableLayouts[base]
}

// weakPlanAmount: the targets' amount is named only by a word any amount
// has ("Importe", "Amount"). A sheet of "Cliente, Mes, Importe" beside
// the sales is their summary by month, not a plan: taken for targets by
// its columns alone, it was the plan every account met to the cent. A plan
// says so in its amount's header (Objetivo, Presupuesto, Target, Quota),
// or in its file's or sheet's name (the candidates then name targets).
func (m *mapper) weakPlanAmount() bool {
	t, ok := m.tiers["revenue_target"]
	return ok && t < tierStrong-fuzzyPenalty
}

// BookingBatch reports whether a header is DATEV's booking batch
// (Buchungsstapel, the EXTF export German accountants pass between
// programs): its "Umsatz (ohne Soll/Haben-Kz)" beside the
// "Soll/Haben-Kennzeichen" of each booking. Such a file is journal entries,
// not invoice lines: the amount is gross of VAT when the revenue account
// books the tax itself, a debit or credit of the customer's account may be
// an invoice, a credit note or a payment, and the Belegdatum has no year
// (3110 is the 31st of October). Mapping its columns as sales would read
// all that wrongly, so it is named rather than read.
func BookingBatch(header []string) bool {
	var amount, side bool
	for _, h := range header {
		switch Normalize(h) {
		case "umsatz ohne soll haben kz":
			amount = true
		case "soll haben kennzeichen":
			side = true
		}
	}
	return amount && side
}
