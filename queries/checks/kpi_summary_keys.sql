-- kpi_summary_keys: one row per KPI, the period's revenue equals the loaded LTM revenue of the reconciliation, and a change across windows with different inputs is not given (no change where is_comparable is false, and a reason there).
select kpi, count(*) as n from main.kpi_summary group by kpi having count(*) > 1
union all
select 'revenue_ltm', count(*) from main.kpi_summary as k
inner join main.revenue_reconciliation as r on r.time_window = 'ltm'
where k.kpi = 'revenue_ltm' and k.value is distinct from cast(r.loaded_revenue as double)
having count(*) > 0
union all
select kpi, 1 from main.kpi_summary
where (is_comparable_prior_month = false and (change_prior_month is not null or change_pct_prior_month is not null
        or not_comparable_reason_prior_month is null))
    or (is_comparable_prior_year = false and (change_prior_year is not null or change_pct_prior_year is not null
        or not_comparable_reason_prior_year is null))
