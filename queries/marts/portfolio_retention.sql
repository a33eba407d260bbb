-- portfolio_retention: revenue retention of the portfolio, for all units and
-- for key accounts. The base is the units with prior-LTM revenue > 0:
-- nrr = Σ revenue_ltm ÷ Σ prior, grr = Σ min(ltm, prior) ÷ Σ prior, where a
-- unit's retained revenue is never below zero (a unit with credit notes
-- only in the LTM is lost, not worse than lost). New units: LTM > 0 with
-- prior ≤ 0 (new_revenue is their LTM revenue); lost units: prior > 0 with
-- LTM ≤ 0 (lost_revenue is their prior revenue). Revenue and units at risk
-- come from account_health (key accounts only, so both scopes agree).
-- Without a key-account flag the key scope's figures and both scopes' risk
-- figures are NULL (unavailable_inputs lists key_accounts); without sales
-- lines every figure is NULL (it lists sales). When the sales do not cover
-- the same share of the prior LTM as of the LTM (int_input_coverage: an
-- export that starts inside the prior LTM), the prior base is partial and
-- every customer of the missing months would look new: the figures that
-- compare the two windows (base_*, retained_revenue, nrr, grr, new_*,
-- lost_*) are NULL and unavailable_inputs lists sales.prior_ltm.
-- accounts and revenue_ltm/prior count the whole ranking universe.
-- grain: scope. key: scope. inputs: int_portfolio_units, int_input_flags,
-- int_input_coverage, account_health
-- period: yes
-- history: yes
with units as (
    select * from intermediate.int_portfolio_units
),

inputs as (
    select
        has_key_accounts as has_key_flags,
        has_sales
    from intermediate.int_input_flags
),

-- the sales cover the same share of the prior LTM as of the LTM (no sales:
-- both none, and sales says why)
comparable as (
    select coalesce(bool_and(l.months_covered * p.months = p.months_covered * l.months), true) as is_comparable
    from intermediate.int_input_coverage as l
    inner join intermediate.int_input_coverage as p on p.kind = l.kind and p.time_window = 'prior_ltm'
    where l.kind = 'sales' and l.time_window = 'ltm'
),

scopes as (
    select * from (values ('all'), ('key')) as s(scope)
),

scoped as (
    select
        s.scope,
        u.*
    from scopes as s
    inner join units as u on s.scope = 'all' or u.is_key_account
),

rolled as (
    select
        scope,
        count(*) as accounts,
        sum(revenue_ltm) as revenue_ltm,
        sum(revenue_prior_ltm) as revenue_prior_ltm,
        count(*) filter (where revenue_prior_ltm > 0) as base_accounts,
        coalesce(sum(revenue_prior_ltm) filter (where revenue_prior_ltm > 0), 0) as base_revenue_prior_ltm,
        coalesce(sum(revenue_ltm) filter (where revenue_prior_ltm > 0), 0) as base_revenue_ltm,
        coalesce(sum(greatest(least(revenue_ltm, revenue_prior_ltm), 0)) filter (where revenue_prior_ltm > 0), 0)
            as retained_revenue,
        count(*) filter (where revenue_ltm > 0 and revenue_prior_ltm <= 0) as new_accounts,
        coalesce(sum(revenue_ltm) filter (where revenue_ltm > 0 and revenue_prior_ltm <= 0), 0) as new_revenue,
        count(*) filter (where revenue_prior_ltm > 0 and revenue_ltm <= 0) as lost_accounts,
        coalesce(sum(revenue_prior_ltm) filter (where revenue_prior_ltm > 0 and revenue_ltm <= 0), 0) as lost_revenue
    from scoped
    group by scope
),

risk as (
    select
        s.scope,
        sum(h.revenue_at_risk) as revenue_at_risk,
        count(*) filter (where h.is_revenue_at_risk) as accounts_at_risk
    from scopes as s
    inner join main.account_health as h on s.scope = 'all' or h.is_key_account
    group by s.scope
),

measured as (
    select
        s.scope,
        (s.scope = 'all' or i.has_key_flags) and i.has_sales as is_available,
        (s.scope = 'all' or i.has_key_flags) and i.has_sales and c.is_comparable as is_compared,
        coalesce(r.accounts, 0) as accounts,
        coalesce(r.revenue_ltm, 0) as revenue_ltm,
        coalesce(r.revenue_prior_ltm, 0) as revenue_prior_ltm,
        coalesce(r.base_accounts, 0) as base_accounts,
        coalesce(r.base_revenue_prior_ltm, 0) as base_revenue_prior_ltm,
        coalesce(r.base_revenue_ltm, 0) as base_revenue_ltm,
        coalesce(r.retained_revenue, 0) as retained_revenue,
        r.base_revenue_ltm / nullif(r.base_revenue_prior_ltm, 0) as nrr,
        r.retained_revenue / nullif(r.base_revenue_prior_ltm, 0) as grr,
        coalesce(r.new_accounts, 0) as new_accounts,
        coalesce(r.new_revenue, 0) as new_revenue,
        coalesce(r.lost_accounts, 0) as lost_accounts,
        coalesce(r.lost_revenue, 0) as lost_revenue,
        case when i.has_key_flags and i.has_sales then coalesce(k.revenue_at_risk, 0) end as revenue_at_risk,
        case when i.has_key_flags and i.has_sales then coalesce(k.accounts_at_risk, 0) end as accounts_at_risk,
        list_filter(
            [
                case when not i.has_sales then 'sales' end,
                case when i.has_sales and not c.is_comparable then 'sales.prior_ltm' end,
                case when not i.has_key_flags then 'key_accounts' end
            ],
            x -> x is not null
        ) as unavailable_inputs
    from scopes as s
    cross join inputs as i
    cross join comparable as c
    left join rolled as r using (scope)
    left join risk as k using (scope)
),

final as (
    select
        param_text('period') as period,
        scope,
        case when is_available then accounts end as accounts,
        case when is_available then revenue_ltm end as revenue_ltm,
        case when is_available then revenue_prior_ltm end as revenue_prior_ltm,
        case when is_compared then base_accounts end as base_accounts,
        case when is_compared then base_revenue_prior_ltm end as base_revenue_prior_ltm,
        case when is_compared then base_revenue_ltm end as base_revenue_ltm,
        case when is_compared then retained_revenue end as retained_revenue,
        case when is_compared then nrr end as nrr,
        case when is_compared then grr end as grr,
        case when is_compared then new_accounts end as new_accounts,
        case when is_compared then new_revenue end as new_revenue,
        case when is_compared then lost_accounts end as lost_accounts,
        case when is_compared then lost_revenue end as lost_revenue,
        revenue_at_risk,
        accounts_at_risk,
        unavailable_inputs
    from measured
)

select * from final
