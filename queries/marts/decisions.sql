-- decisions: the actions of the month, ranked by the money at stake, at
-- most decision_max_rows of them; the smaller cases are counted, not
-- listed. One candidate per finding of the other marts:
--   promote_key_account  account_selection recommends a non-key unit;
--                        at stake its weighted pipeline (next 12 months)
--   review_key_account   account_selection scores a key unit below the
--                        review line; at stake its LTM revenue
--   assign_kam           a key unit without a KAM; at stake its LTM revenue
--   build_plan           a key unit without any plan target while targets
--                        were loaded; at stake its LTM revenue
--   fix_cost_to_serve    a unit losing money after cost to serve; at stake
--                        the LTM loss; detail = its largest cost
--                        (gross_margin when it has none: it sells below cost)
--   renegotiate_rebates  the same when that largest cost is the rebates
--   rescue_revenue       a key unit with revenue at risk; at stake
--                        account_health's revenue_at_risk; detail = the
--                        first risk reason
--   rebalance_workload   KAMs over capacity or with too many key accounts
--                        cannot cover a share of their key revenue (key
--                        revenue × max(1 − 1 ÷ utilisation, excess key
--                        accounts ÷ key accounts)); KAMs under-used or with
--                        too few key accounts could carry their spare hours
--                        × the key revenue per key hour of all KAMs. Both
--                        laid end to end (largest first), each over/under
--                        pair is one decision (kam_id → to_kam_id) whose
--                        stake is what their stretches share, so a euro
--                        moved counts once; what no one can take over is
--                        the over-loaded KAM's own decision, and an
--                        under-used KAM who takes over nothing is one at
--                        the cost of their idle hours (their own cost per
--                        hour); people whose role is not kam are left out
--   chase_plan_gap       a unit under plan_at_risk_from of its fiscal-year
--                        plan to date; at stake the remaining gap its
--                        weighted pipeline does not cover
-- One action per account and money at stake: review_key_account,
-- assign_kam, build_plan, rescue_revenue and chase_plan_gap of one account
-- are about the same revenue, so only the largest is a case (on a tie the
-- first in that order), the others named in also_decision_types.
-- A case is material when its stake is at least decision_min_amount and at
-- least decision_min_share of the LTM portfolio revenue. cases = all
-- cases, cases_left_out = those not listed (immaterial or beyond
-- decision_max_rows), amount_at_stake_listed = the sum of the listed
-- stakes (distinct money), the same on every row. metric is the type's key
-- figure (selection_score, health_score, utilisation, plan attainment,
-- net contribution %); detail a code the reports translate. Money in the
-- reporting currency.
-- grain: decision. key: decision_rank. inputs: account_selection,
-- account_growth, account_resources, account_profitability, account_health,
-- kam_performance, plan_vs_actual, int_input_flags
-- period: yes
with inputs as (
    select has_targets from intermediate.int_input_flags
),

kams as (
    select kam_id, coalesce(kam_name, kam_id) as kam_name from main.kam_performance
),

portfolio as (
    select sum(revenue) as revenue from main.account_profitability where time_window = 'ltm'
),

per_key_hour as (
    select sum(revenue_ltm) filter (where is_key_account) / nullif(sum(hours) filter (where is_key_account), 0) as revenue
    from main.account_resources
),

kam_key as (
    select r.kam_id, sum(r.revenue_ltm) as key_revenue
    from main.account_resources as r
    where r.is_key_account and r.kam_id is not null
    group by all
),

-- KAMs judged: role kam. An over-loaded KAM (over capacity or too many
-- key accounts) carries the key revenue their capacity cannot cover; an
-- under-used one (or with too few key accounts) the key revenue their spare
-- hours could carry at the key revenue per key hour of all KAMs, and the
-- cost of those hours at their own cost per hour.
kam_load as (
    select
        k.kam_id,
        k.revenue_ltm,
        k.net_contribution,
        k.utilisation,
        k.is_over_capacity or k.has_too_many_key_accounts as is_over,
        (coalesce(kk.key_revenue, 0) * greatest(
            case when k.utilisation > 0 then 1 - 1 / k.utilisation else 0 end,
            (k.key_accounts - param('key_per_kam_max')) / nullif(k.key_accounts, 0),
            0
        ))::decimal(38, 6) as uncovered,
        (greatest(k.capacity_hours - k.hours, 0) * coalesce(h.revenue, 0))::decimal(38, 6) as spare_revenue,
        (greatest(k.capacity_hours - k.hours, 0) * coalesce(k.kam_investment / nullif(k.hours, 0), 0))::decimal(38, 6)
            as idle_cost,
        case
            when k.is_over_capacity then 'over_capacity'
            when k.has_too_many_key_accounts then 'too_many_key_accounts'
            when k.is_under_used then 'under_used'
            else 'too_few_key_accounts'
        end as detail
    from main.kam_performance as k
    left join kam_key as kk using (kam_id)
    cross join per_key_hour as h
    where k.role = 'kam'
        and (k.is_over_capacity or k.has_too_many_key_accounts or k.is_under_used
            or k.key_accounts < param('key_per_kam_min'))
),

-- Each euro a rebalance moves is counted once: the over-loaded KAMs'
-- uncovered revenue (largest first) and the under-used KAMs' spare revenue
-- (largest first) are laid end to end, and each over/under pair moves what
-- their stretches share.
over_line as (
    select
        *,
        running_total(uncovered, kam_id) - uncovered as lo,
        running_total(uncovered, kam_id) as hi
    from kam_load
    where is_over
),

under_line as (
    select
        *,
        running_total(spare_revenue, kam_id) - spare_revenue as lo,
        running_total(spare_revenue, kam_id) as hi
    from kam_load
    where not is_over
),

rebalance_pairs as (
    select
        o.kam_id,
        u.kam_id as to_kam_id,
        least(o.hi, u.hi) - greatest(o.lo, u.lo) as amount
    from over_line as o
    inner join under_line as u on least(o.hi, u.hi) > greatest(o.lo, u.lo)
),

-- one decision per pair; an over-loaded KAM's revenue nobody can take over
-- is a decision of its own (hire, or fewer key accounts), and so is an
-- under-used KAM nobody needs, at the cost of their idle hours
rebalance as (
    select p.kam_id, p.to_kam_id, p.amount, o.revenue_ltm, o.net_contribution, o.utilisation, o.detail
    from rebalance_pairs as p
    inner join over_line as o using (kam_id)
    union all
    select o.kam_id, null, o.uncovered - coalesce(sum(p.amount), 0), o.revenue_ltm, o.net_contribution, o.utilisation, o.detail
    from over_line as o
    left join rebalance_pairs as p using (kam_id)
    group by o.kam_id, o.uncovered, o.revenue_ltm, o.net_contribution, o.utilisation, o.detail
    having o.uncovered - coalesce(sum(p.amount), 0) > 0 or count(p.amount) = 0
    union all
    select u.kam_id, null, u.idle_cost, u.revenue_ltm, u.net_contribution, u.utilisation, u.detail
    from under_line as u
    where not exists (select 1 from rebalance_pairs as p where p.to_kam_id = u.kam_id)
),

candidates as (
    select
        'promote_key_account' as decision_type, s.account_id, s.account_name, s.kam_id, null::varchar as to_kam_id,
        g.weighted_pipeline::decimal(38, 6) as amount_at_stake, s.revenue_ltm, s.net_contribution,
        s.selection_score as metric, null::varchar as detail
    from main.account_selection as s
    left join main.account_growth as g using (account_id)
    where s.recommendation = 'promote'

    union all
    select
        'review_key_account', s.account_id, s.account_name, s.kam_id, null,
        s.revenue_ltm, s.revenue_ltm, s.net_contribution, s.selection_score, null
    from main.account_selection as s
    where s.recommendation = 'review'

    union all
    select
        'assign_kam', r.account_id, r.account_name, null, null,
        r.revenue_ltm, r.revenue_ltm, r.net_contribution, null, r.quadrant
    from main.account_resources as r
    where r.is_key_without_kam

    union all
    select
        'build_plan', r.account_id, r.account_name, r.kam_id, null,
        r.revenue_ltm, r.revenue_ltm, r.net_contribution, null, null
    from main.account_resources as r
    cross join inputs as i
    where i.has_targets and r.is_key_account
        and not exists (select 1 from main.plan_vs_actual as p where p.account_id = r.account_id)

    union all
    select
        case when c.largest = 'rebate' then 'renegotiate_rebates' else 'fix_cost_to_serve' end,
        c.account_id, c.account_name, c.kam_id, null,
        -c.net_contribution, c.revenue, c.net_contribution, c.net_contribution_pct, c.largest
    from (
        select
            p.*,
            case when coalesce(p.service_cost, 0) + coalesce(p.activity_cost, 0) <= 0 then 'gross_margin' else case greatest(
                coalesce(p.service_cost_logistics, 0), coalesce(p.service_cost_support, 0), coalesce(p.service_cost_rebate, 0),
                coalesce(p.service_cost_marketing, 0), coalesce(p.service_cost_other, 0), coalesce(p.activity_cost, 0)
            )
                when coalesce(p.service_cost_logistics, 0) then 'logistics'
                when coalesce(p.service_cost_rebate, 0) then 'rebate'
                when coalesce(p.activity_cost, 0) then 'kam_time'
                when coalesce(p.service_cost_support, 0) then 'support'
                when coalesce(p.service_cost_marketing, 0) then 'marketing'
                else 'other'
            end end as largest
        from main.account_profitability as p
        where p.time_window = 'ltm' and p.net_contribution < 0
    ) as c

    union all
    select
        'rescue_revenue', h.account_id, h.account_name, h.kam_id, null,
        h.revenue_at_risk, h.revenue_ltm, null, h.health_score, h.risk_reasons[1]
    from main.account_health as h
    where h.is_revenue_at_risk

    union all
    select
        'rebalance_workload', null, null, r.kam_id, r.to_kam_id,
        r.amount::decimal(38, 6), r.revenue_ltm, r.net_contribution, r.utilisation, r.detail
    from rebalance as r

    union all
    select
        'chase_plan_gap', h.account_id, h.account_name, h.kam_id, null,
        (h.plan_remaining_gap - coalesce(h.weighted_pipeline, 0))::decimal(38, 6),
        h.revenue_ltm, null, h.plan_attainment_pct, null
    from main.account_health as h
    where h.plan_attainment_pct < param('plan_at_risk_from')
        and h.plan_remaining_gap > coalesce(h.weighted_pipeline, 0)
),

-- One action per account and money at stake: reviewing a key account,
-- naming its KAM, building its plan, rescuing its revenue and chasing its
-- plan gap are all about the same revenue, so only the largest is a
-- decision (on a tie, the first in that order); the others are named in
-- also_decision_types. A rebalance is one per KAM pair already.
merged as (
    select
        *,
        list_sort(list(decision_type) over (partition by money_key)) as money_types,
        row_number() over (
            partition by money_key
            order by amount_at_stake desc nulls last,
                list_position(['assign_kam', 'build_plan', 'review_key_account', 'rescue_revenue', 'chase_plan_gap'], decision_type)
        ) as money_rank
    from (
        select
            *,
            case
                when account_id is null then 'kam:' || kam_id || '>' || coalesce(to_kam_id, '')
                when decision_type in ('assign_kam', 'build_plan', 'review_key_account', 'rescue_revenue', 'chase_plan_gap')
                    then 'revenue:' || account_id
                else decision_type || ':' || account_id
            end as money_key
        from candidates
    )
),

judged as (
    select
        c.* exclude (money_key, money_types, money_rank),
        list_filter(c.money_types, t -> t <> c.decision_type) as also_decision_types,
        c.amount_at_stake >= param('decision_min_amount')
        and c.amount_at_stake >= param('decision_min_share') * p.revenue as is_material
    from merged as c
    cross join portfolio as p
    where c.money_rank = 1
),

ranked as (
    select
        j.*,
        row_number() over (
            order by j.is_material desc, j.amount_at_stake desc nulls last, j.decision_type, j.account_id, j.kam_id, j.to_kam_id
        ) as decision_rank,
        count(*) over () as cases
    from judged as j
),

listed as (
    select * from ranked
    where is_material and decision_rank <= param('decision_max_rows')
),

-- the inputs missing from the marts the candidates come from
unavailable as (
    select coalesce(list_sort(list_distinct(flatten(list(u)))), []) as inputs
    from (
        select unavailable_inputs as u from main.account_selection
        union all select unavailable_inputs from main.account_resources
        union all select unavailable_inputs from main.account_health
        union all select unavailable_inputs from main.kam_performance
        union all select unavailable_inputs from main.account_profitability where time_window = 'ltm'
        union all select unavailable_inputs from main.plan_vs_actual
    )
)

select
    param_text('period') as period,
    l.decision_rank,
    l.decision_type,
    l.account_id,
    l.account_name,
    l.kam_id,
    k.kam_name,
    l.to_kam_id,
    t.kam_name as to_kam_name,
    l.also_decision_types,
    l.amount_at_stake,
    l.revenue_ltm,
    l.net_contribution,
    l.metric,
    l.detail,
    l.cases,
    l.cases - (select count(*) from listed) as cases_left_out,
    (select sum(amount_at_stake) from listed) as amount_at_stake_listed,
    u.inputs as unavailable_inputs
from listed as l
left join kams as k using (kam_id)
left join kams as t on t.kam_id = l.to_kam_id
cross join unavailable as u
order by l.decision_rank
