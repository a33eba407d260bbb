package warehouse

import (
	"context"
	"fmt"
	"math"
	"strings"

	"kam/pipeline/config"
	"kam/queries"
)

// WriteParams fills meta.params, the single place the SQL models read
// their parameters from (through the param and param_text macros), and
// creates the macros the models share (queries/macros.sql).
func (w *Warehouse) WriteParams(ctx context.Context, cfg config.Config, extra map[string]string) error {
	stmts := []string{
		"create table if not exists meta.params (key varchar primary key, num double, txt varchar)",
		"delete from meta.params",
		"create or replace macro param(k) as (select num from meta.params where key = k)",
		"create or replace macro param_text(k) as (select txt from meta.params where key = k)",
	}
	for _, q := range stmts {
		if err := w.Exec(ctx, q); err != nil {
			return err
		}
	}
	if err := w.Exec(ctx, queries.Macros); err != nil {
		return fmt.Errorf("queries/macros.sql: %w", err)
	}
	// One statement for every parameter: an insert each took about 7 ms,
	// over half a second of each run. A key given twice keeps its last
	// value, as the inserts one by one did.
	var keys []string
	vals := map[string][2]any{}
	put := func(key string, num any, txt any) {
		if _, ok := vals[key]; !ok {
			keys = append(keys, key)
		}
		vals[key] = [2]any{num, txt}
	}
	for _, p := range config.DefaultParams {
		v := cfg.Param(p.Key)
		var num any = v
		if math.IsNaN(v) {
			num = nil
		}
		put(p.Key, num, nil)
	}
	texts := map[string]string{
		"currency":        cfg.Currency,
		"language":        cfg.Language,
		"date_order":      cfg.DateOrder,
		"portfolio_level": cfg.PortfolioLevel,
	}
	for k, v := range extra {
		texts[k] = v
	}
	for k, v := range texts {
		put(k, nil, v)
	}
	put("fiscal_year_start", cfg.FiscalYearStart, nil)
	put("reject_limit", cfg.RejectLimit, nil)
	args := make([]any, 0, 3*len(keys))
	for _, k := range keys {
		args = append(args, k, vals[k][0], vals[k][1])
	}
	values := strings.TrimSuffix(strings.Repeat("(?, cast(? as double), cast(? as varchar)), ", len(keys)), ", ")
	return w.Exec(ctx, "insert or replace into meta.params values "+values, args...)
}

// SetParam changes one text parameter (the period, once it is known).
func (w *Warehouse) SetParam(ctx context.Context, key, txt string) error {
	return w.Exec(ctx, "insert or replace into meta.params values (?, null, ?)", key, txt)
}
