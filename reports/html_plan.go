package reports

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// attainmentBars caps the bars of the attainment chart.
const htmlAttainmentBars = 30

func (b *htmlBuilder) plan(s *htmlSection) error {
	missing, err := htmlUnavailable(b.ctx, b.src, "plan_vs_actual")
	if err != nil {
		return err
	}
	s.Notes = b.notes(htmlMissing(b.inputs, []string{"targets"}, missing))
	rows, err := b.q(`select * from main.plan_vs_actual
		order by is_key_account desc nulls last, period_end desc, revenue_target desc nulls last, account_name, account_id, target_period`)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		if len(s.Notes) == 0 {
			s.Blocks = append(s.Blocks, htmlBlock{Text: b.t("html.no_rows")})
		}
		return nil
	}
	var active []martRow
	for _, r := range rows {
		if _, ok := r.num("attainment_pct"); ok && r.str("status") != "not_started" {
			active = append(active, r)
		}
	}
	if len(active) > 0 {
		ch, err := b.attainmentChart(active)
		if err != nil {
			return err
		}
		s.Blocks = append(s.Blocks, htmlBlock{Chart: ch})
	}

	gaps, err := b.q(`select account_name, target_period, remaining_gap, weighted_pipeline, gap_covered_by_pipeline
		from main.plan_vs_actual where remaining_gap > 0 and status <> 'not_started'
		order by remaining_gap desc, account_name, account_id, target_period limit ?`, htmlRankingBars)
	if err != nil {
		return err
	}
	if len(gaps) > 0 {
		cats := make([]string, len(gaps))
		gap, pipe := make([]chartItem, len(gaps)), make([]chartItem, len(gaps))
		for i, r := range gaps {
			cats[i] = r.str("account_name") + " · " + r.str("target_period")
			t := htmlTip(b.t("col.remaining_gap"), b.loc.Money(r["remaining_gap"]), b.t("col.weighted_pipeline"), b.loc.Money(r["weighted_pipeline"]),
				b.t("col.gap_covered_by_pipeline"), b.loc.Pct(r["gap_covered_by_pipeline"]))
			gap[i] = chartItem{Name: cats[i], Value: htmlNullable(r["remaining_gap"]), Tip: t}
			pipe[i] = chartItem{Name: cats[i], Value: htmlNullable(r["weighted_pipeline"]), Tip: t}
		}
		c := htmlRect("item", true)
		htmlHorizontal(c, cats, "v:moneyShort", 280)
		c.Tooltip.Formatter = "tip"
		htmlSeries(c, b.t("col.remaining_gap"), types.ChartBar, gap, func(s *charts.SingleSeries) { s.ItemStyle = &opts.ItemStyle{Color: hcBad} })
		htmlSeries(c, b.t("col.weighted_pipeline"), types.ChartBar, pipe, func(s *charts.SingleSeries) { s.ItemStyle = &opts.ItemStyle{Color: hcSecond} })
		ch, err := b.render(b.t("html.gap_pipeline", b.loc.Count(len(gaps))), c, nil)
		if err != nil {
			return err
		}
		s.Blocks = append(s.Blocks, htmlBlock{Chart: ch})
	}

	t := b.newTable("plan", hcol{Key: "account_name", Kind: "text"}, hcol{Key: "is_key_account", Kind: "bool"},
		hcol{Key: "target_period", Kind: "text"}, hcol{Key: "revenue_target", Kind: "money"}, hcol{Key: "target_to_date", Kind: "money"},
		hcol{Key: "revenue_actual", Kind: "money"}, hcol{Key: "attainment_pct", Kind: "pct"}, hcol{Key: "remaining_gap", Kind: "money"},
		hcol{Key: "weighted_pipeline", Kind: "money"}, hcol{Key: "gap_covered_by_pipeline", Kind: "pct"}, hcol{Key: "status", Kind: "badge"})
	t.add(b, rows, 50)
	s.Blocks = append(s.Blocks, htmlBlock{Heading: b.t("html.plan_table")}, htmlBlock{Table: t})
	return nil
}

func (b *htmlBuilder) attainmentChart(rows []martRow) (*htmlChart, error) {
	n := len(rows)
	if n > htmlAttainmentBars {
		rows = rows[:htmlAttainmentBars]
	}
	cats, data := make([]string, len(rows)), make([]chartItem, len(rows))
	for i, r := range rows {
		st := r.str("status")
		cats[i] = r.str("account_name") + " · " + r.str("target_period")
		data[i] = chartItem{Name: cats[i], Value: r.f("attainment_pct"), Amount: b.loc.Pct(r["attainment_pct"]),
			ItemStyle: &opts.ItemStyle{Color: htmlPlanColors[st]},
			Tip: htmlTip(b.t("col.status"), b.val("status", st), b.t("col.attainment_pct"), b.loc.Pct(r["attainment_pct"]),
				b.t("col.target_to_date"), b.loc.Money(r["target_to_date"]), b.t("col.revenue_actual"), b.loc.Money(r["revenue_actual"]),
				b.t("col.gap"), b.loc.Money(r["gap"]))}
	}
	c := htmlRect("item", false)
	htmlHorizontal(c, cats, "v:pct0", 280)
	c.Tooltip.Formatter = "tip"
	line := func(v float64, label string) map[string]any {
		return map[string]any{"xAxis": v, "label": map[string]any{"formatter": label + " " + b.loc.Pct(v), "position": "start"}}
	}
	htmlSeries(c, b.t("col.attainment_pct"), types.ChartBar, data, func(s *charts.SingleSeries) {
		s.Label = &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "p:amount"}
		s.BarMaxWidth = "28"
		s.MarkLines = &opts.MarkLines{Data: []any{
			line(b.param("plan_at_risk_from"), b.val("status", "at_risk")),
			line(b.param("plan_on_track_from"), b.val("status", "on_track")),
		}, MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"}, LineStyle: &opts.LineStyle{Color: hcGrey, Type: "dashed"}}}
	})
	ch, err := b.render(b.t("html.attainment"), c, nil)
	if err != nil {
		return nil, err
	}
	if len(rows) > 12 {
		ch.Size = "tall"
	}
	if n > htmlAttainmentBars {
		ch.Note = b.t("html.top_values", b.loc.Count(htmlAttainmentBars), b.loc.Count(n))
	}
	return ch, nil
}
