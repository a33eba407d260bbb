-- plan_vs_actual_keys: (account_id, target_period) is unique and not null, and account_id is a portfolio unit.
select 'duplicate' as problem, account_id, target_period, count(*) as n
from main.plan_vs_actual
group by all
having count(*) > 1 or account_id is null or target_period is null
union all
select 'not a unit', p.account_id, p.target_period, 1
from main.plan_vs_actual as p
left join intermediate.int_units as u on u.unit_id = p.account_id
where u.unit_id is null
