-- int_unit_months: sales of each portfolio unit by month, the base of every
-- window. Lines without cost are counted and their revenue kept apart: the
-- gross margin is measured on costed lines only, never as 100 %.
-- grain: unit × month. key: (unit_id, month). inputs: stg_sales_monthly, int_accounts
-- materialized: temp
select
    a.unit_id,
    s.month,
    sum(s.revenue) as revenue,
    sum(s.gross_sales) as gross_sales,
    sum(s.discounts) as discounts,
    cast(sum(s.lines_with_discount) as bigint) as lines_with_discount,
    sum(s.cogs) as cogs,
    sum(s.revenue_costed) as revenue_costed,
    sum(s.revenue_without_cost) as revenue_without_cost,
    cast(sum(s.lines_without_cost) as bigint) as lines_without_cost,
    cast(sum(s.lines) as bigint) as lines,
    max(s.last_invoice_date) as last_invoice_date
from staging.stg_sales_monthly as s
inner join intermediate.int_accounts as a using (account_id)
where s.is_attributed
group by all
