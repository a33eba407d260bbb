-- account_selection_keys: account_id is unique and not null, and every account_id is a portfolio unit.
select 'duplicate' as problem, account_id, count(*) as n
from main.account_selection
group by account_id
having count(*) > 1 or account_id is null
union all
select 'not a unit', s.account_id, 1
from main.account_selection as s
left join intermediate.int_units as u on u.unit_id = s.account_id
where u.unit_id is null
