-- account_selection: which units the selection criteria recommend as key
-- accounts. selection_score 0–100 = weighted percentile ranks of LTM
-- revenue, growth_potential_score, market_influence, strategic_fit and LTM
-- net contribution over the ranking universe (a NULL component's weight is
-- shared out over the unit's others and listed in score_missing_inputs).
-- Recommended: the top selection_top_n by score when that is > 0, else a
-- score ≥ selection_recommend_from. Against today's designation: promote
-- (recommended, not key), confirm (key, recommended), review (key, score <
-- selection_review_below), hold (key, in between), none (neither); NULL
-- when the unit's key-account flag is unknown.
-- grain: unit. key: account_id. inputs: int_growth_potential, account_profitability,
-- int_units, int_input_flags
-- period: yes
with growth as (
    select * from intermediate.int_growth_potential
),

profit as (
    select * from main.account_profitability where time_window = 'ltm'
),

units as (
    select * from intermediate.int_units
),

inputs as (
    select
        has_net_contribution,
        has_key_accounts,
        has_sales
    from intermediate.int_input_flags
),

params as (
    select
        param('selection_weight_revenue') as w_revenue,
        param('selection_weight_growth') as w_growth,
        param('selection_weight_influence') as w_influence,
        param('selection_weight_fit') as w_fit,
        param('selection_weight_profit') as w_profit,
        param('selection_recommend_from') as recommend_from,
        cast(param('selection_top_n') as integer) as top_n,
        param('selection_review_below') as review_below
),

components as (
    select
        g.account_id,
        g.account_name,
        g.is_key_account,
        g.segment,
        g.kam_id,
        g.revenue_ltm,
        g.growth_potential_score,
        u.market_influence,
        u.strategic_fit,
        case when i.has_net_contribution then coalesce(f.net_contribution, 0) end as net_contribution,
        list_filter(
            [
                case when not i.has_sales then 'sales' end,
                case when not i.has_net_contribution and i.has_sales then 'net_contribution' end,
                case when not i.has_key_accounts then 'key_accounts' end
            ],
            x -> x is not null
        ) as unavailable_inputs
    from growth as g
    inner join units as u on u.unit_id = g.account_id
    cross join inputs as i
    left join profit as f on f.account_id = g.account_id
),

ranked as (
    select
        *,
        percentile(revenue_ltm) as revenue_rank,
        percentile(growth_potential_score) as growth_rank,
        percentile(market_influence) as influence_rank,
        percentile(strategic_fit) as fit_rank,
        percentile(net_contribution) as profit_rank
    from components
),

scored as (
    select
        r.*,
        shared_score(
            [r.revenue_rank, r.growth_rank, r.influence_rank, r.fit_rank, r.profit_rank],
            [p.w_revenue, p.w_growth, p.w_influence, p.w_fit, p.w_profit]
        ) as selection_score,
        missing_components(
            [r.revenue_rank, r.growth_rank, r.influence_rank, r.fit_rank, r.profit_rank],
            ['revenue_ltm', 'growth_potential_score', 'market_influence', 'strategic_fit', 'net_contribution']
        ) as score_missing_inputs
    from ranked as r
    cross join params as p
),

recommended as (
    select
        s.*,
        row_number() over (order by s.selection_score desc nulls last, s.revenue_ltm desc, s.account_id) as selection_rank,
        coalesce(
            case
                when p.top_n > 0
                    then row_number() over (order by s.selection_score desc nulls last, s.revenue_ltm desc, s.account_id) <= p.top_n
                        and s.selection_score is not null
                else round(s.selection_score, 9) >= p.recommend_from
            end,
            false
        ) as is_recommended,
        round(s.selection_score, 9) < p.review_below as is_below_review
    from scored as s
    cross join params as p
),

final as (
    select
        param_text('period') as period,
        account_id,
        account_name,
        is_key_account,
        segment,
        kam_id,
        revenue_ltm,
        revenue_rank,
        growth_potential_score,
        growth_rank,
        market_influence,
        influence_rank,
        strategic_fit,
        fit_rank,
        net_contribution,
        profit_rank,
        selection_score,
        selection_rank,
        is_recommended,
        case
            when is_key_account is null then null
            when not is_key_account and is_recommended then 'promote'
            when not is_key_account then 'none'
            when is_recommended then 'confirm'
            when is_below_review then 'review'
            else 'hold'
        end as recommendation,
        score_missing_inputs,
        unavailable_inputs
    from recommended
)

select * from final
