-- stg_files: every file the warehouse holds, ranked newest first within its
-- kind (modification time, then path) to decide snapshots and duplicates.
-- is_key_list: an accounts file the ingest read as the list of key
-- accounts (its note note.key_account_list says so, in meta.files.notes):
-- ranked apart from the accounts files, since it replaces none of them.
-- grain: file. key: file_id. inputs: meta.files
with files as (
    select
        *,
        kind = 'accounts' and coalesce(
            list_contains(json_extract_string(notes, '$[*].key'), 'note.key_account_list'), false
        ) as is_key_list
    from meta.files
)

select
    file_id,
    path,
    kind,
    mtime,
    rows_read,
    rows_parse_rejected,
    duplicate_of,
    duplicate_of is not null as is_copy,
    is_key_list,
    case
        when duplicate_of is null
            then row_number() over (partition by kind, is_key_list, duplicate_of is null order by mtime desc, path desc)
    end as recency_rank
from files
