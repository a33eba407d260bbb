-- portfolio_trend_keys: (scope, month) is unique and not null, scope is all or key, and each scope has trend_months months.
select scope, month, count(*) as n
from main.portfolio_trend
group by all
having count(*) > 1 or scope is null or month is null or scope not in ('all', 'key')
union all
select scope, null, count(*)
from main.portfolio_trend
group by scope
having count(*) <> param('trend_months')
