package warehouse

import (
	"context"
	"fmt"
	"strings"

	"kam/pipeline/ingest/schema"
)

// DataCurrency is the one currency code the data carries (every currency
// column of every loaded row) when no exchange-rate file is loaded: with no
// reporting currency configured, it is the reporting currency. "" with
// none or several (several need rates and a choice).
func (w *Warehouse) DataCurrency(ctx context.Context) (string, error) {
	var rates int64
	if err := w.QueryRow(ctx, "select count(*) from raw.fx_rates where reject is null").Scan(&rates); err != nil {
		return "", err
	}
	if rates > 0 {
		return "", nil
	}
	var parts []string
	for _, k := range schema.Kinds {
		if k.Name == schema.FXRates {
			continue
		}
		if _, ok := k.Column("currency"); ok {
			parts = append(parts, fmt.Sprintf("select distinct currency from raw.%s where reject is null and currency is not null", k.Name))
		}
	}
	rows, err := w.Query(ctx, "select distinct currency from ("+strings.Join(parts, " union all ")+") order by 1 limit 2")
	if err != nil {
		return "", err
	}
	var found []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return "", err
		}
		found = append(found, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	if len(found) != 1 {
		return "", nil
	}
	return found[0], nil
}
