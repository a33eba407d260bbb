-- portfolio_profitability_ties: the portfolio's revenue equals the attributed revenue of revenue_reconciliation, and key plus other equal all, in every window.
select p.time_window, p.revenue, r.attributed_revenue
from main.portfolio_profitability as p
inner join main.revenue_reconciliation as r using (time_window)
where p.scope = 'all' and p.revenue <> r.attributed_revenue
union all
select a.time_window, a.revenue, coalesce(k.revenue, 0) + coalesce(o.revenue, 0)
from main.portfolio_profitability as a
left join main.portfolio_profitability as k on k.time_window = a.time_window and k.scope = 'key'
left join main.portfolio_profitability as o on o.time_window = a.time_window and o.scope = 'other'
where a.scope = 'all' and a.revenue <> coalesce(k.revenue, 0) + coalesce(o.revenue, 0)
    and exists (select 1 from intermediate.int_inputs where kind = 'key_accounts' and is_loaded)
