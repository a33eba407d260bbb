package html

import (
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"kam/reports/report"
)

// matrixPoints caps the bubbles drawn: the largest units by revenue.
const matrixPoints = 2000

// matrixLabelled is how many of the largest accounts that are not key
// accounts are named on the matrix beside every key account; the other
// bubbles are faded, so the names that matter read in print.
const matrixLabelled = 8

var quadrants = []string{"strategic", "star", "status", "streamline"}

func (b *Builder) Matrix(s *Section) error {
	s.Notes = b.notes(missingKinds(b.inputs, []string{"accounts"}))
	kpis, err := b.q(`select * from main.kpi_summary where kpi like 'accounts_%' order by kpi`)
	if err != nil {
		return err
	}
	byKey := map[string]martRow{}
	for _, r := range kpis {
		byKey[r.str("kpi")] = r
	}
	var tiles []tile
	for _, q := range quadrants {
		if r, ok := byKey["accounts_"+q]; ok {
			tiles = append(tiles, b.kpiTile(r))
		}
	}
	s.Blocks = append(s.Blocks, block{Tiles: tiles})

	// The chart draws the first matrixPoints units it can place and the
	// table lists the first 25 units: each reads only those, and the count
	// and the largest revenue (the bubbles' scale) come from an aggregate,
	// as at 100,000 accounts the section read every unit.
	// kam_performance has one row per kam_id: the join adds no row.
	const units = `select m.*, coalesce(k.kam_name, m.kam_id) as kam_name from main.portfolio_matrix m
		left join main.kam_performance k using (kam_id)`
	const unitOrder = ` order by m.revenue_ltm desc nulls last, m.account_name, m.account_id`
	all, err := b.q(`select count(*) as units, max(revenue_ltm) as max_revenue from main.portfolio_matrix`)
	if err != nil {
		return err
	}
	n := int(all[0].f("units"))
	if n == 0 {
		s.Blocks = append(s.Blocks, block{Text: b.t("html.no_rows")})
		return nil
	}
	placed, err := b.q(units+` where `+matrixPlaced+unitOrder+` limit ?`, matrixPoints)
	if err != nil {
		return err
	}
	ch, err := b.matrixChart(placed, n, math.Max(0, all[0].f("max_revenue")))
	if err != nil {
		return err
	}
	s.Blocks = append(s.Blocks, block{Chart: ch})
	rows, err := b.q(units+unitOrder+` limit ?`, 25)
	if err != nil {
		return err
	}

	t := b.newTable("matrix", report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
		report.C("quadrant", report.Enum).AsBadge(), report.C("attractiveness", report.Score), report.C("relative_strength", report.Score),
		report.C("revenue_ltm", report.Money), report.C("net_contribution", report.Money),
		report.C("abc_revenue", report.Text), report.C("abc_contribution", report.Text))
	t.addTop(b, rows, 25, n)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.matrix_table")}, block{Table: t})

	// A move whose inputs covered the two months differently may come from
	// the data, not the account: left out of the list, counted with the
	// reason of the last one. The list reads its first 25 moves, one
	// aggregate the rest, as at 100,000 accounts the section read every move.
	const moveOrder = `order by revenue_ltm desc nulls last, account_name, change, account_id`
	shown, err := b.q(`select * from main.movers where is_comparable is distinct from false `+moveOrder+` limit ?`, 25)
	if err != nil {
		return err
	}
	sum, err := b.q(`select count(*) as moves, first(compared_with ` + moveOrder + `) as compared_with,
			count(*) filter (where is_comparable is distinct from false) as shown,
			count(*) filter (where is_comparable = false) as not_comparable,
			last(not_comparable_reason ` + moveOrder + `) filter (where is_comparable = false) as why
		from main.movers`)
	if err != nil {
		return err
	}
	for _, r := range shown {
		ch := r.str("change")
		r["from_value"], r["to_value"] = b.val(ch, r.str("from_value")), b.val(ch, r.str("to_value"))
	}
	heading := b.t("html.movers")
	if sum[0].f("moves") > 0 {
		heading = b.t("html.movers_since", b.loc.Period(sum[0].str("compared_with")))
	}
	mt := b.newTable("movers", report.C("account_name", report.Text), report.C("change", report.Enum),
		report.C("from_value", report.Text), report.C("to_value", report.Text), report.C("revenue_ltm", report.Money))
	mt.addTop(b, shown, 25, int(sum[0].f("shown")))
	if notComparable := sum[0].f("not_comparable"); notComparable > 0 {
		mt.Note = strings.TrimSpace(mt.Note + " " + b.t("html.movers_not_comparable", b.loc.Count(int(notComparable)), b.inputSpan(sum[0].str("why"))))
	}
	s.Blocks = append(s.Blocks, block{Heading: heading}, block{Table: mt})
	return nil
}

// matrixPlaced is SQL for a unit the matrix can place: both scores read as
// numbers (martRow.num) and a quadrant.
var matrixPlaced = isNum("m.relative_strength") + " and " + isNum("m.attractiveness") + " and m.quadrant <> ''"

// matrixChart draws the units the matrix can place, largest revenue first
// (at most matrixPoints of them), of the units in all; maxRev, the largest
// revenue of them all (0 at least), sizes the bubbles.
func (b *Builder) matrixChart(rows []martRow, units int, maxRev float64) (*chart, error) {
	byQuadrant := map[string][]chartItem{}
	others := 0
	for _, r := range rows {
		x, y := r.f("relative_strength"), r.f("attractiveness")
		size := 8.0
		if rev := r.f("revenue_ltm"); rev > 0 && maxRev > 0 {
			size += 42 * math.Sqrt(rev/maxRev)
		}
		q := r.str("quadrant")
		// rows come largest revenue first: the first others are the largest
		named := r.is("is_key_account")
		if !named && others < matrixLabelled && r.f("revenue_ltm") > 0 {
			named = true
			others++
		}
		var label map[string]any
		style := &opts.ItemStyle{Opacity: opts.Float(0.18)}
		if named {
			label = map[string]any{"show": true, "formatter": "{b}", "position": "right", "fontSize": 10, "color": "#1d2733",
				"width": 150, "overflow": "truncate"}
			style = &opts.ItemStyle{Opacity: opts.Float(0.85)}
		}
		byQuadrant[q] = append(byQuadrant[q], chartItem{Name: r.str("account_name"), Value: []float64{x, y}, SymbolSize: math.Round(size*10) / 10,
			Label: label, ItemStyle: style,
			Tip: tip(b.t("col.quadrant"), b.val("quadrant", q),
				b.t("col.revenue_ltm"), b.loc.Money(r["revenue_ltm"]),
				b.t("col.net_contribution"), b.loc.Money(r["net_contribution"]),
				b.t("col.attractiveness"), b.loc.Score(r["attractiveness"]),
				b.t("col.relative_strength"), b.loc.Score(r["relative_strength"]),
				b.t("col.abc_contribution"), b.loc.format("text", r["abc_contribution"]),
				b.t("col.is_key_account"), b.yesNo(r["is_key_account"]),
				b.t("col.kam_name"), b.loc.format("text", r["kam_name"]))})
	}
	c := rect("item", true)
	c.XAxisList[0] = opts.XAxis{Type: "value", Name: b.t("col.relative_strength"), NameLocation: "middle", NameGap: 28, Min: 0, Max: 100,
		AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}
	c.YAxisList[0] = opts.YAxis{Type: "value", Name: b.t("col.attractiveness"), NameLocation: "middle", NameGap: 36, Min: 0, Max: 100,
		AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}
	c.Tooltip.Formatter = types.FuncStr("tip")
	c.GridList[0].Bottom = "30"
	c.GridList[0].Left = "40"
	split := b.param("matrix_split")
	// The quadrants as shaded areas with their names, split where the
	// models split them.
	areas := []any{
		quadArea(b.val("quadrant", "star"), colorOf["star"], 0, split, split, 100, "insideTopLeft"),
		quadArea(b.val("quadrant", "strategic"), colorOf["strategic"], split, split, 100, 100, "insideTopRight"),
		quadArea(b.val("quadrant", "streamline"), colorOf["streamline"], 0, 0, split, split, "insideBottomLeft"),
		quadArea(b.val("quadrant", "status"), colorOf["status"], split, 0, 100, split, "insideBottomRight"),
	}
	first := true
	for _, q := range quadrants {
		data := byQuadrant[q]
		if data == nil {
			data = []chartItem{}
		}
		addSeries(c, b.val("quadrant", q), types.ChartScatter, data, func(s *charts.SingleSeries) {
			s.ItemStyle = &opts.ItemStyle{Color: colorOf[q], Opacity: opts.Float(0.75), BorderColor: "#ffffff", BorderWidth: 1}
			s.LabelLayout = &opts.LabelLayout{HideOverlap: opts.Bool(true)}
			if first {
				s.MarkAreas = &opts.MarkAreas{Data: areas}
				first = false
			}
		})
	}
	ch, err := b.render(b.t("html.matrix_chart"), c, nil)
	if err != nil {
		return nil, err
	}
	ch.Size = "tall"
	if len(rows) < units { // units left unplaced or beyond matrixPoints
		ch.Note = b.t("html.matrix_note", b.loc.Count(len(rows)), b.loc.Count(units))
	}
	return ch, nil
}

// quadArea is a markArea rectangle from (x0, y0) to (x1, y1).
func quadArea(name, color string, x0, y0, x1, y1 float64, pos string) []any {
	return []any{
		map[string]any{"name": name, "coord": []float64{x0, y0},
			"itemStyle": map[string]any{"color": color, "opacity": 0.07},
			"label":     map[string]any{"position": pos, "color": color, "fontWeight": "bold", "fontSize": 13}},
		map[string]any{"coord": []float64{x1, y1}},
	}
}

func (b *Builder) yesNo(v any) string {
	bv, ok := v.(bool)
	switch {
	case !ok:
		return b.loc.NA
	case bv:
		return b.t("html.yes")
	}
	return b.t("html.no")
}
