package excel

import (
	"context"

	"kam/reports/report"
)

// ChartRows is how many rows a bar chart shows at most; the title says so
// when a table has more.
const ChartRows = 40

// barRows returns the last row a bar chart over a block shows and the
// title suffix saying the chart is cut.
func (b *Book) barRows(bl *block) (int, string) {
	last := min(bl.last, bl.first+ChartRows-1)
	if last < bl.last {
		return last, " " + b.t("xlsx.chart.first_rows", ChartRows)
	}
	return last, ""
}

// KAMs: per KAM accounts, hours, utilisation, revenue, contribution,
// ROI, attainment and flags, with a utilisation chart; then the coverage
// gaps (key accounts without a KAM or without recent activity).
func KAMs(ctx context.Context, b *Book) error {
	s := b.sheet("kams", false)
	s.title = b.t("sheet.kams")
	s.lines = []infoLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), report.Text}}
	s.needs("kams", "activities")
	if err := s.unavailableFrom(ctx, "main.kam_performance", "main.account_resources"); err != nil {
		return err
	}
	// Activities naming an account kam does not know (data_quality) are
	// in no account's cost to serve.
	left, err := report.ReadLeftOut(ctx, b.src)
	if err != nil {
		return err
	}
	if left.Activities > 0 {
		s.notes = append(s.notes, b.t("kams.activities_left_out", b.count(left.Activities)))
	}
	kams := s.add(&block{
		id: "kams", title: "xlsx.block.kams", main: true, freeze: 2, keep: true,
		query: `select kam_id, kam_name, role, manager_name, accounts, key_accounts, other_accounts, activities,
			hours, key_hours, key_hours_share, capacity_hours, utilisation, revenue_ltm, net_contribution,
			kam_investment, kam_roi, plan_target, plan_actual, plan_attainment_pct, is_over_capacity,
			is_under_used, has_too_many_key_accounts, has_no_key_accounts, has_negative_contribution
			from main.kam_performance order by utilisation desc nulls last, kam_id`,
		cols: []report.Col{
			report.C("kam_id", report.Text), report.C("kam_name", report.Text), report.E("role"), report.C("manager_name", report.Text), report.C("accounts", report.Int),
			report.C("key_accounts", report.Int), report.C("other_accounts", report.Int), report.C("activities", report.Int), report.C("hours", report.Num1),
			report.C("key_hours", report.Num1), report.C("key_hours_share", report.Pct), report.C("capacity_hours", report.Num1),
			report.C("utilisation", report.Pct).Bar(), report.C("revenue_ltm", report.Money).Bar(), report.C("net_contribution", report.Money),
			report.C("kam_investment", report.Money), report.C("kam_roi", report.Times), report.C("plan_target", report.Money), report.C("plan_actual", report.Money),
			report.C("plan_attainment_pct", report.Pct), report.C("is_over_capacity", report.Bool).With(report.CFTrueRed),
			report.C("is_under_used", report.Bool).With(report.CFTrueAmber), report.C("has_too_many_key_accounts", report.Bool).With(report.CFTrueAmber),
			report.C("has_no_key_accounts", report.Bool).With(report.CFTrueAmber), report.C("has_negative_contribution", report.Bool).With(report.CFTrueRed),
		},
	})
	s.add(&block{
		id: "coverage_gaps", title: "xlsx.block.coverage_gaps",
		query: `select account_id, account_name, ` + kamName("account_resources") + `, quadrant, revenue_ltm, hours, last_activity_date,
			days_since_activity, is_key_without_kam, is_key_without_recent_activity
			from main.account_resources where is_key_without_kam or is_key_without_recent_activity
			order by revenue_ltm desc nulls last, account_id`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("kam_name", report.Text), report.E("quadrant"),
			report.C("revenue_ltm", report.Money), report.C("hours", report.Num1), report.C("last_activity_date", report.Date), report.C("days_since_activity", report.Int),
			report.C("is_key_without_kam", report.Bool).With(report.CFTrueRed), report.C("is_key_without_recent_activity", report.Bool).With(report.CFTrueRed),
		},
	})
	s.chartHeight = func() int { return barHeight(min(kams.count, ChartRows)) }
	if err := s.write(ctx); err != nil {
		return err
	}
	if kams.last >= kams.first {
		last, more := b.barRows(kams)
		d, err := b.chartData(kams, kams.first, last, "kam_name", "utilisation")
		if err != nil {
			return err
		}
		if err := b.barChart(s.name, s.chartSpot(), b.t("xlsx.chart.utilisation")+more,
			d.head("utilisation"), d.rng("kam_name", kams.first, last),
			d.rng("utilisation", kams.first, last), "0.0%", last-kams.first+1); err != nil {
			return err
		}
	}
	return s.close()
}

// Plan: targets against actuals per key account and target period,
// then per KAM, with an attainment chart per KAM.
func Plan(ctx context.Context, b *Book) error {
	s := b.sheet("plan", true)
	s.title = b.t("sheet.plan")
	s.needs("targets")
	if err := s.unavailableFrom(ctx, "main.plan_vs_actual", "main.kam_performance"); err != nil {
		return err
	}
	// Targets whose account or KAM kam does not know are left out of the
	// plan (data_quality): the plan below is short of them.
	left, err := report.ReadLeftOut(ctx, b.src)
	if err != nil {
		return err
	}
	if left.Targets > 0 {
		s.notes = append(s.notes, b.t("plan.targets_left_out", b.count(left.Targets), b.money(left.TargetAmount)))
	}
	s.add(&block{
		id: "plan_accounts", title: "xlsx.block.plan_accounts", main: true, freeze: 2,
		query: `select account_id, account_name, is_key_account, ` + kamName("plan_vs_actual") + `, target_period, period_start, period_end,
			months, months_elapsed, revenue_target, target_to_date, revenue_actual, attainment_pct, gap,
			remaining_gap, margin_target, margin_target_to_date, margin_actual, margin_attainment_pct,
			weighted_pipeline, pipeline_applied, gap_covered_by_pipeline, status, is_closed, is_partial
			from main.plan_vs_actual left join (values ('off_track', 1), ('at_risk', 2), ('on_track', 3),
			('not_started', 4), ('missed', 5), ('met', 6)) as o(status, ord) using (status)
			order by coalesce(o.ord, 9), remaining_gap desc nulls last, account_id, period_start`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool), report.C("kam_name", report.Text),
			report.C("target_period", report.Text), report.C("period_start", report.Date), report.C("period_end", report.Date), report.C("months", report.Int),
			report.C("months_elapsed", report.Int), report.C("revenue_target", report.Money), report.C("target_to_date", report.Money),
			report.C("revenue_actual", report.Money).Bar(), report.C("attainment_pct", report.Pct), report.C("gap", report.Money), report.C("remaining_gap", report.Money),
			report.C("margin_target", report.Money), report.C("margin_target_to_date", report.Money), report.C("margin_actual", report.Money),
			report.C("margin_attainment_pct", report.Pct), report.C("weighted_pipeline", report.Money), report.C("pipeline_applied", report.Money),
			report.C("gap_covered_by_pipeline", report.Times), report.E("status"), report.C("is_closed", report.Bool), report.C("is_partial", report.Bool),
		},
	})
	perKAM := s.add(&block{
		id: "plan_kams", title: "xlsx.block.plan_kams", filter: true, keep: true,
		query: `select kam_id, kam_name, role, key_accounts, plan_target, plan_actual, plan_attainment_pct
			from main.kam_performance where plan_target is not null
			order by plan_attainment_pct nulls last, kam_id`,
		cols: []report.Col{
			report.C("kam_id", report.Text), report.C("kam_name", report.Text), report.E("role"), report.C("key_accounts", report.Int),
			report.C("plan_target", report.Money), report.C("plan_actual", report.Money).Bar(), report.C("plan_attainment_pct", report.Pct),
		},
	})
	s.chartHeight = func() int { return barHeight(min(perKAM.count, ChartRows)) }
	if err := s.write(ctx); err != nil {
		return err
	}
	if perKAM.last >= perKAM.first {
		last, more := b.barRows(perKAM)
		d, err := b.chartData(perKAM, perKAM.first, last, "kam_name", "plan_attainment_pct")
		if err != nil {
			return err
		}
		if err := b.barChart(s.name, s.chartSpot(), b.t("xlsx.chart.attainment")+more,
			d.head("plan_attainment_pct"), d.rng("kam_name", perKAM.first, last),
			d.rng("plan_attainment_pct", perKAM.first, last), "0.0%", last-perKAM.first+1); err != nil {
			return err
		}
	}
	return s.close()
}

// Retention: per unit recency, health components, score and band and
// revenue at risk; then NRR, GRR, new and lost accounts per scope, and the
// accounts and revenue per health band.
func Retention(ctx context.Context, b *Book) error {
	s := b.sheet("retention", true)
	s.title = b.t("sheet.retention")
	s.needs("sales")
	if err := s.unavailableFrom(ctx, "main.account_health", "main.portfolio_retention"); err != nil {
		return err
	}
	s.add(&block{
		id: "health", title: "xlsx.block.health", main: true, freeze: 2,
		query: `select account_id, account_name, is_key_account, ` + kamName("account_health") + `, revenue_ltm, growth_yoy_pct,
			last_purchase_date, days_since_purchase, last_activity_date, days_since_activity, revenue_trend_score,
			margin_trend_score, activity_score, plan_score, pipeline_score, health_score, health_band,
			is_revenue_at_risk, revenue_at_risk, risk_reasons, score_missing_inputs
			from main.account_health
			order by revenue_at_risk desc nulls last, health_score nulls last, account_id`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool), report.C("kam_name", report.Text),
			report.C("revenue_ltm", report.Money).Bar(), report.C("growth_yoy_pct", report.Pct).With(report.CFSign), report.C("last_purchase_date", report.Date),
			report.C("days_since_purchase", report.Int), report.C("last_activity_date", report.Date), report.C("days_since_activity", report.Int),
			report.C("revenue_trend_score", report.Score), report.C("margin_trend_score", report.Score), report.C("activity_score", report.Score),
			report.C("plan_score", report.Score), report.C("pipeline_score", report.Score), report.C("health_score", report.Score).With(report.CFLights),
			report.E("health_band"), report.C("is_revenue_at_risk", report.Bool).With(report.CFTrueRed), report.C("revenue_at_risk", report.Money),
			{Name: "risk_reasons", Kind: report.List, Wrap: true}, {Name: "score_missing_inputs", Kind: report.List, Wrap: true},
		},
	})
	s.add(&block{
		id: "retention", title: "xlsx.block.retention",
		query: `select scope, accounts, revenue_ltm, revenue_prior_ltm, base_accounts, base_revenue_prior_ltm,
			retained_revenue, nrr, grr, new_accounts, new_revenue, lost_accounts, lost_revenue,
			accounts_at_risk, revenue_at_risk
			from main.portfolio_retention order by scope`,
		cols: []report.Col{
			report.E("scope"), report.C("accounts", report.Int), report.C("revenue_ltm", report.Money), report.C("revenue_prior_ltm", report.Money),
			report.C("base_accounts", report.Int), report.C("base_revenue_prior_ltm", report.Money), report.C("retained_revenue", report.Money),
			report.C("nrr", report.Pct), report.C("grr", report.Pct), report.C("new_accounts", report.Int), report.C("new_revenue", report.Money),
			report.C("lost_accounts", report.Int), report.C("lost_revenue", report.Money), report.C("accounts_at_risk", report.Int),
			report.C("revenue_at_risk", report.Money),
		},
	})
	s.add(&block{
		id: "health_distribution", title: "xlsx.block.health_distribution",
		query: `select d.scope, d.health_band, d.accounts, d.revenue_ltm from main.health_distribution d
			left join ` + orderValues([]string{"champion", "healthy", "needs_attention", "at_risk", "unscored"}) + `
			as o(health_band, ord) using (health_band) order by d.scope, coalesce(o.ord, 9)`,
		cols: []report.Col{
			report.E("scope").Softly(), report.E("health_band").Softly(), report.C("accounts", report.Int), report.C("revenue_ltm", report.Money).Bar(),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}
