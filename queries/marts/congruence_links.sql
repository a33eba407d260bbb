-- congruence_links: the fit between the pillars of the congruence model,
-- measured from the data. Each row is one measure of a link with its value,
-- its target (target_min / target_max, the parameters in target_param) and
-- the input that would enable it when it cannot be measured (missing_input;
-- the scorecard then shows it unavailable, never as met). Links:
-- strategy_resources (KAM time against what each quadrant calls for, from
-- congruence_quadrant_fit), strategy_organisation (the selection against
-- the portfolio guidance and the KAMs' free capacity, from
-- promotion_capacity), organisation_people (KAM workload against capacity,
-- the reporting line to the key account director, the director's reviews
-- and top management's contacts on key accounts: activities joined to the
-- people's roles, int_people), strategy_systems (plans that carry more
-- than a revenue target, distinct objectives, reviews in the last
-- review_months, CRM coverage). "Last 12 months" is the LTM window up to
-- the last day of P. Every target is a kam default (the seed article gives
-- no figures).
-- grain: link measure. key: (link, indicator). inputs: int_input_flags,
-- int_period_dates, int_units, int_accounts, int_people, int_activities, stg_activities,
-- stg_targets, congruence_quadrant_fit, promotion_capacity, account_selection,
-- kam_performance
-- period: yes
with inputs as (
    select
        has_key_accounts as has_key,
        has_sales,
        has_kams,
        has_activities,
        has_targets,
        has_kam_owners as has_owners
    from intermediate.int_input_flags
),

key_units as (
    select unit_id, kam_id from intermediate.int_units where is_key_account
),

recent as (
    -- activities of the last 12 months up to the end of P, with who logged them
    select
        a.unit_id,
        a.month,
        a.activity_type,
        a.duration_hours,
        s.kam_id as logged_by_kam_id,
        p.role as logged_by_role
    from intermediate.int_activities as a
    cross join intermediate.int_period_dates as w
    -- who logged it: the person the activity itself names (not the KAM charged)
    inner join staging.stg_activities as s using (file_id, source_line)
    left join intermediate.int_people as p on p.kam_id = s.kam_id
    where a.month >= w.ltm_start and a.activity_date <= w.period_end_date
),

key_contacts as (
    select
        k.unit_id,
        bool_or(r.activity_type = 'review' and r.logged_by_role = 'director') as has_director_review,
        bool_or(r.logged_by_role = 'executive') as has_top_management,
        bool_or(
            r.activity_type = 'review'
            and r.month > w.period_month - to_months(cast(param('review_months') as integer))
        ) as has_recent_review,
        count(distinct r.month) as active_months
    from key_units as k
    cross join intermediate.int_period_dates as w
    left join recent as r using (unit_id)
    group by k.unit_id
),

kams as (
    select k.*, p.reports_to_director
    from main.kam_performance as k
    inner join intermediate.int_people as p using (kam_id)
    where k.role = 'kam'
),

plans as (
    -- target rows with their unit and objective (normalised for comparison)
    select
        a.unit_id,
        t.period_start,
        t.period_end,
        t.margin_target,
        nullif(lower(trim(t.objective)), '') as objective
    from staging.stg_targets as t
    inner join intermediate.int_accounts as a using (account_id)
    where t.account_id is not null
),

objective_owners as (
    select objective, count(distinct unit_id) as units
    from plans
    where objective is not null
    group by objective
),

plans_in_force as (
    select
        p.unit_id,
        bool_or(p.margin_target is not null) as has_margin_target,
        bool_or(o.units = 1) as has_own_objective
    from plans as p
    cross join intermediate.int_period_dates as w
    left join objective_owners as o using (objective)
    where p.period_start <= w.period_month and p.period_end >= w.period_month
    group by p.unit_id
),

quadrant_fit as (
    select * from main.congruence_quadrant_fit
),

promotions as (
    select
        count(*) as candidates,
        count(*) filter (where not is_within_capacity) as beyond_capacity,
        count(is_within_capacity) as judged
    from main.promotion_capacity
),

raw as (
    -- strategy ↔ resources: one row per quadrant
    select
        'strategy_resources' as link,
        q.quadrant_order as sort,
        q.quadrant || '_hours_fit' as indicator,
        'ratio' as unit,
        q.fit_value as value,
        q.target_min,
        q.target_max,
        q.target_param,
        false as is_proxy,
        case
            when not i.has_activities then 'activities'
            when not i.has_sales then 'sales'
        end as missing_input
    from quadrant_fit as q
    cross join inputs as i

    -- strategy ↔ organisation
    union all
    select
        'strategy_organisation', 1, 'selection_size', 'count',
        case when i.has_sales then (select cast(count(*) filter (where is_recommended) as double) from main.account_selection) end,
        param('key_accounts_min'), param('key_accounts_max'), 'key_accounts_min, key_accounts_max', false,
        case when not i.has_sales then 'sales' end
    from inputs as i
    union all
    select
        'strategy_organisation', 2, 'promotions_beyond_capacity', 'count',
        case when i.has_key and i.has_owners then (
            select cast(beyond_capacity as double) from promotions where judged = candidates
        ) end,
        null, 0.0, 'key_per_kam_max, target_utilisation_max', false,
        case when not i.has_key then 'accounts.is_key_account' when not i.has_owners then 'accounts.kam_id' end
    from inputs as i

    -- organisation ↔ people
    union all
    select
        'organisation_people', 1, 'kams_workload_within_capacity_share', 'share',
        case when i.has_key and i.has_owners and i.has_activities then (
            select count(*) filter (
                where key_accounts <= param('key_per_kam_max') and utilisation <= param('target_utilisation_max')
            ) / nullif(count(*), 0)
            from kams
        ) end,
        1.0, null, 'key_per_kam_max, target_utilisation_max', false,
        case
            when not i.has_key then 'accounts.is_key_account'
            when not i.has_owners then 'accounts.kam_id'
            when not i.has_activities then 'activities'
        end
    from inputs as i
    union all
    select
        'organisation_people', 2, 'kams_reporting_to_director_share', 'share',
        case when i.has_kams then (select count(*) filter (where reports_to_director) / nullif(count(*), 0) from kams) end,
        param('target_kams_reporting_share'), null, 'target_kams_reporting_share', false,
        case when not i.has_kams then 'kams' end
    from inputs as i
    union all
    select
        'organisation_people', 3, 'key_accounts_with_director_review_share', 'share',
        case when i.has_key and i.has_kams and i.has_activities then (
            select count(*) filter (where has_director_review) / nullif(count(*), 0) from key_contacts
        ) end,
        param('target_director_review_share'), null, 'target_director_review_share', false,
        case when not i.has_key then 'accounts.is_key_account' when not i.has_kams then 'kams' when not i.has_activities then 'activities' end
    from inputs as i
    union all
    select
        'organisation_people', 4, 'key_accounts_with_top_management_share', 'share',
        case when i.has_key and i.has_kams and i.has_activities then (
            select count(*) filter (where has_top_management) / nullif(count(*), 0) from key_contacts
        ) end,
        param('target_top_management_share'), null, 'target_top_management_share', false,
        case when not i.has_key then 'accounts.is_key_account' when not i.has_kams then 'kams' when not i.has_activities then 'activities' end
    from inputs as i

    -- strategy ↔ systems
    union all
    select
        'strategy_systems', 1, 'key_plans_beyond_revenue_share', 'share',
        case when i.has_key and i.has_targets then (
            select count(*) filter (where p.has_margin_target and p.has_own_objective) / nullif(count(*), 0)
            from key_units as k
            left join plans_in_force as p using (unit_id)
        ) end,
        param('target_plan_quality_share'), null, 'target_plan_quality_share', false,
        case when not i.has_targets then 'targets' when not i.has_key then 'accounts.is_key_account' end
    from inputs as i
    union all
    select
        'strategy_systems', 2, 'plan_objectives_distinct_share', 'share',
        case when i.has_targets then (
            select count(distinct objective) / nullif(count(distinct unit_id), 0)
            from plans
            having count(objective) > 0
        ) end,
        param('target_distinct_objectives_share'), null, 'target_distinct_objectives_share', false,
        case
            when not i.has_targets then 'targets'
            when (select count(objective) from plans) = 0 then 'targets.objective'
        end
    from inputs as i
    union all
    select
        'strategy_systems', 3, 'key_accounts_reviewed_share', 'share',
        case when i.has_key and i.has_activities then (
            select count(*) filter (where has_recent_review) / nullif(count(*), 0) from key_contacts
        ) end,
        param('target_review_coverage'), null, 'review_months, target_review_coverage', false,
        case when not i.has_activities then 'activities' when not i.has_key then 'accounts.is_key_account' end
    from inputs as i
    union all
    select
        'strategy_systems', 4, 'key_accounts_crm_coverage_share', 'share',
        case when i.has_key and i.has_activities then (
            select count(*) filter (where active_months >= param('crm_active_months')) / nullif(count(*), 0)
            from key_contacts
        ) end,
        param('target_crm_key_coverage'), null, 'crm_active_months, target_crm_key_coverage', false,
        case when not i.has_activities then 'activities' when not i.has_key then 'accounts.is_key_account' end
    from inputs as i
),

final as (
    select
        param_text('period') as period,
        link,
        sort as indicator_order,
        indicator,
        unit,
        value,
        target_min,
        target_max,
        target_param,
        is_proxy,
        missing_input
    from raw
)

select * from final
