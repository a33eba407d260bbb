-- int_input_spans: the months each time-stamped input covers, from its
-- first to its last month with a row (a quiet month in between is not a
-- gap: a month without a service cost may have had none). sales are the
-- sales lines, cost_amount the lines with a cost, service_costs and
-- activities their files. A kind not loaded has no first or last month.
-- The sales' last month is partial (partial_month) when the export stops
-- well before its end: its last sale is more than a week before the
-- month's last day, while each of the three months before it ran to within
-- a week of its own end (an export taken on the 4th of December; a business
-- that invoices early in every month is not flagged). That month then
-- counts as not covered (int_input_coverage): a comparison of it, or of a
-- window holding it, with complete months is not shown as comparable.
-- last_date is the day of the last sale.
-- grain: kind. key: kind. inputs: stg_sales_monthly, stg_sales_lines,
-- stg_service_costs, stg_activities
-- materialized: temp
with kinds as (
    select * from (values ('sales'), ('cost_amount'), ('service_costs'), ('activities')) as k(kind)
),

sales as (
    select
        min(month) as first_sale,
        max(month) as last_sale,
        min(month) filter (where lines_without_cost < lines) as first_cost,
        max(month) filter (where lines_without_cost < lines) as last_cost
    from staging.stg_sales_monthly
),

-- The last day with a sale of each of the last four months with sales.
month_ends as (
    select cast(date_trunc('month', invoice_date) as date) as month, max(invoice_date) as last_date
    from staging.stg_sales_lines
    where invoice_date >= (select last_sale - interval 3 month from sales)
    group by all
),

ended as (
    select
        max(last_date) as last_date,
        arg_max(month, month) as last_month,
        bool_and(last_date >= last_day(month) - interval 7 day) filter (where month < (select last_sale from sales)) as earlier_complete,
        count(*) filter (where month < (select last_sale from sales)) as earlier_months
    from month_ends
),

partial as (
    select
        last_date,
        case
            when last_date < last_day(last_month) - interval 7 day and earlier_months = 3 and earlier_complete then last_month
        end as partial_month
    from ended
),

spans as (
    select 'sales' as kind, first_sale as first_month, last_sale as last_month from sales
    union all
    select 'cost_amount', first_cost, last_cost from sales
    union all
    select
        'service_costs',
        cast(date_trunc('month', min(cost_date)) as date),
        cast(date_trunc('month', max(cost_date)) as date)
    from staging.stg_service_costs
    union all
    select
        'activities',
        cast(date_trunc('month', min(activity_date)) as date),
        cast(date_trunc('month', max(activity_date)) as date)
    from staging.stg_activities
),

final as (
    select
        k.kind,
        s.first_month,
        s.last_month,
        case when k.kind in ('sales', 'cost_amount') then p.last_date end as last_date,
        case when k.kind in ('sales', 'cost_amount') and s.last_month = p.partial_month then p.partial_month end as partial_month
    from kinds as k
    left join spans as s using (kind)
    cross join partial as p
)

select * from final
