-- account_months_keys: (account_id, month) is unique and not null, and the months of the LTM window add up to account_profitability's LTM revenue, gross margin and net contribution.
select account_id, month, count(*) as n
from main.account_months
group by all
having count(*) > 1 or account_id is null or month is null
union all
select p.account_id, null, null
from main.account_profitability as p
left join (
    select
        m.account_id,
        sum(m.revenue) as revenue,
        sum(m.gross_margin) as gross_margin,
        sum(m.net_contribution) as net_contribution
    from main.account_months as m
    inner join intermediate.int_windows as w on m.month between w.start_month and w.end_month
    where w.time_window = 'ltm'
    group by all
) as s using (account_id)
where p.time_window = 'ltm'
    and (
        p.revenue is distinct from coalesce(s.revenue, case when p.revenue is not null then 0 end)
        or p.gross_margin is distinct from coalesce(s.gross_margin, case when p.gross_margin is not null then 0 end)
        or p.net_contribution is distinct from coalesce(s.net_contribution, case when p.net_contribution is not null then 0 end)
    )
