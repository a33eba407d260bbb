-- stg_duplicates: every superseded row (stg_duplicate_pairs) compared with
-- the row that was kept: the same values — a plain duplicate, the same
-- export read twice — or not: a conflict, such as the same invoice line with
-- another amount or the same customer code with another name. The rule is
-- kept either way; conflicts are counted and shown apart so that the choice
-- is not silent. (Two models, not one: as one statement, DuckDB ran out of
-- a 128 MB memory_limit on 1.2 M lines; TestMemoryLimit.)
-- grain: superseded row. key: (file_id, source_line).
-- inputs: stg_duplicate_pairs, raw.*, meta.files
with pairs as (
    select * from staging.stg_duplicate_pairs
),

wanted as (
    select kind, file_id, source_line from pairs
    union
    select kind, kept_file_id, kept_line from pairs
),

-- The rows as text (so that amounts compare and show exactly as stored),
-- one JSON object per row, read only for the rows in a pair.
stored as (
    select 'sales' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.sales as r
        semi join wanted as w on w.kind = 'sales' and w.file_id = r.file_id and w.source_line = r.source_line
    )
    union all
    select 'invoices' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.invoices as r
        semi join wanted as w on w.kind = 'invoices' and w.file_id = r.file_id and w.source_line = r.source_line
    )
    union all
    select 'accounts' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.accounts as r
        semi join wanted as w on w.kind = 'accounts' and w.file_id = r.file_id and w.source_line = r.source_line
    )
    union all
    select 'kams' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.kams as r
        semi join wanted as w on w.kind = 'kams' and w.file_id = r.file_id and w.source_line = r.source_line
    )
    union all
    select 'products' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.products as r
        semi join wanted as w on w.kind = 'products' and w.file_id = r.file_id and w.source_line = r.source_line
    )
    union all
    select 'fx_rates' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.fx_rates as r
        semi join wanted as w on w.kind = 'fx_rates' and w.file_id = r.file_id and w.source_line = r.source_line
    )
    union all
    select 'targets' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.targets as r
        semi join wanted as w on w.kind = 'targets' and w.file_id = r.file_id and w.source_line = r.source_line
    )
    union all
    select 'opportunities' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.opportunities as r
        semi join wanted as w on w.kind = 'opportunities' and w.file_id = r.file_id and w.source_line = r.source_line
    )
    union all
    select 'activities' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.activities as r
        semi join wanted as w on w.kind = 'activities' and w.file_id = r.file_id and w.source_line = r.source_line
    )
    union all
    select 'assessments' as kind, cast(file_id as integer) as file_id, cast(source_line as bigint) as source_line,
        to_json(struct_pack(*columns(* exclude (file_id, source_line, reject)))) as row_json
    from (
        select columns(*)::varchar from raw.assessments as r
        semi join wanted as w on w.kind = 'assessments' and w.file_id = r.file_id and w.source_line = r.source_line
    )
),

compared as (
    select
        p.*,
        list_filter(
            json_keys(d.row_json),
            c -> (d.row_json ->> c) is distinct from (k.row_json ->> c)
        ) as columns_differing,
        d.row_json,
        k.row_json as kept_json
    from pairs as p
    inner join stored as d on d.kind = p.kind and d.file_id = p.file_id and d.source_line = p.source_line
    inner join stored as k on k.kind = p.kind and k.file_id = p.kept_file_id and k.source_line = p.kept_line
),

final as (
    select
        c.kind,
        c.file_id,
        f.path,
        c.source_line,
        c.row_key,
        c.kept_file_id,
        kf.path as kept_path,
        c.kept_line,
        len(c.columns_differing) > 0 as is_conflict,
        -- "column: value here → value kept", for the columns that differ
        list_transform(
            c.columns_differing,
            col -> col || ': ' || coalesce(c.row_json ->> col, '(blank)') || ' → ' || coalesce(c.kept_json ->> col, '(blank)')
        ) as differences
    from compared as c
    inner join meta.files as f on f.file_id = c.file_id
    inner join meta.files as kf on kf.file_id = c.kept_file_id
)

select * from final
