-- stg_activities_checked: every loaded CRM activity and its fate. Events:
-- with an activity_id the newest file's row wins per id; without one, a
-- (date, account, kam, type) seen in a newer file supersedes the older
-- file's rows (re-exported history), while repeats inside one file are
-- real (two calls on one day). Expenses convert at the rate of their month.
-- An activity whose status says it has not taken place (planned, open or
-- cancelled: is_done false) is loaded, counted in the manifest and kept out
-- of stg_activities.
-- Kept in the warehouse and restaged by activity_key (a row's fate depends
-- only on the rows of its key): a run restages the keys of the files added,
-- changed or removed, and those of rows whose account key, KAM key or
-- exchange rate changed (pipeline/warehouse/restage_rows.go); the marker
-- restage(...) below is where it narrows the rows read. activity_key is
-- kept for that (stg_activities leaves it out).
-- grain: loaded row. key: (file_id, source_line).
-- inputs: raw.activities, stg_files, stg_account_keys, stg_kam_keys, stg_fx_monthly
-- materialized: incremental
with keyed as (
    select
        r.*,
        f.recency_rank,
        coalesce(
            r.activity_id,
            concat_ws('|', cast(r.activity_date as varchar), r.account_id, r.kam_id, r.activity_type)
        ) as activity_key
    from raw.activities as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
),

ranked as (
    select
        *,
        case
            when activity_id is not null then newest_wins(activity_key, recency_rank, source_line)
            else dense_rank() over (partition by activity_key order by recency_rank)
        end as key_rank
    from keyed
    where /* restage(activity_key) */ true
),

resolved as (
    select
        r.* exclude (account_id, kam_id),
        r.account_id as account_ref,
        k.account_id is not null as is_attributed,
        coalesce(k.account_id, r.account_id) as account_id,
        coalesce(kk.kam_id, r.kam_id) as kam_id,
        -- A KAM's expenses are the company's spending: the reporting
        -- currency unless the file says otherwise.
        coalesce(r.currency, param_text('currency')) as expense_currency
    from ranked as r
    left join staging.stg_account_keys as k on k.account_key = r.account_id
    left join staging.stg_kam_keys as kk on kk.kam_key = r.kam_id
),

converted as (
    select
        r.*,
        case
            when r.expense_amount is null or r.expense_currency = param_text('currency') then 1
            else x.rate
        end as fx_rate
    from resolved as r
    left join staging.stg_fx_monthly as x
        on x.currency = r.expense_currency and x.month = date_trunc('month', r.activity_date)
),

final as (
    select
        file_id,
        source_line,
        activity_id,
        activity_key,
        activity_date,
        account_id,
        account_ref,
        is_attributed,
        kam_id,
        coalesce(activity_type, 'other') as activity_type,
        duration_hours,
        cast(round(expense_amount * fx_rate, 4) as decimal(18, 4)) as expense_amount,
        coalesce(is_done, true) as is_done,
        unnest(row_fate(
            key_rank,
            rejected := fx_rate is null,
            reason := 'fx',
            reject_column := 'expense_amount',
            reject_value := cast(expense_amount as varchar),
            reject_detail := expense_currency || ' ' || strftime(activity_date, '%Y-%m')
        ))
    from converted
)

select * from final
