-- duplicate_conflicts: the superseded rows whose values differ from the row
-- that was kept (the same invoice line with another amount, the same
-- customer code with another name), with the columns that differ, so the
-- rule's choice is never silent.
-- grain: superseded row that conflicts. key: (path, source_line). inputs: stg_duplicates
select path, source_line, kind, row_key, array_to_string(differences, '; ') as differences, kept_path, kept_line
from staging.stg_duplicates
where is_conflict
