-- kpi_summary: the executive KPIs of the period with their value the
-- previous month and the same month a year before, from the history
-- snapshots (absent when that month's data was never loaded). Money in the
-- reporting currency; shares and rates are fractions. value and the
-- changes are DECIMAL(38,10), exact for money; the change percentages are
-- ratios (DOUBLE).
-- A change is comparable only when the inputs of the KPI covered the same
-- share of its windows in both periods (history_input_coverage: sales,
-- costs on the lines, service costs, activities over the month, the LTM or
-- the prior LTM the KPI reads). When they did not — service costs that
-- start inside the LTM a year ago, say — is_comparable_prior_* is false,
-- not_comparable_reason_prior_* names the first input that differs, and
-- the change columns are NULL: the earlier value stays, the change is not
-- shown. NULL when there is no earlier value, or when its snapshot kept no
-- coverage (a snapshot from an older kam): the change stands as computed.
-- grain: KPI. key: kpi. inputs: history_account_profitability,
-- history_revenue_reconciliation, history_portfolio_concentration,
-- history_portfolio_retention, history_portfolio_matrix, history_account_health,
-- history_congruence_scorecard, history_input_coverage
-- period: yes
with periods as (
    select
        param_text('period') as p0,
        strftime(cast(strptime(param_text('period') || '-01', '%Y-%m-%d') as date) - interval 1 month, '%Y-%m') as p1,
        strftime(cast(strptime(param_text('period') || '-01', '%Y-%m-%d') as date) - interval 12 month, '%Y-%m') as p12
),

profit as (
    select
        period,
        sum(net_contribution) filter (where time_window = 'ltm') as net_contribution_ltm,
        count(net_contribution) filter (where time_window = 'ltm') as with_contribution,
        sum(revenue) filter (where time_window = 'ltm' and is_key_account)
            / nullif(sum(revenue) filter (where time_window = 'ltm'), 0) as key_revenue_share,
        sum(net_contribution) filter (where time_window = 'ltm' and is_key_account)
            / nullif(sum(net_contribution) filter (where time_window = 'ltm'), 0) as key_contribution_share,
        sum(gross_margin) filter (where time_window = 'ltm')
            / nullif(sum(revenue_costed) filter (where time_window = 'ltm'), 0) as gross_margin_pct_ltm
    from main.history_account_profitability
    group by period
),

recon as (
    select
        period,
        any_value(loaded_revenue) filter (where time_window = 'ltm') as revenue_ltm,
        any_value(loaded_revenue) filter (where time_window = 'month') as revenue_month,
        any_value(unattributed_revenue) filter (where time_window = 'ltm') as unattributed_revenue_ltm
    from main.history_revenue_reconciliation
    group by period
),

conc as (
    select
        period,
        any_value(hhi) filter (where scope = 'all') as hhi,
        any_value(hhi) filter (where scope = 'key') as hhi_key,
        any_value(key_accounts) filter (where scope = 'key') as key_accounts
    from main.history_portfolio_concentration
    group by period
),

ret as (
    select
        period,
        any_value(nrr) filter (where scope = 'all') as nrr,
        any_value(grr) filter (where scope = 'all') as grr,
        any_value(revenue_at_risk) filter (where scope = 'key') as revenue_at_risk
    from main.history_portfolio_retention
    group by period
),

quad as (
    select
        period,
        count(*) filter (where quadrant = 'strategic') as accounts_strategic,
        count(*) filter (where quadrant = 'star') as accounts_star,
        count(*) filter (where quadrant = 'status') as accounts_status,
        count(*) filter (where quadrant = 'streamline') as accounts_streamline
    from main.history_portfolio_matrix
    group by period
),

-- the inputs each KPI reads, by window; ord ranks them for the reason
needs as (
    select n.kpi, n.kind, n.time_window, list_position(['sales', 'cost_amount', 'service_costs', 'activities'], n.kind) as ord
    from (
        select kpi, unnest(kinds) as kind, unnest(windows) as time_window
        from (values
            ('revenue_month', ['sales'], ['month']),
            ('revenue_ltm', ['sales'], ['ltm']),
            ('unattributed_revenue_ltm', ['sales'], ['ltm']),
            ('net_contribution_ltm', ['sales', 'cost_amount', 'service_costs', 'activities'], ['ltm', 'ltm', 'ltm', 'ltm']),
            ('key_contribution_share', ['sales', 'cost_amount', 'service_costs', 'activities'], ['ltm', 'ltm', 'ltm', 'ltm']),
            ('gross_margin_pct_ltm', ['sales', 'cost_amount'], ['ltm', 'ltm']),
            ('key_revenue_share', ['sales'], ['ltm']),
            ('nrr', ['sales', 'sales'], ['ltm', 'prior_ltm']),
            ('grr', ['sales', 'sales'], ['ltm', 'prior_ltm']),
            ('hhi', ['sales'], ['ltm']),
            ('hhi_key', ['sales'], ['ltm']),
            ('accounts_strategic', ['sales', 'sales', 'cost_amount', 'activities'], ['ltm', 'prior_ltm', 'ltm', 'ltm']),
            ('accounts_star', ['sales', 'sales', 'cost_amount', 'activities'], ['ltm', 'prior_ltm', 'ltm', 'ltm']),
            ('accounts_status', ['sales', 'sales', 'cost_amount', 'activities'], ['ltm', 'prior_ltm', 'ltm', 'ltm']),
            ('accounts_streamline', ['sales', 'sales', 'cost_amount', 'activities'], ['ltm', 'prior_ltm', 'ltm', 'ltm']),
            ('revenue_at_risk', ['sales', 'sales', 'activities'], ['ltm', 'prior_ltm', 'ltm']),
            ('congruence_index', ['sales', 'service_costs', 'activities'], ['ltm', 'ltm', 'ltm'])
        ) as v(kpi, kinds, windows)
    ) as n
),

comparisons as (
    select 'prior_month' as comparison, p1 as earlier, p0 from periods
    union all
    select 'prior_year', p12, p0 from periods
),

coverage as (
    select period, kind, time_window, months, months_covered from main.history_input_coverage
),

-- per KPI and comparison: did each input cover the same share of its
-- window then and now? NULL when either snapshot kept no coverage
judged as (
    select
        c.comparison,
        n.kpi,
        case when count(c0.kind) = count(*) and count(c1.kind) = count(*) then
            bool_and(c0.months_covered * c1.months = c1.months_covered * c0.months)
        end as is_comparable,
        arg_min(n.kind, n.ord) filter (where c0.months_covered * c1.months <> c1.months_covered * c0.months) as reason
    from comparisons as c
    cross join needs as n
    left join coverage as c0 on c0.period = c.p0 and c0.kind = n.kind and c0.time_window = n.time_window
    left join coverage as c1 on c1.period = c.earlier and c1.kind = n.kind and c1.time_window = n.time_window
    group by all
),

cong as (
    select period, any_value(congruence_index) as congruence_index
    from main.history_congruence_scorecard
    group by period
),

wide as (
    select
        r.period,
        r.revenue_month,
        r.revenue_ltm,
        case when p.with_contribution > 0 then p.net_contribution_ltm end as net_contribution_ltm,
        p.gross_margin_pct_ltm,
        p.key_revenue_share,
        p.key_contribution_share,
        t.nrr,
        t.grr,
        c.hhi,
        c.hhi_key,
        c.key_accounts,
        q.accounts_strategic,
        q.accounts_star,
        q.accounts_status,
        q.accounts_streamline,
        t.revenue_at_risk,
        g.congruence_index,
        r.unattributed_revenue_ltm
    from recon as r
    left join profit as p using (period)
    left join conc as c using (period)
    left join ret as t using (period)
    left join quad as q using (period)
    left join cong as g using (period)
),

typed as (
    -- One exact type for every KPI: money keeps its cents exactly (DECIMAL
    -- like every money column), shares and indices their first 10 decimals.
    select
        period,
        cast(revenue_month as decimal(38, 10)) as revenue_month,
        cast(revenue_ltm as decimal(38, 10)) as revenue_ltm,
        cast(net_contribution_ltm as decimal(38, 10)) as net_contribution_ltm,
        cast(gross_margin_pct_ltm as decimal(38, 10)) as gross_margin_pct_ltm,
        cast(key_revenue_share as decimal(38, 10)) as key_revenue_share,
        cast(key_contribution_share as decimal(38, 10)) as key_contribution_share,
        cast(nrr as decimal(38, 10)) as nrr,
        cast(grr as decimal(38, 10)) as grr,
        cast(hhi as decimal(38, 10)) as hhi,
        cast(hhi_key as decimal(38, 10)) as hhi_key,
        cast(key_accounts as decimal(38, 10)) as key_accounts,
        cast(accounts_strategic as decimal(38, 10)) as accounts_strategic,
        cast(accounts_star as decimal(38, 10)) as accounts_star,
        cast(accounts_status as decimal(38, 10)) as accounts_status,
        cast(accounts_streamline as decimal(38, 10)) as accounts_streamline,
        cast(revenue_at_risk as decimal(38, 10)) as revenue_at_risk,
        cast(congruence_index as decimal(38, 10)) as congruence_index,
        cast(unattributed_revenue_ltm as decimal(38, 10)) as unattributed_revenue_ltm
    from wide
),

long as (
    select *
    from typed
    unpivot include nulls (value for kpi in (
        revenue_month,
        revenue_ltm,
        net_contribution_ltm,
        gross_margin_pct_ltm,
        key_revenue_share,
        key_contribution_share,
        nrr,
        grr,
        hhi,
        hhi_key,
        key_accounts,
        accounts_strategic,
        accounts_star,
        accounts_status,
        accounts_streamline,
        revenue_at_risk,
        congruence_index,
        unattributed_revenue_ltm
    ))
),

compared as (
    select
        p.p0 as period,
        k.kpi,
        k.value,
        m.value as value_prior_month,
        y.value as value_prior_year,
        case when m.value is not null then case when jm.kpi is null then true else jm.is_comparable end end
            as is_comparable_prior_month,
        case when y.value is not null then case when jy.kpi is null then true else jy.is_comparable end end
            as is_comparable_prior_year,
        case when m.value is not null then jm.reason end as reason_prior_month,
        case when y.value is not null then jy.reason end as reason_prior_year
    from periods as p
    inner join long as k on k.period = p.p0
    left join long as m on m.period = p.p1 and m.kpi = k.kpi
    left join long as y on y.period = p.p12 and y.kpi = k.kpi
    left join judged as jm on jm.kpi = k.kpi and jm.comparison = 'prior_month'
    left join judged as jy on jy.kpi = k.kpi and jy.comparison = 'prior_year'
),

final as (
    select
        period,
        kpi,
        value,
        value_prior_month,
        value_prior_year,
        case when is_comparable_prior_month is not false then value - value_prior_month end as change_prior_month,
        case when is_comparable_prior_year is not false then value - value_prior_year end as change_prior_year,
        case when is_comparable_prior_month is not false and value_prior_month <> 0 then
            cast(value - value_prior_month as double) / abs(cast(value_prior_month as double))
        end as change_pct_prior_month,
        case when is_comparable_prior_year is not false and value_prior_year <> 0 then
            cast(value - value_prior_year as double) / abs(cast(value_prior_year as double))
        end as change_pct_prior_year,
        is_comparable_prior_month,
        case when is_comparable_prior_month = false then reason_prior_month end as not_comparable_reason_prior_month,
        is_comparable_prior_year,
        case when is_comparable_prior_year = false then reason_prior_year end as not_comparable_reason_prior_year,
        case
            when kpi in ('revenue_month', 'revenue_ltm', 'net_contribution_ltm', 'revenue_at_risk', 'unattributed_revenue_ltm') then 'money'
            when kpi in ('hhi', 'hhi_key') then 'index'
            when kpi like 'accounts_%' or kpi = 'key_accounts' then 'count'
            else 'share'
        end as unit
    from compared
)

select * from final
