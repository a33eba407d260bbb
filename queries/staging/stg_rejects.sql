-- stg_rejects: every rejected row of every file in the warehouse: rows that
-- did not read (their reject in raw.<kind>) and rows the staging checks
-- refused (no header, no exchange rate). A missing rate for a currency that
-- has no rate in any month and is not the reporting currency is an unknown
-- currency (a typo such as EUE, a made-up code), not a month to add.
-- grain: rejected row. key: (file_id, source_line). inputs: raw.*, meta.files, every stg_*_checked, stg_fx_monthly
with derived as (
    select file_id, source_line, reject_column, reject_value, reject_reason, reject_detail, row_status
    from staging.stg_sales_lines_checked
    union all select file_id, source_line, reject_column, reject_value, reject_reason, reject_detail, row_status
    from staging.stg_activities_checked
    union all select file_id, source_line, reject_column, reject_value, reject_reason, reject_detail, row_status
    from staging.stg_opportunities_checked
    union all select file_id, source_line, reject_column, reject_value, reject_reason, reject_detail, row_status
    from staging.stg_targets_checked
    union all select file_id, source_line, reject_column, reject_value, reject_reason, reject_detail, row_status
    from staging.stg_service_costs_checked
    union all select file_id, source_line, reject_column, reject_value, reject_reason, reject_detail, row_status
    from staging.stg_kams_checked
),

unread as (
    select file_id, source_line, reject from raw.accounts where reject is not null
    union all select file_id, source_line, reject from raw.activities where reject is not null
    union all select file_id, source_line, reject from raw.assessments where reject is not null
    union all select file_id, source_line, reject from raw.fx_rates where reject is not null
    union all select file_id, source_line, reject from raw.invoices where reject is not null
    union all select file_id, source_line, reject from raw.kams where reject is not null
    union all select file_id, source_line, reject from raw.opportunities where reject is not null
    union all select file_id, source_line, reject from raw.products where reject is not null
    union all select file_id, source_line, reject from raw.sales where reject is not null
    union all select file_id, source_line, reject from raw.service_costs where reject is not null
    union all select file_id, source_line, reject from raw.targets where reject is not null
),

unioned as (
    select file_id, source_line, reject."column" as column_name, reject."value" as raw_value, reject.reason, reject.detail
    from unread
    union all
    select file_id, source_line, reject_column, reject_value, reject_reason, reject_detail
    from derived
    where row_status = 'rejected'
),

known_currencies as (
    select distinct currency from staging.stg_fx_monthly
),

final as (
    select
        u.file_id,
        m.path,
        m.kind,
        u.source_line,
        u.column_name,
        u.raw_value,
        case when c.currency is null and u.reason = 'fx' then 'unknown_currency' else u.reason end as reason,
        case when c.currency is null and u.reason = 'fx' then split_part(u.detail, ' ', 1) else u.detail end as detail
    from unioned as u
    inner join meta.files as m using (file_id)
    left join known_currencies as c on u.reason = 'fx' and c.currency = split_part(u.detail, ' ', 1)
)

select * from final
