-- stg_products_checked: every loaded product row and its fate (snapshot
-- merged by key: per product_id the newest file's last row wins).
-- grain: loaded row. key: (file_id, source_line). inputs: raw.products, stg_files
with ranked as (
    select r.*, f.recency_rank, newest_wins(r.product_id, f.recency_rank, r.source_line) as key_rank
    from raw.products as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
)

select *, unnest(row_fate(key_rank)) from ranked
