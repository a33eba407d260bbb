-- kpi_summary_keys: one row per KPI, and the period's revenue equals the loaded LTM revenue of the reconciliation.
select kpi, count(*) as n from main.kpi_summary group by kpi having count(*) > 1
union all
select 'revenue_ltm', count(*) from main.kpi_summary as k
inner join main.revenue_reconciliation as r on r.time_window = 'ltm'
where k.kpi = 'revenue_ltm' and k.value is distinct from cast(r.loaded_revenue as double)
having count(*) > 0
