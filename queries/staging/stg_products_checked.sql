-- stg_products_checked: every loaded product row and its fate (snapshot
-- merged by key: per product_id the newest file's last row wins).
-- grain: loaded row. key: (file_id, source_line). inputs: raw.products, stg_files
with files as (
    select file_id, recency_rank from staging.stg_files where kind = 'products' and not is_copy
),

ranked as (
    select
        r.*,
        f.recency_rank,
        newest_wins(r.product_id, f.recency_rank, r.source_line) as key_rank
    from raw.products as r
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
