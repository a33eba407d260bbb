-- account_profitability_keys: (account_id, time_window) is unique and not null, and time_window is month, ytd or ltm.
select account_id, time_window, count(*) as n
from main.account_profitability
group by all
having count(*) > 1 or account_id is null or time_window is null or time_window not in ('month', 'ytd', 'ltm')
