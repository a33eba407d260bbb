-- stg_files: every file the warehouse holds, ranked newest first within its
-- kind (modification time, then path) to decide snapshots and duplicates.
-- grain: file. key: file_id. inputs: meta.files
select
    file_id,
    path,
    kind,
    mtime,
    rows_read,
    rows_parse_rejected,
    duplicate_of,
    duplicate_of is not null as is_copy,
    case
        when duplicate_of is null
            then row_number() over (partition by kind, duplicate_of is null order by mtime desc, path desc)
    end as recency_rank
from meta.files
