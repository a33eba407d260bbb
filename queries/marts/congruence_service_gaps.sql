-- congruence_service_gaps: the accounts whose KAM time fits their quadrant
-- worst (strategy ↔ resources, account by account). over_served: Status
-- and Streamline units (maintain efficiently, serve at low cost) whose
-- share of LTM KAM hours exceeds their share of contribution, ranked by
-- the excess in points (hours_share − contribution_share). under_served:
-- Strategic and Star units (invest, develop) whose share of hours falls
-- short of their share of growth potential, ranked by the shortfall (a
-- large contributor served with few hours is efficient, not under-served).
-- Shares as in
-- congruence_quadrant_fit (over the units with a quadrant). The first
-- link_accounts_listed of each side are listed. Empty without activities.
-- grain: unit listed. key: account_id. inputs: int_input_flags, portfolio_matrix,
-- account_resources, int_growth_potential, account_profitability
-- period: yes
with inputs as (
    select
        has_activities
    from intermediate.int_input_flags
),

units as (
    select
        m.account_id,
        m.account_name,
        m.quadrant,
        m.is_key_account,
        m.kam_id,
        coalesce(r.hours, 0) as hours,
        greatest(coalesce(p.net_contribution, 0), 0) as positive_contribution,
        p.net_contribution,
        coalesce(g.growth_potential_score, 0) as potential
    from main.portfolio_matrix as m
    left join main.account_resources as r using (account_id)
    left join intermediate.int_growth_potential as g using (account_id)
    left join main.account_profitability as p on p.account_id = m.account_id and p.time_window = 'ltm'
    where m.quadrant is not null
),

shared as (
    select
        *,
        hours / nullif(sum(hours) over (), 0) as hours_share,
        positive_contribution / nullif(sum(positive_contribution) over (), 0) as contribution_share,
        potential / nullif(sum(potential) over (), 0) as potential_share
    from units
),

gaps as (
    select
        *,
        case
            when quadrant in ('status', 'streamline') then 'over_served'
            else 'under_served'
        end as direction,
        case
            when quadrant in ('status', 'streamline') then hours_share - coalesce(contribution_share, 0)
            else coalesce(potential_share, 0) - hours_share
        end as gap_share
    from shared
),

ranked as (
    select
        *,
        row_number() over (partition by direction order by gap_share desc, hours desc, account_id) as gap_rank
    from gaps
    where gap_share > 0
),

final as (
    select
        param_text('period') as period,
        r.direction,
        r.gap_rank,
        r.account_id,
        r.account_name,
        r.quadrant,
        r.is_key_account,
        r.kam_id,
        r.hours,
        r.hours_share,
        r.contribution_share,
        r.potential_share,
        r.net_contribution,
        r.gap_share
    from ranked as r
    cross join inputs as i
    where i.has_activities and r.gap_rank <= param('link_accounts_listed')
)

select * from final
