-- stg_targets: the key account plan targets in force, in the reporting currency.
-- grain: account × target period. key: (account_id, period). inputs: stg_targets_checked
-- materialized: view
select * exclude (row_status, reject_reason, reject_column, reject_value, reject_detail)
from staging.stg_targets_checked
where row_status = 'loaded'
