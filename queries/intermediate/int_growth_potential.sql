-- int_growth_potential (shown as the mart account_growth, and read by the
-- marts that use the score): the growth potential of each portfolio unit: LTM revenue
-- against the prior LTM, CAGR over up to three full years, the monthly
-- trend, share of wallet and its headroom, the weighted pipeline and win
-- rates, whitespace, and growth_potential_score: the weighted percentile
-- ranks of wallet_headroom, weighted_pipeline, trend_pct_month and
-- whitespace_value over the ranking universe, a missing component's weight
-- shared out over the others (listed in score_missing_inputs). Money in the
-- reporting currency; *_pct, share_of_wallet and win rates are fractions.
-- CAGR spans cagr_span_years full years (3 when 48 months of company sales
-- history exist). The trend grid is every month of the trend window from
-- the first month with any loaded sales (months before the data begins are
-- unknown, not zero), months without sales counting as 0; the trend is NULL
-- with fewer than three months of grid.
-- open_opportunities counts the open deals closing in the pipeline horizon.
-- grain: unit. key: account_id. inputs: int_portfolio_units, int_units,
-- int_unit_months, int_windows, int_accounts, int_input_flags,
-- int_growth_line_spend, stg_sales_monthly, stg_opportunities, int_whitespace
-- materialized: temp
-- period: yes
with windows as (
    select * from intermediate.int_windows
),

universe as (
    select * from intermediate.int_portfolio_units
),

units as (
    select * from intermediate.int_units
),

unit_months as (
    select * from intermediate.int_unit_months
),

accounts as (
    select account_id, unit_id from intermediate.int_accounts
),

opportunities as (
    select * from staging.stg_opportunities where is_attributed
),

whitespace as (
    select * from intermediate.int_whitespace
),

inputs as (
    select
        has_opportunities,
        has_sales,
        (select count(*) > 0 from intermediate.int_growth_line_spend) as has_product_lines
    from intermediate.int_input_flags
),

history as (
    select min(month) as first_month
    from staging.stg_sales_monthly
),

params as (
    select
        param('sow_backup_below') as sow_backup_below,
        param('sow_strategic_above') as sow_strategic_above,
        cast(param('pipeline_horizon_months') as integer) as horizon_months,
        cast(param('win_rate_months') as integer) as win_rate_months,
        param('growth_weight_headroom') as w_headroom,
        param('growth_weight_pipeline') as w_pipeline,
        param('growth_weight_trend') as w_trend,
        param('growth_weight_whitespace') as w_whitespace
),

period as (
    select w.start_month, w.end_date
    from windows as w
    where w.time_window = 'month'
),

history_span as (
    select
        p.start_month,
        date_diff('month', h.first_month, p.start_month) + 1 as history_months
    from history as h
    cross join period as p
),

span as (
    select
        start_month,
        case when history_months >= 48 then 3 else history_months // 12 - 1 end as years
    from history_span
),

cagr_base as (
    select
        m.unit_id,
        sum(m.revenue) as revenue_base
    from unit_months as m
    cross join span as s
    where s.years >= 1
        and m.month between cast(s.start_month - to_months(12 * s.years + 11) as date)
        and cast(s.start_month - to_months(12 * s.years) as date)
    group by m.unit_id
),

trend_months as (
    select
        cast(g.month as date) as month,
        date_diff('month', greatest(w.start_month, h.first_month), cast(g.month as date)) as month_index
    from windows as w
    cross join history as h
    cross join unnest(generate_series(greatest(w.start_month, h.first_month), w.end_month, interval 1 month)) as g(month)
    where w.time_window = 'trend'
),

trend as (
    select
        u.unit_id,
        count(*) as months,
        regr_slope(cast(coalesce(m.revenue, 0) as double), t.month_index) as slope,
        avg(cast(coalesce(m.revenue, 0) as double)) as mean_revenue
    from universe as u
    cross join trend_months as t
    left join unit_months as m on m.unit_id = u.unit_id and m.month = t.month
    group by u.unit_id
),

opportunity_units as (
    select
        a.unit_id,
        o.status,
        o.close_date,
        o.amount,
        o.probability,
        o.status = 'open'
            and o.close_date >= p.start_month
            and o.close_date < p.start_month + to_months(r.horizon_months) as is_in_pipeline,
        o.status in ('won', 'lost')
            and o.close_date >= p.start_month - to_months(r.win_rate_months - 1)
            and o.close_date <= p.end_date as is_closed_in_window
    from opportunities as o
    inner join accounts as a using (account_id)
    cross join period as p
    cross join params as r
),

pipeline as (
    select
        unit_id,
        count(*) filter (where is_in_pipeline) as open_opportunities,
        count(*) filter (where is_in_pipeline and probability is null) as open_opportunities_without_probability,
        sum(cast(amount as decimal(38, 4)) * cast(probability as decimal(18, 6))) filter (where is_in_pipeline) as weighted_pipeline,
        count(*) filter (where is_closed_in_window and status = 'won') as won,
        count(*) filter (where is_closed_in_window) as closed,
        sum(amount) filter (where is_closed_in_window and status = 'won') as won_amount,
        sum(amount) filter (where is_closed_in_window) as closed_amount
    from opportunity_units
    group by unit_id
),

whitespace_totals as (
    select
        account_id as unit_id,
        count(*) as whitespace_lines,
        sum(peer_median_spend) as whitespace_value
    from whitespace
    group by account_id
),

metrics as (
    select
        g.unit_id,
        u.unit_name,
        u.is_key_account,
        u.segment,
        u.kam_id,
        g.revenue_ltm,
        g.revenue_prior_ltm,
        case when g.revenue_prior_ltm > 0 then g.revenue_ltm / g.revenue_prior_ltm - 1 end as growth_yoy_pct,
        case
            when s.years >= 1 and g.revenue_ltm > 0 and c.revenue_base > 0
                then pow(g.revenue_ltm / c.revenue_base, 1 / s.years) - 1
        end as cagr_3y,
        case when s.years >= 1 then s.years end as cagr_span_years,
        -- Rounded far below any meaning so that parallel aggregation order
        -- never changes a stored value between runs.
        case when t.months >= 3 and t.mean_revenue > 0 then round(t.slope / t.mean_revenue, 12) end as trend_pct_month,
        u.wallet_estimate,
        case when u.wallet_estimate > 0 then g.revenue_ltm / u.wallet_estimate end as share_of_wallet,
        case
            when u.wallet_estimate is not null and g.revenue_ltm is not null
                then greatest(u.wallet_estimate - g.revenue_ltm, 0)
        end as wallet_headroom,
        -- Unknown (NULL), not 0, when every open deal in the horizon lacks a
        -- probability (an export without a Probability column).
        case
            when i.has_opportunities
                and not (coalesce(o.open_opportunities, 0) > 0 and o.open_opportunities_without_probability = o.open_opportunities)
                then cast(round(coalesce(o.weighted_pipeline, 0), 4) as decimal(18, 4))
        end as weighted_pipeline,
        case when i.has_opportunities then coalesce(o.open_opportunities, 0) end as open_opportunities,
        case
            when i.has_opportunities then coalesce(o.open_opportunities_without_probability, 0)
        end as open_opportunities_without_probability,
        o.won / nullif(o.closed, 0) as win_rate_count,
        o.won_amount / nullif(o.closed_amount, 0) as win_rate_amount,
        case
            when i.has_product_lines and u.segment is not null then coalesce(w.whitespace_lines, 0)
        end as whitespace_lines,
        case
            when i.has_product_lines and u.segment is not null
                then cast(coalesce(w.whitespace_value, 0) as decimal(18, 4))
        end as whitespace_value,
        list_filter(
            [
                case when not i.has_sales then 'sales' end,
                case when not i.has_opportunities then 'opportunities' end,
                case when not i.has_product_lines and i.has_sales then 'sales.product_line' end
            ],
            x -> x is not null
        ) as unavailable_inputs
    from universe as g
    inner join units as u using (unit_id)
    cross join span as s
    cross join inputs as i
    left join cagr_base as c using (unit_id)
    left join trend as t using (unit_id)
    left join pipeline as o using (unit_id)
    left join whitespace_totals as w using (unit_id)
),

ranked as (
    select
        *,
        percentile(wallet_headroom) as wallet_headroom_rank,
        percentile(weighted_pipeline) as weighted_pipeline_rank,
        percentile(trend_pct_month) as trend_pct_month_rank,
        percentile(whitespace_value) as whitespace_value_rank
    from metrics
),

scored as (
    select
        r.*,
        shared_score(
            [r.wallet_headroom_rank, r.weighted_pipeline_rank, r.trend_pct_month_rank, r.whitespace_value_rank],
            [p.w_headroom, p.w_pipeline, p.w_trend, p.w_whitespace]
        ) as growth_potential_score,
        missing_components(
            [r.wallet_headroom_rank, r.weighted_pipeline_rank, r.trend_pct_month_rank, r.whitespace_value_rank],
            ['wallet_headroom', 'weighted_pipeline', 'trend_pct_month', 'whitespace_value']
        ) as score_missing_inputs
    from ranked as r
    cross join params as p
),

final as (
    select
        param_text('period') as period,
        s.unit_id as account_id,
        s.unit_name as account_name,
        s.is_key_account,
        s.segment,
        s.kam_id,
        s.revenue_ltm,
        s.revenue_prior_ltm,
        s.growth_yoy_pct,
        s.cagr_3y,
        s.cagr_span_years,
        s.trend_pct_month,
        s.wallet_estimate,
        s.share_of_wallet,
        case
            when s.share_of_wallet < p.sow_backup_below then 'backup'
            when s.share_of_wallet > p.sow_strategic_above then 'strategic_partner'
            when s.share_of_wallet is not null then 'developing'
        end as sow_band,
        s.wallet_headroom,
        s.weighted_pipeline,
        s.open_opportunities,
        s.open_opportunities_without_probability,
        s.win_rate_count,
        s.win_rate_amount,
        s.whitespace_lines,
        s.whitespace_value,
        s.wallet_headroom_rank,
        s.weighted_pipeline_rank,
        s.trend_pct_month_rank,
        s.whitespace_value_rank,
        s.growth_potential_score,
        s.score_missing_inputs,
        s.unavailable_inputs
    from scored as s
    cross join params as p
)

select * from final
