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

	rows, err := b.q(`select m.*, coalesce(k.kam_name, m.kam_id) as kam_name from main.portfolio_matrix m
		left join main.kam_performance k using (kam_id)
		order by m.revenue_ltm desc nulls last, m.account_name, m.account_id`)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		s.Blocks = append(s.Blocks, block{Text: b.t("html.no_rows")})
		return nil
	}
	ch, err := b.matrixChart(rows)
	if err != nil {
		return err
	}
	s.Blocks = append(s.Blocks, block{Chart: ch})

	t := b.newTable("matrix", report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
		report.C("quadrant", report.Enum).AsBadge(), report.C("attractiveness", report.Score), report.C("relative_strength", report.Score),
		report.C("revenue_ltm", report.Money), report.C("net_contribution", report.Money),
		report.C("abc_revenue", report.Text), report.C("abc_contribution", report.Text))
	t.add(b, rows, 25)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.matrix_table")}, block{Table: t})

	movers, err := b.q(`select * from main.movers order by revenue_ltm desc nulls last, account_name, change`)
	if err != nil {
		return err
	}
	// A move whose inputs covered the two months differently may come from
	// the data, not the account: left out of the list, counted with the reason.
	var shown []martRow
	notComparable, why := 0, ""
	for _, r := range movers {
		if r.str("is_comparable") == "false" {
			notComparable++
			why = r.str("not_comparable_reason")
			continue
		}
		ch := r.str("change")
		r["from_value"], r["to_value"] = b.val(ch, r.str("from_value")), b.val(ch, r.str("to_value"))
		shown = append(shown, r)
	}
	heading := b.t("html.movers")
	if len(movers) > 0 {
		heading = b.t("html.movers_since", b.loc.Period(movers[0].str("compared_with")))
	}
	mt := b.newTable("movers", report.C("account_name", report.Text), report.C("change", report.Enum),
		report.C("from_value", report.Text), report.C("to_value", report.Text), report.C("revenue_ltm", report.Money))
	mt.add(b, shown, 25)
	if notComparable > 0 {
		mt.Note = strings.TrimSpace(mt.Note + " " + b.t("html.movers_not_comparable", b.loc.Count(notComparable), b.inputSpan(why)))
	}
	s.Blocks = append(s.Blocks, block{Heading: heading}, block{Table: mt})
	return nil
}

func (b *Builder) matrixChart(rows []martRow) (*chart, error) {
	maxRev := 0.0
	for _, r := range rows {
		maxRev = math.Max(maxRev, r.f("revenue_ltm"))
	}
	byQuadrant := map[string][]chartItem{}
	drawn, unscored, others := 0, 0, 0
	for _, r := range rows {
		x, okX := r.num("relative_strength")
		y, okY := r.num("attractiveness")
		if !okX || !okY || r.str("quadrant") == "" {
			unscored++
			continue
		}
		if drawn == matrixPoints {
			continue
		}
		drawn++
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
	if unscored > 0 || drawn < len(rows)-unscored {
		ch.Note = b.t("html.matrix_note", b.loc.Count(drawn), b.loc.Count(len(rows)))
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
