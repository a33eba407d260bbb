package excel

import (
	"context"

	"github.com/xuri/excelize/v2"

	"kam/reports/report"
)

// quadrantOrder orders the matrix table so that each quadrant's rows are
// contiguous: every quadrant is one series of the bubble chart.
const quadrantOrder = `(values ('strategic', 1), ('star', 2), ('status', 3), ('streamline', 4)) as o(quadrant, ord)`

var quadrants = []string{"strategic", "star", "status", "streamline"}

// matrixHeight is the bubble chart's height in pixels.
const matrixHeight = 420

// Portfolio: the portfolio matrix (table and bubble chart, ABC classes),
// concentration, mix by dimension and the movers since last month.
func Portfolio(ctx context.Context, b *Book) error {
	s := b.sheet("portfolio", true)
	s.title = b.t("sheet.portfolio")
	s.lines = []infoLine{{b.t("xlsx.line.window"), b.t("xlsx.window.ltm", b.run.Period), report.Text}}
	s.needs("sales")
	if err := s.unavailableFrom(ctx, "main.portfolio_concentration"); err != nil {
		return err
	}
	matrix := s.add(&block{
		id: "matrix", title: "xlsx.block.matrix", main: true, freeze: 2, group: "quadrant", keep: true,
		query: `select account_id, account_name, is_key_account, segment, ` + kamName("portfolio_matrix") + `, quadrant, attractiveness,
			relative_strength, revenue_ltm, net_contribution, abc_contribution, abc_revenue,
			growth_potential_score, strategic_fit_score, market_influence_score, gross_margin_pct,
			gross_margin_pct_rank, share_of_wallet_score, relationship_score, tenure_years, tenure_rank,
			activities_ltm, engagement_rank, win_rate_score, score_missing_inputs
			from main.portfolio_matrix left join ` + quadrantOrder + ` using (quadrant)
			order by coalesce(o.ord, 9), revenue_ltm desc nulls last, account_id`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool), report.C("segment", report.Text),
			report.C("kam_name", report.Text), report.E("quadrant"), report.C("attractiveness", report.Score), report.C("relative_strength", report.Score),
			report.C("revenue_ltm", report.Money).Bar(), report.C("net_contribution", report.Money),
			report.E("abc_contribution").Tone("abc"), report.E("abc_revenue").Tone("abc"),
			report.C("growth_potential_score", report.Score), report.C("strategic_fit_score", report.Score), report.C("market_influence_score", report.Score),
			report.C("gross_margin_pct", report.Pct).Scale(), report.C("gross_margin_pct_rank", report.Score), report.C("share_of_wallet_score", report.Score),
			report.C("relationship_score", report.Score), report.C("tenure_years", report.Num1), report.C("tenure_rank", report.Score),
			report.C("activities_ltm", report.Int), report.C("engagement_rank", report.Score), report.C("win_rate_score", report.Score),
			{Name: "score_missing_inputs", Kind: report.List, Wrap: true},
		},
	})
	s.add(&block{
		id: "concentration", title: "xlsx.block.concentration",
		query: `select scope, accounts, key_accounts, within_guidance, revenue_ltm, top1_share, top5_share,
			top10_share, hhi, hhi_band, hhi_prior_ltm from main.portfolio_concentration order by scope`,
		cols: []report.Col{
			report.E("scope"), report.C("accounts", report.Int), report.C("key_accounts", report.Int), report.C("within_guidance", report.Bool).With(report.CFFalseRed),
			report.C("revenue_ltm", report.Money), report.C("top1_share", report.Pct), report.C("top5_share", report.Pct), report.C("top10_share", report.Pct),
			report.C("hhi", report.Int), report.E("hhi_band"), report.C("hhi_prior_ltm", report.Int),
		},
	})
	s.add(&block{
		id: "mix", title: "xlsx.block.mix",
		query: `select dimension, value, accounts, accounts_share, revenue_ltm, revenue_share, net_contribution,
			contribution_share, kam_hours, cost_to_serve, revenue_prior_ltm, revenue_change_pct
			from main.portfolio_mix left join (values ('key_account', 1), ('segment', 2), ('industry', 3),
			('region', 4), ('country', 5)) as o(dimension, ord) using (dimension)
			order by coalesce(o.ord, 9), dimension, ` + report.ABCFirst + `, revenue_ltm desc nulls last, value`,
		cols: []report.Col{
			report.E("dimension"), report.E("value").Softly(), report.C("accounts", report.Int), report.C("accounts_share", report.Pct),
			report.C("revenue_ltm", report.Money).Bar(), report.C("revenue_share", report.Pct), report.C("net_contribution", report.Money),
			report.C("contribution_share", report.Pct), report.C("kam_hours", report.Num1), report.C("cost_to_serve", report.Money),
			report.C("revenue_prior_ltm", report.Money), report.C("revenue_change_pct", report.Pct).With(report.CFSign),
		},
	})
	s.add(&block{
		// Movers can run to thousands of units: they get the sheet's autofilter.
		id: "movers", title: "xlsx.block.movers", filter: true,
		query: `select account_id, account_name, change, from_value, to_value, revenue_ltm, compared_with, not_comparable_reason
			from main.movers order by change, revenue_ltm desc nulls last, account_id`,
		cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.E("change"),
			{Name: "from_value", Kind: report.Enum, PrefixOf: "change"}, {Name: "to_value", Kind: report.Enum, PrefixOf: "change"},
			report.C("revenue_ltm", report.Money), report.C("compared_with", report.Text),
			// a move across months whose inputs differ: which input (it may come from the data)
			{Name: "not_comparable_reason", Kind: report.Enum, Prefix: "val.kind.", Soft: true},
		},
	})
	s.chartHeight = func() int { return matrixHeight }
	if err := s.write(ctx); err != nil {
		return err
	}
	var series []excelize.ChartSeries
	var d *chartData
	if matrix.last >= matrix.first {
		var err error
		if d, err = b.chartData(matrix, matrix.first, matrix.last, "quadrant", "relative_strength", "attractiveness", "revenue_ltm"); err != nil {
			return err
		}
	}
	for _, q := range quadrants {
		sp, ok := matrix.spans[q]
		if !ok {
			continue
		}
		series = append(series, excelize.ChartSeries{
			Name:       d.at("quadrant", sp[0]),
			Categories: d.rng("relative_strength", sp[0], sp[1]),
			Values:     d.rng("attractiveness", sp[0], sp[1]),
			Sizes:      d.rng("revenue_ltm", sp[0], sp[1]),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{quadrantColours[q]}, Transparency: 25},
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
			XAxis:     excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: split, MajorGridLines: true, Title: axisTitle(b.header(report.C("relative_strength", report.Score)))},
			YAxis:     excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: split, MajorGridLines: true, Title: axisTitle(b.header(report.C("attractiveness", report.Score)))},
			Format:    chartFormat(),
			Dimension: excelize.ChartDimension{Width: 560, Height: matrixHeight},
		}); err != nil {
			return err
		}
	}
	return s.close()
}
