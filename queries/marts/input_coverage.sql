-- input_coverage: int_input_coverage as it is — how many months of each
-- report window (month, ltm, prior_ltm of P) the time-stamped inputs cover
-- — kept in the history with the marts, so that a comparison between two
-- periods can tell whether both saw the same inputs: a KPI whose input
-- covers a different share of its window in the two periods is not
-- comparable (kpi_summary, movers).
-- grain: kind × window. key: (kind, time_window). inputs: int_input_coverage
-- period: yes
-- history: yes
select
    param_text('period') as period,
    *
from intermediate.int_input_coverage
