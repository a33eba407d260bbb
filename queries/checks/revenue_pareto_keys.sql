-- revenue_pareto_keys: rank and account_id are unique, and the curve ends at 100 %.
select 'duplicate' as problem, account_id from main.revenue_pareto group by account_id having count(*) > 1
union all
select 'end', null from main.revenue_pareto having count(*) > 0 and abs(max(cum_revenue_share) - 1) > 1e-9
