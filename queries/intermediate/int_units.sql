-- int_units: the portfolio units (key account groups by default) with the
-- attributes the models use. The unit's own account gives name, segment,
-- region and KAM; a unit is a key account when it or any member is flagged,
-- and not one when the accounts flag key accounts but none of its members
-- (a blank flag beside flagged accounts says "not key"; only accounts
-- without any flag leave it NULL, and the key-account metrics unavailable);
-- scores and stage fall back to the best member's; the wallet is the sum of
-- the members' known wallets (NULL when none is known).
-- grain: unit. key: unit_id. inputs: int_accounts, stg_kam_keys
-- materialized: temp
with members as (
    select * from intermediate.int_accounts
),

own as (
    select * from members where account_id = unit_id
),

stages as (
    select * from (values
        ('exploratory', 1), ('basic', 2), ('cooperative', 3), ('interdependent', 4), ('integrated', 5)
    ) as s(stage, stage_rank)
),

rolled as (
    select
        m.unit_id,
        count(*) as member_accounts,
        bool_or(m.is_key_account) as any_key,
        max(m.strategic_fit) as max_fit,
        max(m.market_influence) as max_influence,
        max(s.stage_rank) as max_stage_rank,
        sum(m.wallet_estimate) as wallet_estimate,
        count(m.wallet_estimate) as members_with_wallet,
        min(m.customer_since) as customer_since,
        mode(m.kam_id) as member_kam
    from members as m
    left join stages as s on s.stage = m.relationship_stage
    group by m.unit_id
),

final as (
    select
        r.unit_id,
        o.account_name as unit_name,
        o.segment,
        o.industry,
        o.region,
        o.country,
        coalesce(kk.kam_id, o.kam_id, r.member_kam) as kam_id,
        case when f.any_flag then coalesce(r.any_key, false) end as is_key_account,
        coalesce(o.strategic_fit, r.max_fit) as strategic_fit,
        coalesce(o.market_influence, r.max_influence) as market_influence,
        coalesce(o.relationship_stage, s.stage) as relationship_stage,
        r.wallet_estimate,
        r.members_with_wallet,
        r.member_accounts,
        r.customer_since,
        o.is_derived
    from rolled as r
    inner join own as o on o.account_id = r.unit_id
    left join stages as s on s.stage_rank = r.max_stage_rank
    left join staging.stg_kam_keys as kk on kk.kam_key = o.kam_id
    cross join (select count(is_key_account) > 0 as any_flag from members) as f
)

select * from final
