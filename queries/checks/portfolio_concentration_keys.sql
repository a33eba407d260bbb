-- portfolio_concentration_keys: one row per scope, all and key; hhi_band is unconcentrated, moderate or high; hhi lies within 0–10,000.
select scope, count(*) as n, min(hhi_band) as hhi_band, min(hhi) as hhi
from main.portfolio_concentration
group by scope
having count(*) <> 1
    or scope is null
    or scope not in ('all', 'key')
    or min(hhi_band) not in ('unconcentrated', 'moderate', 'high')
    or not coalesce(min(hhi) between 0 and 10000.000001, true)
union all
select 'missing scope', 0, null, null
from main.portfolio_concentration
having count(distinct scope) filter (where scope in ('all', 'key')) <> 2
