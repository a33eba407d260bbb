package reports

import (
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlKPIOrder is the order of the executive KPIs (kpi_summary has no order).
var xlKPIOrder = []string{
	"revenue_month", "revenue_ltm", "net_contribution_ltm", "gross_margin_pct_ltm", "key_revenue_share",
	"key_contribution_share", "nrr", "grr", "hhi", "hhi_key", "key_accounts", "accounts_strategic",
	"accounts_star", "accounts_status", "accounts_streamline", "revenue_at_risk", "congruence_index",
	"unattributed_revenue_ltm",
}

// xlLowerIsBetter are the KPIs whose rise is bad news.
var xlLowerIsBetter = []string{"hhi", "hhi_key", "accounts_streamline", "revenue_at_risk", "unattributed_revenue_ltm"}

// xlOrderValues lists constants with their position for an SQL join that orders rows.
func xlOrderValues(names []string) string {
	v := make([]string, len(names))
	for i, n := range names {
		v[i] = fmt.Sprintf("(%s, %d)", xlSQLText(n), i+1)
	}
	return "(values " + strings.Join(v, ", ") + ")"
}

// writeSummary: period, run date and inputs; the KPIs with their change
// against the previous month and the prior year; the congruence scorecard;
// revenue by quadrant and the whale curve as charts; the input files.
func writeSummary(ctx context.Context, b *xlBook) error {
	s := b.sheet("summary", false)
	s.title = b.t("xlsx.title", b.run.Period)
	s.lines = []xlLine{{b.t("xlsx.line.period"), b.run.Period, kText}}
	if m := b.run.Manifest; m != nil {
		s.lines = append(s.lines, xlLine{b.t("xlsx.line.run_date"), m.StartedAt.UTC(), kDateTime})
		if m.Input != "" {
			s.lines = append(s.lines, xlLine{b.t("xlsx.line.input"), m.Input, kText})
		}
	}
	s.lines = append(s.lines, xlLine{b.t("xlsx.line.currency"), b.cur, kText})
	s.needs("sales")
	kpis := s.add(&xlBlock{
		id: "kpis", title: "xlsx.block.kpis",
		query: `select k.kpi, k.value, k.value_prior_month, k.change_prior_month, k.change_pct_prior_month,
			k.value_prior_year, k.change_prior_year, k.change_pct_prior_year, k.unit
			from main.kpi_summary k left join ` + xlOrderValues(xlKPIOrder) + ` as o(kpi, ord) using (kpi)
			order by coalesce(o.ord, 999), k.kpi`,
		cols: []xlCol{
			{name: "kpi", kind: kEnum, prefix: "kpi."}, {name: "value", kind: kUnit, unit: "unit"},
			{name: "value_prior_month", kind: kUnit, unit: "unit"}, {name: "change_prior_month", kind: kUnit, unit: "unit"},
			xc("change_pct_prior_month", kPct), {name: "value_prior_year", kind: kUnit, unit: "unit"},
			{name: "change_prior_year", kind: kUnit, unit: "unit"}, xc("change_pct_prior_year", kPct), xc("unit", kText).hide(),
		},
	})
	s.add(&xlBlock{
		id: "scorecard", title: "xlsx.block.scorecard",
		query: `select c.pillar, c.indicator, c.value, c.target_kind, c.target_min, c.target_max, c.target_param,
			c.status, c.is_proxy, c.missing_input, c.pillar_score, c.unit
			from main.congruence_scorecard c order by c.pillar_order, c.indicator_order, c.indicator`,
		cols: []xlCol{
			{name: "pillar", kind: kEnum, prefix: "pillar."}, {name: "indicator", kind: kEnum, prefix: "ind."},
			{name: "value", kind: kUnit, unit: "unit"}, xe("target_kind"), {name: "target_min", kind: kUnit, unit: "unit"},
			{name: "target_max", kind: kUnit, unit: "unit"}, xc("target_param", kText), xe("status"), xc("is_proxy", kBool),
			{name: "missing_input", kind: kEnum, prefix: "val.missing_input.", soft: true},
			xc("pillar_score", kPct).bar(), xc("unit", kText).hide(),
		},
	})
	// The three links between pillars that most need attention, named,
	// with the indicators that miss their target.
	s.add(&xlBlock{
		id: "attention", title: "xlsx.block.attention",
		query: `select c.attention_rank, c.pillar, c.pillar_score, c.indicator, c.value, c.target_kind,
			c.target_min, c.target_max, c.status, c.unit
			from main.congruence_scorecard c
			where c.attention_rank is not null and c.status in ('red', 'amber') and not c.is_proxy
			order by c.attention_rank, c.indicator_order`,
		cols: []xlCol{
			xc("attention_rank", kInt), {name: "pillar", kind: kEnum, prefix: "pillar."}, xc("pillar_score", kPct),
			{name: "indicator", kind: kEnum, prefix: "ind."}, {name: "value", kind: kUnit, unit: "unit"}, xe("target_kind"),
			{name: "target_min", kind: kUnit, unit: "unit"}, {name: "target_max", kind: kUnit, unit: "unit"}, xe("status"),
			xc("unit", kText).hide(),
		},
	})
	quad := &xlBlock{
		id: "quadrants", title: "xlsx.block.quadrants",
		query: `select q.quadrant, m.accounts, m.revenue_ltm from ` + xlOrderValues(xlQuadrants) + ` as q(quadrant, ord)
			left join main.portfolio_mix m on m.dimension = 'quadrant' and m.value = q.quadrant order by q.ord`,
		cols: []xlCol{xe("quadrant"), xc("accounts", kInt), xc("revenue_ltm", kMoney)},
	}
	s.add(quad)
	s.add(&xlBlock{
		id: "inputs", title: "xlsx.block.inputs",
		query: `select path, kind, rows_read, rows_loaded, rows_rejected, rows_duplicate
			from main.data_quality order by path`,
		cols: []xlCol{
			xc("path", kText), xe("kind"), xc("rows_read", kInt), xc("rows_loaded", kInt),
			xc("rows_rejected", kInt).with(cfPositiveRed), xc("rows_duplicate", kInt),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	if err := b.kpiChangeColours(s, kpis); err != nil {
		return err
	}
	at := s.rightOf
	if quad.last >= quad.first {
		rc := quad.colIndex("revenue_ltm")
		if err := b.f.AddChart(s.name, xlAnchor(at, kpis.header), &excelize.Chart{
			Type: excelize.Col,
			Series: []excelize.ChartSeries{{Name: xlCellRef(s.name, rc, quad.header),
				Categories: xlRef(s.name, 1, quad.first, quad.last), Values: xlRef(s.name, rc, quad.first, quad.last),
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"5B9BD5"}}}},
			Title:     b.chartTitle("xlsx.chart.revenue_by_quadrant"),
			Legend:    excelize.ChartLegend{Position: "none"},
			YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
			Format:    xlChartFormat(),
			Dimension: excelize.ChartDimension{Width: 480, Height: 300},
		}); err != nil {
			return err
		}
	}
	if b.whale != nil {
		if err := b.whaleChart(s.name, xlAnchor(at, kpis.header+17), b.whale); err != nil {
			return err
		}
	}
	return s.close()
}

// kpiChangeColours colours the changes of the KPIs green when they are good
// news and red when bad: up is good, except for the KPIs where lower is better.
func (b *xlBook) kpiChangeColours(s *xlSheet, kpis *xlBlock) error {
	if kpis.last < kpis.first {
		return nil
	}
	var bad []string
	for _, k := range xlLowerIsBetter {
		bad = append(bad, fmt.Sprintf(`$A%d="%s"`, kpis.first, strings.ReplaceAll(b.t("kpi."+k), `"`, `""`)))
	}
	inverted := "OR(" + strings.Join(bad, ",") + ")"
	g, r := b.st.dxf(toneGreen), b.st.dxf(toneRed)
	for _, name := range []string{"change_prior_month", "change_pct_prior_month", "change_prior_year", "change_pct_prior_year"} {
		c := kpis.colIndex(name)
		cell, _ := excelize.CoordinatesToCellName(c, kpis.first)
		good := fmt.Sprintf("AND(ISNUMBER(%[1]s),%[1]s<>0,IF(%[2]s,%[1]s<0,%[1]s>0))", cell, inverted)
		worse := fmt.Sprintf("AND(ISNUMBER(%[1]s),%[1]s<>0,IF(%[2]s,%[1]s>0,%[1]s<0))", cell, inverted)
		if err := b.f.SetConditionalFormat(s.name, xlArea(c, kpis.first, c, kpis.last), []excelize.ConditionalFormatOptions{
			{Type: "formula", Criteria: good, Format: &g},
			{Type: "formula", Criteria: worse, Format: &r},
		}); err != nil {
			return err
		}
	}
	return nil
}
