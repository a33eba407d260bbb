-- int_accounts: every account with its portfolio unit: the ultimate parent
-- (portfolio_level group, the default) or the account itself (account).
-- grain: account. key: account_id. inputs: stg_accounts, int_account_hierarchy
-- materialized: temp
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
    a.kam_id,
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
