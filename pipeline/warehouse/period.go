package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNoSales: nothing to report on yet.
var ErrNoSales = errors.New("no sales lines are loaded, nor dated CRM activities or opportunities, so there is no period to report; add a sales file (invoice lines) to the input folder, or give --period")

// DecidePeriod: the --period, else the latest month with sales; a CRM
// export without sales reports the latest month with CRM activities, else
// the latest month in which an opportunity was created, so that its
// pipeline, activity and coverage parts are written (every sales-based
// metric unavailable). A --period with no sales and no other dated data
// (activities, opportunities, service costs) in the twelve months up to it
// (the LTM window, the widest the report's figures cover) would give a
// report of zeros: it is an error naming the months that have data. A
// month after the last sale within a year is a real report (nothing sold
// this month is a finding).
func (w *Warehouse) DecidePeriod(ctx context.Context, asked string) (string, string, error) {
	var latest sql.NullString
	if err := w.QueryRow(ctx, "select strftime(max(invoice_date), '%Y-%m') from staging.stg_sales_lines").Scan(&latest); err != nil {
		return "", "", err
	}
	if !latest.Valid && asked == "" {
		sources := []struct{ query, source string }{
			{"select strftime(max(activity_date), '%Y-%m') from staging.stg_activities where activity_date <= current_date",
				"no sales lines: latest month with CRM activities"},
			{"select strftime(max(created_date), '%Y-%m') from staging.stg_opportunities where created_date <= current_date",
				"no sales lines: latest month an opportunity was created"},
		}
		for _, s := range sources {
			var month sql.NullString
			if err := w.QueryRow(ctx, s.query).Scan(&month); err != nil {
				return "", "", err
			}
			if month.Valid {
				return month.String, s.source, nil
			}
		}
		return "", "", ErrNoSales
	}
	if asked == "" {
		return latest.String, "latest month with sales", nil
	}
	var inPeriod int64
	var salesFrom, otherFrom, otherTo sql.NullString
	err := w.QueryRow(ctx, `with months as (
			select strftime(invoice_date, '%Y-%m') as month, true as is_sales from staging.stg_sales_lines
			union all select strftime(activity_date, '%Y-%m'), false from staging.stg_activities
			union all select strftime(close_date, '%Y-%m'), false from staging.stg_opportunities
			union all select strftime(created_date, '%Y-%m'), false from staging.stg_opportunities
			union all select strftime(cost_date, '%Y-%m'), false from staging.stg_service_costs
		)
		select count(*) filter (where month between strftime(cast(? || '-01' as date) - interval 11 month, '%Y-%m') and ?),
			min(month) filter (where is_sales),
			min(month) filter (where not is_sales), max(month) filter (where not is_sales)
		from months where month is not null`, asked, asked).Scan(&inPeriod, &salesFrom, &otherFrom, &otherTo)
	if err != nil {
		return "", "", err
	}
	if inPeriod == 0 {
		other := ""
		if otherFrom.Valid {
			other = fmt.Sprintf("other dated data (activities, opportunities, service costs) from %s to %s", otherFrom.String, otherTo.String)
		}
		if !latest.Valid {
			if other == "" {
				return "", "", ErrNoSales
			}
			return "", "", fmt.Errorf("--period %s has no sales (none are loaded) and no other dated data in the twelve months up to it, so its report would be empty: there is %s; choose a --period in those months", asked, other)
		}
		if other != "" {
			other = ", " + other
		}
		return "", "", fmt.Errorf("--period %s has no sales and no other dated data in the twelve months up to it, so its report would be all zeros: the sales run from %s to %s%s; "+
			"choose a --period with data, or leave it out for the latest month with sales (%s)", asked, salesFrom.String, latest.String, other, latest.String)
	}
	return asked, "--period", nil
}
