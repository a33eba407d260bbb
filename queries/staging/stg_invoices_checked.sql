-- stg_invoices_checked: every loaded invoice header and its fate. Events:
-- headers accumulate across files; the same invoice_id again is a
-- duplicate and the newest file's row wins.
-- grain: loaded row. key: (file_id, source_line). inputs: raw.invoices, stg_files
-- materialized: temp
with ranked as (
    select r.*, newest_wins(r.invoice_id, f.recency_rank, r.source_line) as key_rank
    from raw.invoices as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
)

select *, unnest(row_fate(key_rank)) from ranked
