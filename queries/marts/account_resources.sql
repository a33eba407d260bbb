-- account_resources: where the KAM time of the last twelve months goes
-- against what each portfolio unit earns, and the coverage gaps. Units: the
-- ranking universe plus any unit with LTM activities. hours_share = the
-- unit's LTM activity hours ÷ all attributed LTM activity hours (whoever
-- logged them, with or without a KAM); contribution_share = the unit's LTM
-- net contribution ÷ the sum over the units whose contribution is positive
-- (NULL for a unit whose own is not positive, so loss-makers get no index);
-- service_index = hours_share ÷ contribution_share. service_band only for
-- the strategic and star quadrants of portfolio_matrix, and only where the
-- index is known: over_served (> service_over_above), under_served
-- (< service_under_below), balanced. days_since_activity counts to the last
-- day of P (later activities ignored); a key account is without recent
-- activity when its last one is more than inactive_days before then, or
-- when it has none. Without a key-account flag the coverage flags are NULL.
-- grain: unit. key: account_id. inputs: int_portfolio_units, int_units,
-- int_activities, int_period_dates, int_input_flags, account_profitability,
-- portfolio_matrix
-- period: yes
with inputs as (
    select
        has_sales,
        has_activities,
        has_cost,
        has_service_costs,
        has_key_accounts as has_key_flags
    from intermediate.int_input_flags
),

profit as (
    select
        account_id as unit_id,
        revenue as revenue_ltm,
        net_contribution
    from main.account_profitability
    where time_window = 'ltm'
),

matrix as (
    select account_id as unit_id, quadrant from main.portfolio_matrix
),

visits as (
    select
        a.unit_id,
        coalesce(sum(a.duration_hours) filter (where a.month between w.ltm_start and w.ltm_end), 0) as hours,
        count(*) filter (where a.month between w.ltm_start and w.ltm_end) as activities,
        max(a.activity_date) as last_activity_date
    from intermediate.int_activities as a
    cross join intermediate.int_period_dates as w
    where a.activity_date <= w.period_end_date
    group by a.unit_id
),

units as (
    select unit_id from intermediate.int_portfolio_units
    union
    select unit_id from visits where activities > 0
),

totals as (
    select
        (select sum(hours) from visits) as all_hours,
        (select sum(net_contribution) from profit where net_contribution > 0) as positive_contribution
),

measured as (
    select
        g.unit_id,
        x.quadrant,
        case when i.has_sales then coalesce(p.revenue_ltm, 0) end as revenue_ltm,
        case
            when i.has_cost and i.has_activities and i.has_service_costs then coalesce(p.net_contribution, 0)
        end as net_contribution,
        case when i.has_activities then coalesce(v.activities, 0) end as activities,
        case when i.has_activities then coalesce(v.hours, 0) end as hours,
        case when i.has_activities then coalesce(v.hours, 0) / nullif(t.all_hours, 0) end as hours_share,
        case when p.net_contribution > 0 then p.net_contribution / t.positive_contribution end as contribution_share,
        v.last_activity_date,
        date_diff('day', v.last_activity_date, w.period_end_date) as days_since_activity,
        i.has_sales,
        i.has_activities,
        i.has_cost,
        i.has_service_costs,
        i.has_key_flags
    from units as g
    cross join intermediate.int_period_dates as w
    cross join inputs as i
    cross join totals as t
    left join visits as v using (unit_id)
    left join profit as p using (unit_id)
    left join matrix as x using (unit_id)
),

indexed as (
    select
        *,
        hours_share / contribution_share as service_index
    from measured
),

final as (
    select
        param_text('period') as period,
        m.unit_id as account_id,
        u.unit_name as account_name,
        u.is_key_account,
        u.kam_id,
        m.quadrant,
        m.revenue_ltm,
        m.net_contribution,
        m.activities,
        m.hours,
        m.hours_share,
        m.contribution_share,
        m.service_index,
        case
            when m.quadrant not in ('strategic', 'star') or m.service_index is null then null
            when m.service_index > param('service_over_above') then 'over_served'
            when m.service_index < param('service_under_below') then 'under_served'
            else 'balanced'
        end as service_band,
        m.last_activity_date,
        m.days_since_activity,
        case when m.has_key_flags then coalesce(u.is_key_account, false) and u.kam_id is null end
            as is_key_without_kam,
        case
            when m.has_key_flags and m.has_activities
                then coalesce(u.is_key_account, false)
                and coalesce(m.days_since_activity > param('inactive_days'), true)
        end as is_key_without_recent_activity,
        list_filter(
            [
                case when not m.has_sales then 'sales' end,
                case when not m.has_key_flags then 'key_accounts' end,
                case when not m.has_activities then 'activities' end,
                case when not m.has_cost and m.has_sales then 'sales.cost_amount' end,
                case when not m.has_service_costs then 'service_costs' end
            ],
            x -> x is not null
        ) as unavailable_inputs
    from indexed as m
    inner join intermediate.int_units as u using (unit_id)
)

select * from final
