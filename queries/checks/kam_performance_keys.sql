-- kam_performance_keys: kam_id is unique and not null.
select kam_id, count(*) as n
from main.kam_performance
group by kam_id
having count(*) > 1 or kam_id is null
