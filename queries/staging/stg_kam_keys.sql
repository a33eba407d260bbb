-- stg_kam_keys: every identifier that names a KAM (the CRM user id and the
-- ERP sales-rep code), so that sales lines and CRM activities find the same
-- person.
-- grain: key. key: kam_key. inputs: stg_kams
with keys as (
    select kam_id as kam_key, kam_id, 1 as priority from staging.stg_kams
    union all
    select kam_alias, kam_id, 2 from staging.stg_kams where kam_alias is not null
),

final as (
    select kam_key, arg_min(kam_id, priority) as kam_id
    from keys
    group by kam_key
)

select * from final
