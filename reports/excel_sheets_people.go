package reports

import "context"

// xlChartRows is how many rows a bar chart shows at most; the title says so
// when a table has more.
const xlChartRows = 40

// barRows returns the last row a bar chart over a block shows and the
// title suffix saying the chart is cut.
func (b *xlBook) barRows(bl *xlBlock) (int, string) {
	last := min(bl.last, bl.first+xlChartRows-1)
	if last < bl.last {
		return last, " " + b.t("xlsx.chart.first_rows", xlChartRows)
	}
	return last, ""
}

// writeKAMs: per KAM accounts, hours, utilisation, revenue, contribution,
// ROI, attainment and flags, with a utilisation chart; then the coverage
// gaps (key accounts without a KAM or without recent activity).
func writeKAMs(ctx context.Context, b *xlBook) error {
	s := b.sheet("kams", false)
	s.title = b.t("sheet.kams")
	s.lines = []xlLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), kText}}
	s.needs("kams", "activities")
	if err := s.unavailableFrom(ctx, "main.kam_performance", "main.account_resources"); err != nil {
		return err
	}
	kams := s.add(&xlBlock{
		id: "kams", title: "xlsx.block.kams", main: true, freeze: 2,
		query: `select kam_id, kam_name, role, manager_name, accounts, key_accounts, other_accounts, activities,
			hours, key_hours, key_hours_share, capacity_hours, utilisation, revenue_ltm, net_contribution,
			kam_investment, kam_roi, plan_target, plan_actual, plan_attainment_pct, is_over_capacity,
			is_under_used, has_too_many_key_accounts, has_no_key_accounts, has_negative_contribution
			from main.kam_performance order by utilisation desc nulls last, kam_id`,
		cols: []xlCol{
			xc("kam_id", kText), xc("kam_name", kText), xe("role"), xc("manager_name", kText), xc("accounts", kInt),
			xc("key_accounts", kInt), xc("other_accounts", kInt), xc("activities", kInt), xc("hours", kNum1),
			xc("key_hours", kNum1), xc("key_hours_share", kPct), xc("capacity_hours", kNum1),
			xc("utilisation", kPct).bar(), xc("revenue_ltm", kMoney).bar(), xc("net_contribution", kMoney),
			xc("kam_investment", kMoney), xc("kam_roi", kTimes), xc("plan_target", kMoney), xc("plan_actual", kMoney),
			xc("plan_attainment_pct", kPct), xc("is_over_capacity", kBool).with(cfTrueRed),
			xc("is_under_used", kBool).with(cfTrueAmber), xc("has_too_many_key_accounts", kBool).with(cfTrueAmber),
			xc("has_no_key_accounts", kBool).with(cfTrueAmber), xc("has_negative_contribution", kBool).with(cfTrueRed),
		},
	})
	s.add(&xlBlock{
		id: "coverage_gaps", title: "xlsx.block.coverage_gaps",
		query: `select account_id, account_name, kam_id, quadrant, revenue_ltm, hours, last_activity_date,
			days_since_activity, is_key_without_kam, is_key_without_recent_activity
			from main.account_resources where is_key_without_kam or is_key_without_recent_activity
			order by revenue_ltm desc nulls last, account_id`,
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xc("kam_id", kText), xe("quadrant"),
			xc("revenue_ltm", kMoney), xc("hours", kNum1), xc("last_activity_date", kDate), xc("days_since_activity", kInt),
			xc("is_key_without_kam", kBool).with(cfTrueRed), xc("is_key_without_recent_activity", kBool).with(cfTrueRed),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	if kams.last >= kams.first {
		last, more := b.barRows(kams)
		u := kams.colIndex("utilisation")
		if err := b.barChart(s.name, s.chartSpot(), b.t("xlsx.chart.utilisation")+more,
			xlCellRef(s.name, u, kams.header), xlRef(s.name, kams.colIndex("kam_name"), kams.first, last),
			xlRef(s.name, u, kams.first, last), "0.0%", last-kams.first+1); err != nil {
			return err
		}
	}
	return s.close()
}

// writePlan: targets against actuals per key account and target period,
// then per KAM, with an attainment chart per KAM.
func writePlan(ctx context.Context, b *xlBook) error {
	s := b.sheet("plan", true)
	s.title = b.t("sheet.plan")
	s.needs("targets")
	if err := s.unavailableFrom(ctx, "main.plan_vs_actual", "main.kam_performance"); err != nil {
		return err
	}
	s.add(&xlBlock{
		id: "plan_accounts", title: "xlsx.block.plan_accounts", main: true, freeze: 2,
		query: `select account_id, account_name, is_key_account, kam_id, target_period, period_start, period_end,
			months, months_elapsed, revenue_target, target_to_date, revenue_actual, attainment_pct, gap,
			remaining_gap, margin_target, margin_target_to_date, margin_actual, margin_attainment_pct,
			weighted_pipeline, gap_covered_by_pipeline, status, is_partial
			from main.plan_vs_actual left join (values ('off_track', 1), ('at_risk', 2), ('on_track', 3),
			('not_started', 4)) as o(status, ord) using (status)
			order by coalesce(o.ord, 9), remaining_gap desc nulls last, account_id, period_start`,
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xc("is_key_account", kBool), xc("kam_id", kText),
			xc("target_period", kText), xc("period_start", kDate), xc("period_end", kDate), xc("months", kInt),
			xc("months_elapsed", kInt), xc("revenue_target", kMoney), xc("target_to_date", kMoney),
			xc("revenue_actual", kMoney).bar(), xc("attainment_pct", kPct), xc("gap", kMoney), xc("remaining_gap", kMoney),
			xc("margin_target", kMoney), xc("margin_target_to_date", kMoney), xc("margin_actual", kMoney),
			xc("margin_attainment_pct", kPct), xc("weighted_pipeline", kMoney), xc("gap_covered_by_pipeline", kTimes),
			xe("status"), xc("is_partial", kBool),
		},
	})
	perKAM := s.add(&xlBlock{
		id: "plan_kams", title: "xlsx.block.plan_kams", filter: true,
		query: `select kam_id, kam_name, role, key_accounts, plan_target, plan_actual, plan_attainment_pct
			from main.kam_performance where plan_target is not null
			order by plan_attainment_pct nulls last, kam_id`,
		cols: []xlCol{
			xc("kam_id", kText), xc("kam_name", kText), xe("role"), xc("key_accounts", kInt),
			xc("plan_target", kMoney), xc("plan_actual", kMoney).bar(), xc("plan_attainment_pct", kPct),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	if perKAM.last >= perKAM.first {
		last, more := b.barRows(perKAM)
		a := perKAM.colIndex("plan_attainment_pct")
		if err := b.barChart(s.name, s.chartSpot(), b.t("xlsx.chart.attainment")+more,
			xlCellRef(s.name, a, perKAM.header), xlRef(s.name, perKAM.colIndex("kam_name"), perKAM.first, last),
			xlRef(s.name, a, perKAM.first, last), "0.0%", last-perKAM.first+1); err != nil {
			return err
		}
	}
	return s.close()
}

// writeRetention: per unit recency, health components, score and band and
// revenue at risk; then NRR, GRR, new and lost accounts per scope, and the
// accounts and revenue per health band.
func writeRetention(ctx context.Context, b *xlBook) error {
	s := b.sheet("retention", true)
	s.title = b.t("sheet.retention")
	s.needs("sales")
	if err := s.unavailableFrom(ctx, "main.account_health", "main.portfolio_retention"); err != nil {
		return err
	}
	s.add(&xlBlock{
		id: "health", title: "xlsx.block.health", main: true, freeze: 2,
		query: `select account_id, account_name, is_key_account, kam_id, revenue_ltm, growth_yoy_pct,
			last_purchase_date, days_since_purchase, last_activity_date, days_since_activity, revenue_trend_score,
			margin_trend_score, activity_score, plan_score, pipeline_score, health_score, health_band,
			is_revenue_at_risk, revenue_at_risk, risk_reasons, score_missing_inputs
			from main.account_health
			order by revenue_at_risk desc nulls last, health_score nulls last, account_id`,
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xc("is_key_account", kBool), xc("kam_id", kText),
			xc("revenue_ltm", kMoney).bar(), xc("growth_yoy_pct", kPct).with(cfSign), xc("last_purchase_date", kDate),
			xc("days_since_purchase", kInt), xc("last_activity_date", kDate), xc("days_since_activity", kInt),
			xc("revenue_trend_score", kScore), xc("margin_trend_score", kScore), xc("activity_score", kScore),
			xc("plan_score", kScore), xc("pipeline_score", kScore), xc("health_score", kScore).with(cfLights),
			xe("health_band"), xc("is_revenue_at_risk", kBool).with(cfTrueRed), xc("revenue_at_risk", kMoney),
			{name: "risk_reasons", kind: kList, wrap: true}, {name: "score_missing_inputs", kind: kList, wrap: true},
		},
	})
	s.add(&xlBlock{
		id: "retention", title: "xlsx.block.retention",
		query: `select scope, accounts, revenue_ltm, revenue_prior_ltm, base_accounts, base_revenue_prior_ltm,
			retained_revenue, nrr, grr, new_accounts, new_revenue, lost_accounts, lost_revenue,
			accounts_at_risk, revenue_at_risk
			from main.portfolio_retention order by scope`,
		cols: []xlCol{
			xe("scope"), xc("accounts", kInt), xc("revenue_ltm", kMoney), xc("revenue_prior_ltm", kMoney),
			xc("base_accounts", kInt), xc("base_revenue_prior_ltm", kMoney), xc("retained_revenue", kMoney),
			xc("nrr", kPct), xc("grr", kPct), xc("new_accounts", kInt), xc("new_revenue", kMoney),
			xc("lost_accounts", kInt), xc("lost_revenue", kMoney), xc("accounts_at_risk", kInt),
			xc("revenue_at_risk", kMoney),
		},
	})
	s.add(&xlBlock{
		id: "health_distribution", title: "xlsx.block.health_distribution",
		query: `select d.scope, d.health_band, d.accounts, d.revenue_ltm from main.health_distribution d
			left join ` + xlOrderValues([]string{"champion", "healthy", "needs_attention", "at_risk", "unscored"}) + `
			as o(health_band, ord) using (health_band) order by d.scope, coalesce(o.ord, 9)`,
		cols: []xlCol{
			xe("scope").softly(), xe("health_band").softly(), xc("accounts", kInt), xc("revenue_ltm", kMoney).bar(),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}
