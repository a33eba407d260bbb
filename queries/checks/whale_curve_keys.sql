-- whale_curve_keys: account_id and rank are unique and not null, and exactly one row is the peak.
select 'duplicate' as problem, account_id, count(*) as n from main.whale_curve group by account_id having count(*) > 1 or account_id is null
union all
select 'peaks', null, count(*) from main.whale_curve having count(*) > 0 and count(*) filter (where is_peak) <> 1
