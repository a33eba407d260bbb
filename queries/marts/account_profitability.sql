-- account_profitability: the P&L of each portfolio unit for the month, the
-- fiscal year to date and the last twelve months: gross sales → discounts →
-- revenue → COGS → gross margin → cost to serve (service costs by type and
-- KAM activity cost) → net contribution; KAM investment, ROI and break-even
-- revenue. Money in the reporting currency; *_pct are fractions. A metric
-- whose input file kind is missing is NULL and its kind is listed in
-- unavailable_inputs. Gross margin is measured on lines with a cost; the
-- revenue of lines without cost is shown apart (revenue_without_cost).
-- grain: unit × window. key: (account_id, time_window). inputs: int_units,
-- int_unit_months, int_activities, int_service_costs, int_windows, int_input_flags
-- period: yes
-- history: yes
with windows as (
    select * from intermediate.int_windows where time_window in ('month', 'ytd', 'ltm')
),

inputs as (
    select
        has_sales,
        has_cost,
        has_discount,
        has_activities,
        has_service_costs
    from intermediate.int_input_flags
),

sales as (
    select
        w.time_window,
        m.unit_id,
        sum(m.revenue) as revenue,
        sum(m.gross_sales) as gross_sales,
        sum(m.discounts) as discounts,
        sum(m.cogs) as cogs,
        sum(m.revenue_costed) as revenue_costed,
        sum(m.revenue_without_cost) as revenue_without_cost,
        sum(m.lines_without_cost) as lines_without_cost,
        sum(m.lines) as lines
    from intermediate.int_unit_months as m
    inner join windows as w on m.month between w.start_month and w.end_month
    group by all
),

activities as (
    select
        w.time_window,
        a.unit_id,
        count(*) as activities,
        sum(a.duration_hours) as hours,
        sum(a.duration_hours) filter (where a.is_uncosted) as hours_uncosted,
        sum(a.time_cost) as time_cost,
        sum(a.expense_amount) as expenses
    from intermediate.int_activities as a
    inner join windows as w on a.month between w.start_month and w.end_month
    group by all
),

services as (
    select
        w.time_window,
        s.unit_id,
        sum(s.amount) as service_cost,
        sum(s.amount) filter (where s.cost_type = 'logistics') as logistics,
        sum(s.amount) filter (where s.cost_type = 'support') as support,
        sum(s.amount) filter (where s.cost_type = 'rebate') as rebate,
        sum(s.amount) filter (where s.cost_type = 'marketing') as marketing,
        sum(s.amount) filter (where s.cost_type = 'other') as other
    from intermediate.int_service_costs as s
    inner join windows as w on s.month between w.start_month and w.end_month
    group by all
),

grid as (
    select time_window, unit_id from sales
    union select time_window, unit_id from activities
    union select time_window, unit_id from services
    union select w.time_window, u.unit_id from windows as w cross join intermediate.int_units as u where u.is_key_account
),

money as (
    select
        g.time_window,
        g.unit_id,
        case when i.has_sales then coalesce(s.revenue, 0) end as revenue,
        case when i.has_discount then coalesce(s.gross_sales, 0) end as gross_sales,
        case when i.has_discount then coalesce(s.discounts, 0) end as discounts,
        case when i.has_cost then coalesce(s.cogs, 0) end as cogs,
        case when i.has_sales then coalesce(s.revenue_costed, 0) end as revenue_costed,
        case when i.has_sales then coalesce(s.revenue_without_cost, 0) end as revenue_without_cost,
        case when i.has_sales then coalesce(s.lines_without_cost, 0) end as lines_without_cost,
        case when i.has_sales then coalesce(s.lines, 0) end as lines,
        case when i.has_activities then coalesce(a.activities, 0) end as activities,
        case when i.has_activities then coalesce(a.hours, 0) end as hours,
        case when i.has_activities then coalesce(a.hours_uncosted, 0) end as hours_uncosted,
        case when i.has_activities then coalesce(a.time_cost, 0) + coalesce(a.expenses, 0) end as activity_cost,
        case when i.has_service_costs then coalesce(v.service_cost, 0) end as service_cost,
        case when i.has_service_costs then coalesce(v.logistics, 0) end as service_cost_logistics,
        case when i.has_service_costs then coalesce(v.support, 0) end as service_cost_support,
        case when i.has_service_costs then coalesce(v.rebate, 0) end as service_cost_rebate,
        case when i.has_service_costs then coalesce(v.marketing, 0) end as service_cost_marketing,
        case when i.has_service_costs then coalesce(v.other, 0) end as service_cost_other,
        profit_unavailable(i.has_sales, i.has_cost, i.has_activities, i.has_service_costs) as unavailable_inputs
    from grid as g
    cross join inputs as i
    left join sales as s using (time_window, unit_id)
    left join activities as a using (time_window, unit_id)
    left join services as v using (time_window, unit_id)
),

margins as (
    select
        *,
        case when cogs is not null then revenue_costed - cogs end as gross_margin,
        activity_cost + service_cost as cost_to_serve
    from money
),

final as (
    select
        param_text('period') as period,
        m.time_window,
        m.unit_id as account_id,
        u.unit_name as account_name,
        u.is_key_account,
        u.kam_id,
        u.segment,
        m.gross_sales,
        m.discounts,
        m.revenue,
        m.cogs,
        m.revenue_costed,
        m.revenue_without_cost,
        m.lines,
        m.lines_without_cost,
        m.gross_margin,
        m.gross_margin / nullif(m.revenue_costed, 0) as gross_margin_pct,
        m.service_cost,
        m.service_cost_logistics,
        m.service_cost_support,
        m.service_cost_rebate,
        m.service_cost_marketing,
        m.service_cost_other,
        m.activities,
        m.hours,
        m.hours_uncosted,
        m.activity_cost,
        m.cost_to_serve,
        m.gross_margin - m.cost_to_serve as net_contribution,
        (m.gross_margin - m.cost_to_serve) / nullif(m.revenue, 0) as net_contribution_pct,
        m.activity_cost as kam_investment,
        (m.gross_margin - m.cost_to_serve) / nullif(m.activity_cost, 0) as kam_roi,
        case
            when m.gross_margin > 0 and m.revenue_costed > 0
                then cast(round(m.activity_cost / (m.gross_margin / m.revenue_costed), 2) as decimal(18, 2))
        end as break_even_revenue,
        m.gross_margin - m.cost_to_serve < 0 as is_loss_making,
        m.unavailable_inputs
    from margins as m
    inner join intermediate.int_units as u using (unit_id)
)

select * from final
