-- int_accounts: every account with its portfolio unit: the ultimate parent
-- (portfolio_level group, the default) or the account itself (account).
-- The account's KAM is the accounts file's; when the file names none, the
-- sales rep of the account's newest sales line (the line's rep, else its
-- invoice header's), and kam_source says which.
-- grain: account. key: account_id. inputs: stg_accounts, int_account_hierarchy, stg_sales_lines
-- materialized: temp
-- Only the accounts the file gives no KAM need a line's rep: reading only
-- their lines spares a sort of every line when the file names the KAMs.
with line_reps as (
    select account_id, kam_id
    from staging.stg_sales_lines
    where is_attributed and kam_id is not null
        and account_id in (select account_id from staging.stg_accounts where kam_id is null)
    qualify row_number() over (
        partition by account_id order by invoice_date desc, invoice_id desc, line_no desc
    ) = 1
)

select
    a.account_id,
    a.account_name,
    h.parent_id,
    h.ultimate_parent_id,
    h.depth,
    h.is_cycle,
    h.parent_missing,
    case
        when param_text('portfolio_level') = 'account' or h.is_cycle then a.account_id
        else coalesce(h.ultimate_parent_id, a.account_id)
    end as unit_id,
    a.segment,
    a.industry,
    a.region,
    a.country,
    coalesce(a.kam_id, r.kam_id) as kam_id,
    case when a.kam_id is not null then 'accounts' when r.kam_id is not null then 'sales' end as kam_source,
    a.is_key_account,
    a.strategic_fit,
    a.market_influence,
    a.relationship_stage,
    a.wallet_estimate,
    a.wallet_rate_missing,
    a.currency,
    a.customer_since,
    a.is_derived
from staging.stg_accounts as a
inner join intermediate.int_account_hierarchy as h using (account_id)
left join line_reps as r using (account_id)
