package html

import (
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"kam/reports/report"
)

// rankingBars is how many units the ranking charts draw.
const rankingBars = 15

func (b *Builder) Growth(s *Section) error {
	missing, err := unavailable(b.ctx, b.src, "account_growth")
	if err != nil {
		return err
	}
	s.Notes = b.notes(missingKinds(b.inputs, []string{"sales", "opportunities"}, missing))
	// Deals naming an account kam does not know (data_quality) are in no
	// account's pipeline.
	left, err := report.ReadLeftOut(b.ctx, b.src)
	if err != nil {
		return err
	}
	if left.Deals > 0 {
		s.Notes = append(s.Notes, b.t("growth.deals_left_out", b.loc.Count(left.Deals), b.loc.Money(left.DealAmount)))
	}

	trend, err := b.q(`select scope, month, revenue, gross_margin, net_contribution from main.portfolio_trend order by month, scope`)
	if err != nil {
		return err
	}
	if len(trend) > 0 {
		ch, err := b.trendChart(trend)
		if err != nil {
			return err
		}
		s.Blocks = append(s.Blocks, block{Chart: ch})
	}

	// The ranking draws the first scored units, the table lists the first
	// units scored or not: each reads only its own rows, as at 100,000
	// accounts the section read every account to show 25.
	const order = ` order by growth_potential_score desc nulls last, revenue_ltm desc nulls last, account_name, account_id`
	ranked, err := b.q(`select * from main.account_growth where `+isNum("growth_potential_score")+order+` limit ?`, rankingBars)
	if err != nil {
		return err
	}
	var grid []*chart
	if len(ranked) > 0 {
		cats, data := make([]string, len(ranked)), make([]chartItem, len(ranked))
		for i, r := range ranked {
			cats[i] = r.str("account_name")
			data[i] = chartItem{Name: cats[i], Value: r.f("growth_potential_score"), Amount: b.loc.Score(r["growth_potential_score"]),
				Tip: tip(b.t("col.growth_potential_score"), b.loc.Score(r["growth_potential_score"]),
					b.t("col.growth_yoy_pct"), b.loc.Pct(r["growth_yoy_pct"]),
					b.t("col.wallet_headroom"), b.loc.Money(r["wallet_headroom"]),
					b.t("col.weighted_pipeline"), b.loc.Money(r["weighted_pipeline"]),
					b.t("col.whitespace_value"), b.loc.Money(r["whitespace_value"]))}
		}
		c := rect("item", false)
		horizontal(c, cats, "v:count")
		c.XAxisList[0].Max = 100
		c.Tooltip.Formatter = "tip"
		addSeries(c, b.t("col.growth_potential_score"), types.ChartBar, data, func(s *charts.SingleSeries) {
			s.ItemStyle = &opts.ItemStyle{Color: hcSecond}
			s.Label = &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "p:amount"}
		})
		ch, err := b.render(b.t("html.growth_ranking", b.loc.Count(len(ranked))), c, nil)
		if err != nil {
			return err
		}
		if len(ranked) > 10 {
			ch.Size = "tall"
		}
		grid = append(grid, ch)
	}

	// Headroom and whitespace of the units with the most headroom.
	top, err := b.q(`select account_name, wallet_headroom, whitespace_value from main.account_growth
		where wallet_headroom > 0 or whitespace_value > 0
		order by wallet_headroom desc nulls last, whitespace_value desc nulls last, account_name, account_id limit ?`, rankingBars)
	if err != nil {
		return err
	}
	if len(top) > 0 {
		cats := make([]string, len(top))
		head, white := make([]any, len(top)), make([]any, len(top))
		for i, r := range top {
			cats[i] = r.str("account_name")
			head[i], white[i] = nullable(r["wallet_headroom"]), nullable(r["whitespace_value"])
		}
		c := rect("axis", true)
		horizontal(c, cats, "v:moneyShort")
		c.Tooltip.ValueFormatter = "v:money"
		addSeries(c, b.t("col.wallet_headroom"), types.ChartBar, head, func(s *charts.SingleSeries) { s.ItemStyle = &opts.ItemStyle{Color: hcMain} })
		addSeries(c, b.t("col.whitespace_value"), types.ChartBar, white, func(s *charts.SingleSeries) { s.ItemStyle = &opts.ItemStyle{Color: hcThird} })
		ch, err := b.render(b.t("html.headroom", b.loc.Count(len(top))), c, nil)
		if err != nil {
			return err
		}
		if len(top) > 10 {
			ch.Size = "tall"
		}
		grid = append(grid, ch)
	}
	if len(grid) > 0 {
		s.Blocks = append(s.Blocks, block{Grid: grid})
	}

	t := b.newTable("growth", report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
		report.C("growth_potential_score", report.Score), report.C("revenue_ltm", report.Money), report.C("growth_yoy_pct", report.Pct),
		report.C("trend_pct_month", report.Pct), report.C("share_of_wallet", report.Pct), report.C("wallet_headroom", report.Money),
		report.C("weighted_pipeline", report.Money), report.C("win_rate_count", report.Pct), report.C("whitespace_value", report.Money))
	rows, total, err := b.top(`select * from main.account_growth`+order, `select count(*) from main.account_growth`, 25)
	if err != nil {
		return err
	}
	t.addTop(b, rows, 25, total)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.growth_table")}, block{Table: t})

	white, total, err := b.top(`select * from main.account_whitespace order by peer_median_spend desc nulls last, account_name, product_line, account_id`,
		`select count(*) from main.account_whitespace`, 25)
	if err != nil {
		return err
	}
	wt := b.newTable("whitespace", report.C("account_name", report.Text), report.C("segment", report.Text),
		report.C("product_line", report.Text), report.C("peers_buying", report.Int), report.C("peers", report.Int),
		report.C("peer_share", report.Pct), report.C("peer_median_spend", report.Money))
	wt.addTop(b, white, 25, total)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.whitespace_table")}, block{Table: wt})
	return nil
}

// trendChart draws the monthly revenue and contribution of the trend months.
func (b *Builder) trendChart(trend []martRow) (*chart, error) {
	var cats []string
	var rev, keyRev, gm, nc []any
	for _, r := range trend {
		m, _ := r["month"].(time.Time)
		switch r.str("scope") {
		case "all":
			cats = append(cats, b.loc.Month(m))
			rev, gm, nc = append(rev, nullable(r["revenue"])), append(gm, nullable(r["gross_margin"])), append(nc, nullable(r["net_contribution"]))
		case "key":
			keyRev = append(keyRev, nullable(r["revenue"]))
		}
	}
	c := rect("axis", true)
	c.SetXAxis(cats)
	c.YAxisList[0] = valueAxis("v:moneyShort")
	c.Tooltip.ValueFormatter = "v:money"
	addSeries(c, b.t("col.revenue"), types.ChartBar, rev, func(s *charts.SingleSeries) { s.ItemStyle = &opts.ItemStyle{Color: hcMain} })
	if keyRev != nil {
		addSeries(c, b.t("col.revenue")+" · "+b.val("scope", "key"), types.ChartBar, keyRev, func(s *charts.SingleSeries) {
			s.ItemStyle = &opts.ItemStyle{Color: hcSecond}
		})
	}
	addSeries(c, b.t("col.gross_margin"), types.ChartLine, gm, func(s *charts.SingleSeries) {
		s.LineStyle = &opts.LineStyle{Color: hcGrey, Width: 2}
		s.ItemStyle = &opts.ItemStyle{Color: hcGrey}
	})
	addSeries(c, b.t("col.net_contribution"), types.ChartLine, nc, func(s *charts.SingleSeries) {
		s.LineStyle = &opts.LineStyle{Color: hcThird, Width: 3}
		s.ItemStyle = &opts.ItemStyle{Color: hcThird}
	})
	return b.render(b.t("html.trend", b.loc.Count(len(cats))), c, nil)
}
