package excel

import (
	"context"

	"kam/reports/report"
)

// Profitability: the LTM account P&L from gross sales to net
// contribution with KAM investment, ROI and break-even revenue, ranked as on
// the whale curve (whose cumulative columns it carries and charts), then the
// portfolio's P&L per scope and window and the loss-making accounts.
func Profitability(ctx context.Context, b *Book) error {
	s := b.sheet("profitability", true)
	s.pagesWide = 2 // the P&L's 20-odd columns on one page would print in 4-point text
	s.title = b.t("sheet.profitability")
	s.lines = []infoLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), report.Text}}
	s.needs("sales")
	if err := s.unavailableFrom(ctx, "main.account_profitability"); err != nil {
		return err
	}
	pnl := s.add(&block{
		id: "profitability", title: "xlsx.block.pnl", main: true, freeze: 3, group: "ranked", keep: true,
		query: `select w.rank, p.account_id, p.account_name, p.is_key_account, ` + kamName("p") + `,
			p.gross_sales, p.discounts, p.revenue, p.cogs, p.revenue_without_cost, p.gross_margin, p.gross_margin_pct,
			p.service_cost_logistics, p.service_cost_support, p.service_cost_rebate, p.service_cost_marketing,
			p.service_cost_other, p.service_cost, p.hours, p.activity_cost, p.cost_to_serve,
			p.net_contribution, p.net_contribution_pct, p.kam_investment, p.kam_roi, p.break_even_revenue,
			p.is_loss_making, w.cum_contribution_pct, w.cum_accounts_pct, w.is_peak,
			w.rank is not null as ranked
			from main.account_profitability p left join main.whale_curve w on w.account_id = p.account_id
			where p.time_window = 'ltm'
			order by w.rank nulls last, p.revenue desc nulls last, p.account_id`,
		cols: []report.Col{
			report.C("rank", report.Int), report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
			report.C("kam_name", report.Text),
			report.C("gross_sales", report.Money), report.C("discounts", report.Money), report.C("revenue", report.Money).Bar(), report.C("cogs", report.Money),
			report.C("revenue_without_cost", report.Money), report.C("gross_margin", report.Money), report.C("gross_margin_pct", report.Pct).Scale(),
			report.C("service_cost_logistics", report.Money), report.C("service_cost_support", report.Money), report.C("service_cost_rebate", report.Money),
			report.C("service_cost_marketing", report.Money), report.C("service_cost_other", report.Money), report.C("service_cost", report.Money),
			report.C("hours", report.Num1), report.C("activity_cost", report.Money), report.C("cost_to_serve", report.Money),
			report.C("net_contribution", report.Money).Bar(), report.C("net_contribution_pct", report.Pct).Scale(),
			report.C("kam_investment", report.Money), report.C("kam_roi", report.Times), report.C("break_even_revenue", report.Money),
			report.C("is_loss_making", report.Bool).With(report.CFTrueRed),
			report.C("cum_contribution_pct", report.Pct), report.C("cum_accounts_pct", report.Pct),
			report.C("is_peak", report.Bool).With(report.CFTrueAmber), report.C("ranked", report.Bool).Hide(),
		},
	})
	s.add(&block{
		id: "portfolio_pnl", title: "xlsx.block.portfolio_pnl",
		query: `select p.scope, p.time_window, p.accounts, p.gross_sales, p.discounts, p.revenue, p.cogs,
			p.revenue_without_cost, p.gross_margin, p.gross_margin_pct, p.service_cost, p.activity_cost,
			p.cost_to_serve, p.net_contribution, p.net_contribution_pct, p.loss_making_accounts
			from main.portfolio_profitability p
			left join ` + orderValues([]string{"all", "key", "other"}) + ` as s(scope, s_ord) using (scope)
			left join ` + orderValues([]string{"month", "ytd", "ltm"}) + ` as w(time_window, w_ord) using (time_window)
			order by coalesce(s_ord, 9), coalesce(w_ord, 9)`,
		cols: []report.Col{
			report.E("scope").Softly(), report.E("time_window"), report.C("accounts", report.Int), report.C("gross_sales", report.Money),
			report.C("discounts", report.Money), report.C("revenue", report.Money), report.C("cogs", report.Money), report.C("revenue_without_cost", report.Money),
			report.C("gross_margin", report.Money), report.C("gross_margin_pct", report.Pct), report.C("service_cost", report.Money),
			report.C("activity_cost", report.Money), report.C("cost_to_serve", report.Money), report.C("net_contribution", report.Money),
			report.C("net_contribution_pct", report.Pct), report.C("loss_making_accounts", report.Int).With(report.CFPositiveRed),
		},
	})
	s.add(&block{
		id: "loss_making", title: "xlsx.block.loss_making", filter: true,
		query: `select account_id, account_name, is_key_account, ` + kamName("account_profitability") + `, revenue, gross_margin, gross_margin_pct,
			cost_to_serve, net_contribution, net_contribution_pct, kam_investment
			from main.account_profitability where time_window = 'ltm' and is_loss_making
			order by net_contribution, account_id`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool), report.C("kam_name", report.Text),
			report.C("revenue", report.Money), report.C("gross_margin", report.Money), report.C("gross_margin_pct", report.Pct).Scale(),
			report.C("cost_to_serve", report.Money), report.C("net_contribution", report.Money), report.C("net_contribution_pct", report.Pct),
			report.C("kam_investment", report.Money),
		},
	})
	s.chartHeight = func() int { return whaleHeight }
	if err := s.write(ctx); err != nil {
		return err
	}
	if sp, ok := pnl.spans["true"]; ok {
		d, err := b.chartData(pnl, sp[0], sp[1], "cum_accounts_pct", "cum_contribution_pct")
		if err != nil {
			return err
		}
		b.whale = &whale{
			name: d.head("cum_contribution_pct"),
			x:    d.rng("cum_accounts_pct", sp[0], sp[1]),
			y:    d.rng("cum_contribution_pct", sp[0], sp[1]),
		}
		if err := b.whaleChart(s.name, s.chartSpot(), b.whale); err != nil {
			return err
		}
	}
	return s.close()
}
