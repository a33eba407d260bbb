-- revenue_pareto: portfolio units ranked by LTM revenue, largest first,
-- with the cumulative share of revenue and of accounts: the Pareto curve of
-- concentration. Units with LTM revenue > 0 (as in portfolio_concentration).
-- grain: unit. key: account_id. inputs: account_profitability
-- period: yes
with ltm as (
    select account_id, account_name, is_key_account, revenue
    from main.account_profitability
    where time_window = 'ltm' and revenue > 0
),

ranked as (
    select
        *,
        row_number() over (order by revenue desc, account_id) as rank,
        running_total(revenue, account_id) as cum_revenue,
        sum(revenue) over () as total_revenue,
        count(*) over () as accounts
    from ltm
),

final as (
    select
        param_text('period') as period,
        rank,
        account_id,
        account_name,
        is_key_account,
        revenue as revenue_ltm,
        cum_revenue,
        cum_revenue / total_revenue as cum_revenue_share,
        rank / accounts as cum_accounts_pct
    from ranked
)

select * from final
