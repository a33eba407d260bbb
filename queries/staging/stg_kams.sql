-- stg_kams: the KAMs, key account directors and executives in force.
-- grain: person. key: kam_id. inputs: stg_kams_checked
-- materialized: view
select
    kam_id,
    kam_name,
    kam_alias,
    coalesce(role, 'kam') as role,
    role is null as role_assumed,
    manager_id,
    annual_cost,
    capacity_hours,
    file_id,
    source_line
from staging.stg_kams_checked
where row_status = 'loaded'
