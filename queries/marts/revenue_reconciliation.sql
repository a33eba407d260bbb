-- revenue_reconciliation: company revenue ties out to the cent for every
-- window: the revenue of the loaded sales lines equals the revenue
-- attributed to accounts plus the unattributed revenue (lines whose account
-- is unknown). difference must be 0; a data test asserts it. Lines of
-- cancelled or returned orders are no revenue: their count and amount are
-- shown apart (cancelled_lines, cancelled_revenue), never silently dropped;
-- so are the lines of documents never issued (drafts, quotations, pro
-- formas: not_issued_lines, not_issued_revenue).
-- Revenue in doubt (lines_in_doubt, revenue_in_doubt) is revenue counted
-- that may be the same sales as another file's, counted twice
-- (stg_sales_in_doubt: an invoice register beside the lines of the same
-- invoices with other amounts; orders beside invoices of the same customers
-- and months that name no order). kam cannot tell which file is right, so
-- both count, and the reports say how much is at stake; it is part of
-- loaded_revenue, not apart from it.
-- Without any sales file every figure is NULL: nothing was measured.
-- grain: window. key: time_window. inputs: stg_sales_lines, stg_sales_lines_checked, stg_files, account_profitability, int_windows,
-- stg_sales_in_doubt
-- period: yes
-- history: yes
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
        count(s.invoice_id) filter (where s.is_cancelled) as cancelled_lines,
        coalesce(sum(s.net_amount) filter (where s.is_cancelled), 0) as cancelled_revenue,
        count(s.invoice_id) filter (where s.is_not_issued) as not_issued_lines,
        coalesce(sum(s.net_amount) filter (where s.is_not_issued), 0) as not_issued_revenue
    from windows as w
    left join staging.stg_sales_lines_checked as s
        on s.invoice_date between w.start_month and w.end_date
        and s.row_status = 'loaded' and (s.is_cancelled or s.is_not_issued)
    group by w.time_window
),

doubt as (
    select
        w.time_window,
        count(s.source_line) as lines_in_doubt,
        coalesce(sum(s.net_amount), 0) as revenue_in_doubt
    from windows as w
    left join staging.stg_sales_in_doubt as s
        on s.invoice_date between w.start_month and w.end_date
    group by w.time_window
),

attributed as (
    select time_window, coalesce(sum(revenue), 0) as attributed_revenue
    from main.account_profitability
    group by time_window
),

has_sales as (
    select count(*) > 0 as yes from staging.stg_files where kind = 'sales'
),

final as (
    select
        param_text('period') as period,
        l.time_window,
        case when h.yes then l.loaded_revenue end as loaded_revenue,
        case when h.yes then coalesce(a.attributed_revenue, 0) end as attributed_revenue,
        case when h.yes then l.unattributed_revenue end as unattributed_revenue,
        case when h.yes then l.unattributed_lines end as unattributed_lines,
        case when h.yes then l.loaded_revenue - coalesce(a.attributed_revenue, 0) - l.unattributed_revenue end as difference,
        case when h.yes then c.cancelled_lines end as cancelled_lines,
        case when h.yes then c.cancelled_revenue end as cancelled_revenue,
        case when h.yes then c.not_issued_lines end as not_issued_lines,
        case when h.yes then c.not_issued_revenue end as not_issued_revenue,
        case when h.yes then d.lines_in_doubt end as lines_in_doubt,
        case when h.yes then d.revenue_in_doubt end as revenue_in_doubt
    from loaded as l
    cross join has_sales as h
    left join attributed as a using (time_window)
    left join cancelled as c using (time_window)
    left join doubt as d using (time_window)
)

select * from final
