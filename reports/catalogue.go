package reports

import (
	"context"
	"slices"

	"kam/reports/excel"
	"kam/reports/html"
	"kam/reports/report"
)

// part is one report part, declared once: the workbook and the HTML page
// are both driven from the catalogue. Its id names it in both languages
// (sheet.<id>, section.<id> in i18n/locales). A part has a sheet, a
// section, or both.
type part struct {
	id      string
	marts   []string                                 // the public marts it reads (TestCatalogueMarts checks)
	sheet   func(context.Context, *excel.Book) error // its workbook sheet
	late    bool                                     // the sheet reads what the other sheets wrote: write it after them
	section func(*html.Builder, *html.Section) error // its HTML section
	page    int                                      // the section's place on the page, 1 first
}

// catalogue lists the parts in the workbook's tab order (the spec's list of
// reports); the page orders its sections by page.
var catalogue = []part{
	{id: "decisions", section: (*html.Builder).Decisions, page: 1,
		marts: []string{"account_growth", "account_health", "account_profitability", "decisions", "input_coverage", "kpi_summary", "revenue_reconciliation"},
		sheet: excel.Table(report.Table{
			ID: "decisions", Title: "xlsx.block.decisions", Freeze: 2,
			Query: `select decision_rank, decision_type, account_id, account_name, kam_name, to_kam_name, amount_at_stake,
				revenue_ltm, net_contribution, metric, detail, cases, cases_left_out
				from main.decisions order by decision_rank`,
			Cols: []report.Col{
				report.C("decision_rank", report.Int), {Name: "decision_type", Kind: report.Enum}, report.C("account_id", report.Text), report.C("account_name", report.Text),
				report.C("kam_name", report.Text), report.C("to_kam_name", report.Text), report.C("amount_at_stake", report.Money), report.C("revenue_ltm", report.Money), report.C("net_contribution", report.Money),
				report.C("metric", report.Num), {Name: "detail", Kind: report.Enum, Soft: true}, report.C("cases", report.Int), report.C("cases_left_out", report.Int),
			},
		})},
	{id: "summary", sheet: excel.Summary, late: true, section: (*html.Builder).Summary, page: 2,
		marts: []string{"congruence_scorecard", "data_quality", "input_coverage", "kpi_summary", "portfolio_mix", "portfolio_retention", "revenue_reconciliation"}},
	{id: "key_accounts", sheet: excel.KeyAccounts,
		marts: []string{"account_growth", "account_health", "account_profitability", "account_resources", "account_selection", "kam_performance", "portfolio_matrix"}},
	{id: "matrix", section: (*html.Builder).Matrix, page: 3,
		marts: []string{"input_coverage", "kam_performance", "kpi_summary", "movers", "portfolio_matrix"}},
	{id: "profitability", sheet: excel.Profitability, section: (*html.Builder).Profitability, page: 4,
		marts: []string{"account_profitability", "kam_performance", "portfolio_profitability", "revenue_reconciliation", "whale_curve"}},
	{id: "concentration", section: (*html.Builder).Concentration, page: 5,
		marts: []string{"input_coverage", "portfolio_concentration", "portfolio_mix", "portfolio_trend", "revenue_pareto"}},
	{id: "growth", sheet: excel.Growth, section: (*html.Builder).Growth, page: 6,
		marts: []string{"account_growth", "account_whitespace", "data_quality", "kam_performance", "portfolio_trend"}},
	{id: "portfolio", sheet: excel.Portfolio,
		marts: []string{"kam_performance", "movers", "portfolio_concentration", "portfolio_matrix", "portfolio_mix"}},
	{id: "selection", sheet: excel.Selection,
		marts: []string{"account_selection", "kam_performance"}},
	{id: "kams", sheet: excel.KAMs, section: (*html.Builder).KAMs, page: 8,
		marts: []string{"account_resources", "data_quality", "kam_performance"}},
	{id: "plan", sheet: excel.Plan, section: (*html.Builder).Plan, page: 7,
		marts: []string{"data_quality", "kam_performance", "plan_vs_actual"}},
	{id: "retention", sheet: excel.Retention, section: (*html.Builder).Retention, page: 9,
		marts: []string{"account_health", "health_distribution", "kam_performance", "portfolio_retention"}},
	// The flat monthly history (account × month), for pivots: the newest
	// months first, key accounts and the largest revenue first within a
	// month, so that a sheet cut at sheet_max_rows shows the recent history
	// that matters, the same rows on every run (the mart's stored order
	// is not fixed). Cut, the query ends in a limit: DuckDB keeps only the
	// rows shown (a top-N), not every row of a large history
	// (TestMemoryLimit).
	{id: "account_months", marts: []string{"account_months", "kam_performance"}, sheet: excel.Table(report.Table{
		ID: "account_months", Title: "xlsx.block.account_months", Freeze: 2,
		Query: `select m.account_id, m.account_name, m.is_key_account, k.kam_name, m.segment, m.month,
			m.revenue, m.gross_margin, m.cost_to_serve, m.net_contribution
			from main.account_months as m left join main.kam_performance as k using (kam_id)
			order by m.month desc, m.is_key_account desc, m.revenue desc nulls last, m.account_id`,
		Cols: []report.Col{
			report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
			report.C("kam_name", report.Text), report.C("segment", report.Text), report.C("month", report.Date),
			report.C("revenue", report.Money), report.C("gross_margin", report.Money),
			report.C("cost_to_serve", report.Money), report.C("net_contribution", report.Money),
		},
	})},
	{id: "data_quality", sheet: excel.DataQuality, section: (*html.Builder).DataQuality, page: 10,
		marts: []string{"data_quality", "data_tests", "duplicate_conflicts", "reject_reasons", "rejected_rows", "revenue_reconciliation"}},
	{id: "definitions", sheet: excel.Definitions, late: true, marts: []string{"run_params"}},
}

// sheets are the parts with a sheet, in tab order.
func sheets() []part {
	var out []part
	for _, p := range catalogue {
		if p.sheet != nil {
			out = append(out, p)
		}
	}
	return out
}

// excelSheets declares the parts' sheets to the workbook writer.
func excelSheets() []excel.Sheet {
	var out []excel.Sheet
	for _, p := range sheets() {
		out = append(out, excel.Sheet{ID: p.id, Marts: p.marts, Late: p.late,
			Write: func(ctx context.Context, b *excel.Book) error { enterPart(p.id); return p.sheet(ctx, b) }})
	}
	return out
}

// htmlParts declares the parts' sections to the page writer.
func htmlParts() []html.Part {
	var out []html.Part
	for _, p := range sections() {
		out = append(out, html.Part{ID: p.id,
			Write: func(b *html.Builder, s *html.Section) error { enterPart(p.id); return p.section(b, s) }})
	}
	return out
}

// sections are the parts with an HTML section, in page order.
func sections() []part {
	var out []part
	for _, p := range catalogue {
		if p.section != nil {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b part) int { return a.page - b.page })
	return out
}

// onPart, when set (by a test), is told which part is about to be written.
var onPart func(id string)

func enterPart(id string) {
	if onPart != nil {
		onPart(id)
	}
}
