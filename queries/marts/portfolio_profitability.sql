-- portfolio_profitability: the P&L of the whole portfolio, of the key
-- accounts and of the other customers for each window, summed from
-- account_profitability (attributed revenue only: unattributed revenue is
-- in revenue_reconciliation). A money column is NULL when its input is
-- unavailable, and so is the count of loss makers when no unit's net
-- contribution is known. The pocket-margin waterfall of the portfolio reads it.
-- grain: scope × window. key: (scope, time_window). inputs: account_profitability
-- period: yes
with scoped as (
    select 'all' as scope, * from main.account_profitability
    union all
    select 'key', * from main.account_profitability where is_key_account
    union all
    select 'other', * from main.account_profitability where not is_key_account
),

final as (
    select
        param_text('period') as period,
        scope,
        time_window,
        count(*) as accounts,
        sum(gross_sales) as gross_sales,
        sum(discounts) as discounts,
        sum(revenue) as revenue,
        sum(cogs) as cogs,
        sum(revenue_costed) as revenue_costed,
        sum(revenue_without_cost) as revenue_without_cost,
        sum(gross_margin) as gross_margin,
        sum(gross_margin) / nullif(sum(revenue_costed), 0) as gross_margin_pct,
        sum(service_cost) as service_cost,
        sum(service_cost_logistics) as service_cost_logistics,
        sum(service_cost_support) as service_cost_support,
        sum(service_cost_rebate) as service_cost_rebate,
        sum(service_cost_marketing) as service_cost_marketing,
        sum(service_cost_other) as service_cost_other,
        sum(hours) as hours,
        sum(activity_cost) as activity_cost,
        sum(cost_to_serve) as cost_to_serve,
        sum(net_contribution) as net_contribution,
        sum(net_contribution) / nullif(sum(revenue), 0) as net_contribution_pct,
        case when count(is_loss_making) > 0 then count(*) filter (where is_loss_making) end as loss_making_accounts
    from scoped
    group by scope, time_window
)

select * from final
