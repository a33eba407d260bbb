package report

import (
	"math/big"
	"math/rand"
	"strconv"
	"testing"

	"github.com/duckdb/duckdb-go/v2"
)

// TestDecimalFloat: a DECIMAL reads as the float64 nearest its exact value
// (strconv.ParseFloat of its digits), by the fast division and by the
// fallback for values past 2^53 units, at every scale DuckDB allows.
func TestDecimalFloat(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	cases := []duckdb.Decimal{
		{Width: 18, Scale: 2, Value: big.NewInt(0)},
		{Width: 18, Scale: 2, Value: big.NewInt(-1)},
		{Width: 18, Scale: 6, Value: big.NewInt(1<<53 - 1)},
		{Width: 18, Scale: 6, Value: big.NewInt(-(1<<53 - 1))},
		{Width: 18, Scale: 6, Value: big.NewInt(1 << 53)},
		{Width: 38, Scale: 38, Value: new(big.Int).Exp(big.NewInt(10), big.NewInt(37), nil)},
	}
	for range 200000 {
		scale := uint8(r.Intn(39))
		v := new(big.Int).Rand(r, new(big.Int).Lsh(big.NewInt(1), uint(1+r.Intn(120))))
		if r.Intn(2) == 0 {
			v.Neg(v)
		}
		cases = append(cases, duckdb.Decimal{Width: 38, Scale: scale, Value: v})
	}
	for _, d := range cases {
		want, err := strconv.ParseFloat(d.String(), 64)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := ToFloat(d)
		if !ok || got != want {
			t.Fatalf("ToFloat(%s) = %v, %v; want %v", d.String(), got, ok, want)
		}
	}
}
