-- run_params_keys: each parameter once, and the reporting currency is set.
select key, count(*) as n
from main.run_params
group by all
having count(*) > 1 or key is null
union all
select 'currency', 0
where not exists (select 1 from main.run_params where key = 'currency' and coalesce(txt, '') <> '')
