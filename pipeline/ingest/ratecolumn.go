package ingest

import (
	"kam/i18n"
	"maps"
	"math/big"
	"slices"
	"strings"

	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// decideRateOrAmount settles the columns whose header names a rate and an
// amount alike ("Descuento", "Discount", "Dto."): many ERPs write a rate
// there (0.25, 25 %), others the money taken off. The values decide: every
// value between 0 and 1, or any value written with a % sign, is a rate;
// anything else an amount. The decision is a note in the manifest, with the
// kam.yaml line that forces the other reading.
func decideRateOrAmount(kind schema.Kind, m *schema.Mapping, header []string, hint string, sample func(int) ([]string, error)) ([]i18n.Note, error) {
	var notes []i18n.Note
	for _, col := range slices.Sorted(maps.Keys(m.Undecided)) {
		other := m.Undecided[col]
		idx, ok := m.Columns[col]
		if !ok {
			continue
		}
		values, err := sample(idx)
		if err != nil {
			return nil, err
		}
		// A margin may be a loss: a rate of -0,05 is one too.
		signed := col == "margin_pct" || other == "margin_pct"
		rate, why := looksLikeRate(values, hint, signed)
		c, _ := kind.Column(col)
		want := col
		if rate != (c.Type == schema.Share) {
			want = other
			delete(m.Columns, col)
			m.Columns[other] = idx
		}
		alt := col
		if want == col {
			alt = other
		}
		m.RateDecided = append(m.RateDecided, idx)
		notes = append(notes, i18n.N("note.rate_or_amount", header[idx], why, reading(rate), want, reading(!rate), kind.Name, alt, header[idx]))
	}
	m.Undecided = nil
	return notes, nil
}

// reading names what a rate-or-amount column was read as.
func reading(rate bool) i18n.Note {
	if rate {
		return i18n.N("note.a_rate")
	}
	return i18n.N("note.an_amount")
}

// looksLikeRate applies the rule of decideRateOrAmount to a column's sampled
// values and says why. signed admits rates down to -1 (a margin).
func looksLikeRate(values []string, hint string, signed bool) (bool, i18n.Note) {
	f := parse.DetectNumber(values, hint)
	one := big.NewRat(1, 1)
	low := new(big.Rat)
	if signed {
		low.SetInt64(-1)
	}
	n := 0
	for _, v := range values {
		if strings.Contains(v, "%") {
			return true, i18n.N("note.rate_percent_sign", v)
		}
		dec, ok, err := parse.ParseNumber(v, f)
		if err != nil || !ok {
			continue
		}
		r, ok := new(big.Rat).SetString(dec)
		if !ok {
			continue
		}
		if r.Cmp(low) < 0 || r.Cmp(one) > 0 {
			return false, i18n.N("note.rate_outside", v)
		}
		n++
	}
	if n == 0 {
		return true, i18n.N("note.rate_no_value")
	}
	return true, i18n.N("note.rate_all_fractions")
}
