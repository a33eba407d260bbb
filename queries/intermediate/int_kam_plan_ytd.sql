-- int_kam_plan_ytd: each KAM's own plan for the fiscal year of P, from
-- targets per salesperson (stg_targets rows with a kam_id and no account)
-- of a known KAM. Each target is spread evenly over the months of its span,
-- the finest grain winning a month (as int_plan_months), and added up over
-- the fiscal year to date (plan_target); plan_actual is the revenue of the
-- KAM's units in the year-to-date months that carry a target. A KAM whose
-- targets all start after P has plan_months 0 and no plan_target.
-- grain: KAM. key: kam_id. inputs: stg_targets, int_units, int_unit_months, int_period_dates
-- materialized: temp
-- period: yes
with targets as (
    select kam_id, period, period_start, period_months, revenue_target
    from staging.stg_targets
    where account_id is null and kam_id is not null and is_attributed
),

spread as (
    select
        *,
        unnest(target_months(period_start, period_months)) as month
    from targets
),

ranked as (
    select
        *,
        finest_target(kam_id, month, period_months, period_start, period) as grain_rank
    from spread
),

plan as (
    select
        r.kam_id,
        r.month,
        r.month <= fy.period_month as is_to_date,
        cast(round(r.revenue_target / r.period_months, 10) as decimal(38, 10)) as revenue_target
    from ranked as r
    inner join intermediate.int_period_dates as fy on r.month between fy.fy_start and fy.fy_end_month
    where r.grain_rank = 1
),

actual as (
    select
        p.kam_id,
        sum(m.revenue) as revenue
    from plan as p
    inner join intermediate.int_units as u on u.kam_id = p.kam_id
    inner join intermediate.int_unit_months as m on m.unit_id = u.unit_id and m.month = p.month
    where p.is_to_date
    group by all
),

rolled as (
    select
        kam_id,
        count(*) filter (where is_to_date) as plan_months,
        sum(revenue_target) filter (where is_to_date) as plan_target
    from plan
    group by kam_id
),

final as (
    select
        r.kam_id,
        r.plan_months,
        cast(round(r.plan_target, 4) as decimal(18, 4)) as plan_target,
        case when r.plan_months > 0 then coalesce(a.revenue, 0) end as plan_actual
    from rolled as r
    left join actual as a using (kam_id)
)

select * from final
