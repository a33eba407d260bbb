-- whale_curve: portfolio units of the last twelve months ranked by net
-- contribution, highest first, with cumulative contribution as a share of
-- the total: the curve rises above 100 % while profitable accounts are
-- added and falls as loss-makers eat into it. is_peak marks its top.
-- Empty when net contribution is unavailable.
-- grain: unit. key: account_id. inputs: account_profitability
-- period: yes
with ltm as (
    select * from main.account_profitability where time_window = 'ltm' and net_contribution is not null
),

ranked as (
    select
        account_id,
        account_name,
        is_key_account,
        revenue,
        net_contribution,
        row_number() over (order by net_contribution desc, account_id) as rank,
        running_total(net_contribution, account_id) as cum_contribution,
        sum(net_contribution) over () as total_contribution,
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
        revenue,
        net_contribution,
        cum_contribution,
        case when total_contribution > 0 then cum_contribution / total_contribution end as cum_contribution_pct,
        rank / accounts as cum_accounts_pct,
        net_contribution < 0 as is_loss_making,
        rank = first_value(rank) over (order by cum_contribution desc, rank) as is_peak
    from ranked
)

select * from final
