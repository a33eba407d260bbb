-- stg_key_account_list: every row kept of the lists of key accounts
-- (stg_files.is_key_list), with the account it names: the account whose
-- code or alias it writes, else the one account whose code of digits is
-- the same number once leading zeros are dropped (00123 and 123, as
-- stg_account_keys reads the sales). The accounts are the accounts
-- files'; without one, those the sales name (stg_accounts derives them).
-- account_id is NULL for a code that names no account: kam run names
-- those codes. A row without a flag is a key account: the list names it.
-- grain: list row. key: (file_id, source_line).
-- inputs: stg_accounts_checked, stg_files, raw.sales, raw.invoices
with list_rows as (
    select
        file_id,
        source_line,
        recency_rank,
        account_id as account_ref,
        nullif(account_name, account_id) as account_name,
        kam_id,
        coalesce(is_key_account, true) as is_key_account
    from staging.stg_accounts_checked
    where is_key_list and row_status = 'loaded'
),

has_file as (
    select count(*) > 0 as yes from staging.stg_files where kind = 'accounts' and not is_key_list
),

-- Only read when there is a list: the sales are scanned for their
-- customers only when no accounts file names the accounts.
accounts as (
    select account_id as account_key, account_id, 1 as priority
    from staging.stg_accounts_checked
    where not is_key_list and row_status = 'loaded' and exists (select 1 from list_rows)
    union all
    select account_alias, account_id, 2
    from staging.stg_accounts_checked
    where not is_key_list and row_status = 'loaded' and account_alias is not null and exists (select 1 from list_rows)
    union all
    select distinct coalesce(s.account_id, h.account_id), coalesce(s.account_id, h.account_id), 1
    from raw.sales as s
    left join raw.invoices as h on h.invoice_id = s.invoice_id and h.reject is null
    where s.reject is null
        and coalesce(s.account_id, h.account_id) is not null
        and not (select yes from has_file)
        and exists (select 1 from list_rows)
),

exact as (
    select l.file_id, l.source_line, arg_min(a.account_id, a.priority) as account_id
    from list_rows as l
    inner join accounts as a on a.account_key = l.account_ref
    group by all
),

numbered as (
    select ltrim(account_key, '0') as bare, min(account_id) as account_id
    from accounts
    where regexp_full_match(account_key, '[0-9]+') and ltrim(account_key, '0') <> ''
    group by all
    having count(distinct account_id) = 1
),

final as (
    select
        l.file_id,
        l.source_line,
        l.recency_rank,
        l.account_ref,
        coalesce(e.account_id, n.account_id) as account_id,
        l.account_name,
        l.kam_id,
        l.is_key_account
    from list_rows as l
    left join exact as e using (file_id, source_line)
    left join numbered as n
        on regexp_full_match(l.account_ref, '[0-9]+') and n.bare = ltrim(l.account_ref, '0')
)

select * from final
