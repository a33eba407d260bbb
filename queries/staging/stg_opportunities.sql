-- stg_opportunities: the opportunities in force, amounts in the reporting currency.
-- grain: opportunity. key: opportunity_id. inputs: stg_opportunities_checked
-- materialized: view
select * exclude (row_status, reject_reason, reject_column, reject_value, reject_detail, is_keyless)
from staging.stg_opportunities_checked
where row_status = 'loaded'
