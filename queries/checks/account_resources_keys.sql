-- account_resources_keys: account_id is unique, not null and a portfolio unit; its kam_id is in kam_performance.
select 'duplicate' as problem, account_id, count(*) as n
from main.account_resources
group by account_id
having count(*) > 1 or account_id is null
union all
select 'not a unit', r.account_id, 1
from main.account_resources as r
left join intermediate.int_units as u on u.unit_id = r.account_id
where u.unit_id is null
union all
select 'kam not in kam_performance', r.account_id, 1
from main.account_resources as r
left join main.kam_performance as k using (kam_id)
where r.kam_id is not null and k.kam_id is null
