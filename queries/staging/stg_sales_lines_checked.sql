-- stg_sales_lines_checked: every loaded invoice line and its fate.
-- Duplicates: the same (invoice_id, line_no) of the same kind of document
-- (an order's or an invoice's: is_order) again; the newest file's row
-- wins. Lines without date or account take them from their invoice header;
-- a line that needs a header that is missing is rejected (when no invoices
-- file was loaded at all, the line is rejected for its missing value); when
-- the header is there but was rejected, the line's reject says where and
-- why (detail: invoice, file, line, reason, detail, joined by chr(31)). A
-- line needs its header for a missing date, or for the account when its
-- file has no account column; a blank customer in a file that has one is no
-- customer. Amounts convert to the reporting currency at the rate of the
-- invoice month; a missing rate rejects the line (never a silent 1.0); a
-- line without a currency is in its header's, else in its account's from
-- the accounts file, else in the reporting currency. A
-- line without a cost takes quantity × its product's unit cost from the
-- products file (already in the reporting currency); a line with neither
-- keeps an unknown cost. Lines whose account is blank or not in the
-- accounts are kept, not attributed (unattributed revenue). A line of a
-- cancelled or returned order (its own status or its header's) is loaded
-- and flagged is_cancelled: it stays out of revenue (stg_sales_lines) and
-- is counted apart (revenue_reconciliation, data_quality). A line of a
-- document never issued (a draft, a quotation, a pro forma: its own status
-- or document type, or its header's) is loaded and flagged is_not_issued:
-- out of revenue too, counted apart from the cancelled ones. The lines of a
-- credit note, return or rectifying invoice (its header's document type
-- says so: is_credit) count negative, amount, cost, discount and quantity,
-- however they are written (a line's own type did so at load). A discount
-- on the whole invoice that its header states beside its base is taken off
-- the invoice's lines when the base is their sum less it (invoice_discounts
-- below). Only what the
-- models and a trace back to the file need is kept (names, quantities and
-- the like stay in raw.sales).
-- An invoice-level file beside the lines (a register of the same invoices,
-- one row each: no line number, product or quantity mapped and no invoice
-- id twice, whatever its name) would count each invoice a second time:
-- its row of an invoice whose lines another sales file gives (line
-- columns mapped, or several rows of it) is kept out of the duplicate keys
-- (its derived line 1 is not the lines' line 1), and when its amount is
-- the lines' sum (to a cent, or half a cent a line: a register's tax is
-- rounded once, the lines' each) it is that invoice's total: a duplicate,
-- is_invoice_total. When it is not, both are kept (kam cannot tell which
-- is right) and lines_file_id and lines_amount say so, for the warning
-- (warehouse.Accounting). Invoices with no lines elsewhere count from the
-- register as before.
-- A register of orders that states their refunds (Etsy's Sold Orders with
-- its Adjusted Order Total, a shop's Order Refund Amount) beside the
-- orders' items (Etsy's Sold Order Items: the same orders, one row per
-- item sold, which know no refund): an order whose row is not the items'
-- sum is the order as it stands after its refunds, which the items cannot
-- say. The order's row is then the sale, and its items are its
-- duplicates (is_register_line), as the register's row is theirs when
-- they agree: the order counts once, as its row says.
-- A sales order beside the invoices that invoice it (an orders file and
-- an invoices file of the same sales, or both in one file): an invoice
-- line that names its order (order_id, its own or its header's) makes that order's rows (is_order:
-- their document type, status or file name says order, and their id is
-- the order's) the same sale again. They are counted as duplicates of the
-- invoices (is_invoiced_order), as a register's row is of its lines: the
-- row stands for a sale another row gives, and read = loaded + rejected +
-- duplicate holds. The revenue is the invoices' (an order invoiced in part
-- too: what is left of it is said, warehouse.Accounting). Once the
-- folder's invoices name orders at all, an order none of them names is
-- the order book, not invoiced yet: loaded and kept out of revenue as not
-- issued (is_order_book). Orders with no invoice naming any order count
-- as before (a shop's orders are its sales).
-- Kept in the warehouse and restaged by invoice (every line of an invoice
-- shares its header and its duplicate keys): a run restages only the
-- invoices of files added, changed or removed, and those whose header,
-- account key, KAM key, product or exchange rate changed (see
-- pipeline/warehouse/incremental.go); the marker restage(...) below is
-- where it narrows the lines read. Changes of the reporting currency or of
-- this SQL restage everything.
-- grain: loaded row. key: (file_id, source_line).
-- inputs: raw.sales, stg_files, stg_invoices, stg_account_keys, stg_accounts, stg_kam_keys, stg_products, stg_fx_monthly
-- materialized: incremental
with files as (
    select file_id, mtime, path from staging.stg_files where kind = 'sales' and not is_copy
),

-- Invoice headers that were rejected themselves: their lines say so (where
-- and why), rather than that the header is missing.
rejected_headers as (
    select
        r.invoice_id,
        arg_min(
            concat_ws(chr(31), r.invoice_id, m.path, cast(r.source_line as varchar), r.reject.reason, coalesce(r.reject.detail, '')),
            (m.path, r.source_line)
        ) as header_reject
    from raw.invoices as r
    inner join meta.files as m on m.file_id = r.file_id and m.duplicate_of is null
    where r.reject is not null and r.invoice_id is not null
    group by r.invoice_id
),

-- Files whose header row has no customer column take the account from
-- their invoice headers.
accountless_files as (
    select file_id
    from meta.files
    where kind = 'sales' and json_extract_string(mapping, '$.account_id') is null
),

-- Read three times (duplicate keys, their ranks, every line) straight from
-- raw.sales: a scan of the stored columns is cheaper than materializing every
-- line once more (0.58 x the time at 10 M lines). The file's mtime and path
-- are needed only to rank duplicates, so they are joined there. (A semi join
-- with files here made DuckDB run out of memory under a small memory_limit;
-- TestMemoryLimit.)
lines as not materialized (
    select r.*
    from raw.sales as r
    inner join files as f on f.file_id = r.file_id and r.reject is null
    where /* restage(r.invoice_id) */ true
),

-- Sales files of one row per invoice: no line number or quantity is
-- mapped, and no invoice id is there twice (a product column may be:
-- Etsy's Sold Orders lists the order's SKUs in one cell). Read whole (a file's
-- property, not an invoice's), but only for files without line columns,
-- which are few and small.
per_invoice_files as (
    select r.file_id
    from raw.sales as r
    inner join files as f on f.file_id = r.file_id
    where r.reject is null and r.file_id in (
        select file_id
        from meta.files
        where kind = 'sales'
            and json_extract_string(mapping, '$.line_no') is null
            and json_extract_string(mapping, '$.quantity') is null
    )
    group by r.file_id
    having count(r.invoice_id) = count(distinct r.invoice_id)
),

register_rows as (
    select invoice_id from lines
    where file_id in (select file_id from per_invoice_files) and invoice_id is not null
),

-- The files that give lines of those invoices: a file with line columns,
-- or several rows of the invoice.
line_files as (
    select file_id
    from meta.files
    where kind = 'sales' and (
        json_extract_string(mapping, '$.line_no') is not null
        or json_extract_string(mapping, '$.product_id') is not null
        or json_extract_string(mapping, '$.quantity') is not null
    )
),

lines_beside as (
    select l.invoice_id, l.file_id
    from lines as l
    semi join register_rows as p on p.invoice_id = l.invoice_id
    where l.file_id not in (select file_id from per_invoice_files)
    group by all
    having count(*) > 1 or l.file_id in (select file_id from line_files)
),

-- The orders the folder's invoice lines name, read whole (an order's
-- fate is another invoice's line): by the line's own order number, or by
-- its invoice header's when only the header gives it (the lines file
-- without the order's column), once a line of that invoice is loaded.
order_refs as (
    select r.order_id
    from raw.sales as r
    inner join files as f on f.file_id = r.file_id
    where r.reject is null and r.order_id is not null and not coalesce(r.is_order, false)
    union
    select h.order_id
    from staging.stg_invoices as h
    semi join (
        select r.invoice_id
        from raw.sales as r
        inner join files as f on f.file_id = r.file_id
        where r.reject is null and not coalesce(r.is_order, false)
    ) as l on l.invoice_id = h.invoice_id
    where h.order_id is not null
),

-- Duplicates are rare: find their keys with one hash aggregate and rank
-- only their rows, instead of sorting every line. The aggregate groups the
-- keys' hashes (one integer, half the time of grouping the text and the
-- number); a hash two keys share only ranks a few more rows, each within
-- its own key, so the ranks are the same. A key with a blank part is no
-- duplicate (it joined nothing before). An order's row and an invoice's
-- are two documents, whatever their numbers: order 501 and invoice 501
-- (each numbered from 1 in its own series) are no copy of each other, and
-- the key says which kind of document it numbers.
duplicate_keys as (
    select hash(invoice_id, line_no, coalesce(is_order, false)) as key_hash
    from lines
    where not (file_id in (select file_id from per_invoice_files) and invoice_id in (select invoice_id from lines_beside))
    group by all
    having count(*) > 1
),

duplicate_ranks as (
    select
        l.file_id,
        l.source_line,
        row_number() over (
            partition by l.invoice_id, l.line_no, coalesce(l.is_order, false)
            order by f.mtime desc, f.path desc, l.source_line desc
        ) as key_rank
    from lines as l
    inner join files as f on f.file_id = l.file_id
    semi join duplicate_keys as k on k.key_hash = hash(l.invoice_id, l.line_no, coalesce(l.is_order, false))
    where l.invoice_id is not null and l.line_no is not null
        and not (l.file_id in (select file_id from per_invoice_files) and l.invoice_id in (select invoice_id from lines_beside))
),

ranked as (
    select
        l.*,
        coalesce(d.key_rank, 1) as key_rank
    from lines as l
    left join duplicate_ranks as d on d.file_id = l.file_id and d.source_line = l.source_line
),

-- The lines' sum of each invoice a register gives too (the lines in
-- force: a line given again in a newer file once), and the first file
-- that gives them.
lines_totals as (
    select
        r.invoice_id,
        min(r.file_id) as lines_file_id,
        count(*) as lines,
        sum(r.net_amount) as lines_amount
    from ranked as r
    semi join lines_beside as b on b.invoice_id = r.invoice_id and b.file_id = r.file_id
    where r.key_rank = 1
    group by r.invoice_id
),

-- Registers that state their orders' refunds.
refund_files as (
    select file_id
    from meta.files
    where kind = 'sales' and (
        json_extract_string(mapping, '$.adjusted_total') is not null
        or json_extract_string(mapping, '$.refunded_amount') is not null
    )
),

compared as (
    select
        r.file_id,
        r.source_line,
        r.invoice_id,
        t.lines_file_id,
        t.lines_amount,
        abs(r.net_amount - t.lines_amount) <= greatest(0.01, 0.005 * t.lines) as is_invoice_total,
        r.file_id in (select file_id from refund_files) as states_refunds
    from ranked as r
    inner join lines_totals as t on t.invoice_id = r.invoice_id
    where r.file_id in (select file_id from per_invoice_files)
),

beside as (
    select
        file_id,
        source_line,
        case when not is_invoice_total and states_refunds then null else lines_file_id end as lines_file_id,
        case when not is_invoice_total and states_refunds then null else lines_amount end as lines_amount,
        is_invoice_total
    from compared
),

-- The orders whose register row, stating refunds, is in force over their
-- items.
register_kept as (
    select distinct invoice_id from compared where not is_invoice_total and states_refunds
),

filled as (
    select
        l.* exclude (invoice_date, account_id, kam_id, currency, is_cancelled, is_not_issued, net_amount, cost_amount, discount_amount, quantity, order_id),
        case when coalesce(l.is_order, false) then l.order_id else coalesce(l.order_id, h.order_id) end as order_id,
        case when h.is_credit then -abs(l.net_amount) else l.net_amount end as net_amount,
        case when h.is_credit then -abs(l.cost_amount) else l.cost_amount end as cost_amount,
        case when h.is_credit then -abs(l.discount_amount) else l.discount_amount end as discount_amount,
        case when h.is_credit then -abs(l.quantity) else l.quantity end as quantity,
        (l.invoice_date is null or l.account_id is null and l.file_id in (select file_id from accountless_files))
        and exists (select 1 from staging.stg_invoices) as needs_header,
        h.invoice_id is not null as has_header,
        hr.header_reject,
        b.lines_file_id,
        b.lines_amount,
        coalesce(b.is_invoice_total, false) as is_invoice_total,
        coalesce(l.is_order, false) and o.order_id is not null as is_invoiced_order,
        rk.invoice_id is not null and l.file_id not in (select file_id from per_invoice_files) as is_register_line,
        coalesce(l.is_order, false) and o.order_id is null and exists (select 1 from order_refs)
        and not coalesce(l.is_cancelled, h.is_cancelled, false)
        and not coalesce(l.is_not_issued, h.is_not_issued, false) as is_order_book,
        coalesce(l.invoice_date, h.invoice_date) as invoice_date,
        coalesce(l.account_id, h.account_id) as account_ref,
        coalesce(l.kam_id, h.kam_id) as kam_ref,
        coalesce(l.currency, h.currency) as line_currency,
        coalesce(l.is_cancelled, h.is_cancelled, false) as is_cancelled,
        -- A cancelled line is counted as cancelled only, whatever else its
        -- document says.
        (coalesce(l.is_not_issued, h.is_not_issued, false) or coalesce(l.is_order, false) and exists (select 1 from order_refs))
        and not coalesce(l.is_cancelled, h.is_cancelled, false)
        and not (coalesce(l.is_order, false) and o.order_id is not null) as is_not_issued
    from ranked as l
    left join staging.stg_invoices as h on h.invoice_id = l.invoice_id
    left join rejected_headers as hr on hr.invoice_id = l.invoice_id and h.invoice_id is null
    left join beside as b on b.file_id = l.file_id and b.source_line = l.source_line
    left join order_refs as o on o.order_id = l.invoice_id
    left join register_kept as rk on rk.invoice_id = l.invoice_id
),

-- An invoice's own discount (its header's "Dto. P.P.", "Descuento
-- financiero", "Skonto", "Invoice discount") lowers every line of it. The
-- lines are before it when the header's base is their sum less the
-- discount, read as a percentage of that sum or as an amount (to the
-- cent): the base is then the invoice's net, and the lines share the
-- difference in proportion to their amounts, each share to the cent and
-- the largest line taking what rounding leaves, so the lines add up to
-- the base. Without a base, or with one that says otherwise, the lines
-- stay as written (the header file's note says what is at stake).
invoice_discounts as (
    select
        l.invoice_id,
        sum(l.net_amount) as lines_amount,
        sum(l.net_amount) - sign(sum(l.net_amount)) * abs(any_value(h.invoice_base)) as discount
    from filled as l
    inner join staging.stg_invoices as h on h.invoice_id = l.invoice_id
    where l.key_rank = 1 and h.invoice_discount <> 0 and h.invoice_base is not null
    group by all
    having sum(l.net_amount) <> 0 and (
        abs(abs(sum(l.net_amount)) * (100 - abs(any_value(h.invoice_discount))) / 100 - abs(any_value(h.invoice_base))) < 0.01
        or abs(abs(sum(l.net_amount)) - abs(any_value(h.invoice_discount)) - abs(any_value(h.invoice_base))) < 0.01
    )
),

discount_shares as (
    select
        l.file_id,
        l.source_line,
        l.invoice_id,
        d.discount,
        cast(round(l.net_amount * d.discount / d.lines_amount, 2) as decimal(18, 4)) as share,
        row_number() over (partition by l.invoice_id order by abs(l.net_amount) desc, l.file_id, l.source_line) as share_rank
    from filled as l
    inner join invoice_discounts as d on d.invoice_id = l.invoice_id
    where l.key_rank = 1
),

discount_spread as (
    select
        file_id,
        source_line,
        share + case when share_rank = 1 then discount - sum(share) over (partition by invoice_id) else 0 end as invoice_discount
    from discount_shares
),

discounted as (
    select
        f.* replace (
            cast(f.net_amount - coalesce(s.invoice_discount, 0) as decimal(18, 4)) as net_amount,
            cast(case when s.invoice_discount is not null then f.discount_amount + s.invoice_discount else f.discount_amount end as decimal(18, 4)) as discount_amount
        )
    from filled as f
    left join discount_spread as s on s.file_id = f.file_id and s.source_line = f.source_line
),

resolved as (
    select
        f.* exclude (product_line),
        k.account_id is not null as is_attributed,
        coalesce(k.account_id, f.account_ref) as account_id,
        coalesce(kk.kam_id, f.kam_ref) as kam_id,
        -- A line without a currency is in its account's, when an accounts
        -- file gives one; an account derived from the lines takes the
        -- newest line's currency, which says nothing of the others (one
        -- order in USD would turn the customer's euro lines into dollars).
        coalesce(f.line_currency, case when not a.is_derived then a.currency end, param_text('currency')) as currency,
        coalesce(f.product_line, p.product_line) as product_line,
        -- A line without a cost takes quantity × its product's unit cost
        -- (in the reporting currency); without either it stays unknown.
        f.cost_amount is null and p.unit_cost is not null and f.quantity is not null as is_cost_from_product,
        cast(round(f.quantity * p.unit_cost, 4) as decimal(18, 4)) as product_cost
    from discounted as f
    left join staging.stg_account_keys as k on k.account_key = f.account_ref
    left join staging.stg_accounts as a on a.account_id = k.account_id
    left join staging.stg_kam_keys as kk on kk.kam_key = f.kam_ref
    left join staging.stg_products as p on p.product_id = f.product_id
),

converted as (
    select
        r.*,
        case when r.currency = param_text('currency') then 1 else x.rate end as fx_rate
    from resolved as r
    left join staging.stg_fx_monthly as x
        on x.currency = r.currency and x.month = date_trunc('month', r.invoice_date)
),

final as (
    select
        file_id,
        source_line,
        invoice_id,
        line_no,
        invoice_date,
        account_id,
        account_ref,
        is_attributed,
        kam_id,
        kam_ref,
        product_id,
        product_line,
        currency,
        fx_rate,
        is_cancelled,
        is_not_issued,
        is_invoice_total,
        lines_file_id,
        lines_amount,
        order_id,
        coalesce(is_order, false) as is_order,
        is_invoiced_order,
        is_register_line,
        is_order_book,
        net_amount as net_amount_orig,
        -- Lines in the reporting currency skip the 128-bit multiplication.
        -- Converted amounts keep 6 decimals: prices repeat, so rounding each
        -- line to 4 drifts one way (a cent over a thousand lines of one
        -- currency) instead of averaging out.
        case when fx_rate = 1 then net_amount else cast(round(net_amount * fx_rate, 6) as decimal(18, 6)) end as net_amount,
        case
            when is_cost_from_product then product_cost
            when fx_rate = 1 then cost_amount
            else cast(round(cost_amount * fx_rate, 6) as decimal(18, 6))
        end as cost_amount,
        case when fx_rate = 1 then discount_amount else cast(round(discount_amount * fx_rate, 6) as decimal(18, 6)) end as discount_amount,
        case
            when key_rank > 1 or is_invoice_total or is_invoiced_order or is_register_line then 'duplicate'
            when needs_header and not has_header then 'rejected'
            when invoice_date is null then 'rejected'
            when fx_rate is null then 'rejected'
            else 'loaded'
        end as row_status,
        case
            when key_rank > 1 or is_invoice_total or is_invoiced_order or is_register_line then null
            when needs_header and not has_header and header_reject is not null then 'header_rejected'
            when needs_header and not has_header then 'no_header'
            when invoice_date is null then 'missing'
            when fx_rate is null then 'fx'
        end as reject_reason,
        case
            when key_rank > 1 or is_invoice_total or is_invoiced_order or is_register_line then null
            when needs_header and not has_header then 'invoice_id'
            when invoice_date is null then 'invoice_date'
            when fx_rate is null then 'currency'
        end as reject_column,
        case
            when key_rank > 1 or is_invoice_total or is_invoiced_order or is_register_line then null
            when needs_header and not has_header then invoice_id
            when fx_rate is null then currency
        end as reject_value,
        case
            when key_rank > 1 or is_invoice_total or is_invoiced_order or is_register_line then null
            when needs_header and not has_header then coalesce(header_reject, invoice_id)
            when fx_rate is null then currency || ' ' || strftime(invoice_date, '%Y-%m')
        end as reject_detail
    from converted
)

select * from final
