package warehouse

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"

	"kam/queries"
)

// Incremental models (-- materialized: incremental) are tables kept in the
// warehouse from run to run and refreshed only where their inputs changed,
// instead of being rebuilt from every line each run:
//
//   - staging.stg_sales_lines_checked is restaged by invoice. Every line of
//     an invoice shares its header, and duplicates share their invoice, so
//     an invoice's lines depend on no line of another invoice. A run
//     restages the invoices that have a line in a file added, changed or
//     removed since the last run, and those whose lines looked up something
//     that changed: their header (or its reject), an account key (or that
//     account's currency), a KAM key, a product (line or unit cost) or the
//     exchange rate of their currency and month. What each run staged from
//     is kept in meta.staged_keys (a hash per file and per lookup key).
//     Anything global — this SQL or the macros, the reporting currency —
//     restages every line.
//   - staging.stg_sales_monthly, the monthly fact, is recomputed for the
//     months of the lines restaged (their months before and after).
//   - the checked activities, service costs and opportunities are
//     restaged by partition (see restage_rows.go).
//
// The model's SQL is the full build; a marker comment in its WHERE clause
// (restage(col) or restage_months(col), followed by "true") is where a
// refresh narrows what it reads. A table or state that is missing, or a
// refresh that cannot tell, builds the table whole. The proof that the
// refresh equals a full build is TestIncrementalEqualsScratch.

// Restage is what the incremental models refreshed in this run, for the
// manifest.
type Restage struct {
	Mode     string         `json:"mode"`                 // "full" or "incremental"
	Reason   string         `json:"reason"`               // why full, or what changed
	Changed  map[string]int `json:"changed,omitempty"`    // changed keys per input (files, invoice, account_key, …)
	Invoices int64          `json:"invoices"`             // invoices restaged
	Lines    int64          `json:"lines"`                // staged lines written
	Months   []string       `json:"months,omitempty"`     // months of the monthly fact recomputed (incremental only)
	Monthly  string         `json:"monthly,omitempty"`    // "full" or "incremental"
	Kept     int64          `json:"lines_kept,omitempty"` // staged lines kept from earlier runs
	// Models are the other incremental models (see restage_rows.go).
	Models map[string]*RowRestage `json:"models,omitempty"`
}

// lookups are the inputs whose keys a staged line depends on, each as a
// query of (k, h): the key and a hash of what a line takes from it. The
// hash is a sum over rows, so a key given twice is still one value.
var lookups = []struct{ kind, query, lines string }{
	// The sales files staged: a file whose mtime, path or mapping changed
	// (its rank among duplicates, its customer column) is restaged.
	{"file", `select cast(f.file_id as varchar) as k,
			cast(sum(hash(f.mtime, f.path, json_extract_string(m.mapping, '$.account_id') is null)) as varchar) as h
		from staging.stg_files as f inner join meta.files as m using (file_id)
		where f.kind = 'sales' and not f.is_copy group by all`, ""},
	{"invoice", `select k, cast(sum(h) as varchar) as h from (
			select invoice_id as k, hash(invoice_date, account_id, kam_id, currency, is_cancelled, is_not_issued, is_credit, invoice_discount, invoice_base, order_id) as h
			from staging.stg_invoices where invoice_id is not null
			union all
			select r.invoice_id, hash(m.path, r.source_line, r.reject)
			from raw.invoices as r
			inner join meta.files as m on m.file_id = r.file_id and m.duplicate_of is null
			where r.reject is not null and r.invoice_id is not null
		) group by k`, ""},
	// Whether any invoice header is loaded at all: a line that needs one
	// (no date, or no customer in a file without that column) is rejected
	// for its missing value when none is, for the missing header when some
	// are. When that flips, those lines are restaged (see headerless).
	{"headers", `select 'loaded' as k, cast(hash(exists (select 1 from staging.stg_invoices)) as varchar) as h`, ""},
	// The orders that invoice lines name: an order's rows are duplicates
	// of its invoices once one names it, so an order named or no longer
	// named restages the order's lines; and whether any is named at all
	// (the unnamed orders are then the order book, not revenue) restages
	// every order's lines when it flips (see orderRows).
	{"order_ref", `select order_id as k, '1' as h from (` + orderRefs + `) group by all`, "invoice_id"},
	{"order_refs", `select 'named' as k, cast(hash(exists (` + orderRefs + `)) as varchar) as h`, ""},
	// The currency a line without one takes from its account: only an
	// accounts file's (a derived account's is its newest line's, not the
	// account's), so a derived account turning into a file's restages.
	{"account_key", `select k.account_key as k, cast(sum(hash(k.account_id, case when not a.is_derived then a.currency end)) as varchar) as h
		from staging.stg_account_keys as k left join staging.stg_accounts as a on a.account_id = k.account_id
		where k.account_key is not null group by all`, "account_ref"},
	{"kam_key", `select kam_key as k, cast(sum(hash(kam_id)) as varchar) as h
		from staging.stg_kam_keys where kam_key is not null group by all`, "kam_ref"},
	{"product", `select product_id as k, cast(sum(hash(product_line, unit_cost)) as varchar) as h
		from staging.stg_products where product_id is not null group by all`, "product_id"},
	{"fx", `select currency || '|' || cast(cast(month as date) as varchar) as k, cast(sum(hash(rate)) as varchar) as h
		from staging.stg_fx_monthly where currency is not null and month is not null group by all`,
		`currency || '|' || cast(cast(date_trunc('month', invoice_date) as date) as varchar)`},
}

// namingOrders are the joins and filters of the raw lines that name the
// order they invoice, as in the model's order_refs.
const namingOrders = `inner join staging.stg_files as f on f.file_id = r.file_id and f.kind = 'sales' and not f.is_copy
		where r.reject is null and r.order_id is not null and not coalesce(r.is_order, false)`

// orderRefs are the orders the folder's invoices name, by their lines or
// by their headers, as the model's order_refs.
const orderRefs = `select r.order_id from raw.sales as r ` + namingOrders + `
	union
	select h.order_id from staging.stg_invoices as h
	semi join (select r.invoice_id from raw.sales as r
		inner join staging.stg_files as f on f.file_id = r.file_id and f.kind = 'sales' and not f.is_copy
		where r.reject is null and not coalesce(r.is_order, false)) as l on l.invoice_id = h.invoice_id
	where h.order_id is not null`

// orderRows are the raw lines of orders.
const orderRows = `coalesce(is_order, false)`

// headerless are the raw lines that need an invoice header: those without
// a date, and those without a customer in a file without that column (as
// in the model's needs_header).
const headerless = `invoice_date is null or account_id is null and file_id in (
	select file_id from meta.files where kind = 'sales' and json_extract_string(mapping, '$.account_id') is null)`

const stagedState = `create table if not exists meta.staged_keys (model varchar, kind varchar, k varchar, h varchar);
create table if not exists meta.staged_models (model varchar, fingerprint varchar)`

// invoiceKey is the partition of a staged line: its invoice (lines
// without one are one partition).
func invoiceKey(col string) string { return "coalesce(" + col + ", chr(0))" }

// narrow replaces the model's marker, name(col) */ true, with cond(col).
func narrow(sqlText, name string, cond func(col string) string) (string, error) {
	open := "/* " + name + "("
	i := strings.Index(sqlText, open)
	if i < 0 {
		return "", fmt.Errorf("no marker /* %s(column) */ true in the model", name)
	}
	rest := sqlText[i+len(open):]
	j := strings.Index(rest, ") */ true")
	if j < 0 {
		return "", fmt.Errorf("marker /* %s( not closed by ) */ true", name)
	}
	return sqlText[:i] + cond(rest[:j]) + rest[j+len(") */ true"):], nil
}

// modelFingerprint is what restages everything when it changes: the SQL,
// the macros and the reporting currency.
func (w *Warehouse) modelFingerprint(ctx context.Context, m Model) (string, error) {
	h := sha256.New()
	io.WriteString(h, queries.Macros)
	io.WriteString(h, "\x00"+m.SQL)
	g, err := w.summary(ctx, `select txt from meta.params where key = 'currency'`)
	if err != nil {
		return "", err
	}
	io.WriteString(h, "\x00"+digest(g))
	return hex.EncodeToString(h.Sum(nil)), nil
}

// refreshIncremental brings an incremental model up to date.
func (w *Warehouse) refreshIncremental(ctx context.Context, m Model) error {
	if m.Layer != "staging" {
		return fmt.Errorf("model %s/%s: only staging models can be incremental", m.Layer, m.Name)
	}
	for _, q := range strings.Split(stagedState, ";") {
		if err := w.Exec(ctx, q); err != nil {
			return err
		}
	}
	switch m.Name {
	case "stg_sales_lines_checked":
		return w.restageLines(ctx, m)
	case "stg_sales_monthly":
		return w.restageMonths(ctx, m)
	}
	if spec, ok := rowRefreshes[m.Name]; ok {
		return w.restageRows(ctx, m, spec)
	}
	return fmt.Errorf("model %s/%s: no refresh is known for this incremental model", m.Layer, m.Name)
}

// isTable says whether schema.name is a table (not a view, not missing).
func (w *Warehouse) isTable(ctx context.Context, schema, name string) (bool, error) {
	rows, err := w.summary(ctx, "select table_type from information_schema.tables where table_catalog = current_database() and table_schema = ? and table_name = ?", schema, name)
	return len(rows) == 1 && rows[0][0] == "BASE TABLE", err
}

func (w *Warehouse) buildWhole(ctx context.Context, m Model, q string) error {
	if err := w.dropObject(ctx, m.Schema(), m.Name); err != nil {
		return err
	}
	if err := w.Exec(ctx, "create table "+m.Schema()+"."+m.Name+" as\n"+q); err != nil {
		return fmt.Errorf("model %s/%s: %w", m.Layer, m.Name, err)
	}
	if w.catalog != nil {
		w.catalog[m.Schema()+"."+m.Name] = "BASE TABLE"
	}
	return nil
}

// recordModel keeps the model's fingerprint for the next run.
func (w *Warehouse) recordModel(ctx context.Context, name, fp string) error {
	if err := w.Exec(ctx, "delete from meta.staged_models where model = ?", name); err != nil {
		return err
	}
	return w.Exec(ctx, "insert into meta.staged_models values (?, ?)", name, fp)
}

func (w *Warehouse) keptFingerprint(ctx context.Context, name string) (string, error) {
	rows, err := w.summary(ctx, "select fingerprint from meta.staged_models where model = ?", name)
	if err != nil || len(rows) == 0 {
		return "", err
	}
	return rows[0][0], nil
}

func (w *Warehouse) count(ctx context.Context, q string, args ...any) (int64, error) {
	var n int64
	err := w.QueryRow(ctx, q, args...).Scan(&n)
	return n, err
}

// keptState is what an incremental model's refresh starts from: the
// fingerprint of its SQL and lookups now, the one it was kept with, and
// whether its table is there.
func (w *Warehouse) keptState(ctx context.Context, m Model) (fp, kept string, have bool, err error) {
	if fp, err = w.modelFingerprint(ctx, m); err != nil {
		return
	}
	if kept, err = w.keptFingerprint(ctx, m.Name); err != nil {
		return
	}
	typ, err := w.objectType(ctx, "staging", m.Name) // the model's own target: RunModels' catalog knows it
	have = typ == "BASE TABLE"
	return
}

// restageLines refreshes staging.stg_sales_lines_checked.
func (w *Warehouse) restageLines(ctx context.Context, m Model) error {
	target := "staging." + m.Name
	r := &Restage{Changed: map[string]int{}}
	w.restage = r
	fp, kept, have, err := w.keptState(ctx, m)
	if err != nil {
		return err
	}
	// The lookups as staged now.
	var now []string
	for _, l := range lookups {
		now = append(now, fmt.Sprintf("select '%s' as kind, k, h from (%s)", l.kind, l.query))
	}
	if err := w.loadLookups(ctx, m.Name, now); err != nil {
		return err
	}
	defer w.Exec(ctx, "drop table if exists temp.main.restage_lookups")
	r.Reason = rebuildReason(have, kept, fp)
	if r.Reason != "" {
		r.Mode, r.Monthly = "full", "full"
		if err := w.buildWhole(ctx, m, m.SQL); err != nil {
			return err
		}
		if err := w.keepAllLookups(ctx, m.Name); err != nil {
			return err
		}
		if r.Lines, err = w.count(ctx, "select count(*) from "+target); err != nil {
			return err
		}
		if r.Invoices, err = w.count(ctx, "select count(distinct "+invoiceKey("invoice_id")+") from "+target); err != nil {
			return err
		}
		if err := w.recordMonthHashes(ctx, m.Name, true); err != nil {
			return err
		}
		return w.recordModel(ctx, m.Name, fp)
	}

	// What changed since the last run, key by key.
	counts, err := w.lookupChanges(ctx, m.Name)
	defer w.Exec(ctx, "drop table if exists temp.main.restage_changes")
	if err != nil {
		return err
	}
	// The invoices to restage.
	parts := []string{}
	for _, c := range counts {
		var n int
		fmt.Sscan(c[1], &n)
		r.Changed[c[0]] = n
		switch c[0] {
		case "file":
			changed := "(select cast(k as bigint) from temp.main.restage_changes where kind = 'file')"
			parts = append(parts,
				"select "+invoiceKey("invoice_id")+" from raw.sales where file_id in "+changed,
				"select "+invoiceKey("invoice_id")+" from "+target+" where file_id in "+changed)
		case "invoice":
			parts = append(parts, "select k from temp.main.restage_changes where kind = 'invoice'")
		case "headers":
			parts = append(parts, "select "+invoiceKey("invoice_id")+" from raw.sales where "+headerless)
		case "order_refs":
			parts = append(parts, "select "+invoiceKey("invoice_id")+" from raw.sales where "+orderRows)
		default:
			for _, l := range lookups {
				if l.kind == c[0] && l.lines != "" {
					parts = append(parts, fmt.Sprintf("select %s from %s where %s in (select k from temp.main.restage_changes where kind = '%s')",
						invoiceKey("invoice_id"), target, l.lines, l.kind))
				}
			}
		}
	}
	r.Mode, r.Monthly = "incremental", "incremental"
	var why []string
	for k, n := range r.Changed {
		why = append(why, fmt.Sprintf("%s: %d", k, n))
	}
	sort.Strings(why)
	r.Reason = "changed since the last run: " + strings.Join(why, ", ")
	if len(why) == 0 {
		r.Reason = "nothing changed since the last run"
	}
	if len(parts) == 0 {
		parts = []string{"select cast(null as varchar) where false"}
	}
	if err := w.Exec(ctx, "create or replace temp table restage_keys as select distinct * from (\n"+strings.Join(parts, "\nunion all\n")+"\n) as t(k)"); err != nil {
		return err
	}
	defer w.Exec(ctx, "drop table if exists temp.main.restage_keys")
	inKeys := func(col string) string {
		return invoiceKey(col) + " in (select k from temp.main.restage_keys)"
	}
	// The months touched: those of the lines replaced, and (below) of the
	// lines that replace them.
	if err := w.Exec(ctx, "create or replace temp table restage_months as select distinct cast(date_trunc('month', invoice_date) as date) as month from "+target+" where "+inKeys("invoice_id")); err != nil {
		return err
	}
	if err := w.Exec(ctx, "delete from "+target+" where "+inKeys("invoice_id")); err != nil {
		return err
	}
	q, err := narrow(m.SQL, "restage", inKeys)
	if err != nil {
		return fmt.Errorf("model %s: %w", m.Name, err)
	}
	if err := w.Exec(ctx, "insert into "+target+" by name\n"+q); err != nil {
		return fmt.Errorf("model %s/%s (restaged): %w", m.Layer, m.Name, err)
	}
	if err := w.Exec(ctx, "insert into temp.main.restage_months select distinct cast(date_trunc('month', invoice_date) as date) from "+target+" where "+inKeys("invoice_id")); err != nil {
		return err
	}
	if err := w.recordMonthHashes(ctx, m.Name, false); err != nil {
		return err
	}
	if r.Invoices, err = w.count(ctx, "select count(*) from temp.main.restage_keys"); err != nil {
		return err
	}
	if r.Lines, err = w.count(ctx, "select count(*) from "+target+" where "+inKeys("invoice_id")); err != nil {
		return err
	}
	r.Kept, err = w.finishRefresh(ctx, m.Name, fp, r.Lines)
	return err
}

// finishRefresh ends an incremental refresh of staging.<model>: it keeps
// the changed lookups and the fingerprint fp for the next run and returns
// how many of the table's rows were kept as they were (all but the
// restaged ones).
func (w *Warehouse) finishRefresh(ctx context.Context, model, fp string, restaged int64) (int64, error) {
	all, err := w.count(ctx, "select count(*) from staging."+model)
	if err != nil {
		return 0, err
	}
	if err := w.keepLookupChanges(ctx, model); err != nil {
		return 0, err
	}
	return all - restaged, w.recordModel(ctx, model, fp)
}

// restageMonths refreshes staging.stg_sales_monthly for the months whose
// lines restageLines replaced.
func (w *Warehouse) restageMonths(ctx context.Context, m Model) error {
	target := "staging." + m.Name
	r := w.restage
	fp, kept, have, err := w.keptState(ctx, m)
	if err != nil {
		return err
	}
	if r == nil || r.Mode != "incremental" || !have || kept != fp {
		if r != nil {
			r.Monthly, r.Months = "full", nil
		}
		if err := w.buildWhole(ctx, m, m.SQL); err != nil {
			return err
		}
		if err := w.recordMonthHashes(ctx, m.Name, true); err != nil {
			return err
		}
		return w.recordModel(ctx, m.Name, fp)
	}
	defer w.Exec(ctx, "drop table if exists temp.main.restage_months")
	months, err := w.summary(ctx, "select distinct strftime(month, '%Y-%m') from temp.main.restage_months where month is not null order by 1")
	if err != nil {
		return err
	}
	for _, mo := range months {
		r.Months = append(r.Months, mo[0])
	}
	if len(months) == 0 {
		return w.recordModel(ctx, m.Name, fp)
	}
	inMonths, err := w.inRestagedMonths(ctx)
	if err != nil {
		return err
	}
	if err := w.Exec(ctx, "delete from "+target+" where month in (select month from temp.main.restage_months)"); err != nil {
		return err
	}
	q, err := narrow(m.SQL, "restage_months", inMonths)
	if err != nil {
		return fmt.Errorf("model %s: %w", m.Name, err)
	}
	if err := w.Exec(ctx, "insert into "+target+" by name\n"+q); err != nil {
		return fmt.Errorf("model %s/%s (restaged): %w", m.Layer, m.Name, err)
	}
	if err := w.recordMonthHashes(ctx, m.Name, false); err != nil {
		return err
	}
	return w.recordModel(ctx, m.Name, fp)
}

// Restaged is what the incremental models refreshed in the last
// RunModels of the staging layer; nil when none ran.
func (w *Warehouse) Restaged() *Restage {
	if w.restage == nil && w.rowRestages == nil {
		return nil
	}
	if w.restage == nil {
		w.restage = &Restage{}
	}
	w.restage.Models = w.rowRestages
	return w.restage
}

// loadLookups writes this run's lookups of model (queries giving kind, k,
// h) into the temp table restage_lookups. The caller drops it.
func (w *Warehouse) loadLookups(ctx context.Context, model string, now []string) error {
	if err := w.Exec(ctx, "create or replace temp table restage_lookups as\n"+strings.Join(now, "\nunion all\n")); err != nil {
		return fmt.Errorf("model %s: the lookups it depends on: %w", model, err)
	}
	return nil
}

// rebuildReason says why a kept model is built whole, from whether its
// table is there and the fingerprint it was kept with (kept) against
// today's (fp); "" when it can be refreshed.
func rebuildReason(have bool, kept, fp string) string {
	switch {
	case !have:
		return "not kept yet"
	case kept == "":
		return "kept without a record of its inputs"
	case kept != fp:
		return "its SQL, the macros or the reporting currency changed"
	}
	return ""
}

// keepAllLookups keeps this run's lookups (restage_lookups) as the state of
// model for the next run, after a full build.
func (w *Warehouse) keepAllLookups(ctx context.Context, model string) error {
	if err := w.Exec(ctx, "delete from meta.staged_keys where model = ?", model); err != nil {
		return err
	}
	return w.Exec(ctx, "insert into meta.staged_keys select ?, kind, k, h from temp.main.restage_lookups", model)
}

// lookupChanges compares the lookups of this run (temp table
// restage_lookups: kind, key, hash) with those kept for model, into the
// temp table restage_changes (a removed key has a NULL hash), and counts
// the changes by kind. The caller drops restage_changes.
func (w *Warehouse) lookupChanges(ctx context.Context, model string) ([][]string, error) {
	err := w.Exec(ctx, `create or replace temp table restage_changes as
		select coalesce(n.kind, o.kind) as kind, coalesce(n.k, o.k) as k, n.h
		from temp.main.restage_lookups as n
		full outer join (select kind, k, h from meta.staged_keys where model = ?) as o
			on o.kind = n.kind and o.k = n.k
		where n.h is distinct from o.h`, model)
	if err != nil {
		return nil, err
	}
	return w.summary(ctx, "select kind, count(*) from temp.main.restage_changes group by kind order by kind")
}

// keepLookupChanges keeps the state for the next run: the changed keys
// only, a removed key forgotten.
func (w *Warehouse) keepLookupChanges(ctx context.Context, model string) error {
	if err := w.Exec(ctx, "delete from meta.staged_keys where model = ? and (kind, k) in (select kind, k from temp.main.restage_changes)", model); err != nil {
		return err
	}
	return w.Exec(ctx, "insert into meta.staged_keys select ?, kind, k, h from temp.main.restage_changes where h is not null", model)
}
