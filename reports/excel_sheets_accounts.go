package reports

import "context"

// writeKeyAccounts: one row per key account with the main metric of every
// model, largest revenue first.
func writeKeyAccounts(ctx context.Context, b *xlBook) error {
	s := b.sheet("key_accounts", true)
	s.title = b.t("sheet.key_accounts")
	s.lines = []xlLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), kText}}
	s.needs("sales", "key_accounts")
	if err := s.unavailableFrom(ctx, "main.account_growth", "main.account_profitability", "main.account_health"); err != nil {
		return err
	}
	s.add(&xlBlock{
		id: "key_accounts", title: "xlsx.block.key_accounts", main: true, freeze: 2,
		query: `select g.account_id, g.account_name, g.segment, g.kam_id, k.kam_name, g.revenue_ltm,
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
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xc("segment", kText), xc("kam_id", kText),
			xc("kam_name", kText), xc("revenue_ltm", kMoney).bar(), xc("growth_yoy_pct", kPct).with(cfSign),
			xc("gross_margin_pct", kPct).scale(), xc("net_contribution", kMoney), xc("net_contribution_pct", kPct).scale(),
			xc("kam_roi", kTimes), xe("quadrant"), xe("abc_contribution").tone("abc"), xc("share_of_wallet", kPct),
			xc("wallet_headroom", kMoney), xc("weighted_pipeline", kMoney), xc("growth_potential_score", kScore).bar(),
			xc("selection_score", kScore), xe("recommendation"), xc("plan_attainment_pct", kPct),
			xc("hours", kNum1), xe("service_band"), xc("days_since_activity", kInt),
			xc("health_score", kScore).with(cfLights), xe("health_band"), xc("revenue_at_risk", kMoney),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}

// writeSelection: the selection score with its components, whether a unit
// is recommended, and promote / review / confirm.
func writeSelection(ctx context.Context, b *xlBook) error {
	s := b.sheet("selection", true)
	s.title = b.t("sheet.selection")
	s.needs("sales", "accounts")
	if err := s.unavailableFrom(ctx, "main.account_selection"); err != nil {
		return err
	}
	s.add(&xlBlock{
		id: "selection", title: "xlsx.block.selection", main: true, freeze: 2,
		query: `select account_id, account_name, is_key_account, segment, kam_id, selection_rank, selection_score,
			is_recommended, recommendation, revenue_ltm, revenue_rank, growth_potential_score, growth_rank,
			market_influence, influence_rank, strategic_fit, fit_rank, net_contribution, profit_rank,
			score_missing_inputs
			from main.account_selection order by selection_rank nulls last, account_id`,
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xc("is_key_account", kBool), xc("segment", kText),
			xc("kam_id", kText), xc("selection_rank", kInt), xc("selection_score", kScore).bar(),
			xc("is_recommended", kBool), xe("recommendation"), xc("revenue_ltm", kMoney), xc("revenue_rank", kScore),
			xc("growth_potential_score", kScore), xc("growth_rank", kScore), xc("market_influence", kInt),
			xc("influence_rank", kScore), xc("strategic_fit", kInt), xc("fit_rank", kScore),
			xc("net_contribution", kMoney), xc("profit_rank", kScore),
			{name: "score_missing_inputs", kind: kList, wrap: true},
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}

// writeGrowth: YoY, CAGR, trend, share of wallet and headroom, weighted
// pipeline, win rate, whitespace and the growth potential score; then the
// whitespace product lines.
func writeGrowth(ctx context.Context, b *xlBook) error {
	s := b.sheet("growth", true)
	s.title = b.t("sheet.growth")
	s.lines = []xlLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), kText}}
	s.needs("sales", "opportunities")
	if err := s.unavailableFrom(ctx, "main.account_growth"); err != nil {
		return err
	}
	s.add(&xlBlock{
		id: "growth", title: "xlsx.block.growth", main: true, freeze: 2,
		query: `select account_id, account_name, is_key_account, segment, kam_id, revenue_ltm, revenue_prior_ltm,
			growth_yoy_pct, cagr_3y, cagr_span_years, trend_pct_month, wallet_estimate, share_of_wallet, sow_band,
			wallet_headroom, weighted_pipeline, open_opportunities, open_opportunities_without_probability,
			win_rate_count, win_rate_amount, whitespace_lines, whitespace_value, growth_potential_score,
			score_missing_inputs
			from main.account_growth order by growth_potential_score desc nulls last, revenue_ltm desc nulls last, account_id`,
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xc("is_key_account", kBool), xc("segment", kText),
			xc("kam_id", kText), xc("revenue_ltm", kMoney).bar(), xc("revenue_prior_ltm", kMoney),
			xc("growth_yoy_pct", kPct).with(cfSign), xc("cagr_3y", kPct).with(cfSign), xc("cagr_span_years", kInt),
			xc("trend_pct_month", kPct).with(cfSign), xc("wallet_estimate", kMoney), xc("share_of_wallet", kPct),
			xe("sow_band"), xc("wallet_headroom", kMoney), xc("weighted_pipeline", kMoney), xc("open_opportunities", kInt),
			xc("open_opportunities_without_probability", kInt), xc("win_rate_count", kPct), xc("win_rate_amount", kPct),
			xc("whitespace_lines", kInt), xc("whitespace_value", kMoney), xc("growth_potential_score", kScore).bar(),
			{name: "score_missing_inputs", kind: kList, wrap: true},
		},
	})
	s.add(&xlBlock{
		id: "whitespace", title: "xlsx.block.whitespace", filter: true,
		query: `select account_id, account_name, is_key_account, segment, product_line, peers, peers_buying,
			peer_share, peer_median_spend
			from main.account_whitespace order by account_id, peer_median_spend desc nulls last, product_line`,
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xc("is_key_account", kBool), xc("segment", kText),
			xc("product_line", kText), xc("peers", kInt), xc("peers_buying", kInt), xc("peer_share", kPct),
			xc("peer_median_spend", kMoney).bar(),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}
