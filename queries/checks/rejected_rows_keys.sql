-- rejected_rows_keys: every rejected row is in rejected_rows once per column, with a path and a line, and reject_reasons counts as many rows as rejected_rows lists.
select path, source_line, column_name, count(*) as n
from main.rejected_rows
group by all
having count(*) > 1 or path is null or source_line is null
union all
select null, null, null, n
from (select count(*) as n from main.rejected_rows)
where n is distinct from (select coalesce(sum(rows), 0) from main.reject_reasons)
