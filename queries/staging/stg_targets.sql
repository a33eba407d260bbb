-- stg_targets: the plan targets in force, in the reporting currency: an
-- account's (account_id) or a KAM's (kam_id, account_id NULL). A row
-- written one column per month (month_01 … month_12) becomes one target per
-- filled month: the calendar month of that number within the row's period
-- (M07 of 2017 is 2017-07; of FY2017 starting in July, July 2016 … June
-- 2017 holds it); a blank month has no target.
-- grain: account or KAM × target period. key: (account_id, kam_id, period). inputs: stg_targets_checked
-- materialized: view
with loaded as (
    select * exclude (row_status, reject_reason, reject_column, reject_value, reject_detail)
    from staging.stg_targets_checked
    where row_status = 'loaded'
),

whole as (
    select * exclude (
        month_01, month_02, month_03, month_04, month_05, month_06,
        month_07, month_08, month_09, month_10, month_11, month_12
    )
    from loaded
    where revenue_target is not null
),

by_month as (
    unpivot (
        select * exclude (revenue_target) from loaded where revenue_target is null
    )
    on month_01, month_02, month_03, month_04, month_05, month_06,
        month_07, month_08, month_09, month_10, month_11, month_12
    into name month_column value revenue_target
),

months as (
    select
        *,
        cast(make_date(year(period_start), cast(right(month_column, 2) as integer), 1) as date) as in_start_year
    from by_month
),

spread as (
    select
        * exclude (period, period_start, period_months, period_end, in_start_year, month_column, month, margin_target),
        strftime(m.month, '%Y-%m') as period,
        m.month as period_start,
        1 as period_months,
        cast(m.month + interval 1 month - interval 1 day as date) as period_end,
        -- a margin target of the whole row is not split over its months
        cast(null as decimal(18, 4)) as margin_target
    from (
        select
            *,
            case
                when in_start_year < period_start then cast(in_start_year + interval 1 year as date)
                else in_start_year
            end as month
        from months
    ) as m
    where m.month <= m.period_end
),

final as (
    select * from whole
    union all by name
    select * from spread
)

select * from final
