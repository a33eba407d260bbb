package ingest

import (
	"testing"

	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// TestBeforeDiscount: an amount that is price × quantity on the lines with
// a discount is before it; not when the price is a net price, nor when the
// amounts are after the discount.
func TestBeforeDiscount(t *testing.T) {
	t.Parallel()
	k, _ := schema.KindByName(schema.Sales)
	dot := parse.NumberFormat{Decimal: '.'}
	col := func(name, header string, i int) *column {
		c, _ := k.Column(name)
		return &column{Name: name, Col: c, Index: i, Header: header, numberFormat: dot}
	}
	for _, tc := range []struct {
		name, price string
		recs        [][]string // quantity, price, discount %, amount
		want        bool
	}{
		{"before the discount", "Unit Price", [][]string{{"2", "50", "20", "100"}, {"1", "100", "0", "100"}, {"3", "10", "10", "30"}}, true},
		{"after the discount", "Unit Price", [][]string{{"2", "50", "20", "80"}, {"3", "10", "10", "27"}}, false},
		{"a net price", "Net Price", [][]string{{"2", "40", "20", "80"}, {"3", "9", "10", "27"}}, false},
		{"no discount on any line", "Unit Price", [][]string{{"2", "50", "0", "100"}}, false},
	} {
		ty := &typing{kind: k, cols: map[string]*column{
			"quantity": col("quantity", "Qty", 0), "unit_price": col("unit_price", tc.price, 1),
			"discount_pct": col("discount_pct", "Disc %", 2), "net_amount": col("net_amount", "Amount", 3),
		}}
		ty.decideBeforeDiscount([]string{"Qty", tc.price, "Disc %", "Amount"}, tc.recs)
		if ty.beforeDiscount != tc.want {
			t.Errorf("%s: beforeDiscount = %v, want %v", tc.name, ty.beforeDiscount, tc.want)
		}
	}
}
