-- revenue_reconciliation: company revenue ties out to the cent for every
-- window: the revenue of the loaded sales lines equals the revenue
-- attributed to accounts plus the unattributed revenue (lines whose account
-- is unknown). difference must be 0; a data test asserts it. Lines of
-- cancelled or returned orders are no revenue: their count and amount are
-- shown apart (cancelled_lines, cancelled_revenue), never silently dropped.
-- grain: window. key: time_window. inputs: stg_sales_lines, stg_sales_lines_checked, account_profitability, int_windows
with windows as (
    select * from intermediate.int_windows where time_window in ('month', 'ytd', 'ltm')
),

loaded as (
    select
        w.time_window,
        coalesce(sum(s.net_amount), 0) as loaded_revenue,
        coalesce(sum(s.net_amount) filter (where not s.is_attributed), 0) as unattributed_revenue,
        count(*) filter (where not s.is_attributed) as unattributed_lines
    from windows as w
    left join staging.stg_sales_lines as s
        on s.invoice_date between w.start_month and w.end_date
    group by w.time_window
),

cancelled as (
    select
        w.time_window,
        count(s.invoice_id) as cancelled_lines,
        coalesce(sum(s.net_amount), 0) as cancelled_revenue
    from windows as w
    left join staging.stg_sales_lines_checked as s
        on s.invoice_date between w.start_month and w.end_date
        and s.row_status = 'loaded' and s.is_cancelled
    group by w.time_window
),

attributed as (
    select time_window, coalesce(sum(revenue), 0) as attributed_revenue
    from main.account_profitability
    group by time_window
),

final as (
    select
        param_text('period') as period,
        l.time_window,
        l.loaded_revenue,
        coalesce(a.attributed_revenue, 0) as attributed_revenue,
        l.unattributed_revenue,
        l.unattributed_lines,
        l.loaded_revenue - coalesce(a.attributed_revenue, 0) - l.unattributed_revenue as difference,
        c.cancelled_lines,
        c.cancelled_revenue
    from loaded as l
    left join attributed as a using (time_window)
    left join cancelled as c using (time_window)
)

select * from final
