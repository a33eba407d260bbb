package packs

import (
	"context"
	"fmt"
	"time"

	"kam/reports/packs/paths"
	"kam/reports/report"
)

// data is what the packs and pages show, read once from the marts for
// every account and grouped by account (or KAM): a page never runs a query
// of its own, so a run with many key accounts reads each mart once.
type data struct {
	period   string
	start    time.Time // the first of the 24 months of the trend
	end      time.Time // the period's month
	first    time.Time // the first month with any data in account_months: earlier months are unknown, not zero
	currency string
	paths    paths.Paths
	meta     report.Meta // what the workbooks read before any sheet

	kams      map[string]row   // kam_performance by kam_id
	kamOrder  []string         // the KAMs with a pack, by name
	profit    map[string]row   // account_profitability (ltm) by account_id
	health    map[string]row   // account_health by account_id
	growth    map[string]row   // account_growth by account_id
	matrix    map[string]row   // portfolio_matrix by account_id
	months    map[string][]row // account_months of the 24 months, by account_id
	space     map[string][]row // account_whitespace by account_id, largest first
	plan      map[string][]row // plan_vs_actual by account_id
	decisions []row            // decisions, by rank
	accounts  []row            // account_profitability (ltm) by LTM revenue, largest first
}

func readData(ctx context.Context, src report.Source, period string) (*data, error) {
	end, err := time.Parse("2006-01", period)
	if err != nil {
		return nil, fmt.Errorf("period %q: %w", period, err)
	}
	d := &data{period: period, end: end, start: end.AddDate(0, -23, 0)}
	meta, err := report.ReadMeta(ctx, src)
	if err != nil {
		return nil, err
	}
	d.currency, d.paths, d.meta = meta.Currency, meta.Links, meta
	byID := func(q, col string) (map[string]row, error) {
		rows, err := query(ctx, src, q)
		if err != nil {
			return nil, err
		}
		out := make(map[string]row, len(rows))
		for _, r := range rows {
			out[r.str(col)] = r
		}
		return out, nil
	}
	if d.kams, err = byID(`select * from main.kam_performance`, "kam_id"); err != nil {
		return nil, err
	}
	kams, err := query(ctx, src, `select kam_id from main.kam_performance order by kam_name, kam_id`)
	if err != nil {
		return nil, err
	}
	for _, k := range kams {
		if d.paths.KAMHTML(k.str("kam_id")) != "" {
			d.kamOrder = append(d.kamOrder, k.str("kam_id"))
		}
	}
	if d.accounts, err = query(ctx, src, `select * from main.account_profitability where time_window = 'ltm'
		order by revenue desc nulls last, account_name, account_id`); err != nil {
		return nil, err
	}
	d.profit = map[string]row{}
	for _, r := range d.accounts {
		d.profit[r.str("account_id")] = r
	}
	if d.health, err = byID(`select * from main.account_health`, "account_id"); err != nil {
		return nil, err
	}
	if d.growth, err = byID(`select * from main.account_growth`, "account_id"); err != nil {
		return nil, err
	}
	if d.matrix, err = byID(`select account_id, quadrant, abc_revenue from main.portfolio_matrix`, "account_id"); err != nil {
		return nil, err
	}
	first, err := query(ctx, src, `select min(month) as first from main.account_months`)
	if err != nil {
		return nil, err
	}
	if t, ok := first[0].date("first"); ok {
		d.first = t
	} else {
		d.first = d.end.AddDate(0, 1, 0) // no month has data
	}
	months, err := query(ctx, src, `select account_id, month, revenue, gross_margin, cost_to_serve, net_contribution
		from main.account_months where is_key_account and month between ? and ? order by account_id, month`, d.start, d.end)
	if err != nil {
		return nil, err
	}
	d.months = groupBy(months, "account_id")
	space, err := query(ctx, src, `select * from main.account_whitespace where is_key_account
		order by account_id, peer_median_spend desc nulls last, product_line`)
	if err != nil {
		return nil, err
	}
	d.space = groupBy(space, "account_id")
	plan, err := query(ctx, src, `select * from main.plan_vs_actual order by account_id, period_start, period_end, target_period`)
	if err != nil {
		return nil, err
	}
	d.plan = groupBy(plan, "account_id")
	if d.decisions, err = query(ctx, src, `select * from main.decisions order by decision_rank`); err != nil {
		return nil, err
	}
	return d, nil
}

// kamName is the KAM's name, else their id, else "".
func (d *data) kamName(id string) string {
	if k, ok := d.kams[id]; ok && k.str("kam_name") != "" {
		return k.str("kam_name")
	}
	return id
}
