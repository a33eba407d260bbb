-- stg_params: the model parameters in force for the run (meta.params: kam's
-- defaults, overridden by kam.yaml), as the SQL models read them through
-- param_num and param_text. A view, so it is never stale.
-- grain: parameter. key: key. inputs: meta.params
-- materialized: view
select key, num, txt
from meta.params
