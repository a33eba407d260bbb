package warehouse

import (
	"context"
	"fmt"
	"strings"
)

// unknownAccounts fills in, per deals or activities file, the loaded rows
// that belong to no account: a CRM export whose company column holds what
// the accounts file does not key by (HubSpot's "Acme SA (111)" once, a
// name where the accounts have codes) loads every deal and puts none in
// an account's pipeline, and nothing else would say so. Sales lines have
// their own account (unattributed revenue, in the run's summary).
func (w *Warehouse) unknownAccounts(ctx context.Context, acc []FileAccounting) error {
	rows, err := w.Query(ctx, `with unknown as (
			select file_id, account_ref from staging.stg_opportunities_checked
			where row_status = 'loaded' and not is_attributed
			union all
			select file_id, account_ref from staging.stg_activities_checked
			where row_status = 'loaded' and not is_attributed
		),
		coded as (
			select u.file_id, u.account_ref, a.account_id as code_of, a.account_name as code_name
			from unknown as u
			left join staging.stg_account_keys as k on k.account_key = ref_code(u.account_ref)
			left join staging.stg_accounts as a on a.account_id = k.account_id
		),
		-- A Salesforce id of 15 whose case was lost (0015G00000ABCDE):
		-- the accounts whose 15 read the same in any case.
		cased as (
			select lower(account_key) as folded, array_to_string(list_sort(list(distinct account_key || ' ' || account_id)), ', ') as ids
			from staging.stg_account_keys
			where regexp_full_match(account_key, '001[0-9A-Za-z]{12}')
			group by all
		),
		shared as (
			select account_name, array_to_string(list_sort(list(account_id)), ', ') as ids
			from staging.stg_accounts
			where account_name is not null
			group by account_name
			having count(*) > 1
		)
		select file_id, count(*), count(*) filter (where account_ref is null),
			coalesce(list_sort(list_distinct(list(account_ref) filter (where account_ref is not null)))[1:3], []),
			count(distinct account_ref),
			coalesce(list_sort(list_distinct(list(account_ref || ' → ' || code_of || ' ' || coalesce(code_name, ''))
				filter (where code_of is not null)))[1:3], []),
			coalesce(list_sort(list_distinct(list(account_ref || ' → ' || s.ids) filter (where s.ids is not null)))[1:3], []),
			coalesce(list_sort(list_distinct(list(account_ref || ' → ' || c.ids) filter (where c.ids is not null)))[1:3], [])
		from coded
		left join shared as s on s.account_name = coded.account_ref
		left join cased as c on c.folded = lower(coded.account_ref) and length(coded.account_ref) = 15
		group by file_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := byFileID(acc)
	for rows.Next() {
		var id int
		var n, blank, ids int64
		var sample, other, shared, cased []any
		if err := rows.Scan(&id, &n, &blank, &sample, &ids, &other, &shared, &cased); err != nil {
			return err
		}
		f := byID[id]
		if f == nil {
			continue
		}
		f.UnknownAccountRows, f.UnknownAccountBlank, f.UnknownAccountIDCount = n, blank, ids
		for _, s := range sample {
			f.UnknownAccountIDs = append(f.UnknownAccountIDs, fmt.Sprint(s))
		}
		for _, s := range other {
			f.OtherNamedIDs = append(f.OtherNamedIDs, strings.TrimSpace(fmt.Sprint(s)))
		}
		for _, s := range shared {
			f.SharedNames = append(f.SharedNames, fmt.Sprint(s))
		}
		for _, s := range cased {
			f.CaseLostIDs = append(f.CaseLostIDs, fmt.Sprint(s))
		}
		if ids > 0 {
			f.note("note.unknown_accounts", fmt.Sprint(n-blank), fmt.Sprint(ids), f.UnknownIDList())
		}
		if len(f.SharedNames) > 0 {
			f.note("note.name_of_several_accounts", strings.Join(f.SharedNames, "; "))
		}
		if len(f.CaseLostIDs) > 0 {
			f.note("note.salesforce_id_case_lost", strings.Join(f.CaseLostIDs, "; "))
		}
		if len(f.OtherNamedIDs) > 0 {
			f.note("note.code_of_other_name", strings.Join(f.OtherNamedIDs, "; "))
		}
	}
	return rows.Err()
}

// UnknownIDList is the first unknown account references, with "…" when
// there are more.
func (f *FileAccounting) UnknownIDList() string {
	s := strings.Join(f.UnknownAccountIDs, ", ")
	if f.UnknownAccountIDCount > int64(len(f.UnknownAccountIDs)) {
		s += ", …"
	}
	return s
}

// SeveralAccounts are the names and the tax ids (as compared, tax_id_key)
// that several accounts share, each with those accounts' ids, as a query
// of (k, ids): stg_account_keys lets neither name any account, so a line
// naming one is unattributed.
const SeveralAccounts = `select account_name as k, list_sort(list(account_id)) as ids
	from staging.stg_accounts where account_name is not null
	group by all having count(*) > 1
	union all
	select tax_id_key(tax_id), list_sort(list(distinct account_id))
	from staging.stg_accounts where tax_id_key(tax_id) is not null
	group by all having count(distinct account_id) > 1`

// sharedSales notes, per sales file, the unattributed lines whose
// customer is the name or the tax id of several accounts (a company's
// branches sharing one NIF): their revenue stays out of every account,
// and the reader can fix it only if told which accounts share it.
func (w *Warehouse) sharedSales(ctx context.Context, acc []FileAccounting) error {
	rows, err := w.Query(ctx, `with refs as (
			select file_id, account_ref, count(*) as n from staging.stg_sales_lines_checked
			where row_status = 'loaded' and not is_attributed and account_ref is not null
			group by all
		),
		several as (`+SeveralAccounts+`),
		named as (
			select r.file_id, r.account_ref, r.n, s.ids from refs as r inner join several as s on s.k = r.account_ref
			union
			select r.file_id, r.account_ref, r.n, s.ids from refs as r inner join several as s on s.k = tax_id_key(r.account_ref)
		)
		select file_id, cast(sum(n) as bigint), list_sort(list(account_ref || ' → ' || array_to_string(ids, ', ')))[1:3], count(*)
		from named group by file_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := byFileID(acc)
	for rows.Next() {
		var id int
		var n, refs int64
		var sample []any
		if err := rows.Scan(&id, &n, &sample, &refs); err != nil {
			return err
		}
		f := byID[id]
		if f == nil {
			continue
		}
		shown := make([]string, len(sample))
		for i, s := range sample {
			shown[i] = fmt.Sprint(s)
		}
		list := strings.Join(shown, "; ")
		if refs > int64(len(shown)) {
			list += "; …"
		}
		f.note("note.sales_of_several_accounts", fmt.Sprint(n), list)
	}
	return rows.Err()
}
