-- stg_account_keys: every identifier that names an account (its id and its
-- alias, e.g. the CRM Id when account_id is the ERP code), so that files
-- from different systems find the same account.
-- grain: key. key: account_key. inputs: stg_accounts
with keys as (
    select account_id as account_key, account_id, 1 as priority from staging.stg_accounts
    union all
    select account_alias, account_id, 2 from staging.stg_accounts where account_alias is not null
),

final as (
    select account_key, arg_min(account_id, priority) as account_id
    from keys
    group by account_key
)

select * from final
