package html

import (
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"kam/reports/report"
)

// kamBars caps the KAMs the charts draw (the largest by revenue).
const kamBars = 30

var kamFlags = []string{"is_over_capacity", "is_under_used", "has_too_many_key_accounts", "has_no_key_accounts", "has_negative_contribution"}

func (b *Builder) KAMs(s *Section) error {
	missing, err := unavailable(b.ctx, b.src, "kam_performance")
	if err != nil {
		return err
	}
	s.Notes = b.notes(missingKinds(b.inputs, []string{"kams", "activities"}, missing))
	// Activities naming an account kam does not know (data_quality) are
	// in no account's cost to serve.
	left, err := report.ReadLeftOut(b.ctx, b.src)
	if err != nil {
		return err
	}
	if left.Activities > 0 {
		s.Notes = append(s.Notes, b.t("kams.activities_left_out", b.loc.Count(left.Activities)))
	}
	// Only the KAMs shown are read, and the others counted: the charts draw
	// the first kamBars, the table lists the first 50 (the team grows with
	// the portfolio: 202 KAMs at 1 M lines).
	rows, n, err := b.top(`select * from main.kam_performance order by revenue_ltm desc nulls last, hours desc nulls last, kam_name, kam_id`,
		`select count(*) from main.kam_performance`, 50)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		s.Blocks = append(s.Blocks, block{Text: b.t("html.no_rows")})
		return nil
	}
	for _, r := range rows {
		if r.str("kam_name") == "" { // a kam_id the kams file does not name
			r["kam_name"] = r.str("kam_id")
		}
	}
	top := rows[:min(kamBars, len(rows))]
	cats := make([]string, len(top))
	for i, r := range top {
		cats[i] = r.str("kam_name")
	}

	// Workload: accounts per KAM and the utilisation of their capacity.
	key, other, util := make([]any, len(top)), make([]any, len(top)), make([]chartItem, len(top))
	// The utilisation axis reaches past the upper threshold, so both
	// threshold lines show however idle the KAMs are.
	utilMax := b.param("utilisation_high_above") * 1.2
	for i, r := range top {
		utilMax = max(utilMax, r.f("utilisation")*1.1)
		key[i], other[i] = nullable(r["key_accounts"]), nullable(r["other_accounts"])
		util[i] = chartItem{Name: cats[i], Value: nullable(r["utilisation"]), Amount: b.loc.Pct(r["utilisation"])}
	}
	c := rect("axis", true)
	c.SetXAxis(cats)
	c.XAxisList[0].AxisLabel = &opts.AxisLabel{Show: opts.Bool(true), Interval: "0", Rotate: 30, Width: 110, Overflow: "truncate"}
	c.GridList[0].Left = "5%"
	c.YAxisList[0] = valueAxis("v:count")
	c.YAxisList[0].MinInterval = 1
	right := valueAxis("v:pct0")
	right.Min, right.Max, right.SplitLine = 0, math.Ceil(utilMax*10)/10, &opts.SplitLine{Show: opts.Bool(false)}
	c.ExtendYAxis(right)
	count := func(s *charts.SingleSeries) {
		s.Stack = "a"
		s.SeriesTooltip = &opts.SeriesTooltip{ValueFormatter: "v:count"}
	}
	addSeries(c, b.t("col.key_accounts"), types.ChartBar, key, count, func(s *charts.SingleSeries) { s.ItemStyle = &opts.ItemStyle{Color: hcMain} })
	addSeries(c, b.t("col.other_accounts"), types.ChartBar, other, count, func(s *charts.SingleSeries) { s.ItemStyle = &opts.ItemStyle{Color: hcGrey} })
	addSeries(c, b.t("col.utilisation"), types.ChartLine, util, func(s *charts.SingleSeries) {
		s.YAxisIndex = 1
		s.LineStyle = &opts.LineStyle{Color: hcThird, Width: 2}
		s.ItemStyle = &opts.ItemStyle{Color: hcThird}
		s.SeriesTooltip = &opts.SeriesTooltip{ValueFormatter: "v:pct"}
		s.MarkLines = &opts.MarkLines{Data: []any{
			map[string]any{"yAxis": b.param("utilisation_low_below"), "label": map[string]any{"formatter": b.loc.Pct(b.param("utilisation_low_below")), "position": "insideEndTop"}},
			map[string]any{"yAxis": b.param("utilisation_high_above"), "label": map[string]any{"formatter": b.loc.Pct(b.param("utilisation_high_above")), "position": "insideEndTop"}},
		}, MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"}, LineStyle: &opts.LineStyle{Color: hcThird, Type: "dashed", Opacity: opts.Float(0.6)}}}
	})
	work, err := b.render(b.t("html.kam_workload"), c, nil)
	if err != nil {
		return err
	}

	// Contribution and the return on the KAMs' time.
	nc, roi := make([]any, len(top)), make([]any, len(top))
	drawn := false // without costs there is nothing to draw; the notes say why
	for i, r := range top {
		nc[i], roi[i] = nullable(r["net_contribution"]), nullable(r["kam_roi"])
		drawn = drawn || nc[i] != nil || roi[i] != nil
	}
	c = rect("axis", true)
	c.SetXAxis(cats)
	c.XAxisList[0].AxisLabel = &opts.AxisLabel{Show: opts.Bool(true), Interval: "0", Rotate: 30, Width: 110, Overflow: "truncate"}
	c.GridList[0].Left = "5%"
	c.YAxisList[0] = valueAxis("v:moneyShort")
	right = valueAxis("v:ratio")
	right.SplitLine = &opts.SplitLine{Show: opts.Bool(false)}
	c.ExtendYAxis(right)
	addSeries(c, b.t("col.net_contribution"), types.ChartBar, nc, func(s *charts.SingleSeries) {
		s.ItemStyle = &opts.ItemStyle{Color: hcMain}
		s.SeriesTooltip = &opts.SeriesTooltip{ValueFormatter: "v:money"}
	})
	addSeries(c, b.t("col.kam_roi"), types.ChartLine, roi, func(s *charts.SingleSeries) {
		s.YAxisIndex = 1
		s.ConnectNulls = opts.Bool(false)
		s.LineStyle = &opts.LineStyle{Color: hcThird, Width: 2}
		s.ItemStyle = &opts.ItemStyle{Color: hcThird}
		s.SeriesTooltip = &opts.SeriesTooltip{ValueFormatter: "v:ratio"}
	})
	roiChart, err := b.render(b.t("html.kam_roi"), c, nil)
	if err != nil {
		return err
	}
	if n > kamBars {
		note := b.t("html.top_values", b.loc.Count(kamBars), b.loc.Count(n))
		work.Note, roiChart.Note = note, note
	}
	s.Blocks = append(s.Blocks, block{Chart: work})
	if drawn {
		s.Blocks = append(s.Blocks, block{Chart: roiChart})
	}

	for _, r := range rows {
		var flags []string
		for _, f := range kamFlags {
			if r.is(f) {
				flags = append(flags, b.t("col."+f))
			}
		}
		r["flags"] = strings.Join(flags, "; ")
		r["role"] = b.val("role", r.str("role"))
	}
	t := b.newTable("kams", report.C("kam_name", report.Text), report.C("role", report.Text), report.C("manager_name", report.Text),
		report.C("key_accounts", report.Int), report.C("other_accounts", report.Int), report.C("hours", report.Num1),
		report.C("utilisation", report.Pct), report.C("revenue_ltm", report.Money), report.C("net_contribution", report.Money),
		report.C("kam_investment", report.Money), report.C("kam_roi", report.Times), report.C("plan_attainment_pct", report.Pct),
		report.C("flags", report.Text).Lab("html.flags"))
	t.addTop(b, rows, 50, n)
	s.Blocks = append(s.Blocks, block{Table: t})
	return nil
}
