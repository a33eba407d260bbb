-- stg_assessments_checked: every loaded KAM assessment row and its fate
-- (snapshot merged by key: per kam_id, dimension, assessor and date the
-- newest file's last row wins). The person is resolved through every id
-- that names them (stg_kam_keys); is_known says the kams file knows them —
-- an assessment of someone unknown is loaded and kept, but judges no KAM.
-- grain: loaded row. key: (file_id, source_line). inputs: raw.assessments, stg_files, stg_kam_keys
with ranked as (
    select
        r.* exclude (kam_id),
        r.kam_id as kam_ref,
        coalesce(k.kam_id, r.kam_id) as kam_id,
        k.kam_id is not null as is_known,
        row_number() over (
            partition by coalesce(k.kam_id, r.kam_id), r.dimension, r.assessor, r.assessment_date
            order by f.recency_rank, r.source_line desc
        ) as key_rank
    from raw.assessments as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
    left join staging.stg_kam_keys as k on k.kam_key = r.kam_id
),

final as (
    select
        file_id,
        source_line,
        kam_id,
        kam_ref,
        is_known,
        dimension,
        score,
        assessor,
        assessment_date,
        unnest(row_fate(key_rank))
    from ranked
)

select * from final
