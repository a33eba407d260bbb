package schema

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// tier ranks how much a header match says about a column. Ambiguous words
// ("importe", "fecha", "nombre", "tipo") are weak so that a file with both
// "Fecha factura" and "Fecha vencimiento" gives invoice_date the first;
// fallbacks ("Fecha pedido" for an invoice date) are used only when nothing
// better is there; and a match found only after dropping noise ("Importe
// neto (EUR)") ranks just below the same words matched whole.
type tier int

const (
	tierFallback  tier = 10 // "~~" in the tables
	tierWeak      tier = 20 // "~" in the tables
	tierStrong    tier = 40
	tierCanonical tier = 50 // the column's own name ("net_amount")
	tierPreset    tier = 60 // a CRM preset named this exact field
	tierExplicit  tier = 70 // the configuration said so

	fuzzyPenalty tier = 5
)

// weight is what a match contributes to KindFromHeader's score: a file whose
// headers are mostly weak words is a less certain fit.
func (t tier) weight() float64 {
	switch {
	case t >= tierStrong:
		return 1
	case t >= tierStrong-fuzzyPenalty:
		return 0.9
	case t >= tierWeak-fuzzyPenalty:
		return 0.6
	default:
		return 0.4
	}
}

// synonym is one dictionary entry for a column of a kind.
type synonym struct {
	column string
	text   string // the normalised entry, for closest-candidate hints
	tier   tier
	pct    bool // written with "%": only a header with a % matches it
	tokens int  // words in the entry: more words, more specific
}

// kindSynonyms are the words that mean a column only within one kind.
var kindSynonyms = func() map[string]map[string][]string {
	m := maps.Clone(referenceSynonyms)
	maps.Copy(m, eventSynonyms)
	maps.Copy(m, assessmentSynonyms)
	return m
}()

// synonymIndex is kind → entry without spaces → the columns it may feed.
// Keys are squashed so that "FechaFactura", "FECHAFACTURA" and "Fecha
// factura" meet: ERP and CRM exports glue words as often as they split them.
var synonymIndex = buildSynonyms()

// buildSynonyms compiles the readable tables (commonSynonyms, kindSynonyms)
// into the lookup index. A leading "~" marks a weak entry, "~~" a
// fallback. A column's own name is always an entry, so "invoice_id"
// headers need no configuration.
func buildSynonyms() map[string]map[string][]synonym {
	idx := map[string]map[string][]synonym{}
	for _, k := range Kinds {
		m := map[string][]synonym{}
		idx[k.Name] = m
		for _, c := range k.Columns {
			add(m, c.Name, strings.ReplaceAll(c.Name, "_", " "), tierCanonical)
			entries := kindSynonyms[k.Name][c.Name]
			if !kindOnly[k.Name+"."+c.Name] {
				entries = slices.Concat(commonSynonyms[c.Name], localeSynonyms[c.Name], entries)
			}
			for _, e := range entries {
				t := tierStrong
				switch {
				case strings.HasPrefix(e, "~~"):
					t, e = tierFallback, e[2:]
				case strings.HasPrefix(e, "~"):
					t, e = tierWeak, e[1:]
				}
				add(m, c.Name, e, t)
			}
		}
		for col := range kindSynonyms[k.Name] {
			if _, ok := k.Column(col); !ok {
				panic(fmt.Sprintf("schema: synonyms for unknown column %s.%s", k.Name, col))
			}
		}
	}
	return idx
}

// add records an entry, keeping the strongest tier when a column lists the
// same words twice (common and per-kind tables overlap on purpose).
func add(m map[string][]synonym, col, entry string, t tier) {
	norm := Normalize(entry)
	if norm == "" {
		panic(fmt.Sprintf("schema: empty synonym for %s", col))
	}
	key := strings.ReplaceAll(norm, " ", "")
	s := synonym{column: col, text: norm, tier: t, pct: strings.Contains(entry, "%"), tokens: strings.Count(norm, " ") + 1}
	for i, old := range m[key] {
		if old.column == col && old.pct == s.pct {
			if t > old.tier {
				m[key][i].tier = t
			}
			return
		}
	}
	m[key] = append(m[key], s)
}

// noiseTokens are words that qualify a header without changing what it
// holds: currencies, date layouts, the system that wrote it.
var noiseTokens = map[string]bool{
	"eur": true, "euro": true, "euros": true, "usd": true, "gbp": true, "mxn": true,
	"clp": true, "cop": true, "ars": true, "brl": true, "pen": true, "uyu": true,
	"chf": true, "dd": true, "mm": true, "aaaa": true, "yyyy": true, "yy": true,
	"aa": true, "sap": true, "erp": true, "crm": true,
}

// withoutNoise drops noise tokens; "" when nothing was dropped or nothing
// is left.
func withoutNoise(norm string) string {
	words := strings.Fields(norm)
	kept := words[:0:0]
	for _, w := range words {
		if !noiseTokens[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == len(words) || len(kept) == 0 {
		return ""
	}
	return strings.Join(kept, " ")
}

// candidate is a possible header → column assignment.
type candidate struct {
	header int
	column string
	tier   tier
	score  int
}

// pctForbidden lists the types a header written with "%" can never feed:
// "Margen %" is a ratio, not the margin amount.
func pctForbidden(t Type) bool {
	switch t {
	case Money, Date, ID, Currency, Bool, Period:
		return true
	}
	return false
}

// synonymCandidates lists every dictionary match of one header for a kind.
// tail is the header's path tail (pathTail), "" for none.
func synonymCandidates(k Kind, i int, raw, norm, tail, moneyBase string) []candidate {
	m := synonymIndex[k.Name]
	pct := strings.Contains(raw, "%")
	var out []candidate
	moneyOnly := false
	asUnit := ""
	try := func(key string, fuzzy bool) {
		for _, s := range m[key] {
			c, _ := k.Column(s.column)
			if (s.pct && !pct) || (pct && pctForbidden(c.Type)) || (moneyOnly && c.Type != Money) {
				continue
			}
			if asUnit != "" {
				if s.column != "duration_hours" {
					continue
				}
				s.column = asUnit
			}
			t := s.tier
			if fuzzy {
				t -= fuzzyPenalty
			}
			score := int(t)*100 + s.tokens
			if s.pct {
				score += 20
			}
			out = append(out, candidate{header: i, column: s.column, tier: t, score: score})
		}
	}
	try(strings.ReplaceAll(norm, " ", ""), false)
	if r := withoutNoise(norm); r != "" {
		try(strings.ReplaceAll(r, " ", ""), true)
	}
	if r := withoutScale(norm); r != "" {
		try(strings.ReplaceAll(r, " ", ""), true)
		if r := withoutNoise(r); r != "" {
			try(strings.ReplaceAll(r, " ", ""), true)
		}
	}
	if r := withoutTaxExcluded(norm); r != "" {
		try(strings.ReplaceAll(r, " ", ""), true)
		if r := withoutNoise(r); r != "" {
			try(strings.ReplaceAll(r, " ", ""), true)
		}
	}
	if r := withAbbreviationsExpanded(norm); r != "" {
		try(strings.ReplaceAll(r, " ", ""), true)
	}
	if r := withoutCostType(norm); r != "" && k.Name == ServiceCosts {
		// "Coste porte", "Importe rappel": the amount of a file of one
		// kind of cost (the loader takes the kind from the words).
		moneyOnly = true
		try(strings.ReplaceAll(r, " ", ""), true)
		moneyOnly = false
	}
	if base, unit := withoutTimeUnit(norm); unit != "" && k.Name == Activities {
		// "Duration (s)", "Tiempo (min)", "Call time secs": a duration
		// whose header names its unit is read in it, whatever words
		// name the duration.
		asUnit = unit
		try(strings.ReplaceAll(base, " ", ""), true)
		asUnit = ""
	}
	if tail != "" {
		try(squash(tail), true)
	}
	if moneyBase != "" {
		// An amount in a named currency ("Importe en moneda local",
		// "Amount (LCY)", "Importe (divisa)") is that amount: only a
		// money column may take it.
		moneyOnly = true
		try(strings.ReplaceAll(moneyBase, " ", ""), true)
		moneyOnly = false
	}
	if r := keyAsID(norm); r != "" {
		try(strings.ReplaceAll(r, " ", ""), true)
	}
	return out
}

// pathTail is the element a structured header name ends with: SAP HANA and
// CDS exports name a field of a structure or association by its path
// ("PARTNER.PARTNERID", "HISTORY.CREATEDAT" → "PARTNERID", "CREATEDAT"),
// and a CDS code-list association by its element and "_code"
// ("CurrencyCode_code" → "CurrencyCode"). The tail is matched as a noisy
// form of the header, below whole-name matches. "" when the header is no
// such name.
func pathTail(raw string) string {
	h := strings.TrimSpace(raw)
	if h == "" || strings.ContainsAny(h, " \t") {
		return ""
	}
	if i := strings.LastIndexByte(h, '.'); i > 0 && i < len(h)-1 {
		for _, seg := range strings.Split(h, ".") {
			if seg == "" || !unicode.IsLetter([]rune(seg)[0]) {
				return ""
			}
		}
		return h[i+1:]
	}
	if p, ok := strings.CutSuffix(h, "_code"); ok && strings.Count(splitCamel(p), " ") >= 1 && !strings.Contains(p, "_") {
		return p
	}
	return ""
}

// uniqueTails is pathTail of every header, kept only where no other header
// of the row ends the same: HISTORY.CREATEDBY.EMPLOYEEID and
// HISTORY.CHANGEDBY.EMPLOYEEID both end in EMPLOYEEID, and the tail alone
// cannot tell which one a column wants.
func uniqueTails(headers []string) []string {
	tails := make([]string, len(headers))
	seen := map[string]int{}
	own := ownEntity(headers)
	for i, h := range headers {
		t := pathTail(h)
		if p, f, ok := entityField(h); t == "" && ok && strings.EqualFold(p, own) {
			t = f
		}
		if t != "" {
			tails[i] = t
			seen[squash(t)]++
		}
	}
	for i, t := range tails {
		if t != "" && seen[squash(t)] > 1 {
			tails[i] = ""
		}
	}
	return tails
}

// entityField splits a header that names its entity before a spaced dash,
// as Pipedrive writes every column of an export ("Deal - Value",
// "Deal - Currency", "Organization - Name"): the entity (one to three
// words of letters) and the field.
func entityField(raw string) (entity, field string, ok bool) {
	e, f, found := strings.Cut(strings.TrimSpace(raw), " - ")
	e, f = strings.TrimSpace(e), strings.TrimSpace(f)
	if !found || e == "" || f == "" || strings.Contains(f, " - ") || strings.Count(e, " ") > 2 {
		return "", "", false
	}
	for _, r := range e {
		if !unicode.IsLetter(r) && r != ' ' {
			return "", "", false
		}
	}
	if !unicode.IsLetter([]rune(f)[0]) {
		return "", "", false
	}
	return e, f, true
}

// ownEntity is the entity most headers of the row name (entityField), the
// one the file lists: a Pipedrive deals export names "Deal" in most of its
// columns and "Organization" or "Person" in the few it adds about the
// deal's company and contact. Only the own entity's fields are read by
// their field name: "Organization - Name" is not the deal's name. "" when
// fewer than two headers name it, or two entities are named as often.
func ownEntity(headers []string) string {
	count := map[string]int{}
	for _, h := range headers {
		if e, _, ok := entityField(h); ok {
			count[strings.ToLower(e)]++
		}
	}
	own, best, tie := "", 1, false
	for e, n := range count {
		switch {
		case n > best:
			own, best, tie = e, n, false
		case n == best:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return own
}

// keyAsID reads a data-warehouse key as the id it stands for: star schemas
// export their dimensions' surrogate keys as "ProductKey", "CustomerKey",
// "EmployeeKey" where an ERP writes "ProductID". "" when norm does not end
// in "key" after other words.
func keyAsID(norm string) string {
	if rest, ok := strings.CutSuffix(norm, " key"); ok && rest != "" {
		return rest + " id"
	}
	return ""
}

// entriesFor lists the normalised dictionary entries of a column, for the
// closest-candidate hint of a mapping error.
func entriesFor(kind, col string) []string { return entryIndex[kind][col] }

// entryIndex is kind → column → normalised entries, derived once from
// synonymIndex so that hints do not walk the whole dictionary per header.
var entryIndex = func() map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for kind, m := range synonymIndex {
		out[kind] = map[string][]string{}
		for _, ss := range m {
			for _, s := range ss {
				out[kind][s.column] = append(out[kind][s.column], s.text)
			}
		}
	}
	for _, cols := range out {
		for _, es := range cols {
			slices.Sort(es)
		}
	}
	return out
}()

// timeUnits maps the words that name a duration's unit to its column.
var timeUnits = map[string]string{
	"s": "duration_seconds", "sec": "duration_seconds", "secs": "duration_seconds",
	"seg": "duration_seconds", "segs": "duration_seconds", "second": "duration_seconds",
	"seconds": "duration_seconds", "segundo": "duration_seconds", "segundos": "duration_seconds",
	"min": "duration_minutes", "mins": "duration_minutes", "minute": "duration_minutes",
	"minutes": "duration_minutes", "minuto": "duration_minutes", "minutos": "duration_minutes",
	"h": "duration_hours", "hr": "duration_hours", "hrs": "duration_hours", "hour": "duration_hours",
	"hours": "duration_hours", "hora": "duration_hours", "horas": "duration_hours",
	// Milliseconds have no column of their own: the duration in hours
	// reads them, its name saying the unit (SaysMilliseconds).
	"ms": "duration_hours", "msec": "duration_hours", "msecs": "duration_hours",
	"millis": "duration_hours", "millisecond": "duration_hours", "milliseconds": "duration_hours",
	"milisegundo": "duration_hours", "milisegundos": "duration_hours",
}

// withoutTimeUnit splits a header that ends in a unit of time ("duration
// s", "tiempo en minutos") into the rest and the column of that unit; ""
// when its last word is no unit or nothing else is left.
func withoutTimeUnit(norm string) (string, string) {
	words := strings.Fields(norm)
	if len(words) < 2 {
		return "", ""
	}
	unit := timeUnits[words[len(words)-1]]
	if unit == "" {
		return "", ""
	}
	words = words[:len(words)-1]
	if n := len(words); n > 1 && (words[n-1] == "in" || words[n-1] == "en") {
		words = words[:n-1]
	}
	return strings.Join(words, " "), unit
}
