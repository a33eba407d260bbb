package reports

import (
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// matrixPoints caps the bubbles drawn: the largest units by revenue.
const htmlMatrixPoints = 2000

var htmlQuadrants = []string{"strategic", "star", "status", "streamline"}

func (b *htmlBuilder) matrix(s *htmlSection) error {
	s.Notes = b.notes(htmlMissing(b.inputs, []string{"accounts"}))
	kpis, err := b.q(`select * from main.kpi_summary where kpi like 'accounts_%' order by kpi`)
	if err != nil {
		return err
	}
	byKey := map[string]martRow{}
	for _, r := range kpis {
		byKey[r.str("kpi")] = r
	}
	var tiles []htmlTile
	for _, q := range htmlQuadrants {
		if r, ok := byKey["accounts_"+q]; ok {
			tiles = append(tiles, b.kpiTile(r))
		}
	}
	s.Blocks = append(s.Blocks, htmlBlock{Tiles: tiles})

	rows, err := b.q(`select m.*, coalesce(k.kam_name, m.kam_id) as kam_name from main.portfolio_matrix m
		left join main.kam_performance k using (kam_id)
		order by m.revenue_ltm desc nulls last, m.account_name, m.account_id`)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		s.Blocks = append(s.Blocks, htmlBlock{Text: b.t("html.no_rows")})
		return nil
	}
	ch, err := b.matrixChart(rows)
	if err != nil {
		return err
	}
	s.Blocks = append(s.Blocks, htmlBlock{Chart: ch})

	t := b.newTable("matrix", hcol{Key: "account_name", Kind: "text"}, hcol{Key: "is_key_account", Kind: "bool"},
		hcol{Key: "quadrant", Kind: "badge"}, hcol{Key: "attractiveness", Kind: "score"}, hcol{Key: "relative_strength", Kind: "score"},
		hcol{Key: "revenue_ltm", Kind: "money"}, hcol{Key: "net_contribution", Kind: "money"},
		hcol{Key: "abc_revenue", Kind: "text"}, hcol{Key: "abc_contribution", Kind: "text"})
	t.add(b, rows, 25)
	s.Blocks = append(s.Blocks, htmlBlock{Heading: b.t("html.matrix_table")}, htmlBlock{Table: t})

	movers, err := b.q(`select * from main.movers order by revenue_ltm desc nulls last, account_name, change`)
	if err != nil {
		return err
	}
	for _, r := range movers {
		ch := r.str("change")
		r["from_value"], r["to_value"] = b.val(ch, r.str("from_value")), b.val(ch, r.str("to_value"))
	}
	heading := b.t("html.movers")
	if len(movers) > 0 {
		heading = b.t("html.movers_since", b.loc.Period(movers[0].str("compared_with")))
	}
	mt := b.newTable("movers", hcol{Key: "account_name", Kind: "text"}, hcol{Key: "change", Kind: "val"},
		hcol{Key: "from_value", Kind: "text"}, hcol{Key: "to_value", Kind: "text"}, hcol{Key: "revenue_ltm", Kind: "money"})
	mt.add(b, movers, 25)
	s.Blocks = append(s.Blocks, htmlBlock{Heading: heading}, htmlBlock{Table: mt})
	return nil
}

func (b *htmlBuilder) matrixChart(rows []martRow) (*htmlChart, error) {
	maxRev := 0.0
	for _, r := range rows {
		maxRev = math.Max(maxRev, r.f("revenue_ltm"))
	}
	byQuadrant := map[string][]chartItem{}
	drawn, unscored := 0, 0
	for _, r := range rows {
		x, okX := r.num("relative_strength")
		y, okY := r.num("attractiveness")
		if !okX || !okY || r.str("quadrant") == "" {
			unscored++
			continue
		}
		if drawn == htmlMatrixPoints {
			continue
		}
		drawn++
		size := 8.0
		if rev := r.f("revenue_ltm"); rev > 0 && maxRev > 0 {
			size += 42 * math.Sqrt(rev/maxRev)
		}
		q := r.str("quadrant")
		byQuadrant[q] = append(byQuadrant[q], chartItem{Name: r.str("account_name"), Value: []float64{x, y}, SymbolSize: math.Round(size*10) / 10,
			Tip: htmlTip(b.t("col.quadrant"), b.val("quadrant", q),
				b.t("col.revenue_ltm"), b.loc.Money(r["revenue_ltm"]),
				b.t("col.net_contribution"), b.loc.Money(r["net_contribution"]),
				b.t("col.attractiveness"), b.loc.Score(r["attractiveness"]),
				b.t("col.relative_strength"), b.loc.Score(r["relative_strength"]),
				b.t("col.abc_contribution"), b.loc.format("text", r["abc_contribution"]),
				b.t("col.is_key_account"), b.yesNo(r["is_key_account"]),
				b.t("col.kam_name"), b.loc.format("text", r["kam_name"]))})
	}
	c := htmlRect("item", true)
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
		htmlQuadArea(b.val("quadrant", "star"), htmlColorOf["star"], 0, split, split, 100, "insideTopLeft"),
		htmlQuadArea(b.val("quadrant", "strategic"), htmlColorOf["strategic"], split, split, 100, 100, "insideTopRight"),
		htmlQuadArea(b.val("quadrant", "streamline"), htmlColorOf["streamline"], 0, 0, split, split, "insideBottomLeft"),
		htmlQuadArea(b.val("quadrant", "status"), htmlColorOf["status"], split, 0, 100, split, "insideBottomRight"),
	}
	first := true
	for _, q := range htmlQuadrants {
		data := byQuadrant[q]
		if data == nil {
			data = []chartItem{}
		}
		htmlSeries(c, b.val("quadrant", q), types.ChartScatter, data, func(s *charts.SingleSeries) {
			s.ItemStyle = &opts.ItemStyle{Color: htmlColorOf[q], Opacity: opts.Float(0.75), BorderColor: "#ffffff", BorderWidth: 1}
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
func htmlQuadArea(name, color string, x0, y0, x1, y1 float64, pos string) []any {
	return []any{
		map[string]any{"name": name, "coord": []float64{x0, y0},
			"itemStyle": map[string]any{"color": color, "opacity": 0.07},
			"label":     map[string]any{"position": pos, "color": color, "fontWeight": "bold", "fontSize": 13}},
		map[string]any{"coord": []float64{x1, y1}},
	}
}

func (b *htmlBuilder) yesNo(v any) string {
	bv, ok := v.(bool)
	switch {
	case !ok:
		return b.loc.NA
	case bv:
		return b.t("html.yes")
	}
	return b.t("html.no")
}
