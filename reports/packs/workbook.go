package packs

import (
	"context"
	"database/sql"
	"errors"

	"github.com/apache/arrow-go/v18/arrow/array"

	"kam/reports/excel"
	"kam/reports/report"
)

// The KAM's workbook: the same accounts, plan and decisions as the HTML
// pack, written by the report's workbook writer from declared tables (its
// formats, Excel tables with filters, links to the account pages). Each
// table is measured once for every KAM (excel.Split), with the KAM whose
// pack a row belongs to in column pack_kam: a KAM's rows are those their
// own query (the KAM's accounts by account_profitability's kam_id) returns,
// in the same order. Its rows are copied once, with the number of the
// KAM's group (pack_seq), and read a batch of groups at a time as the
// pages' (reader).
const (
	// theirAccounts pairs each account with the KAM whose pack shows it.
	theirAccounts = `(select distinct account_id, kam_id from main.account_profitability where time_window = 'ltm' and kam_id is not null)`

	packAccountsRows = `select p.kam_id as pack_kam, p.account_id, p.account_name, p.is_key_account, p.segment, m.quadrant,
		p.revenue as revenue_ltm, p.gross_margin, p.cost_to_serve, p.net_contribution, p.net_contribution_pct,
		h.health_score, h.health_band, g.weighted_pipeline, g.share_of_wallet
		from main.account_profitability p
		left join main.portfolio_matrix m on m.account_id = p.account_id
		left join main.account_health h on h.account_id = p.account_id
		left join main.account_growth g on g.account_id = p.account_id
		where p.time_window = 'ltm' and p.kam_id is not null`
	packAccountsQuery = packAccountsRows + `
		order by p.revenue desc nulls last, p.account_name, p.account_id`

	packPlanCols = `select a.kam_id as pack_kam, v.account_id, v.account_name, v.target_period, v.revenue_target, v.target_to_date,
		v.revenue_actual, v.attainment_pct, v.remaining_gap, v.status`
	packPlanFrom = `
		from main.plan_vs_actual v join ` + theirAccounts + ` a on a.account_id = v.account_id`
	packPlanQuery = packPlanCols + packPlanFrom + `
		order by v.account_id, v.period_start, v.period_end, v.target_period`

	// A decision about an account is in its KAM's pack; one about a KAM
	// (no account) in theirs.
	packDecisionsRows = `select a.kam_id as pack_kam, d.decision_rank, d.decision_type, d.account_id, d.account_name,
		d.amount_at_stake, d.revenue_ltm, d.net_contribution, d.detail
		from main.decisions d join ` + theirAccounts + ` a on a.account_id = d.account_id
		union all
		select d.kam_id, d.decision_rank, d.decision_type, d.account_id, d.account_name,
		d.amount_at_stake, d.revenue_ltm, d.net_contribution, d.detail
		from main.decisions d where d.account_id is null and d.kam_id is not null`
	packDecisionsQuery = packDecisionsRows + `
		order by decision_rank`

	// ofTheirKAM numbers the rows of a table u by their KAM's group; the
	// rows of a KAM kam_performance does not list have no pack.
	ofTheirKAM = ` join temp.pack_kams as k on k.kam_id = u.pack_kam`

	packKey = "pack_kam"
)

// packSheet is one sheet of a KAM's workbook: its part id, marts and
// table, and its copy by group (name, build) and the read of a range of
// groups of the copy (read).
type packSheet struct {
	marts             []string
	table             report.Table
	name, build, read string
}

var packTables = []packSheet{
	{[]string{"account_profitability", "account_health", "account_growth"}, // portfolio_matrix lists no unavailable inputs
		report.Table{ID: "pack_accounts", Title: "xlsx.block.pack_accounts", Query: packAccountsQuery, Freeze: 2,
			Cols: []report.Col{
				report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("is_key_account", report.Bool),
				report.C("segment", report.Text), report.E("quadrant"), report.C("revenue_ltm", report.Money).Bar(),
				report.C("gross_margin", report.Money), report.C("cost_to_serve", report.Money), report.C("net_contribution", report.Money),
				report.C("net_contribution_pct", report.Pct).Scale(), report.C("health_score", report.Score).With(report.CFLights),
				report.E("health_band"), report.C("weighted_pipeline", report.Money), report.C("share_of_wallet", report.Pct),
			}},
		"pack_sheet_accounts", `select u.*, k.pack_seq from (` + packAccountsRows + `) as u` + ofTheirKAM,
		rangeOf("pack_sheet_accounts", "pack_seq", "revenue_ltm desc nulls last, account_name, account_id")},
	{[]string{"plan_vs_actual"},
		report.Table{ID: "pack_plan", Title: "xlsx.block.pack_plan", Query: packPlanQuery, Freeze: 3,
			Cols: []report.Col{
				report.C("account_id", report.Text), report.C("account_name", report.Text), report.C("target_period", report.Text),
				report.C("revenue_target", report.Money), report.C("target_to_date", report.Money), report.C("revenue_actual", report.Money),
				report.C("attainment_pct", report.Pct), report.C("remaining_gap", report.Money), report.E("status"),
			}},
		"pack_sheet_plan", `select u.*, k.pack_seq from (` + packPlanCols + `, v.period_start as pack_o1, v.period_end as pack_o2` + packPlanFrom + `) as u` + ofTheirKAM,
		rangeOf("pack_sheet_plan", "pack_seq, pack_o1, pack_o2", "account_id, pack_o1, pack_o2, target_period")},
	{[]string{"decisions"},
		report.Table{ID: "pack_decisions", Title: "xlsx.block.pack_decisions", Query: packDecisionsQuery, Freeze: 2,
			Cols: []report.Col{
				report.C("decision_rank", report.Int), {Name: "decision_type", Kind: report.Enum}, report.C("account_id", report.Text),
				report.C("account_name", report.Text), report.C("amount_at_stake", report.Money), report.C("revenue_ltm", report.Money),
				report.C("net_contribution", report.Money), {Name: "detail", Kind: report.Enum, Soft: true},
			}},
		"pack_sheet_decisions", `select u.*, k.pack_seq from (` + packDecisionsRows + `) as u` + ofTheirKAM,
		rangeOf("pack_sheet_decisions", "pack_seq", "decision_rank")},
}

// workbooks is the tables of every KAM's workbook, measured once and read
// a batch of groups at a time.
type workbooks struct {
	splits []*excel.Split
}

// openWorkbooks copies the tables by group (build) and measures them.
func openWorkbooks(ctx context.Context, src report.Source, build func(name, q string) error) (*workbooks, error) {
	wb := &workbooks{}
	for _, p := range packTables {
		if err := build(p.name, p.build); err != nil {
			return nil, err
		}
		s, err := excel.OpenSplit(ctx, src, p.marts, p.table, packKey)
		if err != nil {
			return nil, err
		}
		wb.splits = append(wb.splits, s)
	}
	return wb, nil
}

// read reads the rows of the groups lo..hi, one table after another, and
// calls assign, whose take hands over a KAM's sheets' rows; the rows not
// taken are released. It returns how many rows it read.
func (wb *workbooks) read(ctx context.Context, src report.Source, lo, hi int64, assign func(take func(kam string) []*excel.Part)) (int, error) {
	var read []*excel.Rows
	defer func() {
		for _, r := range read {
			r.Release()
		}
	}()
	n := 0
	for i, p := range packTables {
		r, err := wb.splits[i].Read(ctx, src, p.read, lo, hi)
		if err != nil {
			return 0, err
		}
		read = append(read, r)
		n += r.Len()
	}
	assign(func(kam string) []*excel.Part {
		out := make([]*excel.Part, len(read))
		for i, r := range read {
			out[i] = r.Take(kam)
		}
		return out
	})
	return n, nil
}

// kamWorkbook writes the KAM's workbook pack and returns its path. It runs
// no query (the run's one connection is not shared between the workbooks
// written at the same time): every query fails.
func (w *writer) kamWorkbook(g *group) (string, error) {
	sheets := make([]excel.Sheet, len(packTables))
	for i, p := range packTables {
		sheets[i] = excel.Sheet{ID: p.table.ID, Marts: p.marts, Write: g.sheets[i].Table(), Stream: true}
	}
	return excel.WriteFileMeta(w.ctx, noQueries{}, w.run, w.d.meta, w.dir, w.d.paths.KAMXLSX(g.id), sheets)
}

// noQueries is a source every query fails on.
type noQueries struct{}

var errQuery = errors.New("a KAM's workbook queried the warehouse: its tables are read before, with every KAM's")

func (noQueries) Query(context.Context, string, ...any) (*sql.Rows, error) { return nil, errQuery }

func (noQueries) ArrowQuery(context.Context, string, ...any) (array.RecordReader, error) {
	return nil, errQuery
}
