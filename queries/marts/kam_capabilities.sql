-- kam_capabilities: what the data cannot show about a KAM, asked for — the
-- periodic assessment (optional input: kam_id, dimension, score 1–5,
-- assessor, date) — beside the proxies the data does hold, labelled as
-- such. One row per KAM (role kam, int_people). Assessment figures count
-- the scores dated in the assessment_months ending with P: for each
-- dimension the latest date's mean score, then mean_score = the mean over
-- the dimensions assessed; weakest_dimension is the lowest (ties: by name).
-- Without an assessments file they are NULL and unavailable_inputs lists
-- assessments — never a pass. Proxies: proxy_win_rate = won ÷ (won + lost)
-- opportunities of the KAM's units closed in the win_rate_months ending P
-- (NULL without opportunities or with none closed); proxy_shared_hours_share
-- = the share of the LTM activity hours on the KAM's key accounts logged by
-- people outside the KAM team (not in the kams file, or role other): a
-- proxy of collaboration with other departments.
-- grain: KAM. key: kam_id. inputs: int_people, int_input_flags, int_period_dates,
-- int_units, int_accounts, int_activities, stg_activities, stg_assessments, stg_opportunities
-- period: yes
with inputs as (
    select
        has_assessments,
        has_opportunities,
        has_activities,
        has_key_accounts as has_key
    from intermediate.int_input_flags
),

kams as (
    select kam_id, kam_name from intermediate.int_people where is_kam
),

scores as (
    select s.kam_id, s.dimension, s.score, s.assessment_date
    from staging.stg_assessments as s
    cross join intermediate.int_period_dates as w
    where s.assessment_date <= w.period_end_date
        and s.assessment_date >= w.period_month - to_months(cast(param('assessment_months') as integer) - 1)
),

latest as (
    select kam_id, dimension, max(assessment_date) as assessment_date
    from scores
    group by kam_id, dimension
),

dimensions as (
    select s.kam_id, s.dimension, avg(s.score) as score
    from scores as s
    inner join latest as l using (kam_id, dimension, assessment_date)
    group by s.kam_id, s.dimension
),

assessed as (
    select
        kam_id,
        count(*) as dimensions_assessed,
        avg(score) as mean_score,
        arg_min(dimension, (score, dimension)) as weakest_dimension,
        min(score) as weakest_score,
        (select max(assessment_date) from scores as s where s.kam_id = d.kam_id) as last_assessment_date
    from dimensions as d
    group by kam_id
),

deals as (
    select
        u.kam_id,
        count(*) filter (where o.status = 'won') as deals_won,
        count(*) as deals_closed
    from staging.stg_opportunities as o
    inner join intermediate.int_accounts as a using (account_id)
    inner join intermediate.int_units as u on u.unit_id = a.unit_id
    cross join intermediate.int_period_dates as w
    where o.status in ('won', 'lost')
        and o.close_date >= w.period_month - to_months(cast(param('win_rate_months') as integer) - 1)
        and o.close_date <= w.period_end_date
    group by u.kam_id
),

shared as (
    select
        u.kam_id,
        sum(a.duration_hours) as key_hours,
        sum(a.duration_hours) filter (where p.kam_id is null or p.role = 'other') as outside_hours
    from intermediate.int_activities as a
    inner join intermediate.int_units as u on u.unit_id = a.unit_id and u.is_key_account
    cross join intermediate.int_period_dates as w
    inner join staging.stg_activities as s using (file_id, source_line)
    left join intermediate.int_people as p on p.kam_id = s.kam_id
    where a.month >= w.ltm_start and a.activity_date <= w.period_end_date
    group by u.kam_id
),

final as (
    select
        param_text('period') as period,
        k.kam_id,
        k.kam_name,
        case when i.has_assessments then coalesce(s.dimensions_assessed, 0) end as dimensions_assessed,
        s.mean_score,
        s.weakest_dimension,
        s.weakest_score,
        s.last_assessment_date,
        case when i.has_assessments then s.mean_score >= param('target_assessment_score') end as is_capability_on_target,
        case when i.has_opportunities then coalesce(d.deals_won, 0) end as deals_won,
        case when i.has_opportunities then coalesce(d.deals_closed, 0) end as deals_closed,
        d.deals_won / nullif(d.deals_closed, 0) as proxy_win_rate,
        case when i.has_activities and i.has_key then
            coalesce(h.outside_hours, 0) / nullif(h.key_hours, 0)
        end as proxy_shared_hours_share,
        list_filter(
            [
                case when not i.has_assessments then 'assessments' end,
                case when not i.has_opportunities then 'opportunities' end,
                case when not i.has_activities then 'activities' end
            ],
            x -> x is not null
        ) as unavailable_inputs
    from kams as k
    cross join inputs as i
    left join assessed as s using (kam_id)
    left join deals as d using (kam_id)
    left join shared as h using (kam_id)
)

select * from final
