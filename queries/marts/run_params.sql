-- run_params: the parameters the run's models read (thresholds, weights,
-- windows, the reporting currency), for the reports: both writers read the
-- currency and the thresholds they draw from here, with no defaults of
-- their own.
-- grain: parameter. key: key. inputs: stg_params
-- materialized: view
select key, num, txt
from staging.stg_params
