-- movers: portfolio units that changed portfolio-matrix quadrant, health
-- band or ABC class (by contribution) since the previous month's snapshot.
-- is_comparable is false when an input of that change covered a different
-- share of its window in the two months (history_input_coverage, as in
-- kpi_summary): the move may come from the data, not the account;
-- not_comparable_reason names the first such input. NULL when the earlier
-- snapshot kept no coverage.
-- grain: unit × change. key: (account_id, change). inputs:
-- history_portfolio_matrix, history_account_health, history_input_coverage
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

-- the inputs each kind of change reads, by window; ord ranks them for the reason
needs as (
    select n.change, n.kind, n.time_window, list_position(['sales', 'cost_amount', 'service_costs', 'activities'], n.kind) as ord
    from (
        select change, unnest(kinds) as kind, unnest(windows) as time_window
        from (values
            ('quadrant', ['sales', 'sales', 'cost_amount', 'activities'], ['ltm', 'prior_ltm', 'ltm', 'ltm']),
            ('abc_class', ['sales', 'cost_amount', 'service_costs', 'activities'], ['ltm', 'ltm', 'ltm', 'ltm']),
            ('health_band', ['sales', 'sales', 'activities'], ['ltm', 'prior_ltm', 'ltm'])
        ) as v(change, kinds, windows)
    ) as n
),

judged as (
    select
        n.change,
        case when count(c0.kind) = count(*) and count(c1.kind) = count(*) then
            bool_and(c0.months_covered * c1.months = c1.months_covered * c0.months)
        end as is_comparable,
        arg_min(n.kind, n.ord) filter (where c0.months_covered * c1.months <> c1.months_covered * c0.months) as reason
    from periods as p
    cross join needs as n
    left join main.history_input_coverage as c0 on c0.period = p.p0 and c0.kind = n.kind and c0.time_window = n.time_window
    left join main.history_input_coverage as c1 on c1.period = p.p1 and c1.kind = n.kind and c1.time_window = n.time_window
    group by all
),

final as (
    select
        p.p0 as period,
        p.p1 as compared_with,
        c.*,
        j.is_comparable,
        case when j.is_comparable = false then j.reason end as not_comparable_reason
    from changes as c
    cross join periods as p
    left join judged as j using (change)
)

select * from final
