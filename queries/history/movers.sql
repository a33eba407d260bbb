-- movers: portfolio units that changed portfolio-matrix quadrant, health
-- band or ABC class (by contribution) since the previous month's snapshot.
-- grain: unit × change. key: (account_id, change). inputs:
-- history_portfolio_matrix, history_account_health
-- period: yes
with periods as (
    select
        param_text('period') as p0,
        strftime(cast(strptime(param_text('period') || '-01', '%Y-%m-%d') as date) - interval 1 month, '%Y-%m') as p1
),

matrix as (
    select period, account_id, account_name, quadrant, abc_contribution, revenue_ltm
    from main.history_portfolio_matrix
),

health as (
    select period, account_id, health_band from main.history_account_health
),

changes as (
    select n.account_id, n.account_name, 'quadrant' as change, o.quadrant as from_value, n.quadrant as to_value, n.revenue_ltm
    from periods as p
    inner join matrix as n on n.period = p.p0
    inner join matrix as o on o.period = p.p1 and o.account_id = n.account_id
    where o.quadrant is distinct from n.quadrant
    union all
    select n.account_id, n.account_name, 'abc_class', o.abc_contribution, n.abc_contribution, n.revenue_ltm
    from periods as p
    inner join matrix as n on n.period = p.p0
    inner join matrix as o on o.period = p.p1 and o.account_id = n.account_id
    where o.abc_contribution is distinct from n.abc_contribution
    union all
    select hn.account_id, m.account_name, 'health_band', ho.health_band, hn.health_band, m.revenue_ltm
    from periods as p
    inner join health as hn on hn.period = p.p0
    inner join health as ho on ho.period = p.p1 and ho.account_id = hn.account_id
    left join matrix as m on m.period = p.p0 and m.account_id = hn.account_id
    where ho.health_band is distinct from hn.health_band
),

final as (
    select
        p.p0 as period,
        p.p1 as compared_with,
        c.*
    from changes as c
    cross join periods as p
)

select * from final
