package schema

import "strings"

// A preset knows the exact field names one CRM or ERP writes, so its files
// map without guessing: Salesforce's "Name" is the opportunity's name in an
// Opportunity export and the person's in a User export, which no synonym
// could tell apart. Presets are tried before the generic synonyms; whatever
// a preset leaves unmapped (custom fields, extra columns) still goes through
// the synonyms.
type preset struct {
	name string
	// signature weighs the fields that identify the system (squashed, see
	// squash): 2 for a field only this system writes, 1 for one it shares
	// with another preset. The best total of at least presetThreshold wins.
	signature map[string]int
	// extra adds weight for header shapes rather than names (Salesforce
	// "__c" custom fields, Dynamics "(Do Not Modify)" columns).
	extra func(row *headerRow) int
	// rules per kind, applied in order: the column takes the first
	// alternative header that is present and still free.
	rules map[string][]rule
	// ignore lists, per kind, the headers (squashed) that feed nothing
	// there, whatever a synonym says: a shop's order figures repeated
	// beside its line items ("Subtotal", "Refunded Amount") are no line's.
	ignore map[string][]string
}

// rule feeds one column from the first present header among alternatives.
type rule struct {
	column  string
	headers []string // squashed
}

// r builds a rule; alternatives are written as the system spells them and
// squashed here, so the tables read like the exports.
func r(column string, headers ...string) rule {
	sq := make([]string, len(headers))
	for i, h := range headers {
		sq[i] = squash(h)
	}
	return rule{column: column, headers: sq}
}

// sig builds a signature from squashed names; a leading "=" marks a field
// shared with another system (weight 1).
func sig(names ...string) map[string]int {
	m := make(map[string]int, len(names))
	for _, n := range names {
		w := 2
		if strings.HasPrefix(n, "=") {
			w, n = 1, n[1:]
		}
		m[squash(n)] = w
	}
	return m
}

// presetThreshold is the signature weight a file needs before a preset is
// trusted: one distinctive field and one more, or several shared ones.
const presetThreshold = 3

// presets in tie-break order.
var presets = []preset{salesforcePreset, salesforceReportPreset, hubspotPreset, dynamicsPreset, odooPreset, shopifyPreset, amazonPreset, tallyPreset, businessCentralPreset}

// detectPreset returns the preset whose signature the headers fit best, or
// nil.
func detectPreset(row *headerRow) *preset {
	seen := make(map[string]bool, len(row.squashed))
	for i, h := range row.squashed {
		// "Deal - Stage" squashes to HubSpot's "dealstage", but a row
		// that names its entity before every field is no HubSpot export.
		if !row.entity[i] {
			seen[h] = true
		}
	}
	var best *preset
	bestScore := presetThreshold - 1
	for i := range presets {
		p := &presets[i]
		score := 0
		for h := range seen {
			score += p.signature[h]
		}
		if p.extra != nil {
			score += p.extra(row)
		}
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	return best
}

// isDoNotModify reports Dynamics 365's hidden export columns ("(Do Not
// Modify) Row Checksum"): bookkeeping for re-import that must never feed a
// canonical column, whatever its name says.
func isDoNotModify(header string) bool { return isDoNotModifyNorm(Normalize(header)) }

func isDoNotModifyNorm(norm string) bool { return strings.HasPrefix(norm, "do not modify") }

// hasCustomField reports Salesforce custom fields, which other systems do
// not write.
func hasCustomField(row *headerRow) int {
	for _, h := range row.headers {
		t := strings.TrimSpace(h)
		if len(t) > 3 && strings.EqualFold(t[len(t)-3:], "__c") {
			return 2
		}
	}
	return 0
}

// hasDoNotModify weighs Dynamics' hidden columns: one is enough to know the
// system.
func hasDoNotModify(row *headerRow) int {
	for _, n := range row.norms {
		if isDoNotModifyNorm(n) {
			return presetThreshold
		}
	}
	return 0
}
