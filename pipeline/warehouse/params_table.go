package warehouse

import (
	"context"
	"fmt"
	"math"

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
	put := func(key string, num any, txt any) error {
		return w.Exec(ctx, "insert or replace into meta.params values (?, ?, ?)", key, num, txt)
	}
	for _, p := range config.DefaultParams {
		v := cfg.Param(p.Key)
		var num any = v
		if math.IsNaN(v) {
			num = nil
		}
		if err := put(p.Key, num, nil); err != nil {
			return err
		}
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
		if err := put(k, nil, v); err != nil {
			return err
		}
	}
	if err := put("fiscal_year_start", cfg.FiscalYearStart, nil); err != nil {
		return err
	}
	return put("reject_limit", cfg.RejectLimit, nil)
}

// SetParam changes one text parameter (the period, once it is known).
func (w *Warehouse) SetParam(ctx context.Context, key, txt string) error {
	return w.Exec(ctx, "insert or replace into meta.params values (?, null, ?)", key, txt)
}
