-- stg_service_costs: the cost-to-serve items in force, in the reporting currency.
-- grain: cost item. key: (file_id, source_line). inputs: stg_service_costs_checked
-- materialized: view
select * exclude (row_status, reject_reason, reject_column, reject_value, reject_detail)
from staging.stg_service_costs_checked
where row_status = 'loaded'
