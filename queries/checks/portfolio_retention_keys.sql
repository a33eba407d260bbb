-- portfolio_retention_keys: exactly one row for each scope, all and key.
select s.scope, count(r.scope) as n
from (values ('all'), ('key')) as s(scope)
left join main.portfolio_retention as r using (scope)
group by s.scope
having count(r.scope) <> 1
union all
select scope, count(*)
from main.portfolio_retention
where scope is null or scope not in ('all', 'key')
group by scope
