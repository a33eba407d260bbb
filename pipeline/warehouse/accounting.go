package warehouse

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"kam/i18n"
	"kam/pipeline/config"
	"kam/pipeline/ingest/schema"
)

// FileAccounting is one file's row accounting:
// RowsRead = RowsLoaded + RowsRejected + RowsDuplicate.
type FileAccounting struct {
	FileID        int               `json:"-"`
	Path          string            `json:"path"`
	Kind          string            `json:"kind"`
	SHA256        string            `json:"sha256"`
	Format        string            `json:"format"`
	Encoding      string            `json:"encoding,omitempty"`
	Delimiter     string            `json:"delimiter,omitempty"`
	Sheet         string            `json:"sheet,omitempty"`
	HeaderLine    int64             `json:"header_line,omitempty"`
	Preset        string            `json:"preset,omitempty"`
	Mapping       map[string]string `json:"mapping,omitempty"`
	Notes         []string          `json:"notes,omitempty"`
	RowsRead      int64             `json:"rows_read"`
	RowsLoaded    int64             `json:"rows_loaded"`
	RowsRejected  int64             `json:"rows_rejected"`
	RowsDuplicate int64             `json:"rows_duplicate"`
	// RowsConflicting are duplicates whose values differ from the row kept
	// (the same key, another amount or name): part of RowsDuplicate.
	RowsConflicting int64  `json:"rows_conflicting"`
	Action          string `json:"action,omitempty"` // this run: loaded, replaced, unchanged, copy; "" when not in the input any more
	// Loaded sales lines of cancelled or returned orders: kept out of
	// revenue, counted here (amount in the reporting currency, to the cent).
	CancelledLines   int64  `json:"cancelled_lines,omitempty"`
	CancelledRevenue string `json:"cancelled_revenue,omitempty"`
	// Loaded sales lines of documents never issued (drafts, quotations,
	// pro formas): kept out of revenue too, counted apart from the
	// cancelled ones.
	NotIssuedLines   int64  `json:"not_issued_lines,omitempty"`
	NotIssuedRevenue string `json:"not_issued_revenue,omitempty"`
	// Loaded activities whose status says they have not taken place
	// (planned, open, cancelled): kept out of the KAMs' time and cost.
	ActivitiesNotDone int64 `json:"activities_not_done,omitempty"`
	// Loaded targets whose account or KAM kam does not know: left out of
	// the plan. UnknownTargetIDs are the first few of those ids, of
	// UnknownTargetIDCount in all; UnknownTargetOf says "accounts" or "KAMs".
	UnknownTargets       int64    `json:"unknown_targets,omitempty"`
	UnknownTargetOf      string   `json:"unknown_targets_of,omitempty"`
	UnknownTargetIDs     []string `json:"unknown_target_ids,omitempty"`
	UnknownTargetIDCount int64    `json:"unknown_target_id_count,omitempty"`
	// The ids kam does know for them (the first few, of KnownIDCount), so
	// that a plan keyed by other ids shows at once.
	KnownIDs     []string `json:"known_ids,omitempty"`
	KnownIDCount int64    `json:"known_id_count,omitempty"`
	// Loaded rows (sales lines, activities, deals) whose account code is
	// no account's as written but is one account's once leading zeros are
	// dropped on both sides (123 and 00123: a file that went through Excel
	// loses them; SAP pads them), read as that account
	// (staging.stg_account_keys) and counted and named here. ZeroIDs are
	// the first few "123 → 00123", of ZeroIDCount codes.
	ZeroIDRows  int64    `json:"rows_matched_without_leading_zeros,omitempty"`
	ZeroIDs     []string `json:"ids_matched_without_leading_zeros,omitempty"`
	ZeroIDCount int64    `json:"id_count_matched_without_leading_zeros,omitempty"`
	// NameIDRows are the rows that name their account by its name, not
	// its code (Pipedrive's deals and activities name the organization),
	// read as the one account of that name; NameIDs the first few names,
	// of NameIDCount.
	NameIDRows  int64    `json:"rows_matched_by_name,omitempty"`
	NameIDs     []string `json:"names_matched,omitempty"`
	NameIDCount int64    `json:"name_count_matched,omitempty"`
	// Loaded rows whose account is a known account's tax id written
	// another way (ESB12345678 or B-12.345.678 for B12345678: TED
	// notices, VIES and e-invoices write the VAT prefix, registers dots
	// and dashes, a CRM often neither), read as that account and counted
	// and named here, since that the two are one is kam's reading.
	TaxIDRows  int64    `json:"rows_matched_by_tax_id_form,omitempty"`
	TaxIDs     []string `json:"ids_matched_by_tax_id_form,omitempty"`
	TaxIDCount int64    `json:"id_count_matched_by_tax_id_form,omitempty"`
	TaxIDNote  string   `json:"-"`
	// Loaded deals and activities that belong to no account: their
	// account is blank (UnknownAccountBlank) or one kam does not know
	// (UnknownAccountIDs, the first few of UnknownAccountIDCount). They are
	// in no account's pipeline, contacts or hours. OtherNamedIDs are the
	// first few references that write a known account's code in brackets
	// under another name ("Acme SA (111) → 111 Beta SL"), not taken for it.
	UnknownAccountRows    int64    `json:"rows_of_unknown_accounts,omitempty"`
	UnknownAccountBlank   int64    `json:"rows_without_account,omitempty"`
	UnknownAccountIDs     []string `json:"unknown_account_ids,omitempty"`
	UnknownAccountIDCount int64    `json:"unknown_account_id_count,omitempty"`
	OtherNamedIDs         []string `json:"codes_of_accounts_named_otherwise,omitempty"`
	// SharedNames are the first few unknown references that are the name
	// of several accounts, with their codes ("Nova → 20, 21"): which one
	// is meant kam cannot tell.
	SharedNames []string `json:"names_of_several_accounts,omitempty"`
	// CaseLostIDs are the first few unknown references that are an
	// account's 15-character Salesforce id with its case lost, where case
	// tells records apart ("0015G00000ABCDE → 0015g00000AbCdE C100").
	CaseLostIDs []string `json:"salesforce_ids_case_lost,omitempty"`
	// A list of key accounts (staging.stg_key_account_list): the codes it
	// names that are no account's (the first few of KeyListUnknownIDCount),
	// and the accounts on which the accounts file's own key-account flag
	// says otherwise (the list is used). KeyListNotes are its notes on
	// these, which kam run prints.
	KeyListUnknownIDs     []string `json:"key_list_unknown_ids,omitempty"`
	KeyListUnknownIDCount int64    `json:"key_list_unknown_id_count,omitempty"`
	KeyListDisagreements  int64    `json:"key_list_flag_disagreements,omitempty"`
	KeyListNotes          []string `json:"-"`
	// A file of one row per invoice beside another sales file that gives
	// the lines of the same invoices (a register, whatever its name; see
	// stg_sales_lines_checked): InvoiceLinesIn names those files, InvoiceTotals
	// the rows that are the lines' totals (duplicates, not revenue again),
	// TotalsDisagreeing the invoices whose amount is not their lines' sum,
	// kept and counted twice: here TotalsAmount, in their lines
	// LinesAmount (as written), RevenueAtStake this file's part of revenue
	// (reporting currency). InvoiceTotalsNotes say so, for the console.
	InvoiceLinesIn     string   `json:"invoice_lines_in,omitempty"`
	InvoiceTotals      int64    `json:"invoice_totals_of_lines,omitempty"`
	TotalsDisagreeing  int64    `json:"invoices_disagreeing_with_lines,omitempty"`
	TotalsAmount       string   `json:"disagreeing_amount,omitempty"`
	LinesAmount        string   `json:"disagreeing_lines_amount,omitempty"`
	RevenueAtStake     string   `json:"revenue_counted_twice,omitempty"`
	InvoiceTotalsNotes []string `json:"-"`
	// A file of sales orders beside invoices that name them (see
	// stg_sales_lines_checked): OrdersInvoicedIn names the invoices'
	// files, OrdersInvoiced the orders they invoice, whose
	// OrderRowsInvoiced rows are duplicates of the invoices;
	// OrdersInvoicedInPart of them are invoiced for less than their
	// amount, OrdersLeftAmount what is left of them (the order book's,
	// not revenue). OrderBook orders no invoice names (OrderBookAmount),
	// loaded but out of revenue. When no invoice names any order, an
	// orders file and an invoices file of the same customers and months
	// name each other in OrdersBesideInvoices, with OverlapMonths and
	// the orders' revenue there that may be counted twice. OrderNotes
	// say so, for the console.
	OrdersInvoicedIn     string   `json:"orders_invoiced_in,omitempty"`
	OrdersInvoiced       int64    `json:"orders_invoiced,omitempty"`
	OrderRowsInvoiced    int64    `json:"order_rows_invoiced,omitempty"`
	OrdersInvoicedInPart int64    `json:"orders_invoiced_in_part,omitempty"`
	OrdersLeftAmount     string   `json:"orders_not_invoiced_yet_amount,omitempty"`
	OrderBook            int64    `json:"order_book_orders,omitempty"`
	OrderBookAmount      string   `json:"order_book_amount,omitempty"`
	OrdersBesideInvoices string   `json:"orders_beside_invoices_of,omitempty"`
	OverlapMonths        string   `json:"orders_and_invoices_months,omitempty"`
	OverlapRevenue       string   `json:"revenue_maybe_counted_twice,omitempty"`
	OrderNotes           []string `json:"-"`
	// runNotes are the notes of this run's reading (matches kam guessed,
	// rows naming no account, a key list disagreeing), kept as keys and
	// arguments in meta.run_notes so that the reports' data quality shows
	// them in their language beside the notes of the file's ingest.
	runNotes []i18n.Note
}

// Accounting reads the accounting of every file in the warehouse.
func (w *Warehouse) Accounting(ctx context.Context) ([]FileAccounting, error) {
	rows, err := w.Query(ctx, `with cancelled as (
			select file_id, count(*) as n, cast(round(sum(net_amount), 2) as varchar) as amount
			from staging.stg_sales_lines_checked where row_status = 'loaded' and is_cancelled group by file_id
		),
		not_issued as (
			select file_id, count(*) as n, cast(round(sum(net_amount), 2) as varchar) as amount
			from staging.stg_sales_lines_checked where row_status = 'loaded' and is_not_issued group by file_id
		),
		undone as (
			select file_id, count(*) as n
			from staging.stg_activities_checked where row_status = 'loaded' and not is_done group by file_id
		)
		select file_id, path, kind, sha256, format, encoding, delimiter, sheet, header_line,
		preset, mapping, notes, rows_read, rows_loaded, rows_rejected, rows_duplicate, rows_conflicting, is_copy, is_key_list,
		coalesce(c.n, 0), coalesce(c.amount, ''), coalesce(u.n, 0), coalesce(ni.n, 0), coalesce(ni.amount, '')
		from staging.stg_file_accounting left join cancelled as c using (file_id) left join undone as u using (file_id)
		left join not_issued as ni using (file_id)
		order by path`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FileAccounting
	copies, lists := map[int]bool{}, map[int]bool{}
	for rows.Next() {
		var f FileAccounting
		var enc, delim, sheet, preset, mapping, notes sql.NullString
		var header sql.NullInt64
		var isCopy, isList bool
		if err := rows.Scan(&f.FileID, &f.Path, &f.Kind, &f.SHA256, &f.Format, &enc, &delim, &sheet, &header,
			&preset, &mapping, &notes, &f.RowsRead, &f.RowsLoaded, &f.RowsRejected, &f.RowsDuplicate, &f.RowsConflicting, &isCopy, &isList,
			&f.CancelledLines, &f.CancelledRevenue, &f.ActivitiesNotDone, &f.NotIssuedLines, &f.NotIssuedRevenue); err != nil {
			return nil, err
		}
		copies[f.FileID], lists[f.FileID] = isCopy, isList
		f.Encoding, f.Delimiter, f.Sheet, f.Preset = enc.String, delim.String, sheet.String, preset.String
		f.HeaderLine = header.Int64
		if mapping.Valid {
			json.Unmarshal([]byte(mapping.String), &f.Mapping)
		}
		if notes.Valid {
			// Stored as i18n notes (or plain sentences by an earlier kam): the
			// manifest reads them in English.
			f.Notes = i18n.Notes(i18n.Default, notes.String)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	noteMerges(out, copies, lists)
	if err := w.zeroIDs(ctx, out); err != nil {
		return nil, err
	}
	if err := w.nameIDs(ctx, out); err != nil {
		return nil, err
	}
	if err := w.taxIDs(ctx, out); err != nil {
		return nil, err
	}
	if err := w.unknownAccounts(ctx, out); err != nil {
		return nil, err
	}
	if err := w.sharedSales(ctx, out); err != nil {
		return nil, err
	}
	if err := w.keyLists(ctx, out); err != nil {
		return nil, err
	}
	if err := w.invoiceTotals(ctx, out); err != nil {
		return nil, err
	}
	if err := w.ordersBesideInvoices(ctx, out); err != nil {
		return nil, err
	}
	return out, w.unknownTargets(ctx, out)
}

// note adds a note of this run's reading to the file: its text (English)
// to Notes, for the manifest, and the note itself to runNotes, for the
// reports (WriteRunNotes). It returns the text.
func (f *FileAccounting) note(key string, args ...any) string {
	n := i18n.N(key, args...)
	f.Notes = append(f.Notes, n.Text)
	f.runNotes = append(f.runNotes, n)
	return n.Text
}

// WriteRunNotes replaces meta.run_notes with this run's notes.
func (w *Warehouse) WriteRunNotes(ctx context.Context, acc []FileAccounting) error {
	if err := w.exec(ctx, "delete from meta.run_notes"); err != nil {
		return fmt.Errorf("clear the run's notes: %w", err)
	}
	for _, f := range acc {
		if len(f.runNotes) == 0 {
			continue
		}
		b, err := json.Marshal(f.runNotes)
		if err != nil {
			return err
		}
		if err := w.exec(ctx, "insert into meta.run_notes values (?, ?)", f.FileID, string(b)); err != nil {
			return fmt.Errorf("keep the run's notes: %w", err)
		}
	}
	return nil
}

// zeroIDs fills in, per file, the rows whose account code is a known
// account's but for leading zeros (sales 123, accounts 00123), which
// staging.stg_account_keys read as that account: only codes of digits, and
// only where one account has that number.
func (w *Warehouse) zeroIDs(ctx context.Context, acc []FileAccounting) error {
	rows, err := w.Query(ctx, `with matched as (
			select file_id, account_ref, account_id from staging.stg_sales_lines_checked
			where row_status = 'loaded' and is_attributed and account_ref <> account_id and regexp_full_match(account_ref, '[0-9]+')
			union all
			select file_id, account_ref, account_id from staging.stg_activities_checked
			where row_status = 'loaded' and is_attributed and account_ref <> account_id and regexp_full_match(account_ref, '[0-9]+')
			union all
			select file_id, account_ref, account_id from staging.stg_opportunities_checked
			where row_status = 'loaded' and is_attributed and account_ref <> account_id and regexp_full_match(account_ref, '[0-9]+')
		)
		select file_id, count(*), list_sort(list_distinct(list(account_ref || ' → ' || account_id)))[1:3],
			count(distinct account_ref)
		from matched
		where ltrim(account_ref, '0') = ltrim(account_id, '0')
		group by file_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := byFileID(acc)
	for rows.Next() {
		var id int
		var n, ids int64
		var sample []any
		if err := rows.Scan(&id, &n, &sample, &ids); err != nil {
			return err
		}
		if f := byID[id]; f != nil {
			f.ZeroIDRows, f.ZeroIDCount = n, ids
			for _, s := range sample {
				f.ZeroIDs = append(f.ZeroIDs, fmt.Sprint(s))
			}
			more := ""
			if ids > int64(len(f.ZeroIDs)) {
				more = ", …"
			}
			f.note("note.ids_without_zeros", fmt.Sprint(n), strings.Join(f.ZeroIDs, ", ")+more)
		}
	}
	return rows.Err()
}

// nameIDs fills in, per file, the rows that name their account by its
// name where the account has a code of its own, which
// staging.stg_account_keys read as the one account of that name.
func (w *Warehouse) nameIDs(ctx context.Context, acc []FileAccounting) error {
	rows, err := w.Query(ctx, `with matched as (
			select file_id, account_ref, account_id from staging.stg_sales_lines_checked
			where row_status = 'loaded' and is_attributed and account_ref <> account_id
			union all
			select file_id, account_ref, account_id from staging.stg_activities_checked
			where row_status = 'loaded' and is_attributed and account_ref <> account_id
			union all
			select file_id, account_ref, account_id from staging.stg_opportunities_checked
			where row_status = 'loaded' and is_attributed and account_ref <> account_id
		)
		select m.file_id, count(*), list_sort(list_distinct(list(m.account_ref || ' → ' || m.account_id)))[1:3],
			count(distinct m.account_ref)
		from matched as m
		inner join staging.stg_accounts as a on a.account_id = m.account_id and a.account_name = m.account_ref
		where not exists (select 1 from staging.stg_accounts as c
			where c.account_id = m.account_ref or c.account_alias = m.account_ref or c.tax_id = m.account_ref)
		group by m.file_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := byFileID(acc)
	for rows.Next() {
		var id int
		var n, ids int64
		var sample []any
		if err := rows.Scan(&id, &n, &sample, &ids); err != nil {
			return err
		}
		if f := byID[id]; f != nil {
			f.NameIDRows, f.NameIDCount = n, ids
			for _, s := range sample {
				f.NameIDs = append(f.NameIDs, fmt.Sprint(s))
			}
			more := ""
			if ids > int64(len(f.NameIDs)) {
				more = ", …"
			}
			f.note("note.ids_by_name", fmt.Sprint(n), strings.Join(f.NameIDs, ", ")+more)
		}
	}
	return rows.Err()
}

// taxIDs fills in, per file, the rows whose account is a known account's
// tax id written another way (sales ESB12345678 or B-12.345.678, accounts
// B12345678, or the other way round), which staging.stg_account_keys read
// as that account.
func (w *Warehouse) taxIDs(ctx context.Context, acc []FileAccounting) error {
	rows, err := w.Query(ctx, `with matched as (
			select file_id, account_ref, account_id from staging.stg_sales_lines_checked
			where row_status = 'loaded' and is_attributed and account_ref <> account_id
			union all
			select file_id, account_ref, account_id from staging.stg_activities_checked
			where row_status = 'loaded' and is_attributed and account_ref <> account_id
			union all
			select file_id, account_ref, account_id from staging.stg_opportunities_checked
			where row_status = 'loaded' and is_attributed and account_ref <> account_id
		),
		-- tax_id_key is a handful of regular expressions: worked out once
		-- per distinct code, not per row (a CRM export naming its accounts
		-- by their CRM ids differs from the account code on every row: 1.2
		-- s a run at 88,000 such rows, 0.1 s this way). Materialized, or
		-- the filter is pushed back down to the rows.
		-- An account's tax id is its id or the tax id column beside it.
		pairs as (
			select m.file_id, m.account_ref, m.account_id, a.tax_id, count(*) as n
			from matched as m left join staging.stg_accounts as a using (account_id)
			group by all
		),
		keyed as materialized (
			select code, tax_id_key(code) as tax_key
			from (select account_ref as code from pairs union select account_id from pairs
				union select tax_id from pairs where tax_id is not null)
		)
		select p.file_id, cast(sum(p.n) as bigint), list_sort(list_distinct(list(p.account_ref || ' → ' || p.account_id)))[1:3],
			count(distinct p.account_ref)
		from pairs as p
		inner join keyed as r on r.code = p.account_ref
		left join keyed as a on a.code = p.account_id
		left join keyed as t on t.code = p.tax_id
		where (r.tax_key = a.tax_key or r.tax_key = t.tax_key) and p.account_ref is distinct from p.tax_id
		group by p.file_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := byFileID(acc)
	for rows.Next() {
		var id int
		var n, ids int64
		var sample []any
		if err := rows.Scan(&id, &n, &sample, &ids); err != nil {
			return err
		}
		if f := byID[id]; f != nil {
			f.TaxIDRows, f.TaxIDCount = n, ids
			for _, s := range sample {
				f.TaxIDs = append(f.TaxIDs, fmt.Sprint(s))
			}
			more := ""
			if ids > int64(len(f.TaxIDs)) {
				more = ", …"
			}
			f.TaxIDNote = f.note("note.ids_tax_id_form", fmt.Sprint(n), strings.Join(f.TaxIDs, ", ")+more)
		}
	}
	return rows.Err()
}

// unknownTargets fills in the targets of each file that name an account or
// a KAM kam does not know.
func (w *Warehouse) unknownTargets(ctx context.Context, acc []FileAccounting) error {
	rows, err := w.Query(ctx, `select file_id, count(*),
			case when bool_or(account_ref is not null) then 'accounts' else 'KAMs' end,
			list_sort(list_distinct(list(coalesce(account_ref, kam_ref))))[1:3],
			count(distinct coalesce(account_ref, kam_ref))
		from staging.stg_targets where not is_attributed group by file_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := byFileID(acc)
	for rows.Next() {
		var id int
		var n, ids int64
		var of string
		var sample []any
		if err := rows.Scan(&id, &n, &of, &sample, &ids); err != nil {
			return err
		}
		if f := byID[id]; f != nil {
			f.UnknownTargets, f.UnknownTargetOf, f.UnknownTargetIDCount = n, of, ids
			for _, s := range sample {
				f.UnknownTargetIDs = append(f.UnknownTargetIDs, fmt.Sprint(s))
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	known := map[string]string{
		"accounts": "select account_id from staging.stg_accounts",
		"KAMs": `select kam_id from staging.stg_kams union select kam_id from staging.stg_accounts where kam_id is not null
			union select kam_id from staging.stg_sales_lines where kam_id is not null`,
	}
	for i := range acc {
		f := &acc[i]
		if f.UnknownTargets == 0 {
			continue
		}
		var sample []any
		err := w.QueryRow(ctx, "select coalesce(list_sort(list(distinct id))[1:3], []), count(distinct id) from ("+known[f.UnknownTargetOf]+") as k(id)").
			Scan(&sample, &f.KnownIDCount)
		if err != nil {
			return err
		}
		for _, s := range sample {
			f.KnownIDs = append(f.KnownIDs, fmt.Sprint(s))
		}
	}
	return nil
}

// noteMerges tells, on every file of a snapshot kind that has other files
// of its kind, that they were merged by key: a second accounts file adds
// and updates accounts, it does not replace the first, and its duplicates
// are the keys a newer file gave again. A list of key accounts (lists)
// merges no row into them: its own note says what it does.
func noteMerges(acc []FileAccounting, copies, lists map[int]bool) {
	byKind := map[string][]int{}
	for i, f := range acc {
		if k, ok := schema.KindByName(f.Kind); ok && k.Snapshot && !copies[f.FileID] && !lists[f.FileID] {
			byKind[f.Kind] = append(byKind[f.Kind], i)
		}
	}
	for kind, idx := range byKind {
		if len(idx) < 2 {
			continue
		}
		k, _ := schema.KindByName(kind)
		paths := make([]string, len(idx))
		for j, i := range idx {
			paths[j] = acc[i].Path
		}
		for _, i := range idx {
			acc[i].Notes = append(acc[i].Notes, fmt.Sprintf(
				"%d %s files merged by %s (%s): for a key in several files the newest file's row wins; this file's duplicates are keys a newer row gave again",
				len(idx), kind, strings.Join(k.Key, " and "), strings.Join(paths, ", ")))
		}
	}
}

// Conflict is a row superseded by a row with the same key but other
// values: the newest was kept, as for any duplicate; this says what differed.
type Conflict struct {
	Kind        string   `json:"kind"`
	Key         string   `json:"key"`
	Path        string   `json:"path"`
	Line        int64    `json:"line"`
	KeptPath    string   `json:"kept_path"`
	KeptLine    int64    `json:"kept_line"`
	Differences []string `json:"differences"` // "column: value here → value kept"
}

// MaxConflicts is how many conflicts the manifest and the console show.
const MaxConflicts = 20

// Conflicts reads the first conflicting duplicates, in file and line order.
func (w *Warehouse) Conflicts(ctx context.Context, limit int) ([]Conflict, error) {
	rows, err := w.Query(ctx, `select kind, row_key, path, source_line, kept_path, kept_line, differences
		from staging.stg_duplicates where is_conflict order by path, source_line limit ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Conflict
	for rows.Next() {
		var c Conflict
		var diffs []any
		if err := rows.Scan(&c.Kind, &c.Key, &c.Path, &c.Line, &c.KeptPath, &c.KeptLine, &diffs); err != nil {
			return nil, err
		}
		for _, d := range diffs {
			c.Differences = append(c.Differences, fmt.Sprint(d))
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CheckRejectLimit fails the run when a file rejects more than the limit.
// Rows without data (reason junk: filler and footer lines), the header
// written again (reason header_row), total lines
// (reason total_row) and invoices' own rows beside their lines (reason
// invoice_total_row) are rejected but do not count towards the limit: they
// are no records.
func (w *Warehouse) CheckRejectLimit(ctx context.Context, acc []FileAccounting, cfg config.Config) error {
	junk := map[int]int64{}
	rows, err := w.Query(ctx, "select file_id, count(*) from staging.stg_rejects where reason in ('junk', 'header_row', 'total_row', 'invoice_total_row') group by file_id")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int
		var n int64
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return err
		}
		junk[id] = n
	}
	rows.Close()
	var over []FileAccounting
	for _, f := range acc {
		if f.RowsRead > 0 && float64(f.RowsRejected-junk[f.FileID]) > cfg.RejectLimit*float64(f.RowsRead) {
			over = append(over, f)
		}
	}
	if len(over) == 0 {
		return nil
	}
	sort.Slice(over, func(i, j int) bool {
		return float64(over[i].RowsRejected)/float64(over[i].RowsRead) > float64(over[j].RowsRejected)/float64(over[j].RowsRead)
	})
	e := &RejectLimitError{Limit: cfg.RejectLimit, Files: over, Top: map[string][]ReasonCount{}, Lang: cfg.Language}
	var fxFiles int
	if err := w.QueryRow(ctx, "select count(*) from staging.stg_files where kind = 'fx_rates'").Scan(&fxFiles); err != nil {
		return err
	}
	for _, f := range over {
		rows, err := w.Query(ctx, `select reason, coalesce(min(detail), ''), count(*), count(distinct detail) from staging.stg_rejects
			where file_id = ? group by reason order by count(*) desc limit 3`, f.FileID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var r ReasonCount
			var details int64
			if err := rows.Scan(&r.Reason, &r.Detail, &r.Rows, &details); err != nil {
				rows.Close()
				return err
			}
			if (r.Reason == "fx" || r.Reason == "unknown_currency") && fxFiles == 0 {
				// No rates at all: name every currency that needs them and
				// both ways out, rather than one month of one currency.
				var currencies string
				if err := w.QueryRow(ctx, `select string_agg(distinct split_part(detail, ' ', 1), ', ' order by split_part(detail, ' ', 1))
					from staging.stg_rejects where file_id = ? and reason in ('fx', 'unknown_currency')`, f.FileID).Scan(&currencies); err != nil {
					rows.Close()
					return err
				}
				r.Reason = i18n.T(cfg.Language, "rejects.fx_no_file", currencies, cfg.Currency)
				e.Top[f.Path] = append(e.Top[f.Path], r)
				continue
			}
			r.Reason = i18n.Reject(cfg.Language, r.Reason, r.Detail)
			if details > 1 {
				r.Reason += fmt.Sprintf(" (%s)", i18n.T(cfg.Language, "rejects.more_values", details-1))
			}
			e.Top[f.Path] = append(e.Top[f.Path], r)
		}
		rows.Close()
	}
	return e
}

// numberLike values are not formulas even when they start with + or -.
var numberLike = regexp.MustCompile(`^[+-]?[0-9][0-9.,\s]*$`)

// csvSafe keeps a cell inert when the CSV is opened in a spreadsheet: text
// that a spreadsheet would run as a formula gets a leading apostrophe.
func csvSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '|':
		if !numberLike.MatchString(s) {
			return "'" + s
		}
	}
	return s
}

// WriteRejects writes every rejected row of the warehouse to dir/name
// (through a temporary name), reasons in lang, by file, line and column
// (ties by value, reason and detail, so that the file is the same every
// run).
func (w *Warehouse) WriteRejects(ctx context.Context, dir, name, lang, tmpDir string) (string, error) {
	rows, err := w.Query(ctx, `select path, kind, source_line, column_name, raw_value, reason, detail
		from staging.stg_rejects order by path, source_line, column_name, raw_value, reason, detail`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	tmp, err := os.CreateTemp(tmpDir, "rejects-*.csv")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	cw := csv.NewWriter(tmp)
	var header []string
	for _, c := range []string{"file", "kind", "line", "column", "value", "reason"} {
		header = append(header, i18n.T(lang, "rejects.col."+c))
	}
	cw.Write(header)
	for rows.Next() {
		var path, kind string
		var line sql.NullInt64
		var col, val, reason, detail sql.NullString
		if err := rows.Scan(&path, &kind, &line, &col, &val, &reason, &detail); err != nil {
			tmp.Close()
			return "", err
		}
		lineText := ""
		if line.Valid {
			lineText = fmt.Sprint(line.Int64)
		}
		cw.Write([]string{csvSafe(path), kind, lineText, csvSafe(col.String), csvSafe(val.String),
			csvSafe(i18n.Reject(lang, reason.String, detail.String))})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	// Readable like the other outputs (a temporary file is created 0600).
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	final := filepath.Join(dir, name)
	return final, os.Rename(tmp.Name(), final)
}

// RejectLimitError is a run whose files reject more rows than allowed.
type RejectLimitError struct {
	Limit float64
	Files []FileAccounting // over the limit, worst first
	Top   map[string][]ReasonCount
	Lang  string
	// RejectsPath is the file that lists every rejected row of the failed
	// run, beside the previous reports (never over their rejects.csv).
	RejectsPath string
}

// ReasonCount is how many rows of a file a reason rejected.
type ReasonCount struct {
	Reason, Detail string
	Rows           int64
}

// Error is in the run's language, like the reasons it quotes.
func (e *RejectLimitError) Error() string {
	var b strings.Builder
	b.WriteString(i18n.T(e.Lang, "fail.reject_limit", len(e.Files), localNumber(e.Lang, fmt.Sprintf("%.4g", e.Limit*100))))
	for _, f := range e.Files {
		pct := localNumber(e.Lang, fmt.Sprintf("%.1f", 100*float64(f.RowsRejected)/float64(max(f.RowsRead, 1))))
		b.WriteString("\n  " + i18n.T(e.Lang, "fail.reject_file", i18n.Printable(f.Path), f.Kind, f.RowsRejected, f.RowsRead, pct))
		for _, r := range e.Top[f.Path] {
			fmt.Fprintf(&b, "\n    %6d × %s", r.Rows, r.Reason)
		}
	}
	if e.RejectsPath != "" {
		b.WriteString("\n" + i18n.T(e.Lang, "fail.reject_see", e.RejectsPath))
	} else {
		b.WriteString("\n" + i18n.T(e.Lang, "fail.reject_see_none"))
	}
	return b.String()
}

// Language is the language the message is written in.
func (e *RejectLimitError) Language() string { return e.Lang }

// localNumber writes a decimal number the way lang does (2,5 in Spanish).
func localNumber(lang, s string) string { return i18n.FormatOf(lang).Decimals(s) }

// byFileID indexes the files' accounting by file id, for the queries that
// add a figure per file.
func byFileID(acc []FileAccounting) map[int]*FileAccounting {
	byID := make(map[int]*FileAccounting, len(acc))
	for i := range acc {
		byID[acc[i].FileID] = &acc[i]
	}
	return byID
}
