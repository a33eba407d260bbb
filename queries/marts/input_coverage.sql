-- input_coverage: how many months of each report window the time-stamped
-- inputs cover (int_input_spans: first to last month with a row), kept in
-- the history with the marts, so that a comparison between two periods
-- can tell whether both saw the same inputs: a KPI whose input covers a
-- different share of its window in the two periods is not comparable
-- (kpi_summary, movers). Windows: month, ltm and prior_ltm of P.
-- grain: kind × window. key: (kind, time_window). inputs: int_input_spans,
-- int_windows
-- period: yes
-- history: yes
with windows as (
    select time_window, start_month, end_month, months
    from intermediate.int_windows
    where time_window in ('month', 'ltm', 'prior_ltm')
),

final as (
    select
        param_text('period') as period,
        s.kind,
        w.time_window,
        w.start_month,
        w.end_month,
        w.months,
        cast(case
            when s.first_month is null or s.first_month > w.end_month or s.last_month < w.start_month then 0
            else date_diff('month', greatest(s.first_month, w.start_month), least(s.last_month, w.end_month)) + 1
        end as integer) as months_covered,
        s.first_month,
        s.last_month
    from intermediate.int_input_spans as s
    cross join windows as w
)

select * from final
