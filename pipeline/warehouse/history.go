package warehouse

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"kam/queries"
)

// Snapshot replaces the period's rows of the history table of each of
// marts (see HistoryMarts) with the mart as it is now; other periods are
// untouched.
func (w *Warehouse) Snapshot(ctx context.Context, period string, marts []string) error {
	// The columns of every mart and history table, read once: a lookup in
	// information_schema per mart took about half a second of each run.
	rows, err := w.summary(ctx, `select table_name, column_name, data_type from duckdb_columns()
		where database_name = current_database() and schema_name = 'main' order by table_name, column_index`)
	if err != nil {
		return err
	}
	cols := map[string][][2]string{}
	for _, r := range rows {
		cols[r[0]] = append(cols[r[0]], [2]string{r[1], r[2]})
	}
	for _, m := range marts {
		if cols[m] == nil {
			continue // not built: nothing to keep
		}
		h := "main.history_" + m
		if err := w.Exec(ctx, fmt.Sprintf("create table if not exists %s as select * from main.%s limit 0", h, m)); err != nil {
			return err
		}
		// A newer kam may have added columns to the mart (a history
		// table made just now has them all).
		had := map[[2]string]bool{}
		for _, c := range cols["history_"+m] {
			had[c] = true
		}
		for _, c := range cols[m] {
			if cols["history_"+m] == nil || had[c] {
				continue
			}
			if err := w.Exec(ctx, fmt.Sprintf("alter table %s add column if not exists %s %s", h, QuoteIdent(c[0]), c[1])); err != nil {
				return fmt.Errorf("extend %s: %w", h, err)
			}
		}
		if err := w.Exec(ctx, "delete from "+h+" where period = ?", period); err != nil {
			return err
		}
		if err := w.Exec(ctx, fmt.Sprintf("insert into %s by name select * from main.%s", h, m)); err != nil {
			return fmt.Errorf("keep the history of %s: %w", m, err)
		}
	}
	return nil
}

func (w *Warehouse) tableExists(ctx context.Context, schema, name string) (bool, error) {
	var n int
	err := w.QueryRow(ctx, "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", schema, name).Scan(&n)
	return n > 0, err
}

// KeptSnapshots are the periods whose marts were kept already.
func (w *Warehouse) KeptSnapshots(ctx context.Context) (map[string]bool, error) {
	out := map[string]bool{}
	ok, err := w.tableExists(ctx, "main", "history_account_profitability")
	if err != nil || !ok {
		return out, err
	}
	rows, err := w.summary(ctx, "select distinct period from main.history_account_profitability where period is not null")
	for _, r := range rows {
		out[r[0]] = true
	}
	return out, err
}

// ComparisonPeriods are the months the report compares P with: the
// previous month and the same month a year before.
func ComparisonPeriods(period string) []string {
	t, err := time.Parse("2006-01", period)
	if err != nil {
		return nil
	}
	return []string{t.AddDate(-1, 0, 0).Format("2006-01"), t.AddDate(0, -1, 0).Format("2006-01")}
}

// KeptAhead are the twelve months before P, oldest first: each is the
// year-ago month of a later report (P-11 of P+1, …, P-1 of P+11), so a run
// that keeps them all leaves the next eleven monthly runs a kept snapshot
// of their prior year, and each of those builds its own month only. P-12
// and P-1 are P's comparison months among them.
func KeptAhead(period string) []string {
	t, err := time.Parse("2006-01", period)
	if err != nil {
		return nil
	}
	var out []string
	for i := 12; i >= 1; i-- {
		out = append(out, t.AddDate(0, -i, 0).Format("2006-01"))
	}
	return out
}

// YearAfter is the report month that compares with q as its prior year.
func YearAfter(q string) string {
	t, err := time.Parse("2006-01", q)
	if err != nil {
		return ""
	}
	return t.AddDate(1, 0, 0).Format("2006-01")
}

// FirstSalesMonth is the first month with loaded sales, "" when none.
func (w *Warehouse) FirstSalesMonth(ctx context.Context) (string, error) {
	var s *string
	err := w.QueryRow(ctx, "select strftime(min(invoice_date), '%Y-%m') from staging.stg_sales_lines").Scan(&s)
	if s == nil {
		return "", err
	}
	return *s, err
}

// A snapshot of a past month is kept, not rebuilt, while the inputs it was
// built from are the same: meta.snapshots records, for every kept month,
// a fingerprint of those inputs, and a run rebuilds a kept month only when
// its fingerprint changed (or none was recorded) and the report compares
// with it (see KeptAhead).
//
// The inputs of month q's snapshot are:
//   - the SQL of the models that feed the history, and the shared macros;
//   - the parameters those models read, the period aside (weights,
//     thresholds…);
//   - the staged tables those models read: tables of dated facts (sales
//     lines, activities, service costs; see datedInputs) up to the end of
//     q only — a month added later does not restate q —, the others
//     (accounts, KAMs, products, targets, opportunities, assessments)
//     whole (a view of other inputs is not hashed again). The files' own bookkeeping (stg_files, stg_file_accounting,
//     stg_rejects) is not an input: it changes with every file added,
//     while what q's figures are made of is in the staged rows.
//
// Each staged table is summarised by its row count and the sum of its
// rows' hashes (where each row was read from left out, see provenance),
// per month for the dated ones, in one scan per table.

// datedInputs are the staged tables of dated facts and their date column;
// a staged table with a DATE column named month (a monthly fact) is dated
// by it without being listed.
var datedInputs = map[string]string{
	"stg_sales_lines":         "invoice_date",
	"stg_sales_lines_checked": "invoice_date",
	"stg_activities":          "activity_date",
	"stg_service_costs":       "cost_date",
}

// provenance are the columns that say where a staged row was read from:
// a file replaced by one with the same rows (a re-export that grew by a
// month) gets a new file_id, but the rows are the same input. A register
// row's lines_file_id (the file that gives its invoice's lines) is one too,
// and so are the files a row in doubt may repeat (stg_sales_in_doubt's
// other_file_ids).
var provenance = map[string]bool{"file_id": true, "source_line": true, "lines_file_id": true, "other_file_ids": true}

// loadBookkeeping are staged tables about the load, not the data.
var loadBookkeeping = map[string]bool{"stg_files": true, "stg_file_accounting": true, "stg_rejects": true}

// Fingerprint is what a snapshot was built from: Sum over Parts, each
// part (models, params, staging.<table>) a hash of that input.
type Fingerprint struct {
	Sum   string
	Parts map[string]string
}

// Changed names the parts in which f differs from kept, sorted.
func (f Fingerprint) Changed(kept Fingerprint) []string {
	var out []string
	for k, v := range f.Parts {
		if kept.Parts[k] != v {
			out = append(out, k)
		}
	}
	for k := range kept.Parts {
		if _, ok := f.Parts[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// SnapshotFingerprints computes the fingerprint of each period's snapshot
// from the data staged now. feeding are the models the history is built
// from (see Feeding), in run order.
func (w *Warehouse) SnapshotFingerprints(ctx context.Context, feeding []Model, periods []string) (map[string]Fingerprint, error) {
	common := map[string]string{}
	h := sha256.New()
	io.WriteString(h, queries.Macros)
	seen := map[string]bool{}
	for _, m := range feeding {
		fmt.Fprintf(h, "\x00%s/%s\x00%s", m.Layer, m.Name, m.SQL)
		for _, ref := range m.Refs {
			schema, name, _ := strings.Cut(ref, ".")
			if schema == "staging" && !loadBookkeeping[name] {
				seen[name] = true
			}
		}
	}
	staging, err := LoadModels("staging")
	if err != nil {
		return nil, err
	}
	var tables []string
	for _, m := range staging {
		if !seen[m.Name] {
			continue
		}
		// A view of other inputs (stg_sales_lines filters the checked
		// lines) adds nothing to them, and would cost a second scan.
		derived := m.View || m.TempView
		for _, ref := range m.Refs {
			schema, name, _ := strings.Cut(ref, ".")
			derived = derived && schema == "staging" && seen[name]
		}
		if !derived {
			tables = append(tables, m.Name)
		}
	}
	common["models"] = hex.EncodeToString(h.Sum(nil))
	params, err := w.summary(ctx, "select key, num, txt from meta.params where key <> 'period' order by key")
	if err != nil {
		return nil, err
	}
	// Only the parameters these models read (param('key')): a report's
	// setting, such as sheet_max_rows, does not change a snapshot.
	sqlText := queries.Macros
	for _, m := range feeding {
		sqlText += m.SQL
	}
	var read [][]string
	for _, p := range params {
		if strings.Contains(sqlText, "'"+p[0]+"'") {
			read = append(read, p)
		}
	}
	common["params"] = digest(read)
	sort.Strings(tables)
	dated := map[string][][3]string{} // table → (month, rows, hash sum) in month order
	for _, t := range tables {
		q, ok, err := w.summaryQuery(ctx, t, "")
		if err != nil {
			return nil, err
		}
		if !ok {
			rows, err := w.summary(ctx, q)
			if err != nil {
				return nil, fmt.Errorf("fingerprint of staging.%s: %w", t, err)
			}
			common["staging."+t] = digest(rows)
			continue
		}
		// The incremental tables keep their months' summaries up to date
		// (see recordMonthHashes): read, not a scan of every line.
		rows, kept, err := w.keptMonthHashes(ctx, t)
		if err != nil {
			return nil, err
		}
		if !kept {
			if rows, err = w.summary(ctx, q); err != nil {
				return nil, fmt.Errorf("fingerprint of staging.%s: %w", t, err)
			}
		}
		dated[t] = nil
		for _, r := range rows {
			dated[t] = append(dated[t], [3]string{r[0], r[1], r[2]})
		}
	}
	out := map[string]Fingerprint{}
	for _, q := range periods {
		f := Fingerprint{Parts: map[string]string{}}
		for k, v := range common {
			f.Parts[k] = v
		}
		for t, months := range dated {
			var upTo [][]string
			for _, m := range months {
				if m[0] <= q {
					upTo = append(upTo, m[:])
				}
			}
			f.Parts["staging."+t] = digest(upTo)
		}
		keys := make([]string, 0, len(f.Parts))
		for k := range f.Parts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var all [][]string
		for _, k := range keys {
			all = append(all, []string{k, f.Parts[k]})
		}
		f.Sum = digest(all)
		out[q] = f
	}
	return out, nil
}

// summaryQuery is the query that summarises staging.t for a fingerprint:
// its row count and the sum of its rows' hashes (provenance left out), per
// month for a dated table (dated), with where added to the month's filter.
func (w *Warehouse) summaryQuery(ctx context.Context, t, where string) (q string, dated bool, err error) {
	cols, err := w.summary(ctx, "select column_name, data_type from duckdb_columns() where database_name = current_database() and schema_name = 'staging' and table_name = ? order by column_index", t)
	if err != nil {
		return "", false, err
	}
	var keep []string
	col, ok := datedInputs[t]
	for _, c := range cols {
		if !provenance[c[0]] {
			keep = append(keep, QuoteIdent(c[0]))
		}
		if c[0] == "month" && c[1] == "DATE" && !ok {
			col, ok = "month", true // a monthly fact
		}
	}
	rowsOf := fmt.Sprintf("(select %s from staging.%s) as t", strings.Join(keep, ", "), t)
	if !ok {
		return "select count(*), cast(coalesce(sum(hash(t)), 0) as varchar) from " + rowsOf, false, nil
	}
	if where != "" {
		where = " and " + strings.ReplaceAll(where, "{col}", col)
	}
	return fmt.Sprintf(`select strftime(%s, '%%Y-%%m') as month, cast(count(*) as varchar), cast(sum(hash(t)) as varchar)
			from %s where %s is not null%s group by month order by month`, col, rowsOf, col, where), true, nil
}

// summary reads a query's rows as text.
func (w *Warehouse) summary(ctx context.Context, q string, args ...any) ([][]string, error) {
	rows, err := w.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		r := make([]string, len(cols))
		for i, v := range vals {
			r[i] = "\x01" // NULL
			if v.Valid {
				r[i] = v.String
			}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func digest(rows [][]string) string {
	h := sha256.New()
	for _, r := range rows {
		for _, v := range r {
			io.WriteString(h, v)
			h.Write([]byte{0})
		}
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

const snapshotsTable = `create table if not exists meta.snapshots (
	period      varchar primary key,
	fingerprint varchar not null,  -- sha256 over the inputs
	inputs      varchar not null,  -- json: input → sha256 (models, params, staging.<table>)
	built_at    timestamp not null
)`

// KeptFingerprints reads the fingerprints recorded for the kept snapshots.
func (w *Warehouse) KeptFingerprints(ctx context.Context) (map[string]Fingerprint, error) {
	if err := w.Exec(ctx, snapshotsTable); err != nil {
		return nil, err
	}
	rows, err := w.summary(ctx, "select period, fingerprint, inputs from meta.snapshots")
	if err != nil {
		return nil, err
	}
	out := map[string]Fingerprint{}
	for _, r := range rows {
		f := Fingerprint{Sum: r[1]}
		if err := json.Unmarshal([]byte(r[2]), &f.Parts); err != nil {
			return nil, fmt.Errorf("meta.snapshots of %s: %w", r[0], err)
		}
		out[r[0]] = f
	}
	return out, nil
}

// RecordFingerprint says what the period's snapshot was built from.
func (w *Warehouse) RecordFingerprint(ctx context.Context, period string, f Fingerprint) error {
	if err := w.Exec(ctx, snapshotsTable); err != nil {
		return err
	}
	b, err := json.Marshal(f.Parts)
	if err != nil {
		return err
	}
	return w.Exec(ctx, "insert or replace into meta.snapshots values (?, ?, ?, now())", period, f.Sum, string(b))
}
