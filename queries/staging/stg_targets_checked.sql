-- stg_targets_checked: every loaded plan target and its fate (snapshot
-- merged by key: per account or KAM and period the newest file's last row
-- wins). A target is an account's (the key account plan) or, without an
-- account, a KAM's (a sales plan per salesperson). A KAM target is
-- attributed when its KAM is known: in the kams file (id or alias), or as
-- the KAM of an account or of a sales line. A row written one column per
-- month keeps its months (month_01 … month_12, the calendar months of its
-- period); stg_targets spreads them. Targets are the company's plan: in
-- the reporting currency unless the file has a currency column (never the
-- account's currency). They convert at the rate of the period's first
-- month, or the last known rate for periods after it. A
-- target that another row of its file names as its parent (a team goal
-- above one goal per seller) is their roll-up: counted as a duplicate of
-- them, never a target of its own (its owner's plan would be the team's).
-- grain: loaded row. key: (file_id, source_line).
-- inputs: raw.targets, stg_files, stg_account_keys, stg_accounts, stg_kam_keys, stg_sales_lines, stg_fx_monthly
with rollups as (
    select distinct file_id, parent_target as target_name
    from raw.targets
    where parent_target is not null and reject is null
),

ranked as (
    select
        r.*,
        f.recency_rank,
        case
            when ro.target_name is not null then 2
            else newest_wins((r.account_id, r.kam_id, r.period, ro.target_name is not null), f.recency_rank, r.source_line)
        end as key_rank
    from raw.targets as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
    left join rollups as ro on ro.file_id = r.file_id and ro.target_name = r.target_name
),

known_kams as (
    select kam_key as kam_ref, kam_id from staging.stg_kam_keys
    union
    select kam_id, kam_id from staging.stg_accounts where kam_id is not null
    union
    select kam_id, kam_id from staging.stg_sales_lines where kam_id is not null
),

resolved as (
    select
        r.* exclude (account_id, kam_id, currency),
        r.account_id as account_ref,
        case when r.account_id is null then r.kam_id end as kam_ref,
        case
            when r.account_id is not null then k.account_id is not null
            else exists (select 1 from known_kams as kk where kk.kam_ref = r.kam_id)
        end as is_attributed,
        coalesce(k.account_id, r.account_id) as account_id,
        case
            when r.account_id is null
                then coalesce((select min(kk.kam_id) from known_kams as kk where kk.kam_ref = r.kam_id), r.kam_id)
        end as kam_id,
        coalesce(r.currency, param_text('currency')) as currency
    from ranked as r
    left join staging.stg_account_keys as k on k.account_key = r.account_id
),

converted as (
    select
        r.*,
        case when r.currency = param_text('currency') then 1 else x.rate end as fx_rate
    from resolved as r
    left join staging.stg_fx_monthly as x
        on x.currency = r.currency and x.month = least(r.period_start, x.last_month)
),

final as (
    select
        file_id,
        source_line,
        account_id,
        account_ref,
        kam_id,
        kam_ref,
        is_attributed,
        period,
        period_start,
        period_months,
        cast(period_start + to_months(period_months) - interval 1 day as date) as period_end,
        currency,
        cast(round(revenue_target * fx_rate, 4) as decimal(18, 4)) as revenue_target,
        cast(round(margin_target * fx_rate, 4) as decimal(18, 4)) as margin_target,
        cast(round(month_01 * fx_rate, 4) as decimal(18, 4)) as month_01,
        cast(round(month_02 * fx_rate, 4) as decimal(18, 4)) as month_02,
        cast(round(month_03 * fx_rate, 4) as decimal(18, 4)) as month_03,
        cast(round(month_04 * fx_rate, 4) as decimal(18, 4)) as month_04,
        cast(round(month_05 * fx_rate, 4) as decimal(18, 4)) as month_05,
        cast(round(month_06 * fx_rate, 4) as decimal(18, 4)) as month_06,
        cast(round(month_07 * fx_rate, 4) as decimal(18, 4)) as month_07,
        cast(round(month_08 * fx_rate, 4) as decimal(18, 4)) as month_08,
        cast(round(month_09 * fx_rate, 4) as decimal(18, 4)) as month_09,
        cast(round(month_10 * fx_rate, 4) as decimal(18, 4)) as month_10,
        cast(round(month_11 * fx_rate, 4) as decimal(18, 4)) as month_11,
        cast(round(month_12 * fx_rate, 4) as decimal(18, 4)) as month_12,
        objective,
        unnest(row_fate(
            key_rank,
            rejected := fx_rate is null,
            reason := 'fx',
            reject_column := 'revenue_target',
            reject_value := cast(coalesce(revenue_target, month_01, month_02, month_03, month_04, month_05, month_06,
                month_07, month_08, month_09, month_10, month_11, month_12) as varchar),
            reject_detail := currency || ' ' || period
        ))
    from converted
)

select * from final
