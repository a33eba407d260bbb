-- int_input_spans: the months each time-stamped input covers, from its
-- first to its last month with a row (a quiet month in between is not a
-- gap: a month without a service cost may have had none). sales are the
-- sales lines, cost_amount the lines with a cost, service_costs and
-- activities their files. A kind not loaded has no first or last month.
-- grain: kind. key: kind. inputs: stg_sales_monthly, stg_service_costs,
-- stg_activities
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
    select k.kind, s.first_month, s.last_month
    from kinds as k
    left join spans as s using (kind)
)

select * from final
