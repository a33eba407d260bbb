-- data_quality: every input file in the warehouse with its row accounting
-- (rows_read = rows_loaded + rows_rejected + rows_duplicate; rows_conflicting
-- are the duplicates whose values differ from the row kept), what was
-- detected (format, encoding, delimiter), its most frequent reject reason,
-- and for sales files the unattributed lines and revenue and the lines of
-- cancelled or returned orders and of documents never issued (drafts,
-- quotations, pro formas), both loaded and kept out of revenue.
-- documents_in_doubt are the file's documents counted in revenue that may
-- be the same sales as another file's (stg_sales_in_doubt: an invoice
-- register's invoices whose lines another file gives with other amounts;
-- orders beside invoices of the same customers and months that name no
-- order), and revenue_in_doubt their revenue, which may so
-- be counted twice (revenue_reconciliation has it by window). For a
-- targets file: targets_unattributed are its targets whose account or KAM
-- kam does not know, left out of the plan, and revenue_target_unattributed
-- their revenue target. For a deals or activities file:
-- rows_unknown_account are its rows naming an account kam does not know
-- (a reference that is not blank: a blank one is an internal meeting or a
-- deal not associated yet), in no account's pipeline or cost to serve, and
-- amount_unknown_account the deals' amount among them.
-- notes are the file's ingest's (how it was read); matching_notes this
-- run's reading of its customers (codes matched without their leading
-- zeros, by name or by a tax id written another way; rows naming no
-- account; a key list disagreeing), both JSON lists of notes.
-- grain: file. key: file_id. inputs: stg_file_accounting, stg_rejects, stg_sales_lines, stg_sales_lines_checked,
-- stg_targets, stg_opportunities_checked, stg_activities_checked, stg_sales_in_doubt, stg_run_notes
-- period: yes
with reasons as (
    select
        file_id,
        -- The most frequent; between reasons as frequent, the first by
        -- name (arg_max alone picked one at random).
        first(reason order by n desc, reason) as top_reject_reason,
        sum(n) as rejects
    from (select file_id, reason, count(*) as n from staging.stg_rejects group by all)
    group by file_id
),

unattributed as (
    select file_id, count(*) as unattributed_lines, sum(net_amount) as unattributed_revenue
    from staging.stg_sales_lines
    where not is_attributed
    group by file_id
),

cancelled as (
    select
        file_id,
        count(*) filter (where is_cancelled) as cancelled_lines,
        sum(net_amount) filter (where is_cancelled) as cancelled_revenue,
        count(*) filter (where is_not_issued) as not_issued_lines,
        sum(net_amount) filter (where is_not_issued) as not_issued_revenue
    from staging.stg_sales_lines_checked
    where row_status = 'loaded' and (is_cancelled or is_not_issued)
    group by file_id
),

doubt as (
    select file_id, count(distinct invoice_id) as documents_in_doubt, sum(net_amount) as revenue_in_doubt
    from staging.stg_sales_in_doubt
    group by file_id
),

unplanned as (
    select file_id, count(*) as targets_unattributed, sum(revenue_target) as revenue_target_unattributed
    from staging.stg_targets
    where not is_attributed
    group by file_id
),

unknown_accounts as (
    select file_id, count(*) as rows_unknown_account, sum(amount) as amount_unknown_account
    from staging.stg_opportunities_checked
    where row_status = 'loaded' and not is_attributed and account_ref is not null
    group by file_id
    union all
    select file_id, count(*), null
    from staging.stg_activities_checked
    where row_status = 'loaded' and not is_attributed and account_ref is not null
    group by file_id
),

final as (
    select
        param_text('period') as period,
        f.file_id,
        f.path,
        f.kind,
        f.format,
        f.encoding,
        f.delimiter,
        f.sheet,
        f.header_line,
        f.preset,
        f.sha256,
        f.size_bytes,
        f.loaded_at,
        f.rows_read,
        f.rows_loaded,
        f.rows_rejected,
        f.rows_duplicate,
        f.rows_conflicting,
        f.rows_rejected / nullif(f.rows_read, 0) as reject_rate,
        r.top_reject_reason,
        coalesce(u.unattributed_lines, 0) as unattributed_lines,
        coalesce(u.unattributed_revenue, 0) as unattributed_revenue,
        coalesce(c.cancelled_lines, 0) as cancelled_lines,
        coalesce(c.cancelled_revenue, 0) as cancelled_revenue,
        coalesce(c.not_issued_lines, 0) as not_issued_lines,
        coalesce(c.not_issued_revenue, 0) as not_issued_revenue,
        coalesce(d.documents_in_doubt, 0) as documents_in_doubt,
        coalesce(d.revenue_in_doubt, 0) as revenue_in_doubt,
        coalesce(p.targets_unattributed, 0) as targets_unattributed,
        coalesce(p.revenue_target_unattributed, 0) as revenue_target_unattributed,
        coalesce(k.rows_unknown_account, 0) as rows_unknown_account,
        coalesce(k.amount_unknown_account, 0) as amount_unknown_account,
        f.notes,
        n.notes as matching_notes
    from staging.stg_file_accounting as f
    left join staging.stg_run_notes as n using (file_id)
    left join reasons as r using (file_id)
    left join unattributed as u using (file_id)
    left join cancelled as c using (file_id)
    left join doubt as d using (file_id)
    left join unplanned as p using (file_id)
    left join unknown_accounts as k using (file_id)
)

select * from final
