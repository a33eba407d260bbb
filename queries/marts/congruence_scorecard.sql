-- congruence_scorecard: the key account congruence model made measurable.
-- Each indicator of the four pillars (strategy, organisation, human
-- resources, systems & processes) has a value, its target and a status:
-- green when the target is met; amber when it misses by no more than
-- congruence_amber_tolerance (relative to the target, or to the edges of a
-- range); red otherwise; unavailable when its input file kind is missing.
-- The rows of congruence_links join them (row_kind link, pillar naming the
-- link: strategy_resources, strategy_organisation, organisation_people,
-- strategy_systems). pillar_score is the share of green indicators with
-- amber counting half, over the available ones that are not proxies, for
-- a pillar and a link alike; congruence_index is the mean of those eight
-- scores but at most congruence_weakest_margin above the weakest of them
-- (congruence_mean, weakest_score and weakest_pillar show the parts), so
-- one broken pillar or link cannot hide behind the others. value and
-- target are fractions for shares, plain numbers otherwise (unit says
-- which); target_param names the parameters that set the target.
-- attention_rank (1–3) marks the three links with the lowest scores below 1
-- (ties by link order): the links that most need attention.
-- grain: indicator. key: (pillar, indicator). inputs: int_units, int_input_flags,
-- stg_kams, stg_accounts, account_selection, portfolio_concentration,
-- account_profitability, kam_performance, plan_vs_actual, account_resources, data_quality,
-- congruence_links, kam_capabilities
-- period: yes
-- history: yes
with tol as (
    select param('congruence_amber_tolerance') as t
),

inputs as (
    select
        has_key_accounts as has_key,
        has_sales,
        has_kams,
        has_activities,
        has_targets,
        has_accounts,
        has_assessments,
        has_opportunities
    from intermediate.int_input_flags
),

key_units as (
    select * from intermediate.int_units where is_key_account
),

kams as (
    select * from main.kam_performance where role = 'kam'
),

profit as (
    select * from main.account_profitability where time_window = 'ltm'
),

period_targets as (
    select distinct account_id
    from main.plan_vs_actual
    where period_start <= cast(strptime(param_text('period') || '-01', '%Y-%m-%d') as date)
        and period_end >= cast(strptime(param_text('period') || '-01', '%Y-%m-%d') as date)
),

crm as (
    select
        (count(wallet_estimate) + count(segment) + count(strategic_fit) + count(market_influence))
            / nullif(4.0 * count(*), 0) as completeness
    from staging.stg_accounts
    where not is_derived
),

raw_indicators as (
    -- Strategy
    select
        'strategy' as pillar, 1 as sort, 'key_accounts' as indicator, 'count' as unit,
        case when i.has_key then cast((select count(*) from key_units) as double) end as value,
        param('key_accounts_min') as target_min, param('key_accounts_max') as target_max,
        case when not i.has_key then 'accounts.is_key_account' end as missing_input
    from inputs as i
    union all
    select
        'strategy', 2, 'key_accounts_recommended_share', 'share',
        case when i.has_key then (
            select count(*) filter (where is_recommended) / nullif(count(*), 0)
            from main.account_selection where is_key_account
        ) end,
        param('target_recommended_share'), null,
        case when not i.has_key then 'accounts.is_key_account' end
    from inputs as i
    union all
    select
        'strategy', 3, 'key_portfolio_hhi', 'index',
        (select hhi from main.portfolio_concentration where scope = 'key'),
        null, param('hhi_high_above'),
        case when not i.has_key then 'accounts.is_key_account' when not i.has_sales then 'sales' end
    from inputs as i
    union all
    select
        'strategy', 4, 'key_revenue_share', 'share',
        case when i.has_key then (
            select sum(revenue) filter (where is_key_account) / nullif(sum(revenue), 0) from profit
        ) end,
        param('target_key_revenue_share_min'), param('target_key_revenue_share_max'),
        case when not i.has_key then 'accounts.is_key_account' when not i.has_sales then 'sales' end
    from inputs as i
    union all
    select
        'strategy', 5, 'key_contribution_share', 'share',
        case when i.has_key then (
            select sum(net_contribution) filter (where is_key_account) / nullif(sum(net_contribution), 0)
            from profit having count(net_contribution) > 0 and sum(net_contribution) > 0
        ) end,
        -- Key accounts should earn at least their share of revenue.
        case when i.has_key then (
            select sum(revenue) filter (where is_key_account) / nullif(sum(revenue), 0) from profit
        ) end,
        null,
        case
            when not i.has_key then 'accounts.is_key_account'
            when not i.has_sales then 'sales'
            when (select count(net_contribution) from profit) = 0 then 'activities, service_costs'
        end
    from inputs as i

    -- Organisation
    union all
    select
        'organisation', 1, 'key_accounts_with_kam_share', 'share',
        case when i.has_key then (select count(kam_id) / nullif(count(*), 0) from key_units) end,
        1.0, null,
        case when not i.has_key then 'accounts.is_key_account' end
    from inputs as i
    union all
    select
        'organisation', 2, 'key_account_director', 'flag',
        case when i.has_kams then (select cast(count(*) > 0 as integer) from staging.stg_kams where role = 'director') end,
        1.0, null,
        case when not i.has_kams then 'kams' end
    from inputs as i
    union all
    select
        'organisation', 3, 'kams_within_key_account_guidance_share', 'share',
        case when i.has_kams and i.has_key then (
            select count(*) filter (where key_accounts between param('key_per_kam_min') and param('key_per_kam_max'))
                / nullif(count(*), 0)
            from kams
        ) end,
        1.0, null,
        case when not i.has_kams then 'kams' when not i.has_key then 'accounts.is_key_account' end
    from inputs as i

    -- Human resources
    union all
    select
        'human_resources', 1, 'kams_utilisation_on_target_share', 'share',
        case when i.has_kams and i.has_activities then (
            select count(*) filter (where utilisation between param('target_utilisation_min') and param('target_utilisation_max'))
                / nullif(count(*), 0)
            from kams
        ) end,
        1.0, null,
        case when not i.has_kams then 'kams' when not i.has_activities then 'activities' end
    from inputs as i
    union all
    select
        'human_resources', 2, 'kam_hours_on_key_accounts_share', 'share',
        case when i.has_activities and i.has_key then (
            select sum(hours) filter (where is_key_account) / nullif(sum(hours), 0) from profit
        ) end,
        param('target_key_hours_share'), null,
        case when not i.has_activities then 'activities' when not i.has_key then 'accounts.is_key_account' end
    from inputs as i
    union all
    select
        'human_resources', 3, 'kams_with_negative_contribution', 'count',
        case when i.has_kams then (
            select cast(count(*) filter (where has_negative_contribution) as double) from kams
            having count(net_contribution) > 0
        ) end,
        null, 0.0,
        case when not i.has_kams then 'kams' end
    from inputs as i

    union all
    select
        'human_resources', 4, 'kams_assessed_share', 'share',
        case when i.has_assessments then (
            select count(*) filter (where dimensions_assessed > 0) / nullif(count(*), 0) from main.kam_capabilities
        ) end,
        param('target_assessed_share'), null,
        case when not i.has_assessments then 'assessments' end
    from inputs as i
    union all
    select
        'human_resources', 5, 'kams_capabilities_on_target_share', 'share',
        case when i.has_assessments then (
            select count(*) filter (where is_capability_on_target) / nullif(count(mean_score), 0) from main.kam_capabilities
        ) end,
        1.0, null,
        case when not i.has_assessments then 'assessments' end
    from inputs as i
    union all
    -- proxies (is_proxy): shown, labelled, never scored
    select
        'human_resources', 6, 'proxy_kams_win_rate_on_target_share', 'share',
        case when i.has_opportunities then (
            select count(*) filter (where proxy_win_rate >= param('target_win_rate_min')) / nullif(count(proxy_win_rate), 0)
            from main.kam_capabilities
        ) end,
        1.0, null,
        case when not i.has_opportunities then 'opportunities' end
    from inputs as i
    union all
    select
        'human_resources', 7, 'proxy_key_hours_shared_share', 'share',
        case when i.has_activities and i.has_key then (
            -- the mean over KAMs of the share logged outside the KAM team
            select avg(proxy_shared_hours_share) from main.kam_capabilities
        ) end,
        param('target_shared_activity_share'), null,
        case when not i.has_activities then 'activities' when not i.has_key then 'accounts.is_key_account' end
    from inputs as i

    -- Systems & processes
    union all
    select
        'systems_processes', 1, 'key_accounts_with_plan_share', 'share',
        case when i.has_key and i.has_targets then (
            select count(p.account_id) / nullif(count(*), 0)
            from key_units as k
            left join period_targets as p on p.account_id = k.unit_id
        ) end,
        param('target_plan_coverage'), null,
        case when not i.has_targets then 'targets' when not i.has_key then 'accounts.is_key_account' end
    from inputs as i
    union all
    select
        'systems_processes', 2, 'key_accounts_with_recent_activity_share', 'share',
        case when i.has_key and i.has_activities then (
            select count(*) filter (where not is_key_without_recent_activity) / nullif(count(*), 0)
            from main.account_resources where is_key_account
        ) end,
        param('target_activity_coverage'), null,
        case when not i.has_activities then 'activities' when not i.has_key then 'accounts.is_key_account' end
    from inputs as i
    union all
    select
        'systems_processes', 3, 'reject_rate', 'share',
        (select sum(rows_rejected) / nullif(sum(rows_read), 0) from main.data_quality),
        null, param('target_reject_rate'),
        null
    from inputs as i
    union all
    select
        'systems_processes', 4, 'crm_completeness', 'share',
        case when i.has_accounts then (select completeness from crm) end,
        param('target_crm_completeness'), null,
        case when not i.has_accounts then 'accounts' end
    from inputs as i
),

indicators as (
    select
        r.pillar,
        'pillar' as row_kind,
        r.sort,
        r.indicator,
        r.unit,
        r.value,
        r.target_min,
        r.target_max,
        tp.target_param,
        r.indicator like 'proxy\_%' escape '\' as is_proxy,
        r.missing_input
    from raw_indicators as r
    left join (values
        ('key_accounts', 'key_accounts_min, key_accounts_max'),
        ('key_accounts_recommended_share', 'target_recommended_share'),
        ('key_portfolio_hhi', 'hhi_high_above'),
        ('key_revenue_share', 'target_key_revenue_share_min, target_key_revenue_share_max'),
        ('kams_within_key_account_guidance_share', 'key_per_kam_min, key_per_kam_max'),
        ('kams_utilisation_on_target_share', 'target_utilisation_min, target_utilisation_max'),
        ('kam_hours_on_key_accounts_share', 'target_key_hours_share'),
        ('key_accounts_with_plan_share', 'target_plan_coverage'),
        ('key_accounts_with_recent_activity_share', 'inactive_days, target_activity_coverage'),
        ('reject_rate', 'target_reject_rate'),
        ('crm_completeness', 'target_crm_completeness'),
        ('kams_assessed_share', 'assessment_months, target_assessed_share'),
        ('kams_capabilities_on_target_share', 'target_assessment_score'),
        ('proxy_kams_win_rate_on_target_share', 'win_rate_months, target_win_rate_min'),
        ('proxy_key_hours_shared_share', 'target_shared_activity_share')
    ) as tp(indicator, target_param) using (indicator)
    union all
    select
        link, 'link', indicator_order, indicator, unit, value, target_min, target_max,
        target_param, is_proxy, missing_input
    from main.congruence_links
),

statused as (
    select
        r.*,
        case
            when r.value is null then 'unavailable'
            -- at least target_min and at most target_max
            when (r.target_min is null or r.value >= r.target_min) and (r.target_max is null or r.value <= r.target_max) then 'green'
            when r.target_min is not null and r.value < r.target_min and r.value >= r.target_min * (1 - t.t) then 'amber'
            when r.target_max is not null and r.value > r.target_max and r.value <= r.target_max * (1 + t.t) then 'amber'
            else 'red'
        end as status
    from indicators as r
    cross join tol as t
),

pillars as (
    -- pillars and links alike; a proxy is shown, never scored
    select
        pillar,
        -- Counted, not averaged, so that the result is the same in every run.
        (count(*) filter (where status = 'green' and not is_proxy) + 0.5 * count(*) filter (where status = 'amber' and not is_proxy))
            / nullif(count(*) filter (where status <> 'unavailable' and not is_proxy), 0) as pillar_score
    from statused
    group by pillar
),

index_rule as (
    -- The index cannot hide a broken pillar or link: the mean of their
    -- scores, but never more than congruence_weakest_margin above the
    -- weakest of them.
    select
        round(avg(pillar_score), 12) as congruence_mean,
        round(min(pillar_score), 12) as weakest_score,
        arg_min(pillar, pillar_score) as weakest_pillar,
        round(least(avg(pillar_score), min(pillar_score) + param('congruence_weakest_margin')), 12) as congruence_index
    from pillars
),

orders as (
    select * from (values
        ('strategy', 1), ('organisation', 2), ('human_resources', 3), ('systems_processes', 4),
        ('strategy_resources', 5), ('strategy_organisation', 6), ('organisation_people', 7), ('strategy_systems', 8)
    ) as o(pillar, pillar_order)
),

attention as (
    -- the three links that most need attention: the lowest scores below 1
    select
        p.pillar,
        row_number() over (order by p.pillar_score, o.pillar_order) as attention_rank
    from pillars as p
    inner join orders as o using (pillar)
    where o.pillar_order > 4 and p.pillar_score < 1
    qualify attention_rank <= 3
),

final as (
    select
        param_text('period') as period,
        s.pillar,
        s.row_kind,
        o.pillar_order,
        a.attention_rank,
        s.sort as indicator_order,
        s.indicator,
        s.unit,
        s.value,
        s.target_min,
        s.target_max,
        case
            when s.target_min is not null and s.target_max is not null then 'between'
            when s.target_min is not null then 'at least'
            else 'at most'
        end as target_kind,
        s.target_param,
        s.is_proxy,
        s.status,
        s.missing_input,
        p.pillar_score,
        x.congruence_index,
        x.congruence_mean,
        x.weakest_score,
        x.weakest_pillar
    from statused as s
    inner join pillars as p using (pillar)
    inner join orders as o using (pillar)
    left join attention as a using (pillar)
    cross join index_rule as x
)

select * from final
