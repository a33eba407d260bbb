package html

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"kam/reports/report"
)

// attainmentBars caps the bars of the attainment chart.
const attainmentBars = 30

// attainmentAxis is the attainment chart's scale, 0 to 150 %: an account far
// off plan (300 %, or below zero after returns) would squeeze every other
// bar; its bar stops at the edge and its label says the real figure.
const attainmentAxis = 1.5

func (b *Builder) Plan(s *Section) error {
	missing, err := unavailable(b.ctx, b.src, "plan_vs_actual")
	if err != nil {
		return err
	}
	s.Notes = b.notes(missingKinds(b.inputs, []string{"targets"}, missing))
	// Targets whose account or KAM kam does not know are left out of the
	// plan (data_quality): the plan below is short of them.
	left, err := report.ReadLeftOut(b.ctx, b.src)
	if err != nil {
		return err
	}
	if left.Targets > 0 {
		s.Notes = append(s.Notes, b.t("plan.targets_left_out", b.loc.Count(left.Targets), b.loc.Money(left.TargetAmount)))
	}
	// The chart draws the first targets under way, the table lists the
	// first targets: each reads only those and counts the rest, as at
	// 100,000 accounts the section read every target to show 50.
	const order = ` order by is_key_account desc nulls last, period_end desc, revenue_target desc nulls last, account_name, account_id, target_period`
	rows, total, err := b.top(`select * from main.plan_vs_actual`+order, `select count(*) from main.plan_vs_actual`, 50)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		if len(s.Notes) == 0 {
			s.Blocks = append(s.Blocks, block{Text: b.t("html.no_rows")})
		}
		return nil
	}
	// under way: an attainment (martRow.num) and a status other than not_started (NULL included)
	active := ` where ` + isNum("attainment_pct") + ` and status is distinct from 'not_started'`
	started, n, err := b.top(`select * from main.plan_vs_actual`+active+order, `select count(*) from main.plan_vs_actual`+active, attainmentBars)
	if err != nil {
		return err
	}
	if len(started) > 0 {
		ch, err := b.attainmentChart(started, n)
		if err != nil {
			return err
		}
		s.Blocks = append(s.Blocks, block{Chart: ch})
	}

	// Only open periods have a gap left to close, and each pipeline is set
	// against one gap (is_gap_counted, pipeline_applied): a quarter inside
	// the open year, or a year already closed, does not claim it again.
	gaps, err := b.q(`select account_name, target_period, remaining_gap, pipeline_applied, gap_covered_by_pipeline
		from main.plan_vs_actual where is_gap_counted and remaining_gap > 0
		order by remaining_gap desc, account_name, account_id, target_period limit ?`, rankingBars)
	if err != nil {
		return err
	}
	if len(gaps) > 0 {
		cats := make([]string, len(gaps))
		gap, pipe := make([]chartItem, len(gaps)), make([]chartItem, len(gaps))
		for i, r := range gaps {
			cats[i] = r.str("account_name") + " · " + r.str("target_period")
			t := tip(b.t("col.remaining_gap"), b.loc.Money(r["remaining_gap"]), b.t("col.pipeline_applied"), b.loc.Money(r["pipeline_applied"]),
				b.t("col.gap_covered_by_pipeline"), b.loc.Pct(r["gap_covered_by_pipeline"]))
			gap[i] = chartItem{Name: cats[i], Value: nullable(r["remaining_gap"]), Tip: t}
			pipe[i] = chartItem{Name: cats[i], Value: nullable(r["pipeline_applied"]), Tip: t}
		}
		c := rect("item", true)
		horizontal(c, cats, "v:moneyShort", 280)
		c.Tooltip.Formatter = "tip"
		addSeries(c, b.t("col.remaining_gap"), types.ChartBar, gap, func(s *charts.SingleSeries) { s.ItemStyle = &opts.ItemStyle{Color: hcBad} })
		addSeries(c, b.t("col.pipeline_applied"), types.ChartBar, pipe, func(s *charts.SingleSeries) { s.ItemStyle = &opts.ItemStyle{Color: hcSecond} })
		ch, err := b.render(b.t("html.gap_pipeline", b.loc.Count(len(gaps))), c, nil)
		if err != nil {
			return err
		}
		s.Blocks = append(s.Blocks, block{Chart: ch})
	}

	t := b.newTable("plan", report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
		report.C("target_period", report.Text), report.C("revenue_target", report.Money), report.C("target_to_date", report.Money),
		report.C("revenue_actual", report.Money), report.C("attainment_pct", report.Pct), report.C("remaining_gap", report.Money),
		report.C("pipeline_applied", report.Money), report.C("gap_covered_by_pipeline", report.Pct), report.C("status", report.Enum).AsBadge())
	t.addTop(b, rows, 50, total)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.plan_table")}, block{Table: t})
	return nil
}

// attainmentChart draws the first attainmentBars targets under way of n.
func (b *Builder) attainmentChart(rows []martRow, n int) (*chart, error) {
	cats, data := make([]string, len(rows)), make([]chartItem, len(rows))
	for i, r := range rows {
		st := r.str("status")
		cats[i] = r.str("account_name") + " · " + r.str("target_period")
		v, amount := r.f("attainment_pct"), b.loc.Pct(r["attainment_pct"])
		switch { // beyond the scale: the bar stops at its edge, the label tells
		case v > attainmentAxis:
			v, amount = attainmentAxis, amount+" ▸"
		case v < 0:
			v, amount = 0, "◂ "+amount
		}
		data[i] = chartItem{Name: cats[i], Value: v, Amount: amount,
			ItemStyle: &opts.ItemStyle{Color: planColors[st]},
			Tip: tip(b.t("col.status"), b.val("status", st), b.t("col.attainment_pct"), b.loc.Pct(r["attainment_pct"]),
				b.t("col.target_to_date"), b.loc.Money(r["target_to_date"]), b.t("col.revenue_actual"), b.loc.Money(r["revenue_actual"]),
				b.t("col.gap"), b.loc.Money(r["gap"]))}
	}
	c := rect("item", false)
	horizontal(c, cats, "v:pct0", 280)
	c.XAxisList[0].Min, c.XAxisList[0].Max = 0, attainmentAxis
	c.Tooltip.Formatter = "tip"
	// both lines' labels above the bars, one higher than the other, so close
	// thresholds do not overlap
	line := func(v float64, label string, lift int) map[string]any {
		return map[string]any{"xAxis": v, "label": map[string]any{"formatter": label + " " + b.loc.Pct(v), "position": "start", "distance": lift}}
	}
	addSeries(c, b.t("col.attainment_pct"), types.ChartBar, data, func(s *charts.SingleSeries) {
		s.Label = &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "p:amount"}
		s.BarMaxWidth = "28"
		s.MarkLines = &opts.MarkLines{Data: []any{
			line(b.param("plan_at_risk_from"), b.val("status", "at_risk"), 4),
			line(b.param("plan_on_track_from"), b.val("status", "on_track"), 18),
		}, MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"}, LineStyle: &opts.LineStyle{Color: hcGrey, Type: "dashed"}}}
	})
	ch, err := b.render(b.t("html.attainment"), c, nil)
	if err != nil {
		return nil, err
	}
	if len(rows) > 12 {
		ch.Size = "tall"
	}
	if n > attainmentBars {
		ch.Note = b.t("html.top_values", b.loc.Count(attainmentBars), b.loc.Count(n))
	}
	return ch, nil
}
