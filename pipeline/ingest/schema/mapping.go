package schema

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Mapping says which header of a file feeds each canonical (or auxiliary)
// column of its kind.
type Mapping struct {
	Kind    string
	Preset  string         // "salesforce", "salesforce-report", "hubspot", "dynamics", "odoo" or ""
	Columns map[string]int // column name → index in the header row
	Unused  []int          // header indexes that feed nothing (listed in the manifest)
	// Undecided are columns fed by a header that names a rate and an
	// amount alike ("Descuento"): column → the other column the header
	// may feed. The column's values decide (the loader's job); the
	// configuration or a more telling header ("Dto %") leaves nothing
	// undecided.
	Undecided map[string]string
	// RateDecided are the raw columns whose reading as a rate or an
	// amount the values decided (and a note says how), once Undecided is
	// settled.
	RateDecided []int
	// PercentDecided are the rate columns whose lines showed them on the
	// 0–100 scale (price × quantity × (1 − value/100) is the amount),
	// however small their values.
	PercentDecided []int
	// Ignored are the headers the system's preset knows to feed nothing
	// of the kind (a shop's order totals beside its line items): no note
	// reads them as an unapplied discount.
	Ignored []int
	// OtherTables are the headers of a child table other than the lines'
	// in a document exported with its child tables (ERPNext's "… (Sales
	// Taxes and Charges)" beside "… (Items)"): they feed nothing.
	OtherTables []int
}

// Map maps the headers of a file of the given kind. explicit (canonical
// column → header, from the configuration) wins over presets and synonyms;
// an explicit header that is not in the file is an error naming it.
//
// Each header feeds at most one column and each column takes at most one
// header, so a file never loads the same text twice under two meanings —
// except an entity's id and name (idNamePairs): a customer list of only
// "account, sector" names its accounts by the key, and that one column is
// both.
func Map(file, kind string, headers []string, explicit map[string]string) (Mapping, error) {
	k, ok := KindByName(kind)
	if !ok {
		return Mapping{}, fmt.Errorf("%s: unknown kind %q (one of %s)", file, kind, strings.Join(KindNames(), ", "))
	}
	m := newMapper(k, newHeaderRow(headers))
	if err := m.applyExplicit(file, explicit); err != nil {
		return Mapping{}, err
	}
	m.applyPreset()
	m.applySynonyms()
	m.unitOverUnsaid()
	m.shareIDName()
	if missing := m.missing(); len(missing) > 0 {
		// The mapping so far goes with the error, so that callers can add
		// what they find missing themselves and report it all at once.
		return m.result(), &MappingError{File: file, Kind: kind, Missing: missing, Found: slices.Clone(headers)}
	}
	return m.result(), nil
}

// headerRow is a file's header row with what every kind's mapping needs
// computed once: KindFromHeader maps the same row for up to ten kinds.
type headerRow struct {
	headers  []string
	norms    []string
	squashed []string
	blocked  []bool   // never mapped: blank or Dynamics "(Do Not Modify)"
	tails    []string // pathTail of each header, "" when another header ends the same
	entity   []bool   // a field of the row's own entity, "Deal - Stage" (ownEntity)
	// moneyBases are the headers without the words naming their
	// currency ("Importe (EUR)" → "importe"), "" when they name none.
	moneyBases []string
	preset     *preset
	owed       int // the header of what is still owed on each invoice, -1 for none (owedColumn)
	// tables name the child table of each header of a document exported
	// with its child tables ("Rate (Items)" → "items"), "" for the
	// document's own fields; labels are those headers' labels
	// normalised ("rate"). See childTables.
	tables, labels []string
}

func newHeaderRow(headers []string) *headerRow {
	row := &headerRow{
		headers:  headers,
		norms:    make([]string, len(headers)),
		squashed: make([]string, len(headers)),
		blocked:  make([]bool, len(headers)),
	}
	for i, h := range headers {
		n := withoutLotSuffix(Normalize(h))
		row.norms[i] = n
		row.squashed[i] = strings.ReplaceAll(n, " ", "")
		row.blocked[i] = n == "" || isDoNotModifyNorm(n)
	}
	row.moneyBases = make([]string, len(headers))
	for i, h := range headers {
		if ac := headerCurrency(h, row.norms[i]); ac.Named() && ac.Base != row.norms[i] {
			row.moneyBases[i] = ac.Base
		}
	}
	row.owed = owedIndex(row.norms)
	row.tails = uniqueTails(headers)
	row.entity = make([]bool, len(headers))
	if own := ownEntity(headers); own != "" {
		for i, h := range headers {
			e, _, ok := entityField(h)
			row.entity[i] = ok && strings.EqualFold(e, own)
		}
	}
	row.tables, row.labels = childTables(headers)
	row.preset = detectPreset(row)
	return row
}

// mapper holds the state of one mapping: which headers are taken and how
// confidently each column was matched.
type mapper struct {
	*headerRow
	kind       Kind
	used       []bool
	cols       map[string]int
	tiers      map[string]tier
	presetUsed string       // the preset's name once it fed a column
	ignored    map[int]bool // headers the preset says feed nothing of the kind (preset.ignore)
	undecided  map[string]string
	lines      string // the child table of a sales export whose fields are the lines (lineTable)
}

func newMapper(k Kind, row *headerRow) *mapper {
	m := &mapper{
		headerRow: row,
		kind:      k,
		used:      make([]bool, len(row.headers)),
		cols:      map[string]int{},
		tiers:     map[string]tier{},
		ignored:   map[int]bool{},
	}
	m.lines = m.lineTable()
	return m
}

func (m *mapper) free(i int) bool { return !m.used[i] && !m.blocked[i] && !m.ignored[i] }

func (m *mapper) assign(col string, i int, t tier) {
	m.cols[col] = i
	m.tiers[col] = t
	m.used[i] = true
}

// applyExplicit takes the configured headers: exact text first, then the
// normalised form, so "fecha_factura" in kam.yaml still finds "Fecha
// Factura". Columns are visited in sorted order so that errors do not
// depend on map iteration.
func (m *mapper) applyExplicit(file string, explicit map[string]string) error {
	for _, col := range slices.Sorted(maps.Keys(explicit)) {
		want := explicit[col]
		if _, ok := m.kind.Column(col); !ok {
			return fmt.Errorf("%s: kind %s has no column %q (columns: %s)", file, m.kind.Name, col, strings.Join(ColumnNames(m.kind.Name), ", "))
		}
		i := slices.IndexFunc(m.headers, func(h string) bool { return h == want })
		if i < 0 || m.blocked[i] {
			n := Normalize(want)
			i = -1
			for j := range m.headers {
				if !m.blocked[j] && n != "" && m.norms[j] == n {
					i = j
					break
				}
			}
		}
		if i < 0 {
			return fmt.Errorf("%s: header %q configured for %s %s is not in the file; headers found: %s — set columns: %s: %s in kam.yaml to one of them", file, want, m.kind.Name, col, quoteList(m.headers), m.kind.Name, col)
		}
		if m.used[i] {
			other := ""
			for c, j := range m.cols {
				if j == i {
					other = c
				}
			}
			if isIDNamePair(m.kind.Name, other, col) {
				m.cols[col] = i
				m.tiers[col] = tierExplicit
				continue
			}
			return fmt.Errorf("%s: header %q is configured for both %s and %s of %s; a header can feed one column only (an id and its name may share one)", file, m.headers[i], other, col, m.kind.Name)
		}
		m.assign(col, i, tierExplicit)
	}
	return nil
}

// applyPreset feeds the columns a detected CRM preset knows by exact name.
func (m *mapper) applyPreset() {
	p := m.preset
	if p == nil {
		return
	}
	for _, h := range p.ignore[m.kind.Name] {
		for i, sq := range m.squashed {
			if m.free(i) && sq == squash(h) {
				m.ignored[i] = true
			}
		}
	}
	for _, rl := range p.rules[m.kind.Name] {
		if _, done := m.cols[rl.column]; done {
			continue
		}
	alternatives:
		for _, h := range rl.headers {
			for i, sq := range m.squashed {
				if m.free(i) && sq == h {
					m.assign(rl.column, i, tierPreset)
					m.presetUsed = p.name
					break alternatives
				}
			}
		}
	}
}

// applySynonyms assigns the remaining columns greedily, best match first:
// a more specific entry beats a vaguer one whatever the header order, and
// ties go to the earlier column of the kind (keys before attributes), then
// the earlier header.
func (m *mapper) applySynonyms() {
	var cands []candidate
	lines := m.lines
	for i, h := range m.headers {
		if !m.free(i) {
			continue
		}
		var hc []candidate
		switch {
		case lines != "" && m.tables[i] == lines:
			hc = m.childCandidates(i)
		case lines != "" && m.tables[i] != "":
			// Another child table's field (a tax's rate, a payment's
			// amount) is no line's.
			m.ignored[i] = true
			continue
		default:
			hc = synonymCandidates(m.kind, i, h, m.norms[i], m.tails[i], m.moneyBases[i])
			if lines != "" {
				hc = m.documentCandidates(i, hc)
			}
		}
		for _, c := range hc {
			if m.kind.Name == Sales && netColumn(c.column) && m.withTax(i) {
				// An amount with tax is never revenue.
				continue
			}
			cands = append(cands, c)
		}
	}
	order := make(map[string]int, len(m.kind.Columns))
	for i, c := range m.kind.Columns {
		order[c.Name] = i
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		return cmp.Or(
			cmp.Compare(b.score, a.score),
			cmp.Compare(order[a.column], order[b.column]),
			cmp.Compare(a.header, b.header),
		)
	})
	for _, c := range cands {
		if _, done := m.cols[c.column]; done || !m.free(c.header) {
			continue
		}
		m.assign(c.column, c.header, c.tier)
	}
	m.repairRequired(cands)
	m.mapGrossBesideTax()
	m.dropLonely()
	m.dropOrderFigures()
	for _, c := range cands {
		col, ok := m.kind.Column(c.column)
		if ok && m.cols[c.column] == c.header && m.tiers[c.column] == c.tier {
			m.noteRateOrAmount(col, c, cands)
		}
	}
}

// dropLonely frees the headers of columns mapped without the column they
// go beside (Column.Beside): an invoice's base without its discount.
func (m *mapper) dropLonely() {
	for _, c := range m.kind.Columns {
		i, ok := m.cols[c.Name]
		if c.Beside == "" || !ok || slices.ContainsFunc(strings.Split(c.Beside, "|"), m.has) {
			continue
		}
		delete(m.cols, c.Name)
		delete(m.tiers, c.Name)
		m.used[i] = false
	}
}

// dropOrderFigures: a shop's export of its orders' items (WooCommerce's
// "one row per item", Magento's order items) repeats the order's own
// figures on every item: Order Subtotal, Order Tax, Cart Discount, Order
// Refund Amount, Order Total. They are the sale's amounts in an export of
// one row per order, but beside the items' own amount (its line subtotal,
// its price) they are no item's: read as its tax, discount or refund, each
// item would take the whole order's off. They then feed nothing, and are
// the export's ignored order totals (a refund among them is named by the
// note on order refunds).
func (m *mapper) dropOrderFigures() {
	lineAmount := false
	for _, c := range []string{"net_amount", "unit_price"} {
		if i, ok := m.cols[c]; ok && !isOrderFigure(m.norms[i]) {
			lineAmount = true
		}
	}
	if !lineAmount {
		return
	}
	for _, c := range m.kind.Columns {
		i, ok := m.cols[c.Name]
		if !ok || c.Type != Money || !isOrderFigure(m.norms[i]) {
			continue
		}
		delete(m.cols, c.Name)
		delete(m.tiers, c.Name)
		m.used[i] = false
		// The cart's discount stays unused, not ignored: the note on a
		// discount kam does not apply names it.
		m.ignored[i] = c.Name != "discount_amount"
	}
}

// isOrderFigure: a normalised header that names one of an order's or a
// cart's own amounts ("order subtotal", "order tax", "cart discount
// amount"), not its lines' ("order line amount", Odoo's "Order
// Lines/Subtotal", "order item price").
func isOrderFigure(norm string) bool {
	w := strings.Fields(norm)
	return len(w) > 1 && (w[0] == "order" || w[0] == "cart") && !slices.Contains([]string{"line", "lines", "item", "items"}, w[1])
}

// noteRateOrAmount records a header that fed a money column while it fits a
// rate column as well (or the reverse) with the same score, when nothing
// else feeds the other column.
func (m *mapper) noteRateOrAmount(col Column, won candidate, cands []candidate) {
	for _, c := range cands {
		if c.header != won.header || c.column == won.column || c.score != won.score || m.has(c.column) {
			continue
		}
		other, _ := m.kind.Column(c.column)
		if rateOrAmount(col.Type, other.Type) {
			if m.undecided == nil {
				m.undecided = map[string]string{}
			}
			m.undecided[won.column] = c.column
		}
	}
}

// rateOrAmount: the two types are a share and a money amount.
func rateOrAmount(a, b Type) bool {
	return a == Money && b == Share || a == Share && b == Money
}

// repairRequired gives a required column that nothing feeds the header of
// an optional column that could feed it: "employee number" is a KAM's alias
// when the file has another id, and the id when it has none.
func (m *mapper) repairRequired(cands []candidate) {
	for _, col := range m.kind.Columns {
		// A column its OneOf group names first is the one the group
		// stands for (kam_id before a person's name standing in for it).
		required := col.Required || col.Type == ID && len(col.OneOf) > 0 && col.OneOf[0] == col.Name
		if !required || m.has(col.Name) {
			continue
		}
		for _, c := range cands {
			if c.column != col.Name {
				continue
			}
			other := ""
			for name, i := range m.cols {
				if i == c.header {
					other = name
				}
			}
			if oc, _ := m.kind.Column(other); other == "" || oc.Required || len(oc.OneOf) > 0 || m.tiers[other] >= tierPreset {
				continue
			}
			delete(m.cols, other)
			delete(m.tiers, other)
			m.cols[col.Name] = c.header
			m.tiers[col.Name] = c.tier
			break
		}
	}
}

// missing returns every required column (or OneOf group) that nothing
// feeds, as it is named in errors, with the headers closest to it.
func (m *mapper) missing() []Missing {
	var out []Missing
	for _, c := range m.kind.Columns {
		switch {
		case m.journalAmounts(c.Name), m.netFromGross(c.Name):
		case len(c.OneOf) > 0:
			if !slices.ContainsFunc(c.OneOf, m.has) {
				miss := Missing{Column: oneOfText(c.OneOf), Closest: m.closest(c.OneOf)}
				if slices.ContainsFunc(c.OneOf, netColumn) {
					for i := range m.headers {
						if m.free(i) && m.withTax(i) {
							miss.WithTax = append(miss.WithTax, m.headers[i])
						}
					}
					if o := m.owedColumn(); o >= 0 && len(miss.WithTax) > 0 {
						miss.Owed = m.headers[o]
					}
				}
				out = append(out, miss)
			}
		case c.Required && !m.has(c.Name):
			miss := Missing{Column: c.Name, Closest: m.closest([]string{c.Name})}
			if m.kind.Name == Opportunities && c.Name == "amount" {
				miss.Weighted = m.freeSaying(SaysWeighted)
			}
			out = append(out, miss)
		}
	}
	return out
}

// oneOfText names a group of alternative columns: "net_amount or
// unit_price", "revenue_target or month_01 … month_12".
func oneOfText(cols []string) string {
	if len(cols) > 3 {
		return cols[0] + " or " + cols[1] + " … " + cols[len(cols)-1]
	}
	return strings.Join(cols, " or ")
}

// isMissing reports whether a required column or group is unfed, without
// the cost of the hints.
func (m *mapper) isMissing() bool {
	for _, c := range m.kind.Columns {
		switch {
		case m.journalAmounts(c.Name), m.netFromGross(c.Name):
		case len(c.OneOf) > 0:
			if !slices.ContainsFunc(c.OneOf, m.has) {
				return true
			}
		case c.Required && !m.has(c.Name):
			return true
		}
	}
	return false
}

func (m *mapper) has(col string) bool { _, ok := m.cols[col]; return ok }

// journalAmounts: a sales line's net amount is fed by a journal's debit
// and credit columns (their difference) when the file has both.
func (m *mapper) journalAmounts(col string) bool {
	if m.kind.Name != Sales || col != "net_amount" {
		return false
	}
	// Or by a register's bases, one per tax rate (their sum).
	return (m.has("debit_amount") && m.has("credit_amount")) || slices.ContainsFunc(TaxBaseColumns, m.has)
}

// idNamePairs are the id and name columns of the entities that files may
// name by one column: the name is the key, or the key is all there is to
// call it by.
var idNamePairs = map[string][2]string{
	Accounts: {"account_id", "account_name"},
	KAMs:     {"kam_id", "kam_name"},
}

func isIDNamePair(kind, a, b string) bool {
	p, ok := idNamePairs[kind]
	return ok && (a == p[0] && b == p[1] || a == p[1] && b == p[0])
}

// shareIDName lets the header of an entity's id feed its name as well when
// no header names it, and the reverse. The shared column adds nothing to
// the kind's fit: it is one header.
func (m *mapper) shareIDName() {
	p, ok := idNamePairs[m.kind.Name]
	if !ok {
		return
	}
	id, idOK := m.cols[p[0]]
	name, nameOK := m.cols[p[1]]
	// A first and a last name give the name.
	if nc, _ := m.kind.Column(p[1]); !nameOK && slices.ContainsFunc(nc.OneOf, m.has) {
		return
	}
	switch {
	case idOK && !nameOK:
		m.cols[p[1]] = id
	case nameOK && !idOK && !m.hasOtherKey():
		m.cols[p[0]] = name
	}
}

// unitOverUnsaid: a calls export that gives a call's length twice, once
// without its unit ("Call Duration", Zoho's mm:ss) and once with it ("Call
// Duration (in seconds)"), is read from the one that names its unit; the
// other would be read by its values, a guess the file makes needless. A
// column the configuration maps is kept.
func (m *mapper) unitOverUnsaid() {
	if m.kind.Name != Activities || !m.has("duration_hours") || m.tiers["duration_hours"] == tierExplicit {
		return
	}
	i := m.cols["duration_hours"]
	if SaysHours(m.headers[i]) || SaysMilliseconds(m.headers[i]) || !m.has("duration_minutes") && !m.has("duration_seconds") {
		return
	}
	delete(m.cols, "duration_hours")
	delete(m.tiers, "duration_hours")
	m.used[i] = false
}

// keyWords end the headers of identifiers: "genre_id", "ArtistKey",
// "Item code", "Nº pedido".
var keyWords = map[string]bool{"id": true, "key": true, "code": true, "codigo": true, "cod": true, "no": true, "nr": true, "num": true, "number": true, "numero": true}

// hasOtherKey reports whether a header that feeds nothing is an identifier:
// then the file lists something with a key of its own (a music store's
// genres, artists, media types), and its name is no account's or KAM's id.
func (m *mapper) hasOtherKey() bool {
	for i, n := range m.norms {
		if !m.free(i) {
			continue
		}
		words := strings.Fields(n)
		// "Number of employees" (Salesforce's NumberOfEmployees) counts
		// something: "number of" is no key.
		if len(words) > 1 && keyWords[words[len(words)-1]] || len(words) > 1 && keyWords[words[0]] && words[0] != "no" && words[1] != "of" {
			return true
		}
	}
	return false
}

func (m *mapper) result() Mapping {
	out := Mapping{Kind: m.kind.Name, Preset: m.presetUsed, Columns: m.cols, Unused: []int{}, Undecided: m.undecided}
	for i := range m.headers {
		if !m.used[i] {
			out.Unused = append(out.Unused, i)
		}
		if m.ignored[i] {
			out.Ignored = append(out.Ignored, i)
		}
		if m.lines != "" && m.tables[i] != "" && m.tables[i] != m.lines {
			out.OtherTables = append(out.OtherTables, i)
		}
	}
	return out
}
