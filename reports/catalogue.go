package reports

import (
	"context"
	"slices"
)

// part is one report part, declared once: the workbook and the HTML page
// are both driven from the catalogue. Its id names it in both languages
// (sheet.<id>, section.<id> in i18n/locales). A part has a sheet, a
// section, or both.
type part struct {
	id      string
	marts   []string                               // the public marts it reads (TestCatalogueMarts checks)
	sheet   func(context.Context, *xlBook) error   // its workbook sheet
	late    bool                                   // the sheet reads what the other sheets wrote: write it after them
	section func(*htmlBuilder, *htmlSection) error // its HTML section
	page    int                                    // the section's place on the page, 1 first
}

// catalogue lists the parts in the workbook's tab order (docs/reports.md of
// the spec); the page orders its sections by page.
var catalogue = []part{
	{id: "summary", sheet: writeSummary, late: true, section: (*htmlBuilder).summary, page: 1,
		marts: []string{"congruence_scorecard", "data_quality", "kpi_summary", "portfolio_mix"}},
	{id: "key_accounts", sheet: writeKeyAccounts,
		marts: []string{"account_growth", "account_health", "account_profitability", "account_resources", "account_selection", "kam_performance", "portfolio_matrix"}},
	{id: "matrix", section: (*htmlBuilder).matrix, page: 2,
		marts: []string{"kam_performance", "kpi_summary", "movers", "portfolio_matrix"}},
	{id: "profitability", sheet: writeProfitability, section: (*htmlBuilder).profitability, page: 3,
		marts: []string{"account_profitability", "kam_performance", "portfolio_profitability", "revenue_reconciliation", "whale_curve"}},
	{id: "concentration", section: (*htmlBuilder).concentration, page: 4,
		marts: []string{"portfolio_concentration", "portfolio_mix", "portfolio_trend", "revenue_pareto"}},
	{id: "growth", sheet: writeGrowth, section: (*htmlBuilder).growth, page: 5,
		marts: []string{"account_growth", "account_whitespace", "portfolio_trend"}},
	{id: "portfolio", sheet: writePortfolio,
		marts: []string{"movers", "portfolio_concentration", "portfolio_matrix", "portfolio_mix"}},
	{id: "selection", sheet: writeSelection,
		marts: []string{"account_selection"}},
	{id: "kams", sheet: writeKAMs, section: (*htmlBuilder).kams, page: 7,
		marts: []string{"account_resources", "kam_performance"}},
	{id: "plan", sheet: writePlan, section: (*htmlBuilder).plan, page: 6,
		marts: []string{"kam_performance", "plan_vs_actual"}},
	{id: "retention", sheet: writeRetention, section: (*htmlBuilder).retention, page: 8,
		marts: []string{"account_health", "health_distribution", "kam_performance", "portfolio_retention"}},
	{id: "data_quality", sheet: writeDataQuality, section: (*htmlBuilder).dataQuality, page: 9,
		marts: []string{"data_quality", "data_tests", "reject_reasons", "revenue_reconciliation"}},
	{id: "definitions", sheet: writeDefinitions, late: true},
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

// sheetWriteOrder is the order the sheets are written in: the late ones
// (Summary charts ranges of later sheets, Definitions lists the columns
// every other sheet showed) after the others, each group in tab order.
func sheetWriteOrder() []part {
	s := sheets()
	slices.SortStableFunc(s, func(a, b part) int {
		switch {
		case a.late == b.late:
			return 0
		case a.late:
			return 1
		}
		return -1
	})
	return s
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
