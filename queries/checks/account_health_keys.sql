-- account_health_keys: account_id is unique, not null and a portfolio unit.
select 'duplicate' as problem, account_id, count(*) as n
from main.account_health
group by account_id
having count(*) > 1 or account_id is null
union all
select 'not a unit', h.account_id, 1
from main.account_health as h
left join intermediate.int_units as u on u.unit_id = h.account_id
where u.unit_id is null
