-- stg_rejects: every rejected row of every file in the warehouse: rows that
-- did not parse (meta.rejects) and rows the staging checks refused.
-- grain: rejected row. key: (file_id, source_line). inputs: meta.rejects, meta.files, every stg_*_checked
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

unioned as (
    select file_id, source_line, column_name, raw_value, reason, detail
    from meta.rejects
    union all
    select file_id, source_line, reject_column, reject_value, reject_reason, reject_detail
    from derived
    where row_status = 'rejected'
),

final as (
    select
        u.file_id,
        m.path,
        m.kind,
        u.source_line,
        u.column_name,
        u.raw_value,
        u.reason,
        u.detail
    from unioned as u
    inner join meta.files as m using (file_id)
)

select * from final
