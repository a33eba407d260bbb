-- stg_file_accounting: the row accounting of every file in the warehouse:
-- rows_read = rows_loaded + rows_rejected + rows_duplicate. Rejected rows
-- are those that did not parse plus those the checks above refused (no
-- header, no exchange rate); duplicates are rows superseded by a newer row
-- with the same key (in snapshot kinds too: their files merge by key), and
-- every row of a byte-identical copy; rows_conflicting counts those
-- duplicates whose values differ from the row kept (see stg_duplicates),
-- part of rows_duplicate.
-- grain: file. key: file_id. inputs: meta.files, stg_files, every stg_*_checked, stg_duplicates
with fates as (
    select file_id, row_status from staging.stg_accounts_checked
    union all select file_id, row_status from staging.stg_activities_checked
    union all select file_id, row_status from staging.stg_assessments_checked
    union all select file_id, row_status from staging.stg_fx_rates_checked
    union all select file_id, row_status from staging.stg_invoices_checked
    union all select file_id, row_status from staging.stg_kams_checked
    union all select file_id, row_status from staging.stg_opportunities_checked
    union all select file_id, row_status from staging.stg_products_checked
    union all select file_id, row_status from staging.stg_sales_lines_checked
    union all select file_id, row_status from staging.stg_service_costs_checked
    union all select file_id, row_status from staging.stg_targets_checked
),

counts as (
    select
        file_id,
        count(*) filter (where row_status = 'loaded') as loaded,
        count(*) filter (where row_status = 'rejected') as rejected,
        count(*) filter (where row_status = 'duplicate') as duplicate
    from fates
    group by file_id
),

conflicts as (
    select file_id, count(*) as conflicting
    from staging.stg_duplicates
    where is_conflict
    group by file_id
),

final as (
    select
        m.file_id,
        m.path,
        m.kind,
        m.sha256,
        m.size_bytes,
        m.format,
        m.encoding,
        m.delimiter,
        m.sheet,
        m.header_line,
        m.preset,
        m.mapping,
        m.notes,
        m.loaded_at,
        f.is_copy,
        f.is_key_list,
        m.rows_read,
        case when f.is_copy then 0 else coalesce(c.loaded, 0) end as rows_loaded,
        case when f.is_copy then 0 else m.rows_parse_rejected + coalesce(c.rejected, 0) end as rows_rejected,
        case when f.is_copy then m.rows_read else coalesce(c.duplicate, 0) end as rows_duplicate,
        coalesce(x.conflicting, 0) as rows_conflicting
    from meta.files as m
    inner join staging.stg_files as f using (file_id)
    left join counts as c using (file_id)
    left join conflicts as x using (file_id)
)

select * from final
