-- int_people: every person of the kams file with the part the congruence
-- model gives them: kam (a key account manager, the only people judged as
-- KAMs), director (the key account director), executive (top management)
-- or other. The role comes from the file's role or title column (its
-- synonyms: pipeline/schema, "Key Account Director", "Consejero
-- Delegado", …). A file without one says nothing of roles, so the
-- hierarchy decides: a person who manages someone who manages others is
-- top management, a person who manages others a director, anyone else a
-- KAM (role_source says which: file, hierarchy). reports_to_director: the
-- person's manager is a director.
-- grain: person. key: kam_id. inputs: stg_kams, stg_kam_keys
-- materialized: temp
with people as (
    select
        k.kam_id,
        k.kam_name,
        k.role,
        k.role_assumed,
        coalesce(mk.kam_id, k.manager_id) as manager_id
    from staging.stg_kams as k
    left join staging.stg_kam_keys as mk on mk.kam_key = k.manager_id
),

managers as (
    select distinct manager_id as kam_id from people where manager_id is not null
),

senior as (
    -- managers of managers
    select distinct p.manager_id as kam_id
    from people as p
    inner join managers as m on m.kam_id = p.kam_id
    where p.manager_id is not null
),

roled as (
    select
        p.kam_id,
        p.kam_name,
        p.manager_id,
        case
            when not p.role_assumed then p.role
            when s.kam_id is not null then 'executive'
            when m.kam_id is not null then 'director'
            else 'kam'
        end as role,
        case when p.role_assumed then 'hierarchy' else 'file' end as role_source
    from people as p
    left join managers as m using (kam_id)
    left join senior as s using (kam_id)
),

final as (
    select
        r.kam_id,
        r.kam_name,
        r.role,
        r.role_source,
        r.manager_id,
        b.role as manager_role,
        r.role = 'kam' as is_kam,
        r.role = 'director' as is_director,
        r.role = 'executive' as is_top_management,
        coalesce(b.role = 'director', false) as reports_to_director
    from roled as r
    left join roled as b on b.kam_id = r.manager_id
)

select * from final
