-- stg_sales_monthly: the sales lines in force summed by account, month and
-- product line, amounts in the reporting currency: the monthly fact the
-- models that need no line read instead of the lines. Unattributed lines
-- are kept and flagged, as in stg_sales_lines. Lines without cost are
-- counted and their revenue kept apart (the gross margin is measured on
-- costed lines only). No sales rep here: the newest rep of an account is
-- the lines' (int_accounts), kept off this fact.
-- Kept in the warehouse: a run recomputes only the months whose lines it
-- restaged (see pipeline/warehouse/incremental.go); the marker
-- restage_months(...) below is where it narrows the lines read.
-- grain: account × month × product line. key: (account_id, is_attributed, month, product_line).
-- inputs: stg_sales_lines
-- materialized: incremental
select
    account_id,
    is_attributed,
    cast(date_trunc('month', invoice_date) as date) as month,
    product_line,
    sum(net_amount) as revenue,
    sum(net_amount + coalesce(discount_amount, 0)) as gross_sales,
    sum(discount_amount) as discounts,
    count(discount_amount) as lines_with_discount,
    sum(cost_amount) as cogs,
    sum(net_amount) filter (where cost_amount is not null) as revenue_costed,
    sum(net_amount) filter (where cost_amount is null) as revenue_without_cost,
    count(*) filter (where cost_amount is null) as lines_without_cost,
    count(*) as lines,
    max(invoice_date) as last_invoice_date
from staging.stg_sales_lines
where /* restage_months(invoice_date) */ true
group by all
