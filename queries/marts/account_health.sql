-- account_health: how each portfolio unit of the ranking universe is doing,
-- 0–100. Components: revenue_trend_score = percentile rank of
-- trend_pct_month; margin_trend_score = percentile rank of the change in
-- gross_margin_pct from the prior LTM to the LTM (costed lines only, as in
-- account_profitability); activity_score = max(0, 100 × (1 − days since
-- the last activity ÷ (2 × inactive_days))), 0 for a unit never visited;
-- plan_score = min(fiscal-YTD attainment, 1) × 100 (int_plan_ytd: targets
-- pro-rated by month, the finest grain winning where they overlap; never
-- below 0); pipeline_score = min(weighted_pipeline ÷ the fiscal year's
-- remaining gap (full-year target − actual to date), 1) × 100, 100 when no
-- gap remains, NULL without a target in the fiscal year. Ranks are over the
-- units where the input is known. health_score is the weighted mean of the
-- known components (weights redistributed; the missing listed in
-- score_missing_inputs); bands compare the score rounded to 9 decimals.
-- Days count to the last day of P; later purchases or activities are
-- ignored; "in inactive_days" means at most inactive_days days ago.
-- Revenue at risk concerns key accounts only: health < health_attention_from
-- (low_health), growth_yoy_pct < −risk_decline_pct (revenue_decline), or no
-- purchase in inactive_days (no_recent_purchase); NULL without key flags
-- or without sales lines (a CRM export alone says nothing of purchases).
-- grain: unit. key: account_id. inputs: int_portfolio_units, int_units,
-- int_unit_months, int_activities, int_plan_ytd, int_period_dates, int_input_flags,
-- int_growth_potential
-- period: yes
-- history: yes
with universe as (
    select * from intermediate.int_portfolio_units
),

inputs as (
    select
        has_sales,
        has_cost,
        has_activities,
        has_opportunities,
        has_targets,
        has_key_accounts as has_key_flags
    from intermediate.int_input_flags
),

params as (
    select
        param('inactive_days') as inactive_days,
        param('health_weight_revenue_trend') as w_revenue_trend,
        param('health_weight_margin_trend') as w_margin_trend,
        param('health_weight_activity') as w_activity,
        param('health_weight_plan') as w_plan,
        param('health_weight_pipeline') as w_pipeline,
        param('health_champion_above') as champion_above,
        param('health_healthy_from') as healthy_from,
        param('health_attention_from') as attention_from,
        param('risk_decline_pct') as risk_decline_pct
),

growth as (
    select account_id as unit_id, growth_yoy_pct, trend_pct_month, weighted_pipeline
    from intermediate.int_growth_potential
),

sales as (
    select
        m.unit_id,
        max(m.last_invoice_date) as last_purchase_date,
        sum(m.revenue_costed) filter (where m.month between w.ltm_start and w.ltm_end) as costed_ltm,
        sum(m.cogs) filter (where m.month between w.ltm_start and w.ltm_end) as cogs_ltm,
        sum(m.revenue_costed) filter (where m.month between w.prior_ltm_start and w.prior_ltm_end) as costed_prior,
        sum(m.cogs) filter (where m.month between w.prior_ltm_start and w.prior_ltm_end) as cogs_prior
    from intermediate.int_unit_months as m
    cross join intermediate.int_period_dates as w
    where m.month <= w.ltm_end
    group by m.unit_id
),

visits as (
    select
        a.unit_id,
        max(a.activity_date) as last_activity_date
    from intermediate.int_activities as a
    cross join intermediate.int_period_dates as w
    where a.activity_date <= w.period_end_date
    group by a.unit_id
),

measured as (
    select
        g.unit_id,
        g.revenue_ltm,
        gr.growth_yoy_pct,
        gr.trend_pct_month,
        case when i.has_cost then (s.costed_ltm - s.cogs_ltm) / nullif(s.costed_ltm, 0) end as gross_margin_pct_ltm,
        case when i.has_cost then (s.costed_prior - s.cogs_prior) / nullif(s.costed_prior, 0) end
            as gross_margin_pct_prior_ltm,
        s.last_purchase_date,
        date_diff('day', s.last_purchase_date, w.period_end_date) as days_since_purchase,
        v.last_activity_date,
        date_diff('day', v.last_activity_date, w.period_end_date) as days_since_activity,
        case when i.has_targets then p.plan_attainment_pct end as plan_attainment_pct,
        case when i.has_targets then p.fy_target end as plan_fy_target,
        case when i.has_targets then p.fy_remaining_gap end as plan_remaining_gap,
        gr.weighted_pipeline,
        i.has_sales,
        i.has_activities,
        i.has_opportunities,
        i.has_targets,
        i.has_key_flags,
        i.has_cost
    from universe as g
    cross join intermediate.int_period_dates as w
    cross join inputs as i
    left join growth as gr using (unit_id)
    left join sales as s using (unit_id)
    left join visits as v using (unit_id)
    left join intermediate.int_plan_ytd as p using (unit_id)
),

components as (
    select
        m.*,
        m.gross_margin_pct_ltm - m.gross_margin_pct_prior_ltm as margin_trend,
        percentile(m.trend_pct_month) as revenue_trend_score,
        percentile(m.gross_margin_pct_ltm - m.gross_margin_pct_prior_ltm) as margin_trend_score,
        case
            when m.has_activities and m.days_since_activity is null then 0
            when m.has_activities then greatest(0, 100 * (1 - m.days_since_activity / (2 * p.inactive_days)))
        end as activity_score,
        -- least/greatest skip NULLs in DuckDB: test for them first
        case
            when m.plan_attainment_pct is not null then least(greatest(m.plan_attainment_pct, 0), 1) * 100
        end as plan_score,
        case
            when m.plan_fy_target is null then null
            when m.plan_remaining_gap <= 0 then 100
            when m.weighted_pipeline is not null then least(m.weighted_pipeline / m.plan_remaining_gap, 1) * 100
        end as pipeline_score
    from measured as m
    cross join params as p
),

scored as (
    select
        c.*,
        shared_score(
            [c.revenue_trend_score, c.margin_trend_score, c.activity_score, c.plan_score, c.pipeline_score],
            [p.w_revenue_trend, p.w_margin_trend, p.w_activity, p.w_plan, p.w_pipeline]
        ) as health_score,
        missing_components(
            [c.revenue_trend_score, c.margin_trend_score, c.activity_score, c.plan_score, c.pipeline_score],
            ['revenue_trend', 'margin_trend', 'activity', 'plan', 'pipeline']
        ) as score_missing_inputs
    from components as c
    cross join params as p
),

risks as (
    select
        s.*,
        -- bands on the score rounded to 9 decimals, so that float noise
        -- (79.99999999999999) cannot move a unit across a boundary
        case
            when round(s.health_score, 9) > p.champion_above then 'champion'
            when round(s.health_score, 9) >= p.healthy_from then 'healthy'
            when round(s.health_score, 9) >= p.attention_from then 'needs_attention'
            when s.health_score is not null then 'at_risk'
        end as health_band,
        list_filter(
            [
                case when round(s.health_score, 9) < p.attention_from then 'low_health' end,
                case when s.growth_yoy_pct < -p.risk_decline_pct then 'revenue_decline' end,
                case
                    when s.has_sales and (s.days_since_purchase is null or s.days_since_purchase > p.inactive_days)
                        then 'no_recent_purchase'
                end
            ],
            x -> x is not null
        ) as reasons
    from scored as s
    cross join params as p
),

final as (
    select
        param_text('period') as period,
        r.unit_id as account_id,
        u.unit_name as account_name,
        u.is_key_account,
        u.kam_id,
        r.revenue_ltm,
        r.growth_yoy_pct,
        r.trend_pct_month,
        r.gross_margin_pct_ltm,
        r.gross_margin_pct_prior_ltm,
        r.margin_trend,
        r.last_purchase_date,
        r.days_since_purchase,
        r.last_activity_date,
        r.days_since_activity,
        r.plan_attainment_pct,
        r.plan_fy_target,
        r.plan_remaining_gap,
        r.weighted_pipeline,
        r.revenue_trend_score,
        r.margin_trend_score,
        r.activity_score,
        r.plan_score,
        r.pipeline_score,
        r.health_score,
        r.health_band,
        r.score_missing_inputs,
        case when r.has_key_flags and r.has_sales then coalesce(u.is_key_account, false) and len(r.reasons) > 0 end
            as is_revenue_at_risk,
        case
            when r.has_key_flags and r.has_sales and coalesce(u.is_key_account, false) and len(r.reasons) > 0 then r.revenue_ltm
            when r.has_key_flags and r.has_sales then 0
        end as revenue_at_risk,
        case
            when r.has_key_flags and r.has_sales and coalesce(u.is_key_account, false) then r.reasons
            when r.has_key_flags and r.has_sales then cast([] as varchar[])
        end as risk_reasons,
        list_filter(
            [
                case when not r.has_sales then 'sales' end,
                case when not r.has_key_flags then 'key_accounts' end,
                case when not r.has_activities then 'activities' end,
                case when not r.has_opportunities then 'opportunities' end,
                case when not r.has_cost and r.has_sales then 'sales.cost_amount' end,
                case when not r.has_targets then 'targets' end
            ],
            x -> x is not null
        ) as unavailable_inputs
    from risks as r
    inner join intermediate.int_units as u using (unit_id)
)

select * from final
