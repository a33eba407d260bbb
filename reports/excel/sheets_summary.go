package excel

import (
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"kam/reports/report"
)

// kpiOrder is the order of the executive KPIs (kpi_summary has no order).
var kpiOrder = []string{
	"revenue_month", "revenue_ltm", "net_contribution_ltm", "gross_margin_pct_ltm", "key_revenue_share",
	"key_contribution_share", "nrr", "grr", "hhi", "hhi_key", "key_accounts", "accounts_strategic",
	"accounts_star", "accounts_status", "accounts_streamline", "revenue_at_risk", "congruence_index",
	"unattributed_revenue_ltm",
}

// lowerIsBetter are the KPIs whose rise is bad news.
var lowerIsBetter = []string{"hhi", "hhi_key", "accounts_streamline", "revenue_at_risk", "unattributed_revenue_ltm"}

// orderValues lists constants with their position for an SQL join that orders rows.
func orderValues(names []string) string {
	v := make([]string, len(names))
	for i, n := range names {
		v[i] = fmt.Sprintf("(%s, %d)", sqlText(n), i+1)
	}
	return "(values " + strings.Join(v, ", ") + ")"
}

// Summary: period, run date and inputs; the KPIs with their change
// against the previous month and the prior year; the congruence scorecard;
// revenue by quadrant and the whale curve as charts; the input files.
func Summary(ctx context.Context, b *Book) error {
	s := b.sheet("summary", false)
	s.title = b.t("xlsx.title", b.run.Period)
	s.lines = []infoLine{{b.t("xlsx.line.period"), b.run.Period, report.Text}}
	if m := b.run.Manifest; m != nil {
		s.lines = append(s.lines, infoLine{b.t("xlsx.line.run_date"), m.StartedAt.UTC(), report.DateTime})
		if m.Input != "" {
			s.lines = append(s.lines, infoLine{b.t("xlsx.line.input"), m.Input, report.Text})
		}
	}
	s.lines = append(s.lines, infoLine{b.t("xlsx.line.currency"), b.cur, report.Text})
	// A partial month (input_coverage): its figures cover part of it.
	partial, err := report.Rows(ctx, b.src, `select strftime(last_date, '%Y-%m-%d') as last_date,
			strftime(last_complete_month, '%Y-%m') as last_complete
		from main.input_coverage where kind = 'sales' and time_window = 'month' and partial_month = start_month`)
	if err != nil {
		return err
	}
	if len(partial) == 1 {
		s.lines = append(s.lines, infoLine{b.t("xlsx.line.partial"), b.t("xlsx.partial", partial[0]["last_date"], partial[0]["last_complete"]), report.Text})
	}
	// Revenue that may be counted twice (revenue_reconciliation): an
	// invoice register beside the lines of the same invoices, with other
	// amounts; the KPIs below include it.
	doubt, err := report.Rows(ctx, b.src, `select lines_in_doubt, revenue_in_doubt from main.revenue_reconciliation
		where time_window = 'ltm' and lines_in_doubt > 0`)
	if err != nil {
		return err
	}
	if len(doubt) == 1 {
		amount, _ := report.ToFloat(doubt[0]["revenue_in_doubt"])
		lines, _ := report.ToFloat(doubt[0]["lines_in_doubt"])
		s.lines = append(s.lines, infoLine{b.t("xlsx.line.in_doubt"), b.t("xlsx.in_doubt", b.money(amount), b.count(lines)), report.Text})
	}
	s.needs("sales")
	// NRR and GRR are blank when the sales cover the prior LTM differently from the LTM: say why
	if err := s.unavailableCode(ctx, "main.portfolio_retention", "sales.prior_ltm"); err != nil {
		return err
	}
	kpis := s.add(&block{
		id: "kpis", title: "xlsx.block.kpis",
		query: `select k.kpi, k.value, k.value_prior_month, k.change_prior_month, k.change_pct_prior_month,
			k.not_comparable_reason_prior_month, k.value_prior_year, k.change_prior_year, k.change_pct_prior_year,
			k.not_comparable_reason_prior_year, k.unit
			from main.kpi_summary k left join ` + orderValues(kpiOrder) + ` as o(kpi, ord) using (kpi)
			order by coalesce(o.ord, 999), k.kpi`,
		cols: []report.Col{
			{Name: "kpi", Kind: report.Enum, Prefix: "kpi."}, {Name: "value", Kind: report.Unit, Unit: "unit"},
			{Name: "value_prior_month", Kind: report.Unit, Unit: "unit"}, {Name: "change_prior_month", Kind: report.Unit, Unit: "unit"},
			report.C("change_pct_prior_month", report.Pct),
			// a change across windows whose inputs differ is left blank, the input that differs said here
			{Name: "not_comparable_reason_prior_month", Kind: report.Enum, Prefix: "val.kind.", Soft: true},
			{Name: "value_prior_year", Kind: report.Unit, Unit: "unit"},
			{Name: "change_prior_year", Kind: report.Unit, Unit: "unit"}, report.C("change_pct_prior_year", report.Pct),
			{Name: "not_comparable_reason_prior_year", Kind: report.Enum, Prefix: "val.kind.", Soft: true},
			report.C("unit", report.Text).Hide(),
		},
	})
	s.add(&block{
		id: "scorecard", title: "xlsx.block.scorecard",
		query: `select c.pillar, c.indicator, c.value, c.target_kind, c.target_min, c.target_max, c.target_param,
			c.status, c.is_proxy, c.missing_input, c.pillar_score, c.unit
			from main.congruence_scorecard c order by c.pillar_order, c.indicator_order, c.indicator`,
		cols: []report.Col{
			{Name: "pillar", Kind: report.Enum, Prefix: "pillar."}, {Name: "indicator", Kind: report.Enum, Prefix: "ind."},
			{Name: "value", Kind: report.Unit, Unit: "unit"}, report.E("target_kind"), {Name: "target_min", Kind: report.Unit, Unit: "unit"},
			{Name: "target_max", Kind: report.Unit, Unit: "unit"}, report.C("target_param", report.Text), report.E("status"), report.C("is_proxy", report.Bool),
			{Name: "missing_input", Kind: report.Enum, Prefix: "val.missing_input.", Soft: true},
			report.C("pillar_score", report.Pct).Bar(), report.C("unit", report.Text).Hide(),
		},
	})
	// The three links between pillars that most need attention, named,
	// with the indicators that miss their target.
	s.add(&block{
		id: "attention", title: "xlsx.block.attention",
		query: `select c.attention_rank, c.pillar, c.pillar_score, c.indicator, c.value, c.target_kind,
			c.target_min, c.target_max, c.status, c.unit
			from main.congruence_scorecard c
			where c.attention_rank is not null and c.status in ('red', 'amber') and not c.is_proxy
			order by c.attention_rank, c.indicator_order`,
		cols: []report.Col{
			report.C("attention_rank", report.Int), {Name: "pillar", Kind: report.Enum, Prefix: "pillar."}, report.C("pillar_score", report.Pct),
			{Name: "indicator", Kind: report.Enum, Prefix: "ind."}, {Name: "value", Kind: report.Unit, Unit: "unit"}, report.E("target_kind"),
			{Name: "target_min", Kind: report.Unit, Unit: "unit"}, {Name: "target_max", Kind: report.Unit, Unit: "unit"}, report.E("status"),
			report.C("unit", report.Text).Hide(),
		},
	})
	quad := &block{
		id: "quadrants", title: "xlsx.block.quadrants", keep: true,
		query: `select q.quadrant, m.accounts, m.revenue_ltm from ` + orderValues(quadrants) + ` as q(quadrant, ord)
			left join main.portfolio_mix m on m.dimension = 'quadrant' and m.value = q.quadrant order by q.ord`,
		cols: []report.Col{report.E("quadrant"), report.C("accounts", report.Int), report.C("revenue_ltm", report.Money)},
	}
	s.add(quad)
	s.add(&block{
		id: "inputs", title: "xlsx.block.inputs",
		query: `select path, kind, rows_read, rows_loaded, rows_rejected, rows_duplicate
			from main.data_quality order by path`,
		cols: []report.Col{
			report.C("path", report.Text), report.E("kind"), report.C("rows_read", report.Int), report.C("rows_loaded", report.Int),
			report.C("rows_rejected", report.Int).With(report.CFPositiveRed), report.C("rows_duplicate", report.Int),
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
		d, err := b.chartData(quad, quad.first, quad.last, "quadrant", "revenue_ltm")
		if err != nil {
			return err
		}
		if err := b.f.AddChart(s.name, anchor(at, kpis.header), &excelize.Chart{
			Type: excelize.Col,
			Series: []excelize.ChartSeries{{Name: d.head("revenue_ltm"),
				Categories: d.rng("quadrant", quad.first, quad.last), Values: d.rng("revenue_ltm", quad.first, quad.last),
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"5B9BD5"}}}},
			Title:     b.chartTitle("xlsx.chart.revenue_by_quadrant"),
			Legend:    excelize.ChartLegend{Position: "none"},
			YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
			Format:    chartFormat(),
			Dimension: excelize.ChartDimension{Width: 480, Height: 300},
		}); err != nil {
			return err
		}
	}
	if b.whale != nil {
		if err := b.whaleChart(s.name, anchor(at, kpis.header+17), b.whale); err != nil {
			return err
		}
	}
	return s.close()
}

// kpiChangeColours colours the changes of the KPIs green when they are good
// news and red when bad: up is good, except for the KPIs where lower is better.
func (b *Book) kpiChangeColours(s *worksheet, kpis *block) error {
	if kpis.last < kpis.first {
		return nil
	}
	var bad []string
	for _, k := range lowerIsBetter {
		bad = append(bad, fmt.Sprintf(`$A%d="%s"`, kpis.first, strings.ReplaceAll(b.t("kpi."+k), `"`, `""`)))
	}
	inverted := "OR(" + strings.Join(bad, ",") + ")"
	g, r := b.st.dxf(toneGreen), b.st.dxf(toneRed)
	for _, name := range []string{"change_prior_month", "change_pct_prior_month", "change_prior_year", "change_pct_prior_year"} {
		c := kpis.colIndex(name)
		cell, _ := excelize.CoordinatesToCellName(c, kpis.first)
		good := fmt.Sprintf("AND(ISNUMBER(%[1]s),%[1]s<>0,IF(%[2]s,%[1]s<0,%[1]s>0))", cell, inverted)
		worse := fmt.Sprintf("AND(ISNUMBER(%[1]s),%[1]s<>0,IF(%[2]s,%[1]s>0,%[1]s<0))", cell, inverted)
		if err := b.f.SetConditionalFormat(s.name, area(c, kpis.first, c, kpis.last), []excelize.ConditionalFormatOptions{
			{Type: "formula", Criteria: good, Format: &g},
			{Type: "formula", Criteria: worse, Format: &r},
		}); err != nil {
			return err
		}
	}
	return nil
}
