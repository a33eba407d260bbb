-- stg_accounts_checked: every loaded account row and its fate. A snapshot
-- kind merged by key: per account_id the newest file's last row wins, so a
-- second accounts file (a CRM export beside the ERP's) adds its accounts
-- instead of replacing the first file. A list of key accounts
-- (is_key_list) replaces no row of an accounts file nor of another list:
-- only a code it gives twice is a duplicate (stg_accounts reads the lists
-- column by column).
-- grain: loaded row. key: (file_id, source_line). inputs: raw.accounts, stg_files
with ranked as (
    select
        r.*,
        f.is_key_list,
        f.recency_rank,
        newest_wins((r.account_id, f.is_key_list, case when f.is_key_list then r.file_id end), f.recency_rank, r.source_line) as key_rank
    from raw.accounts as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
)

select *, unnest(row_fate(key_rank)) from ranked
