-- kam_performance: each KAM's portfolio, workload and results over the last
-- twelve months. One row per person in the kams file, plus every kam_id that
-- owns units or is charged LTM activities without being in it (listed as
-- role kam, is_in_kams_file false). Accounts are the units whose kam_id is
-- theirs; hours are the LTM activity hours charged to them (the activity's
-- own KAM, else the account's, else the unit's: an activity without a KAM
-- counts for the account's KAM; one with no KAM anywhere counts for nobody
-- here). Capacity is yearly, so the LTM utilisation is hours ÷ capacity.
-- Revenue, net contribution and KAM investment (activity cost) are those of
-- their units, whoever logged the time. The plan is the KAM's own (targets
-- per salesperson, int_kam_plan_ytd) when they have one for the fiscal year
-- to date, else that of their units (int_plan_ytd: targets pro-rated by
-- month, the finest grain winning where targets overlap); NULL when neither
-- has a target month in it. The flags judge KAMs only (role kam, int_people):
-- they are NULL for directors, executives and others.
-- Without a key-account flag in the accounts file the key figures are NULL;
-- when no account has a KAM (none in the accounts file, no sales rep on the
-- lines or headers) the portfolio figures are NULL, not 0: who owns what is
-- unknown.
-- grain: KAM. key: kam_id. inputs: stg_kams, int_people, stg_kam_keys, int_units,
-- int_activities, int_windows, int_input_flags, int_plan_ytd, int_kam_plan_ytd, account_profitability
-- period: yes
-- history: yes
with ltm as (
    select * from intermediate.int_windows where time_window = 'ltm'
),

inputs as (
    select
        has_cost,
        has_activities,
        has_service_costs,
        has_targets,
        has_key_accounts as has_key_flags,
        has_kam_owners as has_owners,
        has_sales
    from intermediate.int_input_flags
),

people as (
    -- the role as the congruence model reads it (int_people: the file's, else the hierarchy's)
    select k.* replace (ip.role as role)
    from staging.stg_kams as k
    inner join intermediate.int_people as ip using (kam_id)
),

owned as (
    select
        kam_id,
        count(*) as accounts,
        count(*) filter (where is_key_account) as key_accounts,
        count(*) filter (where is_key_account is not true) as other_accounts
    from intermediate.int_units
    where kam_id is not null
    group by kam_id
),

work as (
    select
        a.kam_id,
        count(*) as activities,
        coalesce(sum(a.duration_hours), 0) as hours,
        coalesce(sum(a.duration_hours) filter (where u.is_key_account), 0) as key_hours
    from intermediate.int_activities as a
    inner join intermediate.int_units as u using (unit_id)
    inner join ltm on a.month between ltm.start_month and ltm.end_month
    where a.kam_id is not null
    group by a.kam_id
),

results as (
    select
        kam_id,
        sum(revenue) as revenue_ltm,
        sum(net_contribution) as net_contribution,
        sum(kam_investment) as kam_investment
    from main.account_profitability
    where time_window = 'ltm' and kam_id is not null
    group by kam_id
),

plans as (
    select
        u.kam_id,
        sum(p.plan_target) as plan_target,
        sum(p.plan_actual) as plan_actual
    from intermediate.int_plan_ytd as p
    inner join intermediate.int_units as u using (unit_id)
    where u.kam_id is not null and p.plan_months > 0
    group by u.kam_id
),

everyone as (
    select kam_id from people
    union
    select kam_id from owned
    union
    select kam_id from work
),

joined as (
    select
        e.kam_id,
        p.kam_name,
        coalesce(p.role, 'kam') as role,
        p.kam_id is not null as is_in_kams_file,
        coalesce(mk.kam_id, p.manager_id) as manager_id,
        m.kam_name as manager_name,
        case when i.has_owners then coalesce(o.accounts, 0) end as accounts,
        case when i.has_key_flags and i.has_owners then coalesce(o.key_accounts, 0) end as key_accounts,
        case when i.has_key_flags and i.has_owners then coalesce(o.other_accounts, 0) end as other_accounts,
        case when i.has_activities then coalesce(w.activities, 0) end as activities,
        case when i.has_activities then coalesce(w.hours, 0) end as hours,
        case when i.has_activities and i.has_key_flags then coalesce(w.key_hours, 0) end as key_hours,
        cast(coalesce(p.capacity_hours, param('kam_capacity_hours')) * ltm.months / 12 as double) as capacity_hours,
        case when i.has_owners and i.has_sales then coalesce(r.revenue_ltm, 0) end as revenue_ltm,
        case
            when i.has_cost and i.has_activities and i.has_service_costs and i.has_owners then coalesce(r.net_contribution, 0)
        end as net_contribution,
        case when i.has_activities and i.has_owners then coalesce(r.kam_investment, 0) end as kam_investment,
        case when i.has_targets then coalesce(kp.plan_target, l.plan_target) end as plan_target,
        case when i.has_targets then case when kp.kam_id is not null then kp.plan_actual else l.plan_actual end end as plan_actual,
        list_filter(
            [
                case when not i.has_owners then 'accounts.kam_id' end,
                case when not i.has_sales then 'sales' end,
                case when not i.has_key_flags then 'key_accounts' end,
                case when not i.has_activities then 'activities' end,
                case when not i.has_cost and i.has_sales then 'sales.cost_amount' end,
                case when not i.has_service_costs then 'service_costs' end,
                case when not i.has_targets then 'targets' end
            ],
            x -> x is not null
        ) as unavailable_inputs
    from everyone as e
    cross join inputs as i
    cross join ltm
    left join people as p using (kam_id)
    left join staging.stg_kam_keys as mk on mk.kam_key = p.manager_id
    left join people as m on m.kam_id = coalesce(mk.kam_id, p.manager_id)
    left join owned as o using (kam_id)
    left join work as w using (kam_id)
    left join results as r using (kam_id)
    left join plans as l using (kam_id)
    left join intermediate.int_kam_plan_ytd as kp on kp.kam_id = e.kam_id and kp.plan_months > 0
),

rated as (
    select
        *,
        key_hours / nullif(hours, 0) as key_hours_share,
        hours / nullif(capacity_hours, 0) as utilisation,
        net_contribution / nullif(kam_investment, 0) as kam_roi,
        plan_actual / nullif(plan_target, 0) as plan_attainment_pct
    from joined
),

final as (
    select
        param_text('period') as period,
        kam_id,
        kam_name,
        role,
        is_in_kams_file,
        manager_id,
        manager_name,
        accounts,
        key_accounts,
        other_accounts,
        activities,
        hours,
        key_hours,
        key_hours_share,
        capacity_hours,
        utilisation,
        revenue_ltm,
        net_contribution,
        kam_investment,
        kam_roi,
        plan_target,
        plan_actual,
        plan_attainment_pct,
        -- Only KAMs are judged as KAMs: a director or an executive is not
        -- "under-used" for owning no key accounts.
        case when role = 'kam' then utilisation > param('utilisation_high_above') end as is_over_capacity,
        case when role = 'kam' then utilisation < param('utilisation_low_below') end as is_under_used,
        case when role = 'kam' then key_accounts > param('key_per_kam_max') end as has_too_many_key_accounts,
        case when role = 'kam' then key_accounts = 0 end as has_no_key_accounts,
        case when role = 'kam' then net_contribution < 0 end as has_negative_contribution,
        unavailable_inputs
    from rated
)

select * from final
