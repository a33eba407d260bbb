-- stg_targets_checked: every loaded key account plan target and its fate
-- (snapshot merged by key: per account and period the newest file's last
-- row wins). Targets convert at the rate of the period's first month, or the
-- last known rate for periods after it.
-- grain: loaded row. key: (file_id, source_line).
-- inputs: raw.targets, stg_files, stg_account_keys, stg_accounts, stg_fx_monthly
with files as (
    select file_id, recency_rank from staging.stg_files where kind = 'targets' and not is_copy
),

ranked as (
    select
        r.*,
        f.recency_rank,
        row_number() over (partition by r.account_id, r.period order by f.recency_rank, r.source_line desc) as key_rank
    from raw.targets as r
    inner join files as f on f.file_id = r.file_id and r.reject is null
),

resolved as (
    select
        r.* exclude (account_id, currency),
        r.account_id as account_ref,
        k.account_id is not null as is_attributed,
        coalesce(k.account_id, r.account_id) as account_id,
        coalesce(r.currency, a.currency, param_text('currency')) as currency
    from ranked as r
    left join staging.stg_account_keys as k on k.account_key = r.account_id
    left join staging.stg_accounts as a on a.account_id = k.account_id
),

converted as (
    select
        r.*,
        case
            when r.currency = param_text('currency') then 1
            when x.rate is not null then x.rate
            when r.period_start > l.last_month then l.rate
        end as fx_rate
    from resolved as r
    left join staging.stg_fx_monthly as x on x.currency = r.currency and x.month = r.period_start
    left join (
        select currency, max(last_month) as last_month, arg_max(rate, month) as rate
        from staging.stg_fx_monthly group by currency
    ) as l on l.currency = r.currency
),

final as (
    select
        file_id,
        source_line,
        account_id,
        account_ref,
        is_attributed,
        period,
        period_start,
        period_months,
        cast(period_start + to_months(period_months) - interval 1 day as date) as period_end,
        currency,
        cast(round(revenue_target * fx_rate, 4) as decimal(18, 4)) as revenue_target,
        cast(round(margin_target * fx_rate, 4) as decimal(18, 4)) as margin_target,
        objective,
        case
            when key_rank > 1 then 'duplicate'
            when fx_rate is null then 'rejected'
            else 'loaded'
        end as row_status,
        case when key_rank = 1 and fx_rate is null then 'fx' end as reject_reason,
        case when key_rank = 1 and fx_rate is null then 'revenue_target' end as reject_column,
        case when key_rank = 1 and fx_rate is null then cast(revenue_target as varchar) end as reject_value,
        case when key_rank = 1 and fx_rate is null then currency || ' ' || period end as reject_detail
    from converted
)

select * from final
