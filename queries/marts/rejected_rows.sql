-- rejected_rows: every rejected row of every file, with the line, the column, the
-- value as read and the reason (reject_reasons counts them by reason), for
-- the data-quality pages.
-- grain: rejected row. key: (path, source_line, column_name). inputs: stg_rejects
select path, kind, source_line, column_name, raw_value, reason, detail
from staging.stg_rejects
