-- stg_fx_monthly: the rate of every month per currency (units of the
-- reporting currency for one unit). Daily rates average over their month;
-- quarter or year rates cover each of their months. The reporting currency
-- itself is not listed: it converts at 1.
-- grain: currency × month. key: (currency, month). inputs: stg_fx_rates_checked
with loaded as (
    select * from staging.stg_fx_rates_checked where row_status = 'loaded'
),

months as (
    select
        currency,
        cast(unnest(generate_series(
            period_start,
            cast(period_start + to_months(period_months - 1) as date),
            interval 1 month
        )) as date) as month,
        rate
    from loaded
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
