-- int_unit_months: sales of each portfolio unit by month, the base of every
-- window. Lines without cost are counted and their revenue kept apart: the
-- gross margin is measured on costed lines only, never as 100 %.
-- grain: unit × month. key: (unit_id, month). inputs: stg_sales_lines, int_accounts
-- materialized: temp
select
    a.unit_id,
    cast(date_trunc('month', s.invoice_date) as date) as month,
    sum(s.net_amount) as revenue,
    sum(s.net_amount + coalesce(s.discount_amount, 0)) as gross_sales,
    sum(s.discount_amount) as discounts,
    count(s.discount_amount) as lines_with_discount,
    sum(s.cost_amount) as cogs,
    sum(s.net_amount) filter (where s.cost_amount is not null) as revenue_costed,
    sum(s.net_amount) filter (where s.cost_amount is null) as revenue_without_cost,
    count(*) filter (where s.cost_amount is null) as lines_without_cost,
    count(*) as lines,
    max(s.invoice_date) as last_invoice_date
from staging.stg_sales_lines as s
inner join intermediate.int_accounts as a using (account_id)
where s.is_attributed
group by all
