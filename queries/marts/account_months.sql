-- account_months: the flat monthly history of each portfolio unit, so that
-- trends can be pivoted: revenue, gross margin, cost to serve and net
-- contribution of every month with sales, activities or service costs up to
-- the period. Money in the reporting currency; the measures are those of
-- account_profitability (gross margin on lines with a cost; cost to serve =
-- service costs + KAM activity cost), so the months of a window add up to
-- its row there. A metric whose input file kind is missing is NULL and its
-- kind is listed in unavailable_inputs.
-- grain: unit × month. key: (account_id, month). inputs: int_units,
-- int_unit_months, int_activities, int_service_costs, int_windows, int_input_flags
-- period: yes
with last_month as (
    select end_month from intermediate.int_windows where time_window = 'month'
),

-- The list of unavailable inputs is the run's, the same on every row: made
-- once here, not once per unit and month.
inputs as (
    select
        has_sales,
        has_cost,
        has_activities,
        has_service_costs,
        profit_unavailable(has_sales, has_cost, has_activities, has_service_costs) as unavailable_inputs
    from intermediate.int_input_flags
),

-- int_unit_months is at this grain already: no grouping again.
sales as (
    select
        m.unit_id,
        m.month,
        m.revenue,
        m.cogs,
        m.revenue_costed
    from intermediate.int_unit_months as m
    inner join last_month as l on m.month <= l.end_month
),

activities as (
    select
        a.unit_id,
        a.month,
        sum(a.time_cost) as time_cost,
        sum(a.expense_amount) as expenses
    from intermediate.int_activities as a
    inner join last_month as l on a.month <= l.end_month
    group by all
),

services as (
    select
        s.unit_id,
        s.month,
        sum(s.amount) as service_cost
    from intermediate.int_service_costs as s
    inner join last_month as l on s.month <= l.end_month
    group by all
),

grid as (
    select unit_id, month from sales
    union select unit_id, month from activities
    union select unit_id, month from services
),

money as (
    select
        g.unit_id,
        g.month,
        case when i.has_sales then coalesce(s.revenue, 0) end as revenue,
        case when i.has_cost then coalesce(s.revenue_costed, 0) - coalesce(s.cogs, 0) end as gross_margin,
        case
            when i.has_activities and i.has_service_costs
                then coalesce(a.time_cost, 0) + coalesce(a.expenses, 0) + coalesce(v.service_cost, 0)
        end as cost_to_serve,
        i.unavailable_inputs
    from grid as g
    cross join inputs as i
    left join sales as s using (unit_id, month)
    left join activities as a using (unit_id, month)
    left join services as v using (unit_id, month)
),

final as (
    select
        m.unit_id as account_id,
        u.unit_name as account_name,
        u.is_key_account,
        u.kam_id,
        u.segment,
        m.month,
        m.revenue,
        m.gross_margin,
        m.cost_to_serve,
        m.gross_margin - m.cost_to_serve as net_contribution,
        m.unavailable_inputs
    from money as m
    inner join intermediate.int_units as u using (unit_id)
)

select * from final
