-- data_quality_keys: file_id and path are unique and not null.
select file_id, path, count(*) as n from main.data_quality group by all having count(*) > 1 or file_id is null or path is null
