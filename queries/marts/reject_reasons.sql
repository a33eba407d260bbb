-- reject_reasons: the rejected rows of every file grouped by column and
-- reason, with the count and the first line, for the data-quality pages.
-- grain: file × column × reason × detail. key: (path, column_name, reason, detail).
-- inputs: stg_rejects
-- period: yes
select
    param_text('period') as period,
    path,
    kind,
    column_name,
    reason,
    detail,
    count(*) as rows,
    min(source_line) as first_line
from staging.stg_rejects
group by all
