-- row_accounting: every file's rows_read equals rows_loaded + rows_rejected + rows_duplicate.
select path, rows_read, rows_loaded, rows_rejected, rows_duplicate
from main.data_quality
where rows_read <> rows_loaded + rows_rejected + rows_duplicate
