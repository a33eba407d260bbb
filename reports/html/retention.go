package html

import (
	"kam/reports/report"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

var healthBands = []string{"champion", "healthy", "needs_attention", "at_risk"}

func (b *Builder) Retention(s *Section) error {
	missing, err := unavailable(b.ctx, b.src, "account_health")
	if err != nil {
		return err
	}
	ret, err := b.q(`select * from main.portfolio_retention order by scope`)
	if err != nil {
		return err
	}
	more, err := unavailable(b.ctx, b.src, "portfolio_retention")
	if err != nil {
		return err
	}
	s.Notes = b.notes(missingKinds(b.inputs, []string{"sales"}, missing, more))
	for _, r := range ret {
		scope := " · " + b.val("scope", r.str("scope"))
		newLost := "+" + b.loc.Count(r["new_accounts"]) + " / −" + b.loc.Count(r["lost_accounts"])
		if r["new_accounts"] == nil { // not comparable or unavailable: the notes say why
			newLost = b.loc.Count(nil)
		}
		tiles := []tile{}
		tiles = append(tiles,
			tile{Key: "nrr_" + r.str("scope"), Label: b.t("col.nrr") + scope, Value: b.loc.Pct(r["nrr"]),
				Changes: []change{{Label: b.t("col.grr"), Text: b.loc.Pct(r["grr"]), Class: "flat"}}},
			tile{Key: "new_lost_" + r.str("scope"), Label: b.t("html.new_lost") + scope,
				Value: newLost,
				Changes: []change{{Label: b.t("col.new_revenue"), Text: b.loc.Money(r["new_revenue"]), Class: "flat"},
					{Label: b.t("col.lost_revenue"), Text: b.loc.Money(r["lost_revenue"]), Class: "flat"}}},
			tile{Key: "at_risk_" + r.str("scope"), Label: b.t("col.revenue_at_risk") + scope, Value: b.loc.Money(r["revenue_at_risk"]),
				Changes: []change{{Label: b.t("col.accounts_at_risk"), Text: b.loc.Count(r["accounts_at_risk"]), Class: "flat"}}})
		s.Blocks = append(s.Blocks, block{Tiles: tiles})
	}

	// How many units each health band holds.
	bands, err := b.q(`select health_band, accounts from main.health_distribution
		where scope = 'all' and health_band <> 'unscored'`)
	if err != nil {
		return err
	}
	var grid []*chart
	if len(bands) > 0 {
		counts := map[string]any{}
		for _, r := range bands {
			counts[r.str("health_band")] = r["accounts"]
		}
		cats, data := []string{}, []chartItem{}
		for _, band := range healthBands {
			cats = append(cats, b.val("health_band", band))
			data = append(data, chartItem{Name: b.val("health_band", band), Value: nullable(counts[band]), Amount: b.loc.Count(counts[band]),
				ItemStyle: &opts.ItemStyle{Color: colorOf[band]}})
		}
		c := rect("axis", false)
		c.SetXAxis(cats)
		c.YAxisList[0] = valueAxis("v:count")
		c.YAxisList[0].MinInterval = 1
		c.Tooltip.ValueFormatter = "v:count"
		addSeries(c, b.t("html.accounts"), types.ChartBar, data, func(s *charts.SingleSeries) {
			s.Label = &opts.Label{Show: opts.Bool(true), Position: "top", Formatter: "p:amount"}
		})
		ch, err := b.render(b.t("html.health_distribution"), c, nil)
		if err != nil {
			return err
		}
		grid = append(grid, ch)
	}

	// The first 40 units needing action and how many there are: at 100,000
	// accounts the section read every one. kam_performance has one row per
	// kam_id: the join adds no row. The chart's units, revenue at risk above
	// zero, come first in this order, so its first 15 are among the 40.
	const needing = ` where h.is_revenue_at_risk or h.health_band in ('at_risk', 'needs_attention')`
	risk, n, err := b.top(`select h.*, coalesce(k.kam_name, h.kam_id) as kam_name from main.account_health h left join main.kam_performance k using (kam_id)`+needing+`
		order by h.revenue_at_risk desc nulls last, h.health_score nulls last, h.account_name, h.account_id`,
		`select count(*) from main.account_health h`+needing, 40)
	if err != nil {
		return err
	}
	var atRisk []martRow
	for _, r := range risk {
		if r.f("revenue_at_risk") > 0 && len(atRisk) < rankingBars {
			atRisk = append(atRisk, r)
		}
	}
	if len(atRisk) > 0 {
		cats, data := make([]string, len(atRisk)), make([]chartItem, len(atRisk))
		for i, r := range atRisk {
			cats[i] = r.str("account_name")
			reasons := make([]string, 0, 3)
			for _, why := range r.list("risk_reasons") {
				reasons = append(reasons, b.val("risk_reasons", why))
			}
			data[i] = chartItem{Name: cats[i], Value: r.f("revenue_at_risk"), Amount: b.loc.Money(r["revenue_at_risk"]),
				Tip: tip(b.t("col.revenue_at_risk"), b.loc.Money(r["revenue_at_risk"]), b.t("col.health_score"), b.loc.Score(r["health_score"]),
					b.t("col.health_band"), b.val("health_band", r.str("health_band")), b.t("col.risk_reasons"), strings.Join(reasons, ", "))}
		}
		c := rect("item", false)
		horizontal(c, cats, "v:moneyShort")
		c.Tooltip.Formatter = "tip"
		addSeries(c, b.t("col.revenue_at_risk"), types.ChartBar, data, func(s *charts.SingleSeries) {
			s.ItemStyle = &opts.ItemStyle{Color: hcBad}
			s.Label = &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "p:amount"}
		})
		ch, err := b.render(b.t("html.revenue_at_risk", b.loc.Count(len(atRisk))), c, nil)
		if err != nil {
			return err
		}
		if len(atRisk) > 10 {
			ch.Size = "tall"
		}
		grid = append(grid, ch)
	}
	if len(grid) > 0 {
		s.Blocks = append(s.Blocks, block{Grid: grid})
	}

	t := b.newTable("action", report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
		report.C("kam_name", report.Text), report.C("health_score", report.Score), report.C("health_band", report.Enum).AsBadge(),
		report.C("revenue_ltm", report.Money), report.C("revenue_at_risk", report.Money), report.C("risk_reasons", report.List),
		report.C("days_since_purchase", report.Int), report.C("days_since_activity", report.Int))
	t.Empty = b.t("html.no_action")
	t.addTop(b, risk, 40, n)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.needing_action", b.loc.Count(n))}, block{Table: t})
	return nil
}
