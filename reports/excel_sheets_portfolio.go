package reports

import (
	"context"

	"github.com/xuri/excelize/v2"
)

// xlQuadrantOrder orders the matrix table so that each quadrant's rows are
// contiguous: every quadrant is one series of the bubble chart.
const xlQuadrantOrder = `(values ('strategic', 1), ('star', 2), ('status', 3), ('streamline', 4)) as o(quadrant, ord)`

var xlQuadrants = []string{"strategic", "star", "status", "streamline"}

// writePortfolio: the portfolio matrix (table and bubble chart, ABC classes),
// concentration, mix by dimension and the movers since last month.
func writePortfolio(ctx context.Context, b *xlBook) error {
	s := b.sheet("portfolio", true)
	s.title = b.t("sheet.portfolio")
	s.lines = []xlLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), kText}}
	s.needs("sales")
	if err := s.unavailableFrom(ctx, "main.portfolio_concentration"); err != nil {
		return err
	}
	matrix := s.add(&xlBlock{
		id: "matrix", title: "xlsx.block.matrix", main: true, freeze: 2, group: "quadrant",
		query: `select account_id, account_name, is_key_account, segment, kam_id, quadrant, attractiveness,
			relative_strength, revenue_ltm, net_contribution, abc_contribution, abc_revenue,
			growth_potential_score, strategic_fit_score, market_influence_score, gross_margin_pct,
			gross_margin_pct_rank, share_of_wallet_score, relationship_score, tenure_years, tenure_rank,
			activities_ltm, engagement_rank, win_rate_score, score_missing_inputs
			from main.portfolio_matrix left join ` + xlQuadrantOrder + ` using (quadrant)
			order by coalesce(o.ord, 9), revenue_ltm desc nulls last, account_id`,
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xc("is_key_account", kBool), xc("segment", kText),
			xc("kam_id", kText), xe("quadrant"), xc("attractiveness", kScore), xc("relative_strength", kScore),
			xc("revenue_ltm", kMoney).bar(), xc("net_contribution", kMoney),
			xe("abc_contribution").tone("abc"), xe("abc_revenue").tone("abc"),
			xc("growth_potential_score", kScore), xc("strategic_fit_score", kScore), xc("market_influence_score", kScore),
			xc("gross_margin_pct", kPct).scale(), xc("gross_margin_pct_rank", kScore), xc("share_of_wallet_score", kScore),
			xc("relationship_score", kScore), xc("tenure_years", kNum1), xc("tenure_rank", kScore),
			xc("activities_ltm", kInt), xc("engagement_rank", kScore), xc("win_rate_score", kScore),
			{name: "score_missing_inputs", kind: kList, wrap: true},
		},
	})
	s.add(&xlBlock{
		id: "concentration", title: "xlsx.block.concentration",
		query: `select scope, accounts, key_accounts, within_guidance, revenue_ltm, top1_share, top5_share,
			top10_share, hhi, hhi_band, hhi_prior_ltm from main.portfolio_concentration order by scope`,
		cols: []xlCol{
			xe("scope"), xc("accounts", kInt), xc("key_accounts", kInt), xc("within_guidance", kBool).with(cfFalseRed),
			xc("revenue_ltm", kMoney), xc("top1_share", kPct), xc("top5_share", kPct), xc("top10_share", kPct),
			xc("hhi", kInt), xe("hhi_band"), xc("hhi_prior_ltm", kInt),
		},
	})
	s.add(&xlBlock{
		id: "mix", title: "xlsx.block.mix",
		query: `select dimension, value, accounts, accounts_share, revenue_ltm, revenue_share, net_contribution,
			contribution_share, kam_hours, cost_to_serve, revenue_prior_ltm, revenue_change_pct
			from main.portfolio_mix left join (values ('key_account', 1), ('segment', 2), ('industry', 3),
			('region', 4), ('country', 5)) as o(dimension, ord) using (dimension)
			order by coalesce(o.ord, 9), revenue_ltm desc nulls last, value`,
		cols: []xlCol{
			xe("dimension"), xe("value").softly(), xc("accounts", kInt), xc("accounts_share", kPct),
			xc("revenue_ltm", kMoney).bar(), xc("revenue_share", kPct), xc("net_contribution", kMoney),
			xc("contribution_share", kPct), xc("kam_hours", kNum1), xc("cost_to_serve", kMoney),
			xc("revenue_prior_ltm", kMoney), xc("revenue_change_pct", kPct).with(cfSign),
		},
	})
	s.add(&xlBlock{
		// Movers can run to thousands of units: they get the sheet's autofilter.
		id: "movers", title: "xlsx.block.movers", filter: true,
		query: `select account_id, account_name, change, from_value, to_value, revenue_ltm, compared_with
			from main.movers order by change, revenue_ltm desc nulls last, account_id`,
		cols: []xlCol{
			xc("account_id", kText), xc("account_name", kText), xe("change"),
			{name: "from_value", kind: kEnum, prefixOf: "change"}, {name: "to_value", kind: kEnum, prefixOf: "change"},
			xc("revenue_ltm", kMoney), xc("compared_with", kText),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	qc, rc := matrix.colIndex("quadrant"), matrix.colIndex("revenue_ltm")
	var series []excelize.ChartSeries
	for _, q := range xlQuadrants {
		sp, ok := matrix.spans[q]
		if !ok {
			continue
		}
		series = append(series, excelize.ChartSeries{
			Name:       xlCellRef(s.name, qc, sp[0]),
			Categories: xlRef(s.name, matrix.colIndex("relative_strength"), sp[0], sp[1]),
			Values:     xlRef(s.name, matrix.colIndex("attractiveness"), sp[0], sp[1]),
			Sizes:      xlRef(s.name, rc, sp[0], sp[1]),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{xlQuadrantColours[q]}, Transparency: 25},
		})
	}
	if len(series) > 0 {
		lo, hi, split := 0.0, 100.0, 50.0
		if v, ok := b.params["matrix_split"]; ok {
			split = v
		}
		if err := b.f.AddChart(s.name, s.chartSpot(), &excelize.Chart{
			Type: excelize.Bubble, Series: series, BubbleSize: 40,
			Title:     b.chartTitle("xlsx.chart.matrix"),
			Legend:    excelize.ChartLegend{Position: "bottom"},
			XAxis:     excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: split, MajorGridLines: true, Title: xlAxisTitle(b.header(xc("relative_strength", kScore)))},
			YAxis:     excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: split, MajorGridLines: true, Title: xlAxisTitle(b.header(xc("attractiveness", kScore)))},
			Format:    xlChartFormat(),
			Dimension: excelize.ChartDimension{Width: 560, Height: 420},
		}); err != nil {
			return err
		}
	}
	return s.close()
}
