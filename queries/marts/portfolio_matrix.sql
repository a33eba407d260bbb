-- portfolio_matrix: the Cranfield / McDonald matrix. attractiveness 0–100 =
-- weights × {growth_potential_score, strategic_fit and market_influence
-- scaled (score − 1) ÷ 4 × 100, percentile rank of LTM gross_margin_pct};
-- relative_strength 0–100 = weights × {min(share_of_wallet, 1) × 100,
-- relationship stage 0/25/50/75/100, percentile rank of tenure (since
-- customer_since, else the first sale), percentile rank of LTM activity
-- count, win_rate_count × 100}. A NULL component's weight is shared out over
-- the unit's others and the component is listed in score_missing_inputs.
-- quadrant splits both axes at matrix_split (≥ is high). ABC classes by LTM
-- net contribution and by LTM revenue: units with a positive value ranked
-- highest first, cumulative share of their total ≤ abc_a_share → A,
-- ≤ abc_b_share → B, else C; a value ≤ 0 is C. Ranks over the ranking universe.
-- grain: unit. key: account_id. inputs: int_growth_potential, account_profitability,
-- int_portfolio_units, int_units, int_windows, int_input_flags
-- period: yes
-- history: yes
with growth as (
    select * from intermediate.int_growth_potential
),

profit as (
    select * from main.account_profitability where time_window = 'ltm'
),

universe as (
    select * from intermediate.int_portfolio_units
),

units as (
    select * from intermediate.int_units
),

period as (
    select end_date from intermediate.int_windows where time_window = 'month'
),

inputs as (
    select
        has_activities,
        has_net_contribution
    from intermediate.int_input_flags
),

params as (
    select
        param('matrix_weight_growth') as w_growth,
        param('matrix_weight_fit') as w_fit,
        param('matrix_weight_influence') as w_influence,
        param('matrix_weight_margin') as w_margin,
        param('matrix_weight_wallet') as w_wallet,
        param('matrix_weight_relationship') as w_relationship,
        param('matrix_weight_tenure') as w_tenure,
        param('matrix_weight_engagement') as w_engagement,
        param('matrix_weight_win_rate') as w_win_rate,
        param('matrix_split') as split,
        param('abc_a_share') as abc_a_share,
        param('abc_b_share') as abc_b_share
),

stages as (
    select * from (values
        ('exploratory', 0.0), ('basic', 25.0), ('cooperative', 50.0), ('interdependent', 75.0), ('integrated', 100.0)
    ) as s(stage, stage_score)
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
        (u.strategic_fit - 1) / 4 * 100 as strategic_fit_score,
        (u.market_influence - 1) / 4 * 100 as market_influence_score,
        f.gross_margin_pct,
        case when g.share_of_wallet is not null then least(greatest(g.share_of_wallet, 0), 1) * 100 end as share_of_wallet_score,
        s.stage_score as relationship_score,
        case
            when coalesce(u.customer_since, r.first_month) is not null
                then greatest(date_diff('day', coalesce(u.customer_since, r.first_month), p.end_date), 0) / 365.25
        end as tenure_years,
        case when i.has_activities then coalesce(f.activities, 0) end as activities_ltm,
        g.win_rate_count * 100 as win_rate_score,
        case when i.has_net_contribution then coalesce(f.net_contribution, 0) end as net_contribution
    from growth as g
    inner join units as u on u.unit_id = g.account_id
    inner join universe as r on r.unit_id = g.account_id
    cross join period as p
    cross join inputs as i
    left join profit as f on f.account_id = g.account_id
    left join stages as s on s.stage = u.relationship_stage
),

ranked as (
    select
        *,
        percentile(gross_margin_pct) as gross_margin_pct_rank,
        percentile(tenure_years) as tenure_rank,
        percentile(activities_ltm) as engagement_rank
    from components
),

scored as (
    select
        r.*,
        shared_score(
            [r.growth_potential_score, r.strategic_fit_score, r.market_influence_score, r.gross_margin_pct_rank],
            [p.w_growth, p.w_fit, p.w_influence, p.w_margin]
        ) as attractiveness,
        shared_score(
            [r.share_of_wallet_score, r.relationship_score, r.tenure_rank, r.engagement_rank, r.win_rate_score],
            [p.w_wallet, p.w_relationship, p.w_tenure, p.w_engagement, p.w_win_rate]
        ) as relative_strength,
        missing_components(
            [r.growth_potential_score, r.strategic_fit_score, r.market_influence_score, r.gross_margin_pct_rank, r.share_of_wallet_score, r.relationship_score, r.tenure_rank, r.engagement_rank, r.win_rate_score],
            ['growth_potential_score', 'strategic_fit', 'market_influence', 'gross_margin_pct', 'share_of_wallet', 'relationship_stage', 'tenure', 'engagement', 'win_rate']
        ) as score_missing_inputs
    from ranked as r
    cross join params as p
),

cumulated as (
    select
        *,
        sum(net_contribution) over (
            partition by net_contribution > 0 order by net_contribution desc, account_id rows unbounded preceding
        ) / sum(net_contribution) over (partition by net_contribution > 0) as cum_contribution_share,
        sum(revenue_ltm) over (
            partition by revenue_ltm > 0 order by revenue_ltm desc, account_id rows unbounded preceding
        ) / sum(revenue_ltm) over (partition by revenue_ltm > 0) as cum_revenue_share
    from scored
),

final as (
    select
        param_text('period') as period,
        c.account_id,
        c.account_name,
        c.is_key_account,
        c.segment,
        c.kam_id,
        c.attractiveness,
        c.growth_potential_score,
        c.strategic_fit_score,
        c.market_influence_score,
        c.gross_margin_pct,
        c.gross_margin_pct_rank,
        c.relative_strength,
        c.share_of_wallet_score,
        c.relationship_score,
        c.tenure_years,
        c.tenure_rank,
        c.activities_ltm,
        c.engagement_rank,
        c.win_rate_score,
        case
            when c.attractiveness is null or c.relative_strength is null then null
            when round(c.attractiveness, 9) >= p.split and round(c.relative_strength, 9) >= p.split then 'strategic'
            when round(c.attractiveness, 9) >= p.split then 'star'
            when round(c.relative_strength, 9) >= p.split then 'status'
            else 'streamline'
        end as quadrant,
        c.revenue_ltm,
        c.net_contribution,
        case
            when c.net_contribution is null then null
            when c.net_contribution <= 0 then 'C'
            when c.cum_contribution_share <= p.abc_a_share then 'A'
            when c.cum_contribution_share <= p.abc_b_share then 'B'
            else 'C'
        end as abc_contribution,
        case
            when c.revenue_ltm is null then null
            when c.revenue_ltm <= 0 then 'C'
            when c.cum_revenue_share <= p.abc_a_share then 'A'
            when c.cum_revenue_share <= p.abc_b_share then 'B'
            else 'C'
        end as abc_revenue,
        c.score_missing_inputs
    from cumulated as c
    cross join params as p
)

select * from final
