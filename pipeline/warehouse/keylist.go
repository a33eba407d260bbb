package warehouse

import (
	"context"
	"fmt"
	"strings"

	"kam/i18n"
)

// keyLists fills in, per list of key accounts (stg_files.is_key_list),
// what the list decided that no figure shows: the codes it names that are
// no account's (they mark nothing key), the accounts on which it and the
// accounts file's own key-account flag disagree (the list is used), and
// those for which it names another KAM (the accounts file's is kept).
// Each is a note on the list's file, and KeyListNotes for the console.
func (w *Warehouse) keyLists(ctx context.Context, acc []FileAccounting) error {
	rows, err := w.Query(ctx, `with lists as (
			select file_id from staging.stg_files where is_key_list and not is_copy
		),
		unknown as (
			select file_id, count(distinct account_ref) as n,
				list_sort(list_distinct(list(account_ref)))[1:5] as ids
			from staging.stg_key_account_list where account_id is null group by file_id
		),
		flag as (
			select f.account_id, f.is_key_account as flagged, a.is_key_account as listed
			from staging.stg_accounts_checked as f
			inner join staging.stg_accounts as a using (account_id)
			where not f.is_key_list and f.row_status = 'loaded' and f.is_key_account is not null
		),
		disagree as (
			select
				count(*) filter (where flagged and not listed) as dropped,
				coalesce(list_sort(list(account_id) filter (where flagged and not listed))[1:3], []) as dropped_ids,
				count(*) filter (where not flagged and listed) as added,
				coalesce(list_sort(list(account_id) filter (where not flagged and listed))[1:3], []) as added_ids
			from flag
		),
		kams as (
			select l.file_id, count(distinct l.account_id) as n,
				list_sort(list_distinct(list(l.account_id || ': ' || l.kam_id || ' → ' || m.kam_id)))[1:3] as pairs
			from staging.stg_key_account_list as l
			inner join staging.stg_accounts_checked as m
				on m.account_id = l.account_id and not m.is_key_list and m.row_status = 'loaded'
			where l.kam_id <> m.kam_id
			group by l.file_id
		)
		select l.file_id, coalesce(u.n, 0), coalesce(u.ids, []), d.dropped, d.dropped_ids, d.added, d.added_ids,
			coalesce(k.n, 0), coalesce(k.pairs, [])
		from lists as l
		cross join disagree as d
		left join unknown as u using (file_id)
		left join kams as k using (file_id)`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := byFileID(acc)
	for rows.Next() {
		var id int
		var unknown, dropped, added, kams int64
		var ids, droppedIDs, addedIDs, pairs []any
		if err := rows.Scan(&id, &unknown, &ids, &dropped, &droppedIDs, &added, &addedIDs, &kams, &pairs); err != nil {
			return err
		}
		f := byID[id]
		if f == nil {
			continue
		}
		var notes []string
		if unknown > 0 {
			f.KeyListUnknownIDs, f.KeyListUnknownIDCount = strs(ids), unknown
			notes = append(notes, i18n.T(i18n.Default, "note.key_list_unknown", fmt.Sprint(unknown), more(f.KeyListUnknownIDs, unknown)))
		}
		if dropped+added > 0 {
			f.KeyListDisagreements = dropped + added
			notes = append(notes, f.note("note.key_list_disagrees", fmt.Sprint(dropped+added),
				fmt.Sprint(dropped), more(strs(droppedIDs), dropped), fmt.Sprint(added), more(strs(addedIDs), added)))
		}
		if kams > 0 {
			notes = append(notes, f.note("note.key_list_kam_differs", fmt.Sprint(kams), more(strs(pairs), kams)))
		}
		f.KeyListNotes = notes
	}
	return rows.Err()
}

// strs is a DuckDB list of text as strings.
func strs(l []any) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = fmt.Sprint(v)
	}
	return out
}

// more joins the first few of n things, with "…" when there are more.
func more(shown []string, n int64) string {
	s := strings.Join(shown, ", ")
	if n > int64(len(shown)) {
		s += ", …"
	}
	if s == "" {
		s = "-"
	}
	return s
}
