package reports

import "context"

// writeProfitability: the LTM account P&L from gross sales to net
// contribution with KAM investment, ROI and break-even revenue, ranked as on
// the whale curve (whose cumulative columns it carries and charts), then the
// portfolio's P&L per scope and window and the loss-making accounts.
func writeProfitability(ctx context.Context, b *xlBook) error {
	s := b.sheet("profitability", true)
	s.title = b.t("sheet.profitability")
	s.lines = []xlLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), kText}}
	s.needs("sales")
	if err := s.unavailableFrom(ctx, "main.account_profitability"); err != nil {
		return err
	}
	pnl := s.add(&xlBlock{
		id: "profitability", title: "xlsx.block.pnl", main: true, freeze: 3, group: "ranked",
		query: `select w.rank, p.account_id, p.account_name, p.is_key_account, p.kam_id,
			p.gross_sales, p.discounts, p.revenue, p.cogs, p.revenue_without_cost, p.gross_margin, p.gross_margin_pct,
			p.service_cost_logistics, p.service_cost_support, p.service_cost_rebate, p.service_cost_marketing,
			p.service_cost_other, p.service_cost, p.hours, p.activity_cost, p.cost_to_serve,
			p.net_contribution, p.net_contribution_pct, p.kam_investment, p.kam_roi, p.break_even_revenue,
			p.is_loss_making, w.cum_contribution_pct, w.cum_accounts_pct, w.is_peak,
			w.rank is not null as ranked
			from main.account_profitability p left join main.whale_curve w on w.account_id = p.account_id
			where p.time_window = 'ltm'
			order by w.rank nulls last, p.revenue desc nulls last, p.account_id`,
		cols: []xlCol{
			xc("rank", kInt), xc("account_id", kText), xc("account_name", kText), xc("is_key_account", kBool),
			xc("kam_id", kText),
			xc("gross_sales", kMoney), xc("discounts", kMoney), xc("revenue", kMoney).bar(), xc("cogs", kMoney),
			xc("revenue_without_cost", kMoney), xc("gross_margin", kMoney), xc("gross_margin_pct", kPct).scale(),
			xc("service_cost_logistics", kMoney), xc("service_cost_support", kMoney), xc("service_cost_rebate", kMoney),
			xc("service_cost_marketing", kMoney), xc("service_cost_other", kMoney), xc("service_cost", kMoney),
			xc("hours", kNum1), xc("activity_cost", kMoney), xc("cost_to_serve", kMoney),
			xc("net_contribution", kMoney).bar(), xc("net_contribution_pct", kPct).scale(),
			xc("kam_investment", kMoney), xc("kam_roi", kTimes), xc("break_even_revenue", kMoney),
			xc("is_loss_making", kBool).with(cfTrueRed),
			xc("cum_contribution_pct", kPct), xc("cum_accounts_pct", kPct),
			xc("is_peak", kBool).with(cfTrueAmber), xc("ranked", kBool).hide(),
		},
	})
	s.add(&xlBlock{
		id: "portfolio_pnl", title: "xlsx.block.portfolio_pnl",
		query: `select p.scope, p.time_window, p.accounts, p.gross_sales, p.discounts, p.revenue, p.cogs,
			p.revenue_without_cost, p.gross_margin, p.gross_margin_pct, p.service_cost, p.activity_cost,
			p.cost_to_serve, p.net_contribution, p.net_contribution_pct, p.loss_making_accounts
			from main.portfolio_profitability p
			left join ` + xlOrderValues([]string{"all", "key", "other"}) + ` as s(scope, s_ord) using (scope)
			left join ` + xlOrderValues([]string{"month", "ytd", "ltm"}) + ` as w(time_window, w_ord) using (time_window)
			order by coalesce(s_ord, 9), coalesce(w_ord, 9)`,
		cols: []xlCol{
			xe("scope").softly(), xe("time_window"), xc("accounts", kInt), xc("gross_sales", kMoney),
			xc("discounts", kMoney), xc("revenue", kMoney), xc("cogs", kMoney), xc("revenue_without_cost", kMoney),
			xc("gross_margin", kMoney), xc("gross_margin_pct", kPct), xc("service_cost", kMoney),
			xc("activity_cost", kMoney), xc("cost_to_serve", kMoney), xc("net_contribution", kMoney),
			xc("net_contribution_pct", kPct), xc("loss_making_accounts", kInt).with(cfPositiveRed),
		},
	})
	s.add(&xlBlock{
		id: "loss_making", title: "xlsx.block.loss_making", filter: true,
		query: `select account_id, account_name, is_key_account, kam_id, revenue, gross_margin, gross_margin_pct,
			cost_to_serve, net_contribution, net_contribution_pct, kam_investment
			from main.account_profitability where time_window = 'ltm' and is_loss_making
			order by net_contribution, account_id`,
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xc("is_key_account", kBool), xc("kam_id", kText),
			xc("revenue", kMoney), xc("gross_margin", kMoney), xc("gross_margin_pct", kPct).scale(),
			xc("cost_to_serve", kMoney), xc("net_contribution", kMoney), xc("net_contribution_pct", kPct),
			xc("kam_investment", kMoney),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	if sp, ok := pnl.spans["true"]; ok {
		b.whale = &xlWhale{
			name: xlCellRef(s.name, pnl.colIndex("cum_contribution_pct"), pnl.header),
			x:    xlRef(s.name, pnl.colIndex("cum_accounts_pct"), sp[0], sp[1]),
			y:    xlRef(s.name, pnl.colIndex("cum_contribution_pct"), sp[0], sp[1]),
		}
		if err := b.whaleChart(s.name, s.chartSpot(), b.whale); err != nil {
			return err
		}
	}
	return s.close()
}
