-- input_coverage_keys: (kind, time_window) is unique and not null, and months_covered lies between 0 and the window's months.
select kind, time_window, count(*) as n
from main.input_coverage
group by all
having count(*) > 1 or kind is null or time_window is null
    or any_value(months_covered) not between 0 and any_value(months)
