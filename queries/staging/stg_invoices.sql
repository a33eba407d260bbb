-- stg_invoices: invoice headers in force, one per invoice.
-- grain: invoice. key: invoice_id. inputs: stg_invoices_checked
-- materialized: view
select invoice_id, invoice_date, account_id, kam_id, currency, is_cancelled, is_not_issued, is_credit, invoice_discount, invoice_base, order_id
from staging.stg_invoices_checked
where row_status = 'loaded'
