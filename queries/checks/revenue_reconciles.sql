-- revenue_reconciles: account revenue plus unattributed revenue equals the loaded sales lines' revenue, to the cent, in every window.
select time_window, loaded_revenue, attributed_revenue, unattributed_revenue, difference
from main.revenue_reconciliation
where difference <> 0
