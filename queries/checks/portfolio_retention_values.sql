-- portfolio_retention_values: grr is within 0–1 and retained revenue never exceeds the prior revenue; counts and revenue at risk are not negative; the key scope stays within all.
select scope, nrr, grr, new_accounts, lost_accounts, revenue_at_risk, accounts_at_risk
from main.portfolio_retention
where grr not between 0 and 1
    or retained_revenue > base_revenue_prior_ltm
    or new_accounts < 0
    or lost_accounts < 0
    or revenue_at_risk < 0
    or accounts_at_risk < 0
union all
select 'key > all', null, null, k.new_accounts, k.lost_accounts, k.revenue_at_risk, k.accounts_at_risk
from main.portfolio_retention as k
inner join main.portfolio_retention as a on a.scope = 'all'
where k.scope = 'key' and (k.base_accounts > a.base_accounts or k.accounts_at_risk > a.accounts_at_risk)
