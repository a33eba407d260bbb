-- plan_vs_actual: each portfolio unit's plan targets against its actual
-- revenue and gross margin. Targets roll up to units (Σ over member
-- accounts per target period label). Periods shown: those overlapping the
-- fiscal year of P, and those ending within the LTM. A period that ended
-- by the end of P is closed (is_closed): its attainment is final, status
-- met (actual ≥ target) or missed, and nothing remains to close
-- (remaining_gap NULL; gap is the final shortfall). An open period in
-- progress is judged against its pro-rated target (target × months
-- elapsed ÷ months): on_track, at_risk or off_track; one starting after P
-- is not_started (attainment NULL). gap = full target − actual to date;
-- remaining_gap = max(gap, 0) for open periods.
-- The unit's weighted pipeline (from int_growth_potential, the next 12
-- months) is set against its open gaps once: only the gap of an open
-- period that no other open period of the unit contains counts
-- (is_gap_counted: a quarter inside the open year is part of the year's
-- gap), and those take the pipeline in order of their end, each at most
-- its gap (pipeline_applied), so one pipeline never closes two gaps;
-- gap_covered_by_pipeline = pipeline_applied ÷ remaining_gap. The margin
-- target is pro-rated like the revenue target. int_growth_potential covers
-- the ranking universe: a unit outside it (no revenue in two years, not
-- key) has a weighted pipeline of 0. Money in the reporting currency;
-- *_pct are fractions.
-- grain: unit × target period. key: (account_id, target_period).
-- inputs: stg_targets, int_accounts, int_units, int_unit_months, int_period_dates,
-- int_input_flags, int_growth_potential
-- period: yes
with inputs as (
    select
        has_cost,
        has_opportunities
    from intermediate.int_input_flags
),

pipeline as (
    select account_id as unit_id, weighted_pipeline from intermediate.int_growth_potential
),

targets as (
    select
        a.unit_id,
        t.period as target_period,
        t.period_start,
        t.period_end,
        t.period_months as months,
        sum(t.revenue_target) as revenue_target,
        sum(t.margin_target) as margin_target
    from staging.stg_targets as t
    inner join intermediate.int_accounts as a using (account_id)
    where t.is_attributed
    group by all
),

in_scope as (
    select
        t.*,
        cast(least(greatest(date_diff('month', t.period_start, w.period_month) + 1, 0), t.months) as integer)
            as months_elapsed,
        t.period_start > w.period_month as is_not_started,
        t.period_end <= w.period_end_date as is_closed
    from targets as t
    cross join intermediate.int_period_dates as w
    where (t.period_start <= w.fy_end_month and t.period_end >= w.fy_start)
        or (t.period_end >= w.ltm_start and t.period_end <= w.period_end_date)
),

actuals as (
    select
        t.unit_id,
        t.target_period,
        sum(m.revenue) as revenue,
        sum(coalesce(m.revenue_costed, 0) - coalesce(m.cogs, 0)) as gross_margin
    from in_scope as t
    cross join intermediate.int_period_dates as w
    inner join intermediate.int_unit_months as m
        on m.unit_id = t.unit_id and m.month between t.period_start and least(t.period_end, w.period_month)
    group by all
),

measured as (
    select
        t.*,
        cast(coalesce(a.revenue, 0) as decimal(18, 4)) as revenue_actual,
        case when i.has_cost then cast(coalesce(a.gross_margin, 0) as decimal(18, 4)) end as margin_actual,
        cast(round(t.revenue_target * t.months_elapsed / t.months, 4) as decimal(18, 4)) as target_to_date,
        cast(round(t.margin_target * t.months_elapsed / t.months, 4) as decimal(18, 4)) as margin_target_to_date,
        case when i.has_opportunities then coalesce(p.weighted_pipeline, 0) end as weighted_pipeline,
        list_filter(
            [
                case when not i.has_cost then 'sales.cost_amount' end,
                case when not i.has_opportunities then 'opportunities' end
            ],
            x -> x is not null
        ) as unavailable_inputs
    from in_scope as t
    cross join inputs as i
    left join actuals as a using (unit_id, target_period)
    left join pipeline as p using (unit_id)
),

rated as (
    select
        *,
        revenue_actual / nullif(target_to_date, 0) as attainment_pct,
        revenue_target - revenue_actual as gap,
        case when not is_closed then greatest(revenue_target - revenue_actual, 0) end as remaining_gap,
        margin_actual / nullif(margin_target_to_date, 0) as margin_attainment_pct
    from measured
),

-- the open gaps the pipeline is set against: those of open periods no other
-- open period of the unit contains (on equal spans, the first label)
counted as (
    select
        r.*,
        not r.is_closed and not exists (
            select 1 from rated as o
            where o.unit_id = r.unit_id and not o.is_closed and o.target_period <> r.target_period
                and o.period_start <= r.period_start and o.period_end >= r.period_end
                and (o.period_start < r.period_start or o.period_end > r.period_end or o.target_period < r.target_period)
        ) as is_gap_counted
    from rated as r
),

-- each counted gap takes what the pipeline has left, in order of its end
applied as (
    select
        *,
        case when is_gap_counted then
            least(weighted_pipeline, coalesce(sum(remaining_gap) over w, 0))
            - least(weighted_pipeline, coalesce(sum(remaining_gap) over w, 0) - remaining_gap)
        end as pipeline_applied
    from counted
    window w as (
        partition by unit_id, is_gap_counted order by period_end, period_start, target_period
        rows between unbounded preceding and current row
    )
),

final as (
    select
        param_text('period') as period,
        r.unit_id as account_id,
        u.unit_name as account_name,
        u.is_key_account,
        u.kam_id,
        r.target_period,
        r.period_start,
        r.period_end,
        r.months,
        r.months_elapsed,
        r.revenue_target,
        r.revenue_actual,
        r.target_to_date,
        r.attainment_pct,
        r.gap,
        r.remaining_gap,
        r.margin_target,
        r.margin_actual,
        r.margin_target_to_date,
        r.margin_attainment_pct,
        r.weighted_pipeline,
        r.is_closed,
        r.is_gap_counted,
        cast(r.pipeline_applied as decimal(18, 4)) as pipeline_applied,
        case when r.remaining_gap > 0 then r.pipeline_applied / r.remaining_gap end as gap_covered_by_pipeline,
        case
            when r.is_closed and r.revenue_actual >= r.revenue_target then 'met'
            when r.is_closed then 'missed'
            when r.is_not_started then 'not_started'
            when r.target_to_date <= 0 then 'on_track'
            when r.attainment_pct >= param('plan_on_track_from') then 'on_track'
            when r.attainment_pct >= param('plan_at_risk_from') then 'at_risk'
            else 'off_track'
        end as status,
        r.months_elapsed > 0 and r.months_elapsed < r.months as is_partial,
        r.unavailable_inputs
    from applied as r
    inner join intermediate.int_units as u using (unit_id)
)

select * from final
