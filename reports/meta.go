package reports

import (
	"context"
	"fmt"
	"math"
)

// runMeta is what both writers read from the warehouse before any part:
// the parameters in force (meta.params, as the SQL models read them), the
// reporting currency, and which input kinds are loaded.
type runMeta struct {
	params   map[string]float64
	currency string
	inputs   map[string]bool // int_inputs: kind → loaded
}

func readMeta(ctx context.Context, src Source) (runMeta, error) {
	m := runMeta{params: map[string]float64{}, inputs: map[string]bool{}}
	rows, err := src.Query(ctx, "select key, num, txt from meta.params")
	if err != nil {
		return m, fmt.Errorf("read meta.params: %w", err)
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
			m.params[k] = *num
		}
		if k == "currency" && txt != nil {
			m.currency = *txt
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return m, err
	}
	if m.currency == "" {
		return m, fmt.Errorf("read meta.params: no reporting currency")
	}
	rows, err = src.Query(ctx, "select kind, coalesce(is_loaded, false) from intermediate.int_inputs")
	if err != nil {
		return m, fmt.Errorf("read intermediate.int_inputs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var loaded bool
		if err := rows.Scan(&k, &loaded); err != nil {
			return m, err
		}
		m.inputs[k] = loaded
	}
	return m, rows.Err()
}

// param is a parameter in force; NaN when the run has none (a line drawn
// at it is then left out rather than drawn at zero).
func (m runMeta) param(key string) float64 {
	if v, ok := m.params[key]; ok {
		return v
	}
	return math.NaN()
}
