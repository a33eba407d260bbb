-- stg_activities: the CRM activities in force, expenses in the reporting currency.
-- grain: activity. key: (file_id, source_line). inputs: stg_activities_checked
-- materialized: view
select * exclude (row_status, reject_reason, reject_column, reject_value, reject_detail, activity_key)
from staging.stg_activities_checked
where row_status = 'loaded'
