-- portfolio_trend: the portfolio month by month over the trend_months ending
-- P, for all units and for the key accounts (today's designation): the
-- month's revenue, gross margin and net contribution (NULL when an input is
-- missing), the LTM revenue ending that month and its HHI over the units
-- with LTM revenue > 0 (as in portfolio_concentration). The key scope is
-- NULL when no file says which accounts are key; every figure is NULL
-- without sales lines.
-- grain: scope (all, key) × month. key: (scope, month).
-- inputs: int_unit_months, int_activities, int_service_costs, int_units, int_windows, int_input_flags
-- period: yes
with windows as (
    select * from intermediate.int_windows where time_window = 'trend'
),

unit_months as (
    select * from intermediate.int_unit_months
),

activities as (
    select * from intermediate.int_activities
),

service_costs as (
    select * from intermediate.int_service_costs
),

units as (
    select * from intermediate.int_units
),

inputs as (
    select
        has_sales,
        has_cost,
        has_cost_to_serve,
        has_key_accounts
    from intermediate.int_input_flags
),

months as (
    select cast(g.month as date) as month
    from windows as w
    cross join unnest(generate_series(w.start_month, w.end_month, interval 1 month)) as g(month)
),

ltm_months as (
    select cast(g.month as date) as month
    from windows as w
    cross join unnest(generate_series(cast(w.start_month - interval 11 month as date), w.end_month, interval 1 month)) as g(month)
),

scope_units as (
    select 'all' as scope, unit_id from units
    union all
    select 'key', unit_id from units where is_key_account
),

scopes as (
    select * from (values ('all'), ('key')) as s(scope)
),

sales as (
    select
        s.scope,
        m.month,
        sum(m.revenue) as revenue,
        sum(m.revenue_costed) as revenue_costed,
        sum(m.cogs) as cogs
    from unit_months as m
    inner join scope_units as s using (unit_id)
    inner join months using (month)
    group by all
),

activity_costs as (
    select
        s.scope,
        a.month,
        sum(coalesce(a.time_cost, 0) + coalesce(a.expense_amount, 0)) as activity_cost
    from activities as a
    inner join scope_units as s using (unit_id)
    inner join months using (month)
    group by all
),

service_totals as (
    select
        s.scope,
        c.month,
        sum(c.amount) as service_cost
    from service_costs as c
    inner join scope_units as s using (unit_id)
    inner join months using (month)
    group by all
),

active_units as (
    select distinct m.unit_id
    from unit_months as m
    inner join ltm_months using (month)
),

dense as (
    select
        u.unit_id,
        l.month,
        coalesce(m.revenue, 0) as revenue
    from active_units as u
    cross join ltm_months as l
    left join unit_months as m on m.unit_id = u.unit_id and m.month = l.month
),

rolling as (
    select
        unit_id,
        month,
        sum(revenue) over (partition by unit_id order by month rows between 11 preceding and current row) as revenue_ltm
    from dense
),

ltm as (
    select
        s.scope,
        r.month,
        sum(r.revenue_ltm) as revenue_ltm,
        hhi(case when r.revenue_ltm > 0 then r.revenue_ltm end) as hhi_ltm
    from rolling as r
    inner join scope_units as s using (unit_id)
    inner join months using (month)
    group by all
),

final as (
    select
        param_text('period') as period,
        c.scope,
        m.month,
        case when (c.scope = 'all' or i.has_key_accounts) and i.has_sales then coalesce(s.revenue, 0) end as revenue,
        case
            when (c.scope = 'all' or i.has_key_accounts) and i.has_cost
                then coalesce(s.revenue_costed, 0) - coalesce(s.cogs, 0)
        end as gross_margin,
        case
            when (c.scope = 'all' or i.has_key_accounts) and i.has_cost and i.has_cost_to_serve
                then coalesce(s.revenue_costed, 0) - coalesce(s.cogs, 0)
                - coalesce(a.activity_cost, 0) - coalesce(v.service_cost, 0)
        end as net_contribution,
        case when (c.scope = 'all' or i.has_key_accounts) and i.has_sales then coalesce(l.revenue_ltm, 0) end as revenue_ltm,
        case when (c.scope = 'all' or i.has_key_accounts) and i.has_sales then l.hhi_ltm end as hhi_ltm
    from scopes as c
    cross join months as m
    cross join inputs as i
    left join sales as s on s.scope = c.scope and s.month = m.month
    left join activity_costs as a on a.scope = c.scope and a.month = m.month
    left join service_totals as v on v.scope = c.scope and v.month = m.month
    left join ltm as l on l.scope = c.scope and l.month = m.month
)

select * from final
