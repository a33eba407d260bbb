-- portfolio_concentration: how much revenue hangs on few units, over all
-- units and within the key portfolio. Over units with LTM revenue > 0:
-- top1/5/10_share (revenue share of the largest 1, 5, 10), hhi =
-- Σ (share × 100)² computed as 10,000 × Σ revenue² ÷ (Σ revenue)², its band
-- (unconcentrated < hhi_moderate_from ≤ moderate ≤ hhi_high_above < high),
-- and hhi_prior_ltm the same over the prior LTM. The key scope adds the
-- number of designated key units and whether it is within the guidance;
-- its metrics are NULL when no file says which accounts are key, and every
-- revenue metric is NULL without sales lines (the number of key units and
-- the guidance do not need them).
-- grain: scope (all, key). key: scope. inputs: int_portfolio_units, int_units, int_input_flags
-- period: yes
-- history: yes
with universe as (
    select * from intermediate.int_portfolio_units
),

units as (
    select * from intermediate.int_units
),

inputs as (
    select
        has_key_accounts,
        has_sales
    from intermediate.int_input_flags
),

params as (
    select
        param('hhi_moderate_from') as hhi_moderate_from,
        param('hhi_high_above') as hhi_high_above,
        param('key_accounts_min') as key_accounts_min,
        param('key_accounts_max') as key_accounts_max
),

scopes as (
    select * from (values ('all'), ('key')) as s(scope)
),

scoped as (
    select 'all' as scope, unit_id, revenue_ltm, revenue_prior_ltm from universe
    union all
    select 'key', unit_id, revenue_ltm, revenue_prior_ltm from universe where is_key_account
),

ranked as (
    select
        scope,
        revenue_ltm,
        row_number() over (partition by scope order by revenue_ltm desc, unit_id) as revenue_rank
    from scoped
    where revenue_ltm > 0
),

ltm as (
    select
        scope,
        count(*) as accounts,
        sum(revenue_ltm) as revenue_ltm,
        sum(revenue_ltm) filter (where revenue_rank <= 1) as top1,
        sum(revenue_ltm) filter (where revenue_rank <= 5) as top5,
        sum(revenue_ltm) filter (where revenue_rank <= 10) as top10,
        hhi(revenue_ltm) as hhi
    from ranked
    group by scope
),

prior as (
    select
        scope,
        hhi(revenue_prior_ltm) as hhi_prior_ltm
    from scoped
    where revenue_prior_ltm > 0
    group by scope
),

key_units as (
    select count(*) filter (where is_key_account) as key_accounts from units
),

measured as (
    select
        s.scope,
        (s.scope = 'all' or i.has_key_accounts) and i.has_sales as is_available,
        not i.has_sales as lacks_sales,
        coalesce(l.accounts, 0) as accounts,
        coalesce(l.revenue_ltm, 0) as revenue_ltm,
        l.top1 / l.revenue_ltm as top1_share,
        l.top5 / l.revenue_ltm as top5_share,
        l.top10 / l.revenue_ltm as top10_share,
        l.hhi,
        p.hhi_prior_ltm,
        case when s.scope = 'key' then k.key_accounts end as key_accounts,
        not i.has_key_accounts as lacks_key_accounts
    from scopes as s
    cross join inputs as i
    cross join key_units as k
    left join ltm as l using (scope)
    left join prior as p using (scope)
),

final as (
    select
        param_text('period') as period,
        m.scope,
        case when m.is_available then m.accounts end as accounts,
        case when m.is_available then m.revenue_ltm end as revenue_ltm,
        case when m.is_available then m.top1_share end as top1_share,
        case when m.is_available then m.top5_share end as top5_share,
        case when m.is_available then m.top10_share end as top10_share,
        case when m.is_available then m.hhi end as hhi,
        case
            when not m.is_available or m.hhi is null then null
            when round(m.hhi, 6) < p.hhi_moderate_from then 'unconcentrated'
            when round(m.hhi, 6) > p.hhi_high_above then 'high'
            else 'moderate'
        end as hhi_band,
        case when m.is_available then m.hhi_prior_ltm end as hhi_prior_ltm,
        case when m.scope = 'key' and not m.lacks_key_accounts then m.key_accounts end as key_accounts,
        case
            when m.scope = 'key' and not m.lacks_key_accounts
                then m.key_accounts between p.key_accounts_min and p.key_accounts_max
        end as within_guidance,
        list_filter(
            [
                case when m.lacks_sales then 'sales' end,
                case when m.scope = 'key' and m.lacks_key_accounts then 'key_accounts' end
            ],
            x -> x is not null
        ) as unavailable_inputs
    from measured as m
    cross join params as p
)

select * from final
