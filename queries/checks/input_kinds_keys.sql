-- input_kinds_keys: each input kind or flag once, loaded or not.
select kind, count(*) as n
from main.input_kinds
group by all
having count(*) > 1 or kind is null or bool_or(is_loaded is null)
