-- stg_fx_monthly: the rate of every month per currency (units of the
-- reporting currency for one unit). Daily rates average over their month;
-- quarter or year rates cover each of their months; a rate valid from a
-- date (SAP TCURR) covers every month from that date's month until the
-- month before the next valid-from month of its currency (several starting
-- in one month average), the latest one up to the last month any loaded
-- sales line, invoice, opportunity, activity or service cost needs. The
-- reporting currency itself is not listed: it converts at 1.
-- grain: currency × month. key: (currency, month).
-- inputs: stg_fx_rates_checked, raw.sales, raw.invoices, raw.opportunities, raw.activities, raw.service_costs
with loaded as (
    select * from staging.stg_fx_rates_checked where row_status = 'loaded' and is_used
),

horizon as (
    select cast(date_trunc('month', greatest(
        (select max(invoice_date) from raw.sales),
        (select max(invoice_date) from raw.invoices),
        (select max(close_date) from raw.opportunities),
        (select max(activity_date) from raw.activities),
        (select max(cost_date) from raw.service_costs),
        (select max(valid_from) from loaded)
    )) as date) as last_month
),

valid_months as (
    select
        rate_currency as currency,
        cast(date_trunc('month', valid_from) as date) as from_month,
        avg(reporting_rate) as rate
    from loaded
    where valid_from is not null
    group by all
),

valid_spans as (
    select
        currency,
        from_month,
        coalesce(
            cast(lead(from_month) over (partition by currency order by from_month) - interval 1 month as date),
            greatest((select last_month from horizon), from_month)
        ) as to_month,
        rate
    from valid_months
),

months as (
    select
        rate_currency as currency,
        cast(unnest(generate_series(
            period_start,
            cast(period_start + to_months(period_months - 1) as date),
            interval 1 month
        )) as date) as month,
        reporting_rate as rate
    from loaded
    where valid_from is null
    union all
    select
        currency,
        cast(unnest(generate_series(from_month, to_month, interval 1 month)) as date) as month,
        rate
    from valid_spans
),

final as (
    select
        currency,
        month,
        cast(avg(rate) as decimal(38, 10)) as rate,
        max(month) over (partition by currency) as last_month
    from months
    where currency <> param_text('currency')
    group by currency, month
)

select * from final
