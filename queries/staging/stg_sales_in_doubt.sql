-- stg_sales_in_doubt: the sales lines counted in revenue that may be the
-- same sales as another file's, counted twice, and why (doubt):
--   register  a row of an invoice register whose invoice another sales
--             file gives as lines with another amount
--             (stg_sales_lines_checked.lines_file_id; a row whose amount
--             is the lines' sum is their duplicate, not revenue)
--   orders    a line of a file of sales orders only whose account and month
--             a file of invoices (and no orders) also has, in a folder where
--             no invoice names its order: the orders may be the invoices'
-- other_file_ids are the files whose sales these may be (the lines' file
-- of a register row; every invoices file that has the order's account and
-- month). kam cannot tell which file is right, so both count; the reports
-- say how much revenue is at stake (revenue_reconciliation by window,
-- data_quality by file) and the console names the files
-- (warehouse.invoiceTotals, warehouse.ordersBesideInvoices). Built once a
-- run (temp): the marts read it for every period the run builds.
-- grain: sales line. key: (file_id, source_line). inputs: stg_sales_lines_checked
-- materialized: temp
with counted as (
    select file_id, source_line, invoice_id, invoice_date, account_id, net_amount, is_order, lines_file_id
    from staging.stg_sales_lines_checked
    where row_status = 'loaded' and not is_cancelled and not is_not_issued
),

-- Invoices name orders somewhere: then orders are matched by their number
-- (duplicates or order book), never by their customers and months.
named as (
    select count(*) > 0 as yes
    from staging.stg_sales_lines_checked
    where order_id is not null and not is_order and row_status = 'loaded'
),

kinds as (
    select file_id, bool_and(is_order) as orders, bool_or(is_order) as any_order
    from counted
    group by file_id
),

-- Read only when a file of orders only is there: the cells of every
-- invoice line are the largest part of the model's time otherwise.
invoice_cells as (
    select distinct c.file_id, c.account_id, date_trunc('month', c.invoice_date) as month
    from counted as c
    inner join kinds as k on k.file_id = c.file_id and not k.any_order
    where exists (select 1 from kinds where orders)
),

orders as (
    select
        c.file_id, c.source_line, c.invoice_id, c.invoice_date, c.account_id, c.net_amount, 'orders' as doubt,
        list_sort(list(distinct i.file_id)) as other_file_ids
    from counted as c
    inner join kinds as k on k.file_id = c.file_id and k.orders
    inner join invoice_cells as i on i.account_id = c.account_id and i.month = date_trunc('month', c.invoice_date)
    cross join named as n
    where not n.yes
    group by all
),

register as (
    select file_id, source_line, invoice_id, invoice_date, account_id, net_amount, 'register' as doubt, [lines_file_id] as other_file_ids
    from counted
    where lines_file_id is not null
)

select * from register
union all
select * from orders
