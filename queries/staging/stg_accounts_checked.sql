-- stg_accounts_checked: every loaded account row and its fate. A snapshot
-- kind: the newest accounts file replaces older ones; within it the last row
-- per account_id wins.
-- grain: loaded row. key: (file_id, source_line). inputs: raw.accounts, stg_files
with files as (
    select file_id, recency_rank from staging.stg_files where kind = 'accounts' and not is_copy
),

ranked as (
    select
        r.*,
        f.recency_rank,
        row_number() over (partition by r.account_id order by f.recency_rank, r.source_line desc) as key_rank
    from raw.accounts as r
    inner join files as f on f.file_id = r.file_id and r.reject is null
),

final as (
    select
        *,
        case when recency_rank > 1 or key_rank > 1 then 'duplicate' else 'loaded' end as row_status,
        cast(null as varchar) as reject_reason,
        cast(null as varchar) as reject_column,
        cast(null as varchar) as reject_value,
        cast(null as varchar) as reject_detail
    from ranked
)

select * from final
