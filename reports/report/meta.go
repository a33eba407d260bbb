package report

import (
	"context"
	"fmt"
	"math"

	"kam/reports/packs/paths"
)

// Meta is what both writers read from the warehouse before any part: the
// parameters in force (main.run_params, as the SQL models read them), the
// reporting currency, and which input kinds are loaded. Neither writer has
// defaults of its own: a run without a currency is an error.
type Meta struct {
	Params   map[string]float64
	Currency string
	Inputs   map[string]bool // main.input_kinds: kind → loaded
	Links    paths.Paths     // the KAM packs and key-account pages the tables link to
}

// ReadMeta reads the run's Meta from the warehouse.
func ReadMeta(ctx context.Context, src Source) (Meta, error) {
	m := Meta{Params: map[string]float64{}, Inputs: map[string]bool{}}
	rows, err := src.Query(ctx, "select key, num, txt from main.run_params")
	if err != nil {
		return m, fmt.Errorf("read main.run_params: %w", err)
	}
	for rows.Next() {
		var k string
		var num *float64
		var txt *string
		if err := rows.Scan(&k, &num, &txt); err != nil {
			rows.Close()
			return m, err
		}
		if num != nil {
			m.Params[k] = *num
		}
		if k == "currency" && txt != nil {
			m.Currency = *txt
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return m, err
	}
	if m.Currency == "" {
		return m, fmt.Errorf("read main.run_params: no reporting currency")
	}
	rows, err = src.Query(ctx, "select kind, is_loaded from main.input_kinds")
	if err != nil {
		return m, fmt.Errorf("read main.input_kinds: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var loaded bool
		if err := rows.Scan(&k, &loaded); err != nil {
			return m, err
		}
		m.Inputs[k] = loaded
	}
	if err := rows.Err(); err != nil {
		return m, err
	}
	rows.Close() // the run's connection: one open query at a time
	m.Links, err = paths.Read(ctx, src)
	return m, err
}

// Param is a parameter in force; NaN when the run has none (a line drawn
// at it is then left out rather than drawn at zero).
func (m Meta) Param(key string) float64 {
	if v, ok := m.Params[key]; ok {
		return v
	}
	return math.NaN()
}

// currencySymbols are the symbols both writers show for the reporting
// currencies that have one; any other currency shows as its ISO code.
var currencySymbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}

// CurrencySymbol is the symbol of an ISO currency code, and whether it has
// one (else the code itself, which then always takes a space).
func CurrencySymbol(code string) (string, bool) {
	if s, ok := currencySymbols[code]; ok {
		return s, true
	}
	return code, false
}
