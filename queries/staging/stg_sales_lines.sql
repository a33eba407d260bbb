-- stg_sales_lines: the invoice lines in force, amounts in the reporting
-- currency. Unattributed lines (unknown account) are included and flagged:
-- account models filter on is_attributed, company totals do not. Lines of
-- cancelled or returned orders, and of drafts, quotations and pro formas
-- (documents not issued), are no sales: they are left out here and counted
-- apart from stg_sales_lines_checked.
-- grain: invoice line. key: (invoice_id, line_no). inputs: stg_sales_lines_checked
-- materialized: view
select * exclude (
    row_status, reject_reason, reject_column, reject_value, reject_detail, is_cancelled, is_not_issued,
    is_invoice_total, lines_file_id, lines_amount, order_id, is_order, is_invoiced_order, is_register_line, is_order_book
)
from staging.stg_sales_lines_checked
where row_status = 'loaded' and not is_cancelled and not is_not_issued
