package html

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"kam/reports/report"
)

// paretoBars is how many of the largest units the Pareto chart draws.
const paretoBars = 20

// mixValues caps the values per dimension in the mix charts.
const mixValues = 12

func (b *Builder) Concentration(s *Section) error {
	conc, err := b.q(`select * from main.portfolio_concentration order by scope`)
	if err != nil {
		return err
	}
	missing, err := unavailable(b.ctx, b.src, "portfolio_concentration")
	if err != nil {
		return err
	}
	s.Notes = b.notes(missingKinds(b.inputs, []string{"sales"}, missing))
	var all martRow
	var tiles []tile
	for _, r := range conc {
		scope := r.str("scope")
		if scope == "all" {
			all = r
		}
		label := b.val("scope", scope)
		tiles = append(tiles,
			tile{Key: "hhi_" + scope, Label: b.t("col.hhi") + " · " + label, Value: b.loc.Count(r["hhi"]),
				Changes: []change{{Label: b.t("col.hhi_band"), Text: b.val("hhi_band", r.str("hhi_band")), Class: bandClass(r.str("hhi_band"))},
					{Label: b.t("col.hhi_prior_ltm"), Text: b.loc.Count(r["hhi_prior_ltm"]), Class: "flat"}}},
			tile{Key: "top_" + scope, Label: b.t("html.top_shares") + " · " + label, Value: b.loc.Pct(r["top1_share"]),
				Changes: []change{{Label: b.t("col.top5_share"), Text: b.loc.Pct(r["top5_share"]), Class: "flat"},
					{Label: b.t("col.top10_share"), Text: b.loc.Pct(r["top10_share"]), Class: "flat"}}})
	}
	s.Blocks = append(s.Blocks, block{Tiles: tiles})

	top, err := b.q(`select account_name, revenue_ltm, cum_revenue_share from main.revenue_pareto
		order by rank limit ?`, paretoBars)
	if err != nil {
		return err
	}
	if len(top) > 0 && all != nil {
		ch, err := b.paretoChart(top, all)
		if err != nil {
			return err
		}
		s.Blocks = append(s.Blocks, block{Chart: ch})
	}

	trend, err := b.q(`select scope, month, hhi_ltm from main.portfolio_trend order by month, scope`)
	if err != nil {
		return err
	}
	if len(trend) > 0 {
		ch, err := b.hhiChart(trend)
		if err != nil {
			return err
		}
		s.Blocks = append(s.Blocks, block{Chart: ch})
	}

	mix, err := b.q(`select * from main.portfolio_mix order by dimension, ` + report.ABCFirst + `, revenue_ltm desc nulls last, value`)
	if err != nil {
		return err
	}
	var grid []*chart
	for _, dim := range []string{"segment", "region"} {
		var rows []martRow
		for _, r := range mix {
			if r.str("dimension") == dim {
				rows = append(rows, r)
			}
		}
		if len(rows) == 0 {
			continue
		}
		ch, err := b.mixChart(dim, rows)
		if err != nil {
			return err
		}
		grid = append(grid, ch)
	}
	if len(grid) > 0 {
		s.Blocks = append(s.Blocks, block{Grid: grid})
	}
	for _, r := range mix {
		r["dimension"], r["value"] = b.val("dimension", r.str("dimension")), b.val("value", r.str("value"))
	}
	t := b.newTable("mix", report.C("dimension", report.Text), report.C("value", report.Text),
		report.C("accounts", report.Int), report.C("revenue_ltm", report.Money), report.C("revenue_share", report.Pct),
		report.C("net_contribution", report.Money), report.C("contribution_share", report.Pct),
		report.C("cost_to_serve", report.Money), report.C("revenue_change_pct", report.Pct))
	t.add(b, mix, 60)
	// a change against a prior LTM the sales only partly cover is left blank, the reason said
	if len(mix) > 0 && mix[0].str("not_comparable_reason") != "" {
		t.Note = strings.TrimSpace(t.Note + " " + b.t("html.mix_not_comparable", b.inputSpan(mix[0].str("not_comparable_reason"))))
	}
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.mix_table")}, block{Table: t})
	return nil
}

func bandClass(band string) string {
	switch band {
	case "high":
		return "bad"
	case "moderate":
		return "warn"
	case "unconcentrated":
		return "good"
	}
	return "flat"
}

// paretoChart draws the largest units' revenue with the cumulative share of
// revenue they reach (revenue_pareto).
func (b *Builder) paretoChart(top []martRow, all martRow) (*chart, error) {
	cats := make([]string, len(top))
	bars := make([]chartItem, len(top))
	cum := make([]any, len(top))
	for i, r := range top {
		cats[i] = r.str("account_name")
		bars[i] = chartItem{Value: r.f("revenue_ltm")}
		cum[i] = chartItem{Value: r.f("cum_revenue_share"), Amount: b.loc.Pct(r["cum_revenue_share"])}
	}
	c := rect("axis", true)
	c.SetXAxis(cats)
	c.XAxisList[0].AxisLabel = &opts.AxisLabel{Show: opts.Bool(true), Interval: "0", Rotate: 40, Width: 120, Overflow: "truncate"}
	c.GridList[0].Left = "4%"
	c.YAxisList[0] = valueAxis("v:moneyShort")
	right := valueAxis("v:pct0")
	right.Min, right.Max, right.SplitLine = 0, 1, &opts.SplitLine{Show: opts.Bool(false)}
	c.ExtendYAxis(right)
	addSeries(c, b.t("col.revenue_ltm"), types.ChartBar, bars, func(s *charts.SingleSeries) {
		s.SeriesTooltip = &opts.SeriesTooltip{ValueFormatter: "v:money"}
	})
	addSeries(c, b.t("html.cumulative_share"), types.ChartLine, cum, func(s *charts.SingleSeries) {
		s.YAxisIndex = 1
		s.ConnectNulls = opts.Bool(true)
		s.Symbol, s.SymbolSize = "circle", 9
		s.LineStyle = &opts.LineStyle{Color: hcThird, Width: 2}
		s.ItemStyle = &opts.ItemStyle{Color: hcThird}
		s.SeriesTooltip = &opts.SeriesTooltip{ValueFormatter: "v:pct"}
	})
	ch, err := b.render(b.t("html.pareto"), c, nil)
	if err == nil {
		ch.Note = b.t("html.pareto_note", b.loc.Count(len(top)), b.loc.Count(all["accounts"]))
	}
	return ch, err
}

// hhiChart draws the HHI of the LTM ending each month over the bands.
func (b *Builder) hhiChart(trend []martRow) (*chart, error) {
	var cats []string
	byScope := map[string][]any{}
	for _, r := range trend {
		m, _ := r["month"].(time.Time)
		if r.str("scope") == "all" {
			cats = append(cats, b.loc.Month(m))
		}
		byScope[r.str("scope")] = append(byScope[r.str("scope")], nullable(r["hhi_ltm"]))
	}
	c := rect("axis", true)
	c.SetXAxis(cats)
	c.YAxisList[0] = valueAxis("v:count")
	c.Tooltip.ValueFormatter = "v:count"
	mod, high := b.param("hhi_moderate_from"), b.param("hhi_high_above")
	// The axis reaches past the high band's edge, so every band shows.
	top := high * 1.25
	for _, r := range trend {
		top = max(top, r.f("hhi_ltm")*1.1)
	}
	step := niceStep(top / 5)
	c.YAxisList[0].Min, c.YAxisList[0].Max, c.YAxisList[0].MaxInterval = 0, math.Ceil(top/step)*step, step
	c.YAxisList[0].MinInterval = step
	band := func(name, color string, from, to float64) []any {
		return []any{map[string]any{"name": name, "yAxis": from, "itemStyle": map[string]any{"color": color, "opacity": 0.08},
			"label": map[string]any{"position": "insideTopLeft", "color": color}}, map[string]any{"yAxis": to}}
	}
	for i, scope := range []string{"all", "key"} {
		data, ok := byScope[scope]
		if !ok {
			continue
		}
		color := []string{hcMain, hcThird}[i]
		addSeries(c, b.t("col.hhi")+" · "+b.val("scope", scope), types.ChartLine, data, func(s *charts.SingleSeries) {
			s.LineStyle = &opts.LineStyle{Color: color, Width: 2}
			s.ItemStyle = &opts.ItemStyle{Color: color}
			if i == 0 {
				s.MarkAreas = &opts.MarkAreas{Data: []any{
					band(b.val("hhi_band", "unconcentrated"), hcGood, 0, mod),
					band(b.val("hhi_band", "moderate"), hcWarn, mod, high),
					band(b.val("hhi_band", "high"), hcBad, high, 10000),
				}}
			}
		})
	}
	return b.render(b.t("html.hhi_trend"), c, map[string]any{})
}

func (b *Builder) mixChart(dim string, rows []martRow) (*chart, error) {
	n := len(rows)
	if n > mixValues {
		rows = rows[:mixValues]
	}
	cats := make([]string, len(rows))
	rev, con := make([]any, len(rows)), make([]any, len(rows))
	for i, r := range rows {
		cats[i] = b.val("value", r.str("value"))
		rev[i], con[i] = nullable(r["revenue_share"]), nullable(r["contribution_share"])
	}
	c := rect("axis", true)
	horizontal(c, cats, "v:pct0")
	c.Tooltip.ValueFormatter = "v:pct"
	addSeries(c, b.t("col.revenue_share"), types.ChartBar, rev)
	addSeries(c, b.t("col.contribution_share"), types.ChartBar, con)
	ch, err := b.render(b.t("html.mix_by", lowerFirst(b.val("dimension", dim))), c, nil)
	if err == nil && n > mixValues {
		ch.Note = b.t("html.top_values", b.loc.Count(mixValues), b.loc.Count(n))
	}
	return ch, err
}

// lowerFirst writes a label inside a sentence: "Segment" → "segment".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// niceStep rounds an axis step up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if x <= m*p {
			return m * p
		}
	}
	return 10 * p
}
