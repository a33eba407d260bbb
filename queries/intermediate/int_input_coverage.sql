-- int_input_coverage: how many months of the month, LTM and prior-LTM
-- windows of P each time-stamped input covers (int_input_spans: first to
-- last month with a row). A comparison between two windows is only fair
-- when its inputs cover the same share of both: the mart input_coverage
-- keeps it in the history for kpi_summary and movers. A partial last month
-- of sales (int_input_spans) is not covered; the window that holds it says
-- which month it is, its last day with a sale and the last complete month.
-- grain: kind × window. key: (kind, time_window). inputs: int_input_spans,
-- int_windows
-- materialized: temp
-- period: yes
with windows as (
    select time_window, start_month, end_month, months
    from intermediate.int_windows
    where time_window in ('month', 'ltm', 'prior_ltm')
),

final as (
    select
        s.kind,
        w.time_window,
        w.start_month,
        w.end_month,
        w.months,
        cast(case
            when s.first_month is null or s.first_month > w.end_month or s.last_month < w.start_month then 0
            else date_diff('month', greatest(s.first_month, w.start_month), least(s.last_month, w.end_month)) + 1
                - case when s.partial_month between w.start_month and w.end_month then 1 else 0 end
        end as integer) as months_covered,
        s.first_month,
        s.last_month,
        -- Only in a window that holds the partial month: a past period's
        -- snapshot does not change with the sales added after it.
        case when s.partial_month between w.start_month and w.end_month then s.last_date end as last_date,
        case when s.partial_month between w.start_month and w.end_month then s.partial_month end as partial_month,
        case when s.partial_month between w.start_month and w.end_month then cast(s.partial_month - interval 1 month as date) end as last_complete_month
    from intermediate.int_input_spans as s
    cross join windows as w
)

select * from final
