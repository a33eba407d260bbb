package warehouse

import (
	"context"
	"fmt"
	"time"
)

// Snapshot replaces the period's rows of the history table of each of
// marts (see HistoryMarts) with the mart as it is now; other periods are
// untouched.
func (w *Warehouse) Snapshot(ctx context.Context, period string, marts []string) error {
	for _, m := range marts {
		exists, err := w.tableExists(ctx, "main", m)
		if err != nil {
			return err
		}
		if !exists {
			continue
		}
		h := "main.history_" + m
		if err := w.Exec(ctx, fmt.Sprintf("create table if not exists %s as select * from main.%s limit 0", h, m)); err != nil {
			return err
		}
		// A newer kam may have added columns to the mart.
		if err := w.Exec(ctx, fmt.Sprintf(`create or replace temp table kam_missing_cols as
			select column_name, data_type from information_schema.columns where table_schema = 'main' and table_name = '%s'
			except select column_name, data_type from information_schema.columns where table_schema = 'main' and table_name = 'history_%s'`, m, m)); err != nil {
			return err
		}
		rows, err := w.Query(ctx, "select column_name, data_type from kam_missing_cols")
		if err != nil {
			return err
		}
		var adds []string
		for rows.Next() {
			var col, typ string
			if err := rows.Scan(&col, &typ); err != nil {
				rows.Close()
				return err
			}
			adds = append(adds, fmt.Sprintf("alter table %s add column if not exists %s %s", h, QuoteIdent(col), typ))
		}
		rows.Close()
		for _, q := range adds {
			if err := w.Exec(ctx, q); err != nil {
				return fmt.Errorf("extend %s: %w", h, err)
			}
		}
		if err := w.Exec(ctx, "delete from "+h+" where period = ?", period); err != nil {
			return err
		}
		if err := w.Exec(ctx, fmt.Sprintf("insert into %s by name select * from main.%s", h, m)); err != nil {
			return fmt.Errorf("keep the history of %s: %w", m, err)
		}
	}
	return nil
}

func (w *Warehouse) tableExists(ctx context.Context, schema, name string) (bool, error) {
	var n int
	err := w.QueryRow(ctx, "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", schema, name).Scan(&n)
	return n > 0, err
}

// HasSnapshot reports whether a period's marts were kept already.
func (w *Warehouse) HasSnapshot(ctx context.Context, period string) (bool, error) {
	ok, err := w.tableExists(ctx, "main", "history_account_profitability")
	if err != nil || !ok {
		return false, err
	}
	var n int
	err = w.QueryRow(ctx, "select count(*) from main.history_account_profitability where period = ?", period).Scan(&n)
	return n > 0, err
}

// ComparisonPeriods are the months the report compares P with: the
// previous month and the same month a year before.
func ComparisonPeriods(period string) []string {
	t, err := time.Parse("2006-01", period)
	if err != nil {
		return nil
	}
	return []string{t.AddDate(-1, 0, 0).Format("2006-01"), t.AddDate(0, -1, 0).Format("2006-01")}
}

// FirstSalesMonth is the first month with loaded sales, "" when none.
func (w *Warehouse) FirstSalesMonth(ctx context.Context) (string, error) {
	var s *string
	err := w.QueryRow(ctx, "select strftime(min(invoice_date), '%Y-%m') from staging.stg_sales_lines").Scan(&s)
	if s == nil {
		return "", err
	}
	return *s, err
}
