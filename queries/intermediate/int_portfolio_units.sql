-- int_portfolio_units: the ranking universe of the unit-grain marts: every
-- portfolio unit with revenue (≠ 0) in the LTM or the prior LTM, plus the
-- key accounts, with both revenues and the unit's first month of sales up to
-- P (tenure when customer_since is unknown). Without sales lines (a CRM
-- export alone) the revenues are NULL, unknown rather than zero, and the
-- universe is the units with opportunities or activities (plus the key
-- accounts): their pipeline and coverage are what the export can tell.
-- grain: unit. key: unit_id. inputs: int_units, int_unit_months, int_windows, stg_files, int_accounts, stg_opportunities, stg_activities
-- materialized: temp
-- period: yes
with windows as (
    select * from intermediate.int_windows
),

units as (
    select * from intermediate.int_units
),

unit_months as (
    select * from intermediate.int_unit_months
),

bounds as (
    select
        max(start_month) filter (where time_window = 'ltm') as ltm_start,
        max(end_month) filter (where time_window = 'ltm') as ltm_end,
        max(start_month) filter (where time_window = 'prior_ltm') as prior_start,
        max(end_month) filter (where time_window = 'prior_ltm') as prior_end
    from windows
),

revenue as (
    select
        m.unit_id,
        sum(m.revenue) filter (where m.month between b.ltm_start and b.ltm_end) as revenue_ltm,
        sum(m.revenue) filter (where m.month between b.prior_start and b.prior_end) as revenue_prior_ltm,
        min(m.month) as first_month
    from unit_months as m
    cross join bounds as b
    where m.month <= b.ltm_end
    group by m.unit_id
),

crm_units as (
    select a.unit_id
    from staging.stg_opportunities as o
    inner join intermediate.int_accounts as a on a.account_id = o.account_id
    where o.is_attributed
    union
    select a.unit_id
    from staging.stg_activities as t
    inner join intermediate.int_accounts as a on a.account_id = t.account_id
    where t.is_attributed
),

final as (
    select
        u.unit_id,
        u.is_key_account,
        case when s.has_sales then coalesce(r.revenue_ltm, 0) end as revenue_ltm,
        case when s.has_sales then coalesce(r.revenue_prior_ltm, 0) end as revenue_prior_ltm,
        r.first_month
    from units as u
    cross join (select count(*) > 0 as has_sales from staging.stg_files where kind = 'sales') as s
    left join revenue as r using (unit_id)
    where coalesce(r.revenue_ltm, 0) <> 0 or coalesce(r.revenue_prior_ltm, 0) <> 0 or u.is_key_account
        or (not s.has_sales and u.unit_id in (select unit_id from crm_units))
)

select * from final
