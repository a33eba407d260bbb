package packs

import (
	"context"
	"fmt"
	"time"

	"kam/reports/excel"
	"kam/reports/packs/paths"
	"kam/reports/report"
)

// data is what every pack and page shares, read before the first: the
// period, the currency, the files' names and the KAMs' order. The marts'
// rows are read group by group (reader), never all at once.
type data struct {
	period   string
	start    time.Time // the first of the 24 months of the trend
	end      time.Time // the period's month
	first    time.Time // the first month with any data in account_months: earlier months are unknown, not zero
	currency string
	paths    paths.Paths
	meta     report.Meta // what the workbooks read before any sheet
	kams     []string    // every KAM of kam_performance, by name: the order of the groups
	packs    int         // the KAMs with a pack
}

func readData(ctx context.Context, src report.Source, period string) (*data, error) {
	end, err := time.Parse("2006-01", period)
	if err != nil {
		return nil, fmt.Errorf("period %q: %w", period, err)
	}
	d := &data{period: period, end: end, start: end.AddDate(0, -23, 0)}
	meta, err := report.ReadMeta(ctx, src)
	if err != nil {
		return nil, err
	}
	d.currency, d.paths, d.meta = meta.Currency, meta.Links, meta
	kams, err := query(ctx, src, `select kam_id from main.kam_performance order by kam_name, kam_id`)
	if err != nil {
		return nil, err
	}
	for _, k := range kams {
		d.kams = append(d.kams, k.str("kam_id"))
		if d.paths.KAMHTML(k.str("kam_id")) != "" {
			d.packs++
		}
	}
	first, err := query(ctx, src, `select min(month) as first from main.account_months`)
	if err != nil {
		return nil, err
	}
	if t, ok := first[0].date("first"); ok {
		d.first = t
	} else {
		d.first = d.end.AddDate(0, 1, 0) // no month has data
	}
	return d, nil
}

// A group is the rows of one KAM's pack and of the pages of the key
// accounts they own (account_profitability's kam_id, else
// account_health's), or, last, of the key accounts of no KAM. The groups
// are numbered in the KAMs' order (by name), the group of no KAM last, and
// read a bounded batch of consecutive groups at a time: each table the
// packs read is first copied, once, into a temporary table with its rows'
// group number (pack_seq) and ordered by it, so that a batch is a range of
// that number that DuckDB finds by the row groups' min and max, not a scan
// of the marts. One query's result is open at a time, read to its end and
// closed before the next: results held open while the packs are written
// stay pinned in DuckDB's buffer pool, more than a small memory_limit holds
// (nine ordered results and the workbooks' three did not fit in 160 MB).
const (
	// packKAMs is kam_performance with the number of each KAM's group.
	packKAMs = `select x.*, row_number() over (order by x.kam_name, x.kam_id) as pack_seq from main.kam_performance as x`
	// packOwner is every account a pack or page shows — the portfolio
	// units with a KAM, the key accounts — with the KAM of its group.
	packOwner = `(select coalesce(p.account_id, h.account_id) as account_id,
			coalesce(nullif(p.kam_id, ''), nullif(h.kam_id, '')) as pack_owner
		from (select account_id, kam_id from main.account_profitability where time_window = 'ltm') as p
		full join (select account_id, kam_id, is_key_account from main.account_health) as h on h.account_id = p.account_id
		where p.kam_id is not null or h.is_key_account)`
	// packGroups is every such account with its group's number; %d is the
	// number of the group of no KAM (one after the last KAM's).
	packGroups = `select o.account_id, coalesce(k.pack_seq, %d) as pack_seq from ` + packOwner + ` as o
		left join temp.pack_kams as k on k.kam_id = o.pack_owner`
	// grouped joins an account-grain mart x to its group's number.
	grouped = ` join temp.pack_groups as g on g.account_id = x.account_id `
)

// copied is a table the packs read by group: build selects its rows with
// their group's number (pack_seq), copied once into temp.<name>; read
// selects a range of groups of the copy (two parameters), in the order
// the packs show them.
type copied struct {
	name, build, read string
}

// rangeOf is the read of a range of groups of the copy name, in order:
// its columns but those of drop (a list, or "").
func rangeOf(name, drop, order string) string {
	cols := "*"
	if drop != "" {
		cols = "* exclude (" + drop + ")"
	}
	return `select ` + cols + ` from temp.` + name + ` where pack_seq between ? and ? order by pack_seq, ` + order
}

// pageTables are the tables of the HTML packs and pages, in the order the
// reader reads them; %s in months' build is the window of its months.
var pageTables = []copied{
	{"pack_kams", "", ""}, // built before pack_groups
	{"pack_profit", `select x.*, g.pack_seq from main.account_profitability as x` + grouped + `where x.time_window = 'ltm'`,
		`revenue desc nulls last, account_name, account_id`},
	{"pack_health", `select x.*, g.pack_seq from main.account_health as x` + grouped, `account_id`},
	{"pack_growth", `select x.*, g.pack_seq from main.account_growth as x` + grouped, `account_id`},
	{"pack_matrix", `select x.account_id, x.quadrant, x.abc_revenue, g.pack_seq from main.portfolio_matrix as x` + grouped, `account_id`},
	{"pack_months", `select x.account_id, x.month, x.revenue, x.gross_margin, x.cost_to_serve, x.net_contribution, g.pack_seq
		from main.account_months as x` + grouped + `where x.is_key_account and x.month between %s`, `account_id, month`},
	{"pack_space", `select x.*, g.pack_seq from main.account_whitespace as x` + grouped + `where x.is_key_account`,
		`account_id, peer_median_spend desc nulls last, product_line`},
	{"pack_plan", `select x.*, g.pack_seq from main.plan_vs_actual as x` + grouped, `account_id, period_start, period_end, target_period`},
	// A decision about an account is in its account's group, one about a
	// KAM (no account) in the KAM's; %d is the group of no KAM.
	{"pack_decisions", `select x.*, coalesce(case when nullif(x.account_id, '') is null then k.pack_seq else g.pack_seq end, %d) as pack_seq
		from main.decisions as x
		left join temp.pack_groups as g on g.account_id = x.account_id
		left join temp.pack_kams as k on k.kam_id = nullif(x.kam_id, '')`, `decision_rank`},
}

// The pages' tables by place in pageTables.
const (
	tKAMs = iota
	tProfit
	tHealth
	tGrowth
	tMatrix
	tMonths
	tSpace
	tPlan
	tDecisions
)

// group is one group's rows.
type group struct {
	id        string // the KAM's id; "" for the key accounts of no KAM
	kam       row    // kam_performance's row; nil for no KAM
	accounts  []row  // account_profitability (ltm), by LTM revenue, largest first
	profit    map[string]row
	health    map[string]row
	growth    map[string]row
	matrix    map[string]row
	months    map[string][]row // account_months of the 24 months, by account_id
	space     map[string][]row // account_whitespace by account_id, largest first
	plan      map[string][]row // plan_vs_actual by account_id
	decisions []row            // by rank
	pages     []string         // the key accounts whose page is in the group, by id
	sheets    []*excel.Part    // the rows of the KAM's workbook, when they have a pack
}

// kamName is the KAM's name, else their id, else "".
func (g *group) kamName(id string) string {
	if g.kam != nil && id == g.id && g.kam.str("kam_name") != "" {
		return g.kam.str("kam_name")
	}
	return id
}

// release frees the workbook's rows.
func (g *group) release() {
	for _, p := range g.sheets {
		p.Release()
	}
	g.sheets = nil
}

// batchRows is how many rows of the tables a batch of groups holds at
// most (a group that alone holds more is a batch of its own): two batches
// are in memory at a time, one written while the next is read.
var batchRows = 20000

// onBatch, when set (tests), is told the groups and the rows of each batch read.
var onBatch func(groups, rows int)

// reader reads the groups a batch at a time.
type reader struct {
	ctx     context.Context
	src     report.Source
	d       *data
	reads   []string   // pageTables' reads
	books   *workbooks // nil when no KAM has a pack
	batches [][2]int64 // the ranges of group numbers of the batches, in order
	temps   []string   // the temporary tables made
	next    int        // the next batch
}

// openReader copies the tables into temporary tables by group and plans
// the batches.
func openReader(ctx context.Context, src report.Source, d *data) (*reader, error) {
	rd := &reader{ctx: ctx, src: src, d: d}
	none := int64(len(d.kams) + 1) // the group of no KAM
	window := "date '" + d.start.Format("2006-01-02") + "' and date '" + d.end.Format("2006-01-02") + "'"
	build := func(name, q string) error {
		rd.temps = append(rd.temps, name)
		rows, err := src.Query(ctx, "create or replace temp table "+name+" as "+q+" order by pack_seq")
		if err != nil {
			return fmt.Errorf("copy %s: %w", name, err)
		}
		return rows.Close()
	}
	if err := build("pack_kams", packKAMs); err != nil {
		rd.close()
		return nil, err
	}
	if err := build("pack_groups", fmt.Sprintf(packGroups, none)); err != nil {
		rd.close()
		return nil, err
	}
	counted := []string{"pack_kams"}
	rd.reads = append(rd.reads, rangeOf("pack_kams", "", "pack_seq"))
	for _, t := range pageTables[1:] {
		q := t.build
		switch t.name {
		case "pack_months":
			q = fmt.Sprintf(q, window)
		case "pack_decisions":
			q = fmt.Sprintf(q, none)
		}
		if err := build(t.name, q); err != nil {
			rd.close()
			return nil, err
		}
		counted = append(counted, t.name)
		rd.reads = append(rd.reads, rangeOf(t.name, "", t.read))
	}
	if d.packs > 0 {
		var err error
		if rd.books, err = openWorkbooks(ctx, src, build); err != nil {
			rd.close()
			return nil, err
		}
		for _, s := range packTables {
			counted = append(counted, s.name)
		}
	}
	// Each group's rows, every table's, and the batches: consecutive
	// groups up to batchRows rows.
	size := make([]int, none+1)
	for _, name := range counted {
		rows, err := report.Rows(ctx, src, `select pack_seq, count(*) as n from temp.`+name+` group by pack_seq`)
		if err != nil {
			rd.close()
			return nil, err
		}
		for _, r := range rows {
			seq, _ := r["pack_seq"].(int64)
			n, _ := r["n"].(int64)
			if seq < 1 || seq > none {
				rd.close()
				return nil, fmt.Errorf("copy %s: group %v out of 1..%d", name, r["pack_seq"], none)
			}
			size[seq] += int(n)
		}
	}
	for seq, lo, rows := int64(1), int64(1), 0; seq <= none; seq++ {
		if seq > lo && rows+size[seq] > batchRows {
			rd.batches = append(rd.batches, [2]int64{lo, seq - 1})
			lo, rows = seq, 0
		}
		rows += size[seq]
		if seq == none {
			rd.batches = append(rd.batches, [2]int64{lo, seq})
		}
	}
	return rd, nil
}

// close drops the temporary tables, even when the run was cancelled.
func (rd *reader) close() {
	ctx := context.WithoutCancel(rd.ctx)
	for _, name := range rd.temps {
		if rows, err := rd.src.Query(ctx, "drop table if exists temp."+name); err == nil {
			rows.Close()
		}
	}
	rd.temps = nil
}

// batch reads the next batch of groups, in order; nil after the last.
func (rd *reader) batch() ([]*group, error) {
	if rd.next >= len(rd.batches) {
		return nil, nil
	}
	lo, hi := rd.batches[rd.next][0], rd.batches[rd.next][1]
	rd.next++
	none := int64(len(rd.d.kams) + 1)
	groups := make([]*group, hi-lo+1)
	for i := range groups {
		groups[i] = &group{}
	}
	at := func(seq int64) (*group, error) {
		if seq < lo || seq > hi {
			return nil, fmt.Errorf("read group %d in the batch of groups %d..%d", seq, lo, hi)
		}
		return groups[seq-lo], nil
	}
	read := 0
	tables := make([][][]row, len(rd.reads)) // table → group → rows
	for t, q := range rd.reads {
		rows, err := query(rd.ctx, rd.src, q, lo, hi)
		if err != nil {
			return nil, err
		}
		read += len(rows)
		tables[t] = make([][]row, len(groups))
		for _, r := range rows {
			seq, _ := r["pack_seq"].(int64)
			if _, err := at(seq); err != nil {
				return nil, err
			}
			delete(r, "pack_seq")
			tables[t][seq-lo] = append(tables[t][seq-lo], r)
		}
	}
	byID := func(rows []row) map[string]row {
		out := make(map[string]row, len(rows))
		for _, r := range rows {
			out[r.str("account_id")] = r
		}
		return out
	}
	for i, g := range groups {
		seq := lo + int64(i)
		if seq != none {
			if len(tables[tKAMs][i]) != 1 {
				return nil, fmt.Errorf("read the KAM of group %d: %d rows", seq, len(tables[tKAMs][i]))
			}
			g.kam = tables[tKAMs][i][0]
			g.id = g.kam.str("kam_id")
		}
		g.accounts = tables[tProfit][i]
		g.profit = byID(g.accounts)
		g.health = byID(tables[tHealth][i])
		g.growth = byID(tables[tGrowth][i])
		g.matrix = byID(tables[tMatrix][i])
		g.months = groupBy(tables[tMonths][i], "account_id")
		g.space = groupBy(tables[tSpace][i], "account_id")
		g.plan = groupBy(tables[tPlan][i], "account_id")
		g.decisions = tables[tDecisions][i]
		for _, r := range tables[tHealth][i] {
			if id := r.str("account_id"); rd.d.paths.Account(id) != "" {
				g.pages = append(g.pages, id)
			}
		}
	}
	if rd.books != nil {
		n, err := rd.books.read(rd.ctx, rd.src, lo, hi, func(take func(kam string) []*excel.Part) {
			for _, g := range groups {
				if g.kam != nil && rd.d.paths.KAMHTML(g.id) != "" {
					g.sheets = take(g.id)
				}
			}
		})
		if err != nil {
			return nil, err
		}
		read += n
	}
	if onBatch != nil {
		onBatch(len(groups), read)
	}
	return groups, nil
}
