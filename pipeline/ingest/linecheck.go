package ingest

import (
	"math/big"
	"strings"

	"kam/pipeline/ingest/parse"
)

// The value checks of a sales file's sampled lines (decideTaxIncluded,
// decideBeforeDiscount, decideDiscountByLines) compare amounts the exact
// way: each cell read as a rational in its column's number format, two
// amounts equal within a cent and a half (amounts are rounded to the cent,
// prices may carry more decimals).

// sampledNumber is the value of the cell at idx of a sampled record in the
// number format f; false when the record has no such cell or it is not a
// number.
func sampledNumber(r []string, idx int, f parse.NumberFormat) (*big.Rat, bool) {
	if idx < 0 || idx >= len(r) {
		return nil, false
	}
	dec, ok, err := parse.ParseNumber(strings.TrimSpace(r[idx]), f)
	if err != nil || !ok {
		return nil, false
	}
	return new(big.Rat).SetString(dec)
}

// centTolerance is a cent and a half.
var centTolerance = big.NewRat(15, 1000)

// nearCent reports whether two amounts are equal to the cent.
func nearCent(a, b *big.Rat) bool {
	d := new(big.Rat).Sub(a, b)
	return d.Abs(d).Cmp(centTolerance) <= 0
}
