-- int_plan_ytd: each unit's plan for the fiscal year of P. The targets of
-- its member accounts are spread evenly over their months (int_plan_months:
-- the finest grain wins a month, so a month target inside a year target
-- never counts twice) and added up: plan_target over the fiscal year to
-- date (the months from the fiscal year start to P: a partly elapsed
-- quarter or year is pro-rated), fy_target over the whole fiscal year.
-- plan_actual is the unit's revenue in the year-to-date months that carry
-- a target, so months without a plan neither add to the target nor to the
-- actual. A unit whose targets all start after P has no year-to-date plan
-- (plan_target NULL) but has fy_target.
-- grain: unit. key: unit_id. inputs: int_plan_months, int_unit_months, int_period_dates
-- materialized: temp
-- period: yes
with plan as (
    select
        p.unit_id,
        p.month,
        p.month <= fy.period_month as is_to_date,
        sum(p.revenue_target) as revenue_target
    from intermediate.int_plan_months as p
    inner join intermediate.int_period_dates as fy on p.month between fy.fy_start and fy.fy_end_month
    group by all
),

actual as (
    select
        p.unit_id,
        sum(m.revenue) as revenue
    from plan as p
    inner join intermediate.int_unit_months as m on m.unit_id = p.unit_id and m.month = p.month
    where p.is_to_date
    group by all
),

rolled as (
    select
        unit_id,
        count(*) filter (where is_to_date) as plan_months,
        sum(revenue_target) filter (where is_to_date) as plan_target,
        sum(revenue_target) as fy_target
    from plan
    group by unit_id
),

final as (
    select
        r.unit_id,
        r.plan_months,
        cast(round(r.plan_target, 4) as decimal(18, 4)) as plan_target,
        case when r.plan_months > 0 then coalesce(a.revenue, 0) end as plan_actual,
        coalesce(a.revenue, 0) / nullif(r.plan_target, 0) as plan_attainment_pct,
        cast(round(r.fy_target, 4) as decimal(18, 4)) as fy_target,
        cast(round(greatest(r.fy_target - coalesce(a.revenue, 0), 0), 4) as decimal(18, 4)) as fy_remaining_gap
    from rolled as r
    left join actual as a using (unit_id)
)

select * from final
