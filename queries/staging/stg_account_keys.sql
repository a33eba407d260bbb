-- stg_account_keys: every identifier that names an account (its id and its
-- alias, e.g. the CRM Id when account_id is the ERP code), so that files
-- from different systems find the same account. Salesforce CLI data plans
-- export accounts without ids and point at them as @AccountRef1,
-- @AccountRef2, … in the order of the accounts file's rows: that reference
-- names the account on that data row (the newest accounts file first).
-- grain: key. key: account_key. inputs: stg_accounts, raw.accounts, stg_files
with refs as (
    select
        '@AccountRef' || row_number() over (partition by r.file_id order by r.source_line) as account_key,
        r.account_id,
        f.recency_rank
    from raw.accounts as r
    inner join staging.stg_files as f on f.file_id = r.file_id and f.kind = 'accounts' and not f.is_copy
),

keys as (
    select account_id as account_key, account_id, 1 as priority, 0 as recency_rank from staging.stg_accounts
    union all
    select account_alias, account_id, 2, 0 from staging.stg_accounts where account_alias is not null
    union all
    select r.account_key, r.account_id, 3, r.recency_rank
    from refs as r
    semi join staging.stg_accounts as a on a.account_id = r.account_id
),

final as (
    select account_key, arg_min(account_id, (priority, recency_rank)) as account_id
    from keys
    group by account_key
)

select * from final
