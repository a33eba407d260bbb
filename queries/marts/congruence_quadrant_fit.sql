-- congruence_quadrant_fit: the strategy ↔ resources link of the congruence
-- model, per quadrant of the portfolio matrix: does the KAM time go where
-- the quadrant calls for? Strategic calls for investment, Star for
-- development, Status for efficient maintenance, Streamline for service at
-- low cost. Over the units that have a quadrant: hours_share = the
-- quadrant's LTM KAM activity hours ÷ all of theirs; cost_to_serve_share
-- likewise with LTM cost to serve; contribution_share = Σ of the positive
-- LTM net contributions of its units ÷ Σ over every quadrant (as in
-- account_resources: a loss-maker earns 0, not a negative share);
-- potential_share = Σ growth_potential_score ÷ Σ over every quadrant.
-- hours_to_contribution = hours_share ÷ contribution_share and
-- hours_to_potential = hours_share ÷ potential_share (NULL when the
-- denominator is 0). The quadrant's fit figure is hours_to_potential for
-- Star (develop what can grow) and hours_to_contribution otherwise, against
-- link_strategic_hours_min, link_star_hours_min, link_status_hours_max,
-- link_streamline_hours_max (kam defaults). NULL without activities.
-- grain: quadrant. key: quadrant. inputs: int_input_flags, portfolio_matrix,
-- account_resources, int_growth_potential, account_profitability
-- period: yes
with inputs as (
    select
        has_activities,
        has_key_accounts as has_key_flags
    from intermediate.int_input_flags
),

quadrants as (
    select * from (values
        (1, 'strategic', 'invest'),
        (2, 'star', 'develop'),
        (3, 'status', 'maintain_efficiently'),
        (4, 'streamline', 'serve_at_low_cost')
    ) as q(quadrant_order, quadrant, calls_for)
),

units as (
    select
        m.account_id,
        m.quadrant,
        m.is_key_account,
        coalesce(r.hours, 0) as hours,
        p.cost_to_serve,
        greatest(coalesce(p.net_contribution, 0), 0) as positive_contribution,
        p.net_contribution,
        g.growth_potential_score
    from main.portfolio_matrix as m
    left join main.account_resources as r using (account_id)
    left join intermediate.int_growth_potential as g using (account_id)
    left join main.account_profitability as p on p.account_id = m.account_id and p.time_window = 'ltm'
    where m.quadrant is not null
),

sums as (
    select
        quadrant,
        count(*) as accounts,
        count(*) filter (where is_key_account) as key_accounts,
        sum(hours) as hours,
        sum(cost_to_serve) as cost_to_serve,
        sum(positive_contribution) as positive_contribution,
        count(net_contribution) as with_contribution,
        sum(growth_potential_score) as potential
    from units
    group by quadrant
),

totals as (
    select
        sum(hours) as hours,
        sum(cost_to_serve) as cost_to_serve,
        sum(positive_contribution) as positive_contribution,
        sum(with_contribution) as with_contribution,
        sum(potential) as potential
    from sums
),

shares as (
    select
        q.quadrant_order,
        q.quadrant,
        q.calls_for,
        coalesce(s.accounts, 0) as accounts,
        case when i.has_key_flags then coalesce(s.key_accounts, 0) end as key_accounts,
        case when i.has_activities then coalesce(s.hours, 0) end as hours,
        case when i.has_activities then coalesce(s.hours, 0) / nullif(t.hours, 0) end as hours_share,
        s.cost_to_serve,
        s.cost_to_serve / nullif(t.cost_to_serve, 0) as cost_to_serve_share,
        case when t.with_contribution > 0 then coalesce(s.positive_contribution, 0) / nullif(t.positive_contribution, 0) end
            as contribution_share,
        coalesce(s.potential, 0) / nullif(t.potential, 0) as potential_share
    from quadrants as q
    cross join inputs as i
    cross join totals as t
    left join sums as s using (quadrant)
),

final as (
    select
        param_text('period') as period,
        quadrant,
        quadrant_order,
        calls_for,
        accounts,
        key_accounts,
        hours,
        hours_share,
        cost_to_serve,
        cost_to_serve_share,
        contribution_share,
        potential_share,
        hours_share / nullif(contribution_share, 0) as hours_to_contribution,
        hours_share / nullif(potential_share, 0) as hours_to_potential,
        case quadrant when 'star' then 'hours_to_potential' else 'hours_to_contribution' end as fit_measure,
        case quadrant
            when 'star' then hours_share / nullif(potential_share, 0)
            else hours_share / nullif(contribution_share, 0)
        end as fit_value,
        case quadrant
            when 'strategic' then param('link_strategic_hours_min')
            when 'star' then param('link_star_hours_min')
        end as target_min,
        case quadrant
            when 'status' then param('link_status_hours_max')
            when 'streamline' then param('link_streamline_hours_max')
        end as target_max,
        case quadrant
            when 'strategic' then 'link_strategic_hours_min'
            when 'star' then 'link_star_hours_min'
            when 'status' then 'link_status_hours_max'
            else 'link_streamline_hours_max'
        end as target_param
    from shares
)

select * from final
