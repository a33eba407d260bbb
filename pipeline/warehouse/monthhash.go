package warehouse

import (
	"context"
	"fmt"
)

// The history's fingerprints summarise each dated staged table per month
// (SnapshotFingerprints). For the incremental tables that summary is kept
// in meta.month_hashes and updated by their refresh for the months it
// restaged only, so a monthly run does not hash every sales line again
// (4.4 s of a 10 M-line re-run). A row with month '*' says the table's
// summary is complete; without it the fingerprint scans the table, as for
// any other. TestIncrementalEqualsScratch holds the kept summary to a
// from-scratch build's through the history's fingerprints.
const monthHashState = `create table if not exists meta.month_hashes (tbl varchar, month varchar, n varchar, h varchar)`

// complete marks a table whose every month is summarised.
const complete = "*"

// recordMonthHashes brings the kept summary of staging.t up to date: every
// month when all, else the months in temp.main.restage_months (those of
// the rows just replaced, before and after).
func (w *Warehouse) recordMonthHashes(ctx context.Context, t string, all bool) error {
	if err := w.Exec(ctx, monthHashState); err != nil {
		return err
	}
	if !all {
		_, kept, err := w.keptMonthHashes(ctx, t)
		if err != nil {
			return err
		}
		all = !kept // nothing kept to update: summarise every month
	}
	where := ""
	if all {
		if err := w.Exec(ctx, "delete from meta.month_hashes where tbl = ?", t); err != nil {
			return err
		}
	} else {
		in, err := w.inRestagedMonths(ctx)
		if err != nil {
			return err
		}
		where = in("{col}")
		if err := w.Exec(ctx, "delete from meta.month_hashes where tbl = ? and month in (select strftime(month, '%Y-%m') from temp.main.restage_months where month is not null)", t); err != nil {
			return err
		}
	}
	q, dated, err := w.summaryQuery(ctx, t, where)
	if err != nil {
		return err
	}
	if !dated {
		return fmt.Errorf("staging.%s has no month to keep a summary by", t)
	}
	if err := w.Exec(ctx, "insert into meta.month_hashes select ?, * from ("+q+")", t); err != nil {
		return fmt.Errorf("summary of staging.%s: %w", t, err)
	}
	if all {
		return w.Exec(ctx, "insert into meta.month_hashes values (?, ?, null, null)", t, complete)
	}
	return nil
}

// keptMonthHashes reads the kept summary of staging.t in month order, and
// whether there is a complete one.
func (w *Warehouse) keptMonthHashes(ctx context.Context, t string) ([][]string, bool, error) {
	have, err := w.isTable(ctx, "meta", "month_hashes")
	if err != nil || !have {
		return nil, false, err
	}
	rows, err := w.summary(ctx, "select month, n, h from meta.month_hashes where tbl = ? order by month", t)
	if err != nil {
		return nil, false, err
	}
	var months [][]string
	whole := false
	for _, r := range rows {
		if r[0] == complete {
			whole = true
		} else {
			months = append(months, r)
		}
	}
	if !whole {
		return nil, false, nil
	}
	return months, true, nil
}

// inRestagedMonths returns the condition that a date column falls in one
// of the months in temp.main.restage_months. The months' first and last
// day are written in as literals beside the exact test: DuckDB then skips
// the row groups whose dates lie outside them (their min/max), where the
// exact test alone, an expression of the column, read every row of the
// table (a re-run's new month scanned the 1 M lines, twice).
func (w *Warehouse) inRestagedMonths(ctx context.Context) (func(col string) string, error) {
	exact := func(col string) string {
		return "cast(date_trunc('month', " + col + ") as date) in (select month from temp.main.restage_months)"
	}
	span, err := w.summary(ctx, "select strftime(min(month), '%Y-%m-%d'), strftime(max(month) + interval 1 month, '%Y-%m-%d') from temp.main.restage_months")
	if err != nil {
		return nil, err
	}
	if len(span) != 1 || span[0][0] == "\x01" || span[0][1] == "\x01" {
		return exact, nil // no month: the exact test keeps nothing either way
	}
	lo, hi := span[0][0], span[0][1]
	return func(col string) string {
		return fmt.Sprintf("(%s >= date '%s' and %s < date '%s' and %s)", col, lo, col, hi, exact(col))
	}, nil
}
