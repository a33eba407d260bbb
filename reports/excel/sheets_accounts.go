package excel

import (
	"context"

	"kam/reports/report"
)

// KeyAccounts: one row per key account with the main metric of every
// model, largest revenue first.
func KeyAccounts(ctx context.Context, b *Book) error {
	s := b.sheet("key_accounts", true)
	s.title = b.t("sheet.key_accounts")
	s.lines = []infoLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), report.Text}}
	s.needs("sales", "key_accounts")
	if err := s.unavailableFrom(ctx, "main.account_growth", "main.account_profitability", "main.account_health"); err != nil {
		return err
	}
	s.add(&block{
		id: "key_accounts", title: "xlsx.block.key_accounts", main: true, freeze: 2,
		query: `select g.account_id, g.account_name, g.segment, coalesce(k.kam_name, g.kam_id) as kam_name, g.revenue_ltm,
			g.growth_yoy_pct, p.gross_margin_pct, p.net_contribution, p.net_contribution_pct, p.kam_roi,
			m.quadrant, m.abc_contribution, g.share_of_wallet, g.wallet_headroom, g.weighted_pipeline,
			g.growth_potential_score, s.selection_score, s.recommendation, h.plan_attainment_pct,
			r.hours, r.service_band, h.days_since_activity, h.health_score, h.health_band, h.revenue_at_risk
			from main.account_growth g
			left join main.account_profitability p on p.account_id = g.account_id and p.time_window = 'ltm'
			left join main.portfolio_matrix m on m.account_id = g.account_id
			left join main.account_selection s on s.account_id = g.account_id
			left join main.account_health h on h.account_id = g.account_id
			left join main.account_resources r on r.account_id = g.account_id
			left join main.kam_performance k on k.kam_id = g.kam_id
			where g.is_key_account
			order by g.revenue_ltm desc nulls last, g.account_id`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("segment", report.Text),
			report.C("kam_name", report.Text), report.C("revenue_ltm", report.Money).Bar(), report.C("growth_yoy_pct", report.Pct).With(report.CFSign),
			report.C("gross_margin_pct", report.Pct).Scale(), report.C("net_contribution", report.Money), report.C("net_contribution_pct", report.Pct).Scale(),
			report.C("kam_roi", report.Times), report.E("quadrant"), report.E("abc_contribution").Tone("abc"), report.C("share_of_wallet", report.Pct),
			report.C("wallet_headroom", report.Money), report.C("weighted_pipeline", report.Money), report.C("growth_potential_score", report.Score).Bar(),
			report.C("selection_score", report.Score), report.E("recommendation"), report.C("plan_attainment_pct", report.Pct),
			report.C("hours", report.Num1), report.E("service_band"), report.C("days_since_activity", report.Int),
			report.C("health_score", report.Score).With(report.CFLights), report.E("health_band"), report.C("revenue_at_risk", report.Money),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}

// Selection: the selection score with its components, whether a unit
// is recommended, and promote / review / confirm.
func Selection(ctx context.Context, b *Book) error {
	s := b.sheet("selection", true)
	s.title = b.t("sheet.selection")
	s.needs("sales", "accounts")
	if err := s.unavailableFrom(ctx, "main.account_selection"); err != nil {
		return err
	}
	s.add(&block{
		id: "selection", title: "xlsx.block.selection", main: true, freeze: 2,
		query: `select account_id, account_name, is_key_account, segment, ` + kamName("account_selection") + `, selection_rank, selection_score,
			is_recommended, recommendation, revenue_ltm, revenue_rank, growth_potential_score, growth_rank,
			market_influence, influence_rank, strategic_fit, fit_rank, net_contribution, profit_rank,
			score_missing_inputs
			from main.account_selection order by selection_rank nulls last, account_id`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool), report.C("segment", report.Text),
			report.C("kam_name", report.Text), report.C("selection_rank", report.Int), report.C("selection_score", report.Score).Bar(),
			report.C("is_recommended", report.Bool), report.E("recommendation"), report.C("revenue_ltm", report.Money), report.C("revenue_rank", report.Score),
			report.C("growth_potential_score", report.Score), report.C("growth_rank", report.Score), report.C("market_influence", report.Int),
			report.C("influence_rank", report.Score), report.C("strategic_fit", report.Int), report.C("fit_rank", report.Score),
			report.C("net_contribution", report.Money), report.C("profit_rank", report.Score),
			{Name: "score_missing_inputs", Kind: report.List, Wrap: true},
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}

// Growth: YoY, CAGR, trend, share of wallet and headroom, weighted
// pipeline, win rate, whitespace and the growth potential score; then the
// whitespace product lines.
func Growth(ctx context.Context, b *Book) error {
	s := b.sheet("growth", true)
	s.title = b.t("sheet.growth")
	s.lines = []infoLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), report.Text}}
	s.needs("sales", "opportunities")
	if err := s.unavailableFrom(ctx, "main.account_growth"); err != nil {
		return err
	}
	// Deals naming an account kam does not know (data_quality) are in no
	// account's pipeline.
	left, err := report.ReadLeftOut(ctx, b.src)
	if err != nil {
		return err
	}
	if left.Deals > 0 {
		s.notes = append(s.notes, b.t("growth.deals_left_out", b.count(left.Deals), b.money(left.DealAmount)))
	}
	s.add(&block{
		id: "growth", title: "xlsx.block.growth", main: true, freeze: 2,
		query: `select account_id, account_name, is_key_account, segment, ` + kamName("account_growth") + `, revenue_ltm, revenue_prior_ltm,
			growth_yoy_pct, cagr_3y, cagr_span_years, trend_pct_month, wallet_estimate, share_of_wallet, sow_band,
			wallet_headroom, weighted_pipeline, open_opportunities, open_opportunities_without_probability,
			win_rate_count, win_rate_amount, whitespace_lines, whitespace_value, growth_potential_score,
			score_missing_inputs
			from main.account_growth order by growth_potential_score desc nulls last, revenue_ltm desc nulls last, account_id`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool), report.C("segment", report.Text),
			report.C("kam_name", report.Text), report.C("revenue_ltm", report.Money).Bar(), report.C("revenue_prior_ltm", report.Money),
			report.C("growth_yoy_pct", report.Pct).With(report.CFSign), report.C("cagr_3y", report.Pct).With(report.CFSign), report.C("cagr_span_years", report.Int),
			report.C("trend_pct_month", report.Pct).With(report.CFSign), report.C("wallet_estimate", report.Money), report.C("share_of_wallet", report.Pct),
			report.E("sow_band"), report.C("wallet_headroom", report.Money), report.C("weighted_pipeline", report.Money), report.C("open_opportunities", report.Int),
			report.C("open_opportunities_without_probability", report.Int), report.C("win_rate_count", report.Pct), report.C("win_rate_amount", report.Pct),
			report.C("whitespace_lines", report.Int), report.C("whitespace_value", report.Money), report.C("growth_potential_score", report.Score).Bar(),
			{Name: "score_missing_inputs", Kind: report.List, Wrap: true},
		},
	})
	s.add(&block{
		id: "whitespace", title: "xlsx.block.whitespace", filter: true,
		query: `select account_id, account_name, is_key_account, segment, product_line, peers, peers_buying,
			peer_share, peer_median_spend
			from main.account_whitespace order by account_id, peer_median_spend desc nulls last, product_line`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool), report.C("segment", report.Text),
			report.C("product_line", report.Text), report.C("peers", report.Int), report.C("peers_buying", report.Int), report.C("peer_share", report.Pct),
			report.C("peer_median_spend", report.Money).Bar(),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}
