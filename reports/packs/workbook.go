package packs

import (
	"kam/reports/excel"
	"kam/reports/report"
)

// The KAM's workbook: the same accounts, plan and decisions as the HTML
// pack, written by the report's workbook writer from declared tables (its
// formats, Excel tables with filters, links to the account pages), each
// query restricted to the KAM's accounts by their id.
const (
	theirAccounts = `select account_id from main.account_profitability where time_window = 'ltm' and kam_id = ?`

	packAccountsQuery = `select p.account_id, p.account_name, p.is_key_account, p.segment, m.quadrant,
		p.revenue as revenue_ltm, p.gross_margin, p.cost_to_serve, p.net_contribution, p.net_contribution_pct,
		h.health_score, h.health_band, g.weighted_pipeline, g.share_of_wallet
		from main.account_profitability p
		left join main.portfolio_matrix m on m.account_id = p.account_id
		left join main.account_health h on h.account_id = p.account_id
		left join main.account_growth g on g.account_id = p.account_id
		where p.time_window = 'ltm' and p.kam_id = ?
		order by p.revenue desc nulls last, p.account_name, p.account_id`

	packPlanQuery = `select account_id, account_name, target_period, revenue_target, target_to_date, revenue_actual,
		attainment_pct, remaining_gap, status
		from main.plan_vs_actual where account_id in (` + theirAccounts + `)
		order by account_id, period_start, period_end, target_period`

	packDecisionsQuery = `select decision_rank, decision_type, account_id, account_name, amount_at_stake,
		revenue_ltm, net_contribution, detail
		from main.decisions where account_id in (` + theirAccounts + `) or (account_id is null and kam_id = ?)
		order by decision_rank`
)

func packSheets(kam string) []excel.Sheet {
	return []excel.Sheet{
		{ID: "pack_accounts", Marts: []string{"account_profitability", "account_health", "account_growth"}, // portfolio_matrix lists no unavailable inputs
			Write: excel.Table(report.Table{ID: "pack_accounts", Title: "xlsx.block.pack_accounts", Query: packAccountsQuery, Args: []any{kam}, Freeze: 2,
				Cols: []report.Col{
					report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
					report.C("segment", report.Text), report.E("quadrant"), report.C("revenue_ltm", report.Money).Bar(),
					report.C("gross_margin", report.Money), report.C("cost_to_serve", report.Money), report.C("net_contribution", report.Money),
					report.C("net_contribution_pct", report.Pct).Scale(), report.C("health_score", report.Score).With(report.CFLights),
					report.E("health_band"), report.C("weighted_pipeline", report.Money), report.C("share_of_wallet", report.Pct),
				}})},
		{ID: "pack_plan", Marts: []string{"plan_vs_actual"},
			Write: excel.Table(report.Table{ID: "pack_plan", Title: "xlsx.block.pack_plan", Query: packPlanQuery, Args: []any{kam}, Freeze: 3,
				Cols: []report.Col{
					report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("target_period", report.Text),
					report.C("revenue_target", report.Money), report.C("target_to_date", report.Money), report.C("revenue_actual", report.Money),
					report.C("attainment_pct", report.Pct), report.C("remaining_gap", report.Money), report.E("status"),
				}})},
		{ID: "pack_decisions", Marts: []string{"decisions"},
			Write: excel.Table(report.Table{ID: "pack_decisions", Title: "xlsx.block.pack_decisions", Query: packDecisionsQuery, Args: []any{kam, kam}, Freeze: 2,
				Cols: []report.Col{
					report.C("decision_rank", report.Int), {Name: "decision_type", Kind: report.Enum}, report.C("account_id", report.Text),
					report.C("account_name", report.Text), report.C("amount_at_stake", report.Money), report.C("revenue_ltm", report.Money),
					report.C("net_contribution", report.Money), {Name: "detail", Kind: report.Enum, Soft: true},
				}})},
	}
}

// kamWorkbook writes the KAM's workbook pack and returns its path.
func (w *writer) kamWorkbook(id string) (string, error) {
	return excel.WriteFile(w.ctx, w.src, w.run, w.dir, w.d.paths.KAMXLSX(id), packSheets(id))
}
