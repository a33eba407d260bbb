-- stg_activities: the CRM activities in force that took place (not the
-- planned, open or cancelled ones), expenses in the reporting currency.
-- grain: activity. key: (file_id, source_line). inputs: stg_activities_checked
-- materialized: view
select * exclude (row_status, reject_reason, reject_column, reject_value, reject_detail, activity_key, is_done)
from staging.stg_activities_checked
where row_status = 'loaded' and is_done
