package ingest

import (
	"kam/i18n"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// decideRateOrAmount settles the columns whose header names a rate and an
// amount alike ("Descuento", "Discount", "Dto."): many ERPs write a rate
// there (0.25, 25 %), others the money taken off. The values decide: every
// value between 0 and 1, or any value written with a % sign, is a rate;
// anything else an amount. A sales file's discount with a unit price, a
// quantity and an amount beside it is decided by its lines first
// (discountByLines: Xero's Discount 10 is 10 %). The decision is a note in
// the manifest, with the kam.yaml line that forces the other reading. recs
// are sampled records of a sales file (nil otherwise), present their
// values as read.
func decideRateOrAmount(kind schema.Kind, m *schema.Mapping, header []string, hint string, sample func(int) ([]string, error),
	recs [][]string, present func(string) string) ([]i18n.Note, error) {
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
		if kind.Name == schema.Sales && (col == "discount_pct" || col == "discount_amount") {
			if byLines, hundred, lineWhy, ok := discountByLines(m, header, idx, hint, recs, present); ok {
				rate, why = byLines, lineWhy
				if hundred {
					m.PercentDecided = append(m.PercentDecided, idx)
				}
			}
		}
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

// discountByLines decides a discount column by the sampled lines that
// have a discount, when the file has a unit price, a quantity and the
// line's amount: a rate when nearly all of them add up as price × quantity
// × (1 − discount), on the 0–100 scale (Xero's Discount 10 is 10 %) or as
// a fraction, and none as price × quantity − discount; an amount the other
// way round. Lines that add up both ways (price × quantity of 100) tell
// nothing. hundred says the rate is on the 0–100 scale, however small its
// values (0.5 is half a percent when 200 × 0.995 is the amount). ok is
// false when the lines do not settle it (the values' rule then does).
func discountByLines(m *schema.Mapping, header []string, disc int, hint string, recs [][]string, present func(string) string) (rate, hundred bool, why i18n.Note, ok bool) {
	amount, ok1 := m.Columns["net_amount"]
	price, ok2 := m.Columns["unit_price"]
	qty, ok3 := m.Columns["quantity"]
	if !ok1 || !ok2 || !ok3 || len(recs) == 0 {
		return false, false, i18n.Note{}, false
	}
	formats := map[int]parse.NumberFormat{}
	for _, idx := range []int{amount, price, qty, disc} {
		var vs []string
		for _, r := range recs {
			if idx < len(r) {
				if v := present(r[idx]); v != "" {
					vs = append(vs, v)
				}
			}
		}
		formats[idx] = parse.DetectNumber(vs, hint)
	}
	num := func(r []string, idx int) (*big.Rat, bool) {
		if idx >= len(r) {
			return nil, false
		}
		v := present(r[idx])
		if strings.Contains(v, "%") {
			return nil, false
		}
		return sampledNumber([]string{v}, 0, formats[idx])
	}
	one := big.NewRat(1, 1)
	lines, asRate, asAmount, as100, asFraction := 0, 0, 0, 0, 0
	for _, r := range recs {
		a, ok1 := num(r, amount)
		p, ok2 := num(r, price)
		q, ok3 := num(r, qty)
		d, ok4 := num(r, disc)
		if !ok1 || !ok2 || !ok3 || !ok4 || d.Sign() == 0 {
			continue
		}
		gross := new(big.Rat).Mul(p, q)
		byAmount := nearCent(a, new(big.Rat).Sub(gross, d))
		by100 := nearCent(a, new(big.Rat).Mul(gross, new(big.Rat).Sub(one, new(big.Rat).Quo(d, big.NewRat(100, 1)))))
		byFraction := nearCent(a, new(big.Rat).Mul(gross, new(big.Rat).Sub(one, d)))
		byRate := by100 || byFraction
		if byRate && byAmount {
			continue // the line adds up both ways
		}
		lines++
		switch {
		case byRate:
			asRate++
			if by100 {
				as100++
			} else {
				asFraction++
			}
		case byAmount:
			asAmount++
		}
	}
	n := func(i int) string { return strconv.Itoa(i) }
	switch {
	case lines == 0:
		return false, false, i18n.Note{}, false
	case asAmount == 0 && asRate*10 >= lines*9 && (as100 == 0 || asFraction == 0):
		return true, as100 > 0, i18n.N("note.rate_by_lines", header[price], header[qty], header[amount], n(asRate), n(lines)), true
	case asRate == 0 && asAmount*10 >= lines*9:
		return false, false, i18n.N("note.amount_by_lines", header[price], header[qty], header[amount], n(asAmount), n(lines)), true
	}
	return false, false, i18n.Note{}, false
}
