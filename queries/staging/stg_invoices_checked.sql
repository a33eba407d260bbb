-- stg_invoices_checked: every loaded invoice header and its fate. Events:
-- headers accumulate across files; the same invoice_id again is a
-- duplicate and the newest file's row wins.
-- grain: loaded row. key: (file_id, source_line). inputs: raw.invoices, stg_files
-- materialized: temp
with files as (
    select file_id, mtime, path from staging.stg_files where kind = 'invoices' and not is_copy
),

ranked as (
    select
        r.*,
        row_number() over (partition by r.invoice_id order by f.mtime desc, f.path desc, r.source_line desc) as key_rank
    from raw.invoices as r
    inner join files as f on f.file_id = r.file_id and r.reject is null
),

final as (
    select
        *,
        case when key_rank > 1 then 'duplicate' else 'loaded' end as row_status,
        cast(null as varchar) as reject_reason,
        cast(null as varchar) as reject_column,
        cast(null as varchar) as reject_value,
        cast(null as varchar) as reject_detail
    from ranked
)

select * from final
