-- stg_accounts_checked: every loaded account row and its fate. A snapshot
-- kind merged by key: per account_id the newest file's last row wins, so a
-- second accounts file (a CRM export beside the ERP's) adds its accounts
-- instead of replacing the first file.
-- grain: loaded row. key: (file_id, source_line). inputs: raw.accounts, stg_files
with ranked as (
    select r.*, f.recency_rank, newest_wins(r.account_id, f.recency_rank, r.source_line) as key_rank
    from raw.accounts as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
)

select *, unnest(row_fate(key_rank)) from ranked
