-- stg_assessments: the KAM assessments in force (optional input).
-- grain: assessment score. key: (kam_id, dimension, assessor, assessment_date). inputs: stg_assessments_checked
-- materialized: view
select * exclude (row_status, reject_reason, reject_column, reject_value, reject_detail)
from staging.stg_assessments_checked
where row_status = 'loaded'
