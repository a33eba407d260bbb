package packs

import (
	"context"
	"fmt"
	"math"
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
// account_health's), or, last, of the key accounts of no KAM. The queries
// return their rows ordered by group, in the KAMs' order (by name), so the
// packs are written one group after another and only the groups being
// written are in memory.
const (
	// packOrder numbers the KAMs in the order of their packs.
	packOrder = `(select kam_id, row_number() over (order by kam_name, kam_id) as pack_seq from main.kam_performance)`
	// packOwner is every account a pack or page shows — the portfolio
	// units with a KAM, the key accounts — with the KAM of its group.
	packOwner = `(select coalesce(p.account_id, h.account_id) as account_id,
			coalesce(nullif(p.kam_id, ''), nullif(h.kam_id, '')) as pack_owner
		from (select account_id, kam_id from main.account_profitability where time_window = 'ltm') as p
		full join (select account_id, kam_id, is_key_account from main.account_health) as h on h.account_id = p.account_id
		where p.kam_id is not null or h.is_key_account)`
	// grouped joins an account-grain mart x to its group's number.
	grouped = ` join ` + packOwner + ` as pack_o on pack_o.account_id = x.account_id
		left join ` + packOrder + ` as pack_s on pack_s.kam_id = pack_o.pack_owner `
	bySeq = ` order by pack_s.pack_seq nulls last`

	kamsQuery   = `select x.*, row_number() over (order by x.kam_name, x.kam_id) as pack_seq from main.kam_performance as x order by pack_seq`
	profitQuery = `select x.*, pack_s.pack_seq from main.account_profitability as x` + grouped + `where x.time_window = 'ltm'` + bySeq + `, x.revenue desc nulls last, x.account_name, x.account_id`
	healthQuery = `select x.*, pack_s.pack_seq from main.account_health as x` + grouped + bySeq + `, x.account_id`
	growthQuery = `select x.*, pack_s.pack_seq from main.account_growth as x` + grouped + bySeq + `, x.account_id`
	matrixQuery = `select x.account_id, x.quadrant, x.abc_revenue, pack_s.pack_seq from main.portfolio_matrix as x` + grouped + bySeq + `, x.account_id`
	monthsQuery = `select x.account_id, x.month, x.revenue, x.gross_margin, x.cost_to_serve, x.net_contribution, pack_s.pack_seq from main.account_months as x` + grouped + `where x.is_key_account and x.month between ? and ?` + bySeq + `, x.account_id, x.month`
	spaceQuery  = `select x.*, pack_s.pack_seq from main.account_whitespace as x` + grouped + `where x.is_key_account` + bySeq + `, x.account_id, x.peer_median_spend desc nulls last, x.product_line`
	planQuery   = `select x.*, pack_s.pack_seq from main.plan_vs_actual as x` + grouped + bySeq + `, x.account_id, x.period_start, x.period_end, x.target_period`
	// A decision about an account is in its account's group, one about a
	// KAM (no account) in the KAM's.
	decisionsQuery = `select x.*, pack_s.pack_seq from main.decisions as x
		left join ` + packOwner + ` as pack_o on pack_o.account_id = x.account_id
		left join ` + packOrder + ` as pack_s on pack_s.kam_id = case when nullif(x.account_id, '') is null then nullif(x.kam_id, '') else pack_o.pack_owner end` +
		bySeq + `, x.decision_rank`
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

// reader reads the groups in order, each query's result held open on the
// run's connection and read as far as the group being read.
type reader struct {
	d                                    *data
	kams, profit, health, growth, matrix *cursor
	months, space, plan, decisions       *cursor
	books                                *workbooks
	done                                 bool // the group of no KAM was read
}

func openReader(ctx context.Context, src report.Source, d *data) (*reader, error) {
	rd := &reader{d: d}
	for _, c := range []struct {
		to   **cursor
		q    string
		args []any
	}{{&rd.kams, kamsQuery, nil}, {&rd.profit, profitQuery, nil}, {&rd.health, healthQuery, nil}, {&rd.growth, growthQuery, nil},
		{&rd.matrix, matrixQuery, nil}, {&rd.months, monthsQuery, []any{d.start, d.end}}, {&rd.space, spaceQuery, nil},
		{&rd.plan, planQuery, nil}, {&rd.decisions, decisionsQuery, nil}} {
		cur, err := openCursor(ctx, src, c.q, c.args...)
		if err != nil {
			rd.close()
			return nil, err
		}
		*c.to = cur
	}
	if d.packs > 0 {
		var err error
		if rd.books, err = openWorkbooks(ctx, src, d.kams); err != nil {
			rd.close()
			return nil, err
		}
	}
	return rd, nil
}

func (rd *reader) close() {
	for _, c := range []*cursor{rd.kams, rd.profit, rd.health, rd.growth, rd.matrix, rd.months, rd.space, rd.plan, rd.decisions} {
		if c != nil {
			c.close()
		}
	}
	if rd.books != nil {
		rd.books.close()
	}
}

// next reads the next group; nil after the last.
func (rd *reader) next() (*group, error) {
	if rd.done {
		return nil, nil
	}
	g := &group{}
	seq := int64(math.MaxInt64) // the group of no KAM, last
	if rd.kams.next != nil {
		seq, g.kam = rd.kams.seq, rd.kams.next
		g.id = g.kam.str("kam_id")
		if err := rd.kams.advance(); err != nil {
			return nil, err
		}
	} else {
		rd.done = true
	}
	var err error
	take := func(c *cursor) []row {
		var rows []row
		if err == nil {
			rows, err = c.take(seq)
		}
		return rows
	}
	byID := func(rows []row) map[string]row {
		out := make(map[string]row, len(rows))
		for _, r := range rows {
			out[r.str("account_id")] = r
		}
		return out
	}
	g.accounts = take(rd.profit)
	g.profit = byID(g.accounts)
	health := take(rd.health)
	g.health = byID(health)
	g.growth = byID(take(rd.growth))
	g.matrix = byID(take(rd.matrix))
	g.months = groupBy(take(rd.months), "account_id")
	g.space = groupBy(take(rd.space), "account_id")
	g.plan = groupBy(take(rd.plan), "account_id")
	g.decisions = take(rd.decisions)
	if err != nil {
		return nil, err
	}
	for _, r := range health {
		if id := r.str("account_id"); rd.d.paths.Account(id) != "" {
			g.pages = append(g.pages, id)
		}
	}
	if g.kam != nil && rd.d.paths.KAMHTML(g.id) != "" {
		if g.sheets, err = rd.books.take(g.id); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// size is how many rows the group holds, roughly.
func (g *group) size() int {
	return len(g.accounts) + len(g.health) + len(g.plan) + len(g.pages)*30
}
