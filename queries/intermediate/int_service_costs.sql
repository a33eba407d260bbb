-- int_service_costs: cost-to-serve items of each portfolio unit by month and type.
-- grain: unit × month × cost_type. key: (unit_id, month, cost_type). inputs: stg_service_costs, int_accounts
-- materialized: temp
select
    a.unit_id,
    cast(date_trunc('month', s.cost_date) as date) as month,
    s.cost_type,
    sum(s.amount) as amount
from staging.stg_service_costs as s
inner join intermediate.int_accounts as a using (account_id)
where s.is_attributed
group by all
