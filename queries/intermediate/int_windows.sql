-- int_windows: the report's time windows as month ranges. P is the period
-- parameter (YYYY-MM). month = P; ytd = fiscal year start to P; ltm = the 12
-- months ending with P; prior_ltm = the 12 before; ltm_2y_ago and
-- ltm_3y_ago for CAGR; trend = the trend_months ending with P.
-- grain: window. key: time_window. inputs: params
-- materialized: temp
-- period: yes
with p as (
    select
        cast(strptime(param_text('period') || '-01', '%Y-%m-%d') as date) as period_month,
        cast(param('fiscal_year_start') as integer) as fys,
        cast(param('trend_months') as integer) as trend_months
),

fy as (
    select
        period_month,
        trend_months,
        case
            when month(period_month) >= fys then make_date(year(period_month), fys, 1)
            else make_date(year(period_month) - 1, fys, 1)
        end as fy_start
    from p
),

windows as (
    select 'month' as time_window, period_month as start_month, period_month as end_month from fy
    union all select 'ytd', fy_start, period_month from fy
    union all select 'ltm', cast(period_month - interval 11 month as date), period_month from fy
    union all select 'prior_ltm', cast(period_month - interval 23 month as date), cast(period_month - interval 12 month as date) from fy
    union all select 'ltm_2y_ago', cast(period_month - interval 35 month as date), cast(period_month - interval 24 month as date) from fy
    union all select 'ltm_3y_ago', cast(period_month - interval 47 month as date), cast(period_month - interval 36 month as date) from fy
    union all select 'prior_month', cast(period_month - interval 1 month as date), cast(period_month - interval 1 month as date) from fy
    union all select 'trend', cast(period_month - to_months(trend_months - 1) as date), period_month from fy
),

final as (
    select
        time_window,
        start_month,
        end_month,
        cast(end_month + interval 1 month - interval 1 day as date) as end_date,
        cast(date_diff('month', start_month, end_month) + 1 as integer) as months
    from windows
)

select * from final
