-- portfolio_mix: the portfolio split by key account (key, other), segment,
-- industry, region, country, portfolio-matrix quadrant and ABC class (by
-- contribution and by revenue) (a NULL value shows as "(unknown)"), over the
-- ranking universe: accounts, LTM revenue, net contribution, KAM hours and
-- cost to serve, with shares of the totals and the change in revenue
-- against the prior LTM. contribution_share is NULL when the total net
-- contribution is not positive; metrics whose input is missing are NULL.
-- The change is only fair when the sales cover the same share of the prior
-- LTM as of the LTM (int_input_coverage): an export that starts inside the
-- prior LTM leaves revenue_change_pct NULL and not_comparable_reason
-- 'sales' (the input that differs; NULL when comparable).
-- grain: dimension × value. key: (dimension, value).
-- inputs: int_portfolio_units, int_units, account_profitability, portfolio_matrix, int_input_flags,
-- int_input_coverage
-- period: yes
with universe as (
    select * from intermediate.int_portfolio_units
),

units as (
    select * from intermediate.int_units
),

profit as (
    select * from main.account_profitability where time_window = 'ltm'
),

inputs as (
    select
        has_activities,
        has_cost_to_serve,
        has_net_contribution
    from intermediate.int_input_flags
),

-- the sales cover the same share of the prior LTM as of the LTM (no sales:
-- both none)
comparable as (
    select coalesce(bool_and(l.months_covered * p.months = p.months_covered * l.months), true) as is_comparable
    from intermediate.int_input_coverage as l
    inner join intermediate.int_input_coverage as p on p.kind = l.kind and p.time_window = 'prior_ltm'
    where l.kind = 'sales' and l.time_window = 'ltm'
),

unit_metrics as (
    select
        g.unit_id,
        u.is_key_account,
        u.segment,
        u.industry,
        u.region,
        u.country,
        m.quadrant,
        m.abc_contribution,
        m.abc_revenue,
        g.revenue_ltm,
        g.revenue_prior_ltm,
        case when i.has_net_contribution then coalesce(f.net_contribution, 0) end as net_contribution,
        case when i.has_activities then coalesce(f.hours, 0) end as kam_hours,
        case when i.has_cost_to_serve then coalesce(f.cost_to_serve, 0) end as cost_to_serve
    from universe as g
    inner join units as u using (unit_id)
    cross join inputs as i
    left join profit as f on f.account_id = g.unit_id
    left join main.portfolio_matrix as m on m.account_id = g.unit_id
),

unit_values as (
    select
        'key_account' as dimension,
        case when is_key_account then 'key' when not is_key_account then 'other' end as value,
        *
    from unit_metrics
    union all
    select 'segment', segment, * from unit_metrics
    union all
    select 'industry', industry, * from unit_metrics
    union all
    select 'region', region, * from unit_metrics
    union all
    select 'country', country, * from unit_metrics
    union all
    select 'quadrant', quadrant, * from unit_metrics
    union all
    select 'abc_contribution', abc_contribution, * from unit_metrics
    union all
    select 'abc_revenue', abc_revenue, * from unit_metrics
),

totals as (
    select
        count(*) as accounts,
        sum(revenue_ltm) as revenue_ltm,
        sum(net_contribution) as net_contribution
    from unit_metrics
),

mix as (
    select
        dimension,
        coalesce(value, '(unknown)') as value,
        count(*) as accounts,
        sum(revenue_ltm) as revenue_ltm,
        sum(net_contribution) as net_contribution,
        sum(kam_hours) as kam_hours,
        sum(cost_to_serve) as cost_to_serve,
        sum(revenue_prior_ltm) as revenue_prior_ltm
    from unit_values
    group by all
),

final as (
    select
        param_text('period') as period,
        m.dimension,
        m.value,
        m.accounts,
        m.accounts / t.accounts as accounts_share,
        m.revenue_ltm,
        case when t.revenue_ltm > 0 then m.revenue_ltm / t.revenue_ltm end as revenue_share,
        m.net_contribution,
        case when t.net_contribution > 0 then m.net_contribution / t.net_contribution end as contribution_share,
        m.kam_hours,
        m.cost_to_serve,
        m.revenue_prior_ltm,
        case when c.is_comparable and m.revenue_prior_ltm > 0 then m.revenue_ltm / m.revenue_prior_ltm - 1 end
            as revenue_change_pct,
        case when not c.is_comparable then 'sales' end as not_comparable_reason
    from mix as m
    cross join totals as t
    cross join comparable as c
)

select * from final
