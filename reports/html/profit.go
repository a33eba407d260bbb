package html

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"kam/reports/report"
)

// whalePoints caps the points of the whale curve; the peak is always kept.
const whalePoints = 1000

// waterfallAccounts is how many of the largest accounts get their own waterfall.
const waterfallAccounts = 6

func (b *Builder) Profitability(s *Section) error {
	missing, err := unavailable(b.ctx, b.src, "account_profitability")
	if err != nil {
		return err
	}
	s.Notes = b.notes(missingKinds(b.inputs, []string{"sales"}, missing))

	// The curve draws every step-th unit by rank, its peak and its last
	// unit: only those are read, as at 100,000 accounts the section read
	// every unit to draw 1,000.
	units, err := b.count(`select count(*) from main.whale_curve`)
	if err != nil {
		return err
	}
	step := 1
	if units > whalePoints {
		step = (units + whalePoints - 1) / whalePoints
	}
	whale, err := b.q(`select * exclude (i) from (select *, row_number() over (order by rank) - 1 as i from main.whale_curve)
		where i % ? = 0 or is_peak or i = ? order by rank`, step, units-1)
	if err != nil {
		return err
	}
	if len(whale) > 0 {
		ch, err := b.whaleChart(whale, units, step)
		if err != nil {
			return err
		}
		s.Blocks = append(s.Blocks, block{Chart: ch})
	}

	// The portfolio's P&L comes from its own mart (the units' lines summed in SQL).
	total, err := b.q(`select gross_sales, discounts, revenue, cogs, revenue_without_cost, gross_margin,
		service_cost_logistics, service_cost_support, service_cost_rebate, service_cost_marketing,
		service_cost_other, activity_cost, net_contribution, accounts
		from main.portfolio_profitability where scope = 'all' and time_window = 'ltm'`)
	if err != nil {
		return err
	}
	if len(total) == 1 && total[0].f("accounts") > 0 {
		ch, err := b.waterfall(b.t("html.waterfall_portfolio"), total[0], false)
		if err != nil {
			return err
		}
		// The waterfall adds up accounts; revenue no account owns is apart.
		recon, err := b.q(`select unattributed_revenue from main.revenue_reconciliation where time_window = 'ltm'`)
		if err != nil {
			return err
		}
		if len(recon) == 1 && recon[0].f("unattributed_revenue") != 0 {
			ch.Note = b.t("html.waterfall_note", b.loc.Money(recon[0]["unattributed_revenue"]))
		}
		s.Blocks = append(s.Blocks, block{Chart: ch})
	}
	top, err := b.q(`select * from main.account_profitability where time_window = 'ltm'
		order by revenue desc nulls last, account_name, account_id limit ?`, waterfallAccounts)
	if err != nil {
		return err
	}
	var grid []*chart
	for _, r := range top {
		ch, err := b.waterfall(r.str("account_name"), r, true)
		if err != nil {
			return err
		}
		ch.Size = "small"
		grid = append(grid, ch)
	}
	if len(grid) > 0 {
		s.Blocks = append(s.Blocks, block{Heading: b.t("html.waterfall_accounts", b.loc.Count(len(grid)))}, block{Grid: grid})
	}

	if len(total) == 1 && total[0]["net_contribution"] == nil {
		return nil // no net contribution, so no loss-making accounts to list; the notes say which files are missing
	}
	// The first 25 loss-makers and how many there are: at 100,000 accounts
	// the section read every one. kam_performance has one row per kam_id:
	// the join adds no row.
	const losing = ` where p.time_window = 'ltm' and p.is_loss_making`
	loss, n, err := b.top(`select p.*, coalesce(k.kam_name, p.kam_id) as kam_name from main.account_profitability p
		left join main.kam_performance k using (kam_id)`+losing+`
		order by p.net_contribution, p.account_name, p.account_id`, `select count(*) from main.account_profitability p`+losing, 25)
	if err != nil {
		return err
	}
	t := b.newTable("loss", report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
		report.C("kam_name", report.Text), report.C("revenue", report.Money), report.C("gross_margin_pct", report.Pct),
		report.C("cost_to_serve", report.Money), report.C("net_contribution", report.Money),
		report.C("net_contribution_pct", report.Pct), report.C("kam_roi", report.Times))
	t.Empty = b.t("html.no_loss")
	t.addTop(b, loss, 25, n)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.loss_making", b.loc.Count(n))}, block{Table: t})
	return nil
}

// whaleChart draws the points of the curve read (every step-th of units,
// the peak and the last).
func (b *Builder) whaleChart(rows []martRow, units, step int) (*chart, error) {
	data := []chartItem{{Value: []float64{0, 0}}}
	var peak martRow
	for _, r := range rows {
		if r.is("is_peak") {
			peak = r
		}
		data = append(data, chartItem{Name: r.str("account_name"), Value: []float64{r.f("cum_accounts_pct"), r.f("cum_contribution_pct")},
			Tip: tip(b.t("col.rank"), b.loc.Count(r["rank"]),
				b.t("col.net_contribution"), b.loc.Money(r["net_contribution"]),
				b.t("col.cum_contribution"), b.loc.Money(r["cum_contribution"]),
				b.t("col.cum_contribution_pct"), b.loc.Pct(r["cum_contribution_pct"]),
				b.t("col.cum_accounts_pct"), b.loc.Pct(r["cum_accounts_pct"]))})
	}
	c := rect("axis", false)
	c.XAxisList[0] = opts.XAxis{Type: "value", Min: 0, Max: 1, Name: b.t("col.cum_accounts_pct"), NameLocation: "middle", NameGap: 28,
		AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Formatter: "v:pct0"}}
	c.YAxisList[0] = valueAxis("v:pct0")
	c.YAxisList[0].Name, c.YAxisList[0].NameLocation, c.YAxisList[0].NameGap = b.t("col.cum_contribution_pct"), "middle", 44
	c.Tooltip.Formatter = "tip"
	c.GridList[0].Bottom, c.GridList[0].Left = "30", "30"
	addSeries(c, b.t("col.cum_contribution_pct"), types.ChartLine, data, func(s *charts.SingleSeries) {
		s.ShowSymbol = opts.Bool(false)
		s.LineStyle = &opts.LineStyle{Color: hcMain, Width: 2}
		s.AreaStyle = &opts.AreaStyle{Color: hcMain, Opacity: opts.Float(0.08)}
		s.MarkLines = &opts.MarkLines{Data: []any{map[string]any{"yAxis": 1, "name": "100 %"}},
			MarkLineStyle: opts.MarkLineStyle{Symbol: []string{"none", "none"}, LineStyle: &opts.LineStyle{Color: hcGrey, Type: "dashed"},
				Label: &opts.Label{Show: opts.Bool(true), Formatter: "100 %", Position: "insideEndTop"}}}
		if peak != nil {
			label := b.t("html.whale_peak", b.loc.Pct(peak["cum_contribution_pct"]), b.loc.Pct(peak["cum_accounts_pct"]))
			s.MarkPoints = &opts.MarkPoints{Data: []any{map[string]any{
				"coord": []float64{peak.f("cum_accounts_pct"), peak.f("cum_contribution_pct")}, "value": label,
				"symbol": "circle", "symbolSize": 10, "itemStyle": map[string]any{"color": hcBad},
				"label": map[string]any{"show": true, "position": "top", "formatter": label, "color": hcBad, "fontWeight": "bold",
					"backgroundColor": "#ffffff", "padding": 3},
			}}}
		}
	})
	ch, err := b.render(b.t("html.whale_curve"), c, nil)
	if err != nil {
		return nil, err
	}
	if step > 1 {
		ch.Note = b.t("html.sampled", b.loc.Count(len(data)-1), b.loc.Count(units))
	}
	return ch, nil
}

// waterfallSteps is the pocket-margin waterfall: totals are drawn from zero,
// the other steps take their amount off the running level.
var waterfallSteps = []struct {
	key   string
	total bool
}{
	{"gross_sales", true}, {"discounts", false}, {"revenue", true}, {"cogs", false},
	{"revenue_without_cost", false}, {"gross_margin", true},
	{"service_cost_logistics", false}, {"service_cost_support", false}, {"service_cost_rebate", false},
	{"service_cost_marketing", false}, {"service_cost_other", false},
	{"activity_cost", false}, {"net_contribution", true},
}

func (b *Builder) waterfall(title string, r martRow, small bool) (*chart, error) {
	var cats []string
	// Each bar spans [lo, hi]; stacking a transparent base under the
	// visible part, positives and negatives apart, draws bars that cross zero.
	var basePos, visPos, baseNeg, visNeg []chartItem
	level := 0.0
	for _, st := range waterfallSteps {
		v, ok := r.num(st.key)
		if !ok || (!st.total && v == 0) {
			continue
		}
		if st.key == "discounts" {
			if _, gross := r.num("gross_sales"); !gross {
				continue
			}
		}
		from, to := level, level-v
		color := hcBad
		if st.total {
			from, to = 0, v
			color = hcMain
			if st.key == "net_contribution" {
				color = hcGood
				if v < 0 {
					color = hcBad
				}
			}
		} else if v < 0 {
			color = hcGood
		}
		level = to
		lo, hi := min(from, to), max(from, to)
		name := b.t("col." + st.key)
		cats = append(cats, name)
		t := tip(name, b.loc.Money(v))
		style := &opts.ItemStyle{Color: color}
		vis := chartItem{Name: name, Tip: t, Amount: b.loc.MoneyShort(v), ItemStyle: style}
		none := chartItem{Value: 0}
		switch {
		case lo >= 0:
			basePos, baseNeg = append(basePos, chartItem{Value: lo}), append(baseNeg, none)
			vis.Value = hi - lo
			visPos, visNeg = append(visPos, vis), append(visNeg, none)
		case hi <= 0:
			basePos, baseNeg = append(basePos, none), append(baseNeg, chartItem{Value: hi})
			vis.Value = lo - hi
			visPos, visNeg = append(visPos, none), append(visNeg, vis)
		default:
			basePos, baseNeg = append(basePos, none), append(baseNeg, none)
			neg := chartItem{Name: name, Tip: t, Value: lo, ItemStyle: style}
			vis.Value = hi
			visPos, visNeg = append(visPos, vis), append(visNeg, neg)
		}
	}
	c := rect("item", false)
	c.SetXAxis(cats)
	labels := &opts.AxisLabel{Show: opts.Bool(true), Interval: "0", Rotate: 25, Width: 130, Overflow: "truncate"}
	if small {
		labels = &opts.AxisLabel{Show: opts.Bool(true), Interval: "0", Rotate: 35, Width: 100, Overflow: "truncate"}
	}
	c.XAxisList[0] = opts.XAxis{Type: "category", AxisLabel: labels}
	c.GridList[0].Left = "5%"
	c.YAxisList[0] = valueAxis("v:moneyShort")
	c.Tooltip.Formatter = "tip"
	c.GridList[0].Top = "24"
	hidden := func(s *charts.SingleSeries) {
		s.Stack = "w"
		s.ItemStyle = &opts.ItemStyle{Color: "transparent"}
		s.Emphasis = &opts.Emphasis{ItemStyle: &opts.ItemStyle{Color: "transparent"}}
	}
	shown := func(pos string) func(s *charts.SingleSeries) {
		return func(s *charts.SingleSeries) {
			s.Stack = "w"
			s.BarWidth = "60%"
			s.Label = &opts.Label{Show: opts.Bool(true), Position: pos, Formatter: "p:amount", FontSize: 10}
		}
	}
	addSeries(c, "base+", types.ChartBar, basePos, hidden)
	addSeries(c, "+", types.ChartBar, visPos, shown("top"))
	addSeries(c, "base-", types.ChartBar, baseNeg, hidden)
	addSeries(c, "-", types.ChartBar, visNeg, shown("bottom"))
	return b.render(title, c, nil)
}
