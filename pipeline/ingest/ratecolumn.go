package ingest

import (
	"fmt"
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
func decideRateOrAmount(kind schema.Kind, m *schema.Mapping, header []string, hint string, sample func(int) ([]string, error)) ([]string, error) {
	var notes []string
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
		rate, why := looksLikeRate(values, hint)
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
		reading := "an amount"
		if rate {
			reading = "a rate"
		}
		notes = append(notes, fmt.Sprintf("column %q: %s: read as %s (%s); if it is %s, set columns: %s: {%s: %q} in kam.yaml",
			header[idx], why, reading, want, otherReading(rate), kind.Name, alt, header[idx]))
	}
	m.Undecided = nil
	return notes, nil
}

func otherReading(rate bool) string {
	if rate {
		return "an amount"
	}
	return "a rate"
}

// looksLikeRate applies the rule of decideRateOrAmount to a column's sampled
// values and says why.
func looksLikeRate(values []string, hint string) (bool, string) {
	f := parse.DetectNumber(values, hint)
	one := big.NewRat(1, 1)
	n := 0
	for _, v := range values {
		if strings.Contains(v, "%") {
			return true, fmt.Sprintf("values written with %% (%s)", v)
		}
		dec, ok, err := parse.ParseNumber(v, f)
		if err != nil || !ok {
			continue
		}
		r, ok := new(big.Rat).SetString(dec)
		if !ok {
			continue
		}
		if r.Sign() < 0 || r.Cmp(one) > 0 {
			return false, fmt.Sprintf("values outside 0–1 (%s)", v)
		}
		n++
	}
	if n == 0 {
		return true, "no value to decide from"
	}
	return true, "every value between 0 and 1"
}
