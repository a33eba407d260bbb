-- int_period_dates: the dates of P as one row, for the models that need
-- several of them side by side (cross join it): period_month (the first day
-- of P) and period_end_date (its last day); fy_start and fy_end_month (the
-- first and the last month of P's fiscal year); ltm_start and ltm_end (the
-- LTM window's months, ltm_end being P) and prior_ltm_start and
-- prior_ltm_end (the 12 months before). int_windows defines the windows.
-- grain: period. key: period_month. inputs: int_windows
-- materialized: temp
-- period: yes
select
    max(start_month) filter (where time_window = 'month') as period_month,
    max(end_date) filter (where time_window = 'month') as period_end_date,
    max(start_month) filter (where time_window = 'ytd') as fy_start,
    cast(max(start_month) filter (where time_window = 'ytd') + interval 11 month as date) as fy_end_month,
    max(start_month) filter (where time_window = 'ltm') as ltm_start,
    max(end_month) filter (where time_window = 'ltm') as ltm_end,
    max(start_month) filter (where time_window = 'prior_ltm') as prior_ltm_start,
    max(end_month) filter (where time_window = 'prior_ltm') as prior_ltm_end
from intermediate.int_windows
