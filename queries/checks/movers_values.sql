-- movers_values: a mover changed something (from ≠ to) and the change is a quadrant, health band or ABC class.
select account_id, change, from_value, to_value
from main.movers
where change not in ('quadrant', 'health_band', 'abc_class') or from_value is not distinct from to_value
