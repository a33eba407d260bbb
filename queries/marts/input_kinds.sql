-- input_kinds: which inputs the run loaded — every input kind (accounts,
-- sales, …) and the optional parts int_input_flags also flags (cost,
-- discount, key_accounts, kam_owners, …) — one row each, so that the
-- reports say which file would complete a page instead of showing a zero.
-- grain: input kind or flag. key: kind. inputs: int_input_flags
select substr(flag, 5) as kind, is_loaded
from (unpivot intermediate.int_input_flags on columns(*) into name flag value is_loaded)
