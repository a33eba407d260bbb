-- duplicate_conflicts_keys: (path, source_line) is unique and not null, every conflict names the row kept and at least one column that differs.
select path, source_line, count(*) as n
from main.duplicate_conflicts
group by all
having count(*) > 1 or path is null or source_line is null
    or bool_or(kept_path is null or kept_line is null or coalesce(differences, '') = '')
