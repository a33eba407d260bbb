-- stg_service_costs_checked: every loaded cost-to-serve item and its fate.
-- Events without a natural key: they accumulate (a re-dropped file is
-- caught by its fingerprint). A cost given for a period is dated on the
-- period's first day; spread_months says over how many months
-- stg_service_costs spreads it (1 for a dated cost or a month). Costs are the company's own spending: in the
-- reporting currency unless the file has a currency column (never the
-- account's currency). Amounts convert at the rate of their month.
-- Kept in the warehouse and restaged by file (no row depends on another):
-- a run restages the files added, changed or removed, and those with a row
-- whose account key or exchange rate changed
-- (pipeline/warehouse/restage_rows.go); the marker restage(...) below is
-- where it narrows the rows read.
-- grain: loaded row. key: (file_id, source_line).
-- inputs: raw.service_costs, stg_files, stg_account_keys, stg_fx_monthly
-- materialized: incremental
with resolved as (
    select
        r.* exclude (account_id, currency),
        r.account_id as account_ref,
        k.account_id is not null as is_attributed,
        coalesce(k.account_id, r.account_id) as account_id,
        coalesce(r.cost_date, r.period_start) as cost_date_in_force,
        coalesce(r.currency, param_text('currency')) as currency
    from raw.service_costs as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
    left join staging.stg_account_keys as k on k.account_key = r.account_id
    where /* restage(r.file_id) */ true
),

converted as (
    select
        r.*,
        case when r.currency = param_text('currency') then 1 else x.rate end as fx_rate
    from resolved as r
    left join staging.stg_fx_monthly as x
        on x.currency = r.currency and x.month = date_trunc('month', r.cost_date_in_force)
),

final as (
    select
        file_id,
        source_line,
        account_id,
        account_ref,
        is_attributed,
        cost_date_in_force as cost_date,
        cost_type,
        currency,
        amount as amount_orig,
        cast(round(amount * fx_rate, 4) as decimal(18, 4)) as amount,
        case when cost_date is null and period_months > 1 then period_months else 1 end as spread_months,
        -- events without a key: no row supersedes another
        unnest(row_fate(
            1,
            rejected := fx_rate is null,
            reason := 'fx',
            reject_column := 'amount',
            reject_value := cast(amount as varchar),
            reject_detail := currency || ' ' || strftime(cost_date_in_force, '%Y-%m')
        ))
    from converted
)

select * from final
