-- int_plan_months: every attributed plan target spread evenly over the
-- months of its span, one target per account and month. Targets of one
-- account may overlap (a month target inside a quarter or year target, a
-- calendar year next to a fiscal year): the finest grain wins the month,
-- then the target starting latest, then the label, so that no month counts
-- twice when targets are added up over the fiscal year. Shares are DOUBLE
-- here; the marts round their sums to money.
-- grain: account × month. key: (account_id, month). inputs: stg_targets, int_accounts
-- materialized: temp
with targets as (
    select
        t.account_id,
        a.unit_id,
        t.period,
        t.period_start,
        t.period_months,
        t.revenue_target,
        t.margin_target
    from staging.stg_targets as t
    inner join intermediate.int_accounts as a using (account_id)
    where t.is_attributed
),

spread as (
    select
        *,
        unnest(target_months(period_start, period_months)) as month
    from targets
),

ranked as (
    select
        *,
        finest_target(account_id, month, period_months, period_start, period) as grain_rank
    from spread
),

final as (
    select
        account_id,
        unit_id,
        month,
        period as target_period,
        period_months,
        -- exact decimals, so that sums do not depend on the order DuckDB adds them in
        cast(round(revenue_target / period_months, 10) as decimal(38, 10)) as revenue_target,
        cast(round(margin_target / period_months, 10) as decimal(38, 10)) as margin_target
    from ranked
    where grain_rank = 1
)

select * from final
