-- kpi_summary: the executive KPIs of the period with their value the
-- previous month and the same month a year before, from the history
-- snapshots (absent when that month's data was never loaded). Money in the
-- reporting currency; shares and rates are fractions. value and the
-- changes are DECIMAL(38,10), exact for money; the change percentages are
-- ratios (DOUBLE).
-- grain: KPI. key: kpi. inputs: history_account_profitability,
-- history_revenue_reconciliation, history_portfolio_concentration,
-- history_portfolio_retention, history_portfolio_matrix, history_account_health,
-- history_congruence_scorecard
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

final as (
    select
        p.p0 as period,
        k.kpi,
        k.value,
        m.value as value_prior_month,
        y.value as value_prior_year,
        k.value - m.value as change_prior_month,
        k.value - y.value as change_prior_year,
        case when m.value <> 0 then cast(k.value - m.value as double) / abs(cast(m.value as double)) end as change_pct_prior_month,
        case when y.value <> 0 then cast(k.value - y.value as double) / abs(cast(y.value as double)) end as change_pct_prior_year,
        case
            when k.kpi in ('revenue_month', 'revenue_ltm', 'net_contribution_ltm', 'revenue_at_risk', 'unattributed_revenue_ltm') then 'money'
            when k.kpi in ('hhi', 'hhi_key') then 'index'
            when k.kpi like 'accounts_%' or k.kpi = 'key_accounts' then 'count'
            when k.kpi = 'congruence_index' then 'share'
            else 'share'
        end as unit
    from periods as p
    inner join long as k on k.period = p.p0
    left join long as m on m.period = p.p1 and m.kpi = k.kpi
    left join long as y on y.period = p.p12 and y.kpi = k.kpi
)

select * from final
