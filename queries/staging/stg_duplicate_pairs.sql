-- stg_duplicate_pairs: every row superseded by another row with the same key
-- (the rule of each stg_*_checked: the newest file's row wins) beside the
-- row that was kept, by kind, with the key as text. stg_duplicates compares
-- the two. Rows of byte-identical copies are not here (the same bytes), nor
-- activities without an id (a newer export supersedes an older one's rows by
-- date and account, where repeats are real), nor a register's rows that are
-- the total of an invoice's lines in another file (is_invoice_total: no
-- one row is their pair), which are never kept for a key either, nor an
-- order's rows that invoices give (is_invoiced_order).
-- grain: superseded row. key: (file_id, source_line).
-- inputs: every stg_*_checked with a key
-- The kept rows are found by a semi join on the superseded rows' keys, which
-- are few: a join of every line with every line would hold the whole table
-- in memory (TestMemoryLimit).
with sales_dups as (
    select file_id, source_line, invoice_id, line_no, is_order
    from staging.stg_sales_lines_checked
    where row_status = 'duplicate' and not is_invoice_total and not is_invoiced_order and not is_register_line
),

sales_kept as (
    select k.file_id, k.source_line, k.invoice_id, k.line_no, k.is_order
    from staging.stg_sales_lines_checked as k
    semi join sales_dups as d on d.invoice_id = k.invoice_id and d.line_no is not distinct from k.line_no and d.is_order = k.is_order
    where k.row_status <> 'duplicate' and k.lines_file_id is null
),

invoice_dups as (
    select file_id, source_line, invoice_id from staging.stg_invoices_checked where row_status = 'duplicate'
),

invoice_kept as (
    select k.file_id, k.source_line, k.invoice_id
    from staging.stg_invoices_checked as k
    semi join invoice_dups as d on d.invoice_id = k.invoice_id
    where k.row_status <> 'duplicate'
),

activity_dups as (
    select file_id, source_line, activity_id
    from staging.stg_activities_checked
    where row_status = 'duplicate' and activity_id is not null
),

activity_kept as (
    select k.file_id, k.source_line, k.activity_id
    from staging.stg_activities_checked as k
    semi join activity_dups as d on d.activity_id = k.activity_id
    where k.row_status <> 'duplicate'
),

opportunity_dups as (
    select file_id, source_line, opportunity_id from staging.stg_opportunities_checked where row_status = 'duplicate'
),

opportunity_kept as (
    select k.file_id, k.source_line, k.opportunity_id
    from staging.stg_opportunities_checked as k
    semi join opportunity_dups as d on d.opportunity_id = k.opportunity_id
    where k.row_status <> 'duplicate'
),

pairs as (
    select 'sales' as kind, d.file_id, d.source_line, k.file_id as kept_file_id, k.source_line as kept_line,
        d.invoice_id || ' / ' || coalesce(cast(d.line_no as varchar), '') as row_key
    from sales_dups as d
    inner join sales_kept as k on k.invoice_id = d.invoice_id and k.line_no is not distinct from d.line_no and k.is_order = d.is_order
    union all
    select 'invoices', d.file_id, d.source_line, k.file_id, k.source_line, d.invoice_id
    from invoice_dups as d
    inner join invoice_kept as k on k.invoice_id = d.invoice_id
    union all
    select 'accounts', d.file_id, d.source_line, k.file_id, k.source_line, d.account_id
    from staging.stg_accounts_checked as d
    inner join staging.stg_accounts_checked as k
        on k.account_id = d.account_id and k.is_key_list = d.is_key_list and k.row_status <> 'duplicate'
        and (not d.is_key_list or k.file_id = d.file_id)
    where d.row_status = 'duplicate'
    union all
    select 'kams', d.file_id, d.source_line, k.file_id, k.source_line, d.kam_id
    from staging.stg_kams_checked as d
    inner join staging.stg_kams_checked as k on k.kam_id = d.kam_id and k.row_status <> 'duplicate'
    where d.row_status = 'duplicate'
    union all
    select 'assessments', d.file_id, d.source_line, k.file_id, k.source_line,
        d.kam_id || ' ' || d.dimension || ' ' || coalesce(d.assessor, '') || ' ' || cast(d.assessment_date as varchar)
    from staging.stg_assessments_checked as d
    inner join staging.stg_assessments_checked as k
        on k.kam_id = d.kam_id and k.dimension = d.dimension and k.assessor is not distinct from d.assessor
        and k.assessment_date = d.assessment_date and k.row_status <> 'duplicate'
    where d.row_status = 'duplicate'
    union all
    select 'products', d.file_id, d.source_line, k.file_id, k.source_line, d.product_id
    from staging.stg_products_checked as d
    inner join staging.stg_products_checked as k on k.product_id = d.product_id and k.row_status <> 'duplicate'
    where d.row_status = 'duplicate'
    union all
    select 'fx_rates', d.file_id, d.source_line, k.file_id, k.source_line,
        d.currency || ' ' || coalesce(cast(d.rate_date as varchar), d.period)
    from staging.stg_fx_rates_checked as d
    inner join staging.stg_fx_rates_checked as k
        on k.currency = d.currency
        and coalesce(cast(k.rate_date as varchar), k.period) = coalesce(cast(d.rate_date as varchar), d.period)
        and k.row_status <> 'duplicate'
    where d.row_status = 'duplicate'
    union all
    select 'targets', d.file_id, d.source_line, k.file_id, k.source_line, d.account_id || ' ' || d.period
    from staging.stg_targets_checked as d
    inner join staging.stg_targets_checked as k
        on k.account_id = d.account_id and k.period = d.period and k.row_status <> 'duplicate'
    where d.row_status = 'duplicate'
    union all
    select 'opportunities', d.file_id, d.source_line, k.file_id, k.source_line, d.opportunity_id
    from opportunity_dups as d
    inner join opportunity_kept as k on k.opportunity_id = d.opportunity_id
    union all
    select 'activities', d.file_id, d.source_line, k.file_id, k.source_line, d.activity_id
    from activity_dups as d
    inner join activity_kept as k on k.activity_id = d.activity_id
)

select * from pairs
