-- int_accounts: every account with its portfolio unit: the ultimate parent
-- (portfolio_level group, the default) or the account itself (account).
-- The account's KAM is the accounts file's; when the file names none, the
-- sales rep of the account's newest sales line (the line's rep, else its
-- invoice header's), and kam_source says which.
-- grain: account. key: account_id. inputs: stg_accounts, int_account_hierarchy, stg_sales_lines
-- materialized: temp
-- Only the accounts the file gives no KAM need a line's rep: reading only
-- their lines spares a sort of every line when the file names the KAMs.
-- Their newest line is looked for among the lines of the account's newest
-- date with a rep only (a loaded line always has its date): ranking every
-- line of every account was most of the model's time. Read twice rather
-- than kept: keeping a million lines costs more than scanning them again.
with rep_lines as not materialized (
    select account_id, kam_id, invoice_date, invoice_id, line_no
    from staging.stg_sales_lines
    where is_attributed and kam_id is not null
        and account_id in (select account_id from staging.stg_accounts where kam_id is null)
),

newest_dates as (
    select account_id, max(invoice_date) as invoice_date
    from rep_lines
    group by account_id
),

line_reps as (
    select r.account_id, r.kam_id
    from rep_lines as r
    inner join newest_dates as n using (account_id, invoice_date)
    qualify row_number() over (
        partition by r.account_id order by r.invoice_id desc, r.line_no desc
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
