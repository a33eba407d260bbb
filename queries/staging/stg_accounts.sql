-- stg_accounts: the accounts in force. From the newest accounts file when
-- there is one; otherwise derived from the attributes carried on the sales
-- lines (the newest line wins per attribute), and is_derived says so.
-- Wallet estimates convert at the latest rate of their currency.
-- A list of key accounts (stg_key_account_list) decides which accounts
-- are key when there is one: those it names (unless its flag says no),
-- and no other, whatever a flag of the accounts file says. It replaces
-- no other attribute: its name fills only an account's missing name, its
-- KAM only an accounts file's missing KAM (over a sales rep, it wins).
-- grain: account. key: account_id.
-- inputs: stg_accounts_checked, stg_key_account_list, raw.sales, raw.invoices, stg_fx_monthly
with from_file as (
    select * exclude (row_status, reject_reason, reject_column, reject_value, reject_detail, recency_rank, key_rank, is_key_list)
    from staging.stg_accounts_checked
    where row_status = 'loaded' and not is_key_list
),

has_file as (
    select count(*) > 0 as yes from staging.stg_files where kind = 'accounts' and not is_key_list
),

has_list as (
    select count(*) > 0 as yes from staging.stg_files where is_key_list
),

-- An account named by several lists (or by two codes, 123 and 00123) is
-- key when one of them says so; its name and KAM are the newest list's.
listed as (
    select
        account_id,
        bool_or(is_key_account) as is_key_account,
        arg_min(account_name, (recency_rank, -source_line)) filter (where account_name is not null) as account_name,
        arg_min(kam_id, (recency_rank, -source_line)) filter (where kam_id is not null) as kam_id
    from staging.stg_key_account_list
    where account_id is not null
    group by account_id
),

sales_refs as (
    select
        coalesce(s.account_id, h.account_id) as account_id,
        coalesce(s.invoice_date, h.invoice_date) as invoice_date,
        s.account_name,
        s.segment,
        s.industry,
        s.region,
        s.country,
        coalesce(s.currency, h.currency) as currency,
        coalesce(s.kam_id, h.kam_id) as kam_id
    from raw.sales as s
    left join raw.invoices as h on h.invoice_id = s.invoice_id and h.reject is null
    where s.reject is null
),

-- Without an accounts file, a customer whose code is a tax id written in
-- several ways by different files (the ERP's B12345678, the e-invoicing
-- platform's ESB12345678, a register's b-12.345.678) is one account, not
-- three: the codes are grouped by their tax id as compared (tax_id_key,
-- as stg_account_keys matches them), the account keeps the form written
-- bare when a file writes it so, else the first, and the other forms name
-- it through stg_account_keys (the file accounting counts and names them).
-- First per code as written (each attribute with the date of the line it
-- comes from), then per tax id (the newest again, the code breaking a
-- tie): tax_id_key, a few regular expressions,
-- runs once per code, and with an accounts file the lines are never
-- joined to their headers (a second read of the lines cost 0.4 s a run at
-- 1 M lines).
derived_codes as (
    select
        account_id,
        coalesce(tax_id_key(account_id), account_id) as tax_key,
        arg_max(account_name, invoice_date) filter (where account_name is not null) as account_name,
        max(invoice_date) filter (where account_name is not null) as account_name_date,
        arg_max(segment, invoice_date) filter (where segment is not null) as segment,
        max(invoice_date) filter (where segment is not null) as segment_date,
        arg_max(industry, invoice_date) filter (where industry is not null) as industry,
        max(invoice_date) filter (where industry is not null) as industry_date,
        arg_max(region, invoice_date) filter (where region is not null) as region,
        max(invoice_date) filter (where region is not null) as region_date,
        arg_max(country, invoice_date) filter (where country is not null) as country,
        max(invoice_date) filter (where country is not null) as country_date,
        arg_max(currency, invoice_date) filter (where currency is not null) as currency,
        max(invoice_date) filter (where currency is not null) as currency_date,
        arg_max(kam_id, invoice_date) filter (where kam_id is not null) as kam_id,
        max(invoice_date) filter (where kam_id is not null) as kam_id_date,
        min(invoice_date) as customer_since
    from sales_refs
    where account_id is not null and not (select yes from has_file)
    group by account_id
),

derived_merged as (
    select
        coalesce(min(account_id) filter (where account_id = tax_key), min(account_id)) as account_id,
        arg_max(account_name, (account_name_date, account_id)) as account_name,
        arg_max(segment, (segment_date, account_id)) as segment,
        arg_max(industry, (industry_date, account_id)) as industry,
        arg_max(region, (region_date, account_id)) as region,
        arg_max(country, (country_date, account_id)) as country,
        arg_max(currency, (currency_date, account_id)) as currency,
        arg_max(kam_id, (kam_id_date, account_id)) as kam_id,
        min(customer_since) as customer_since
    from derived_codes
    group by tax_key
),

derived as (
    select * replace (coalesce(account_name, account_id) as account_name)
    from derived_merged
),

unioned as (
    select
        account_id, account_name, account_alias, tax_id, parent_account_id, segment, industry, region, country,
        kam_id, is_key_account, strategic_fit, market_influence, relationship_stage,
        wallet_estimate as wallet_estimate_orig, currency, customer_since,
        false as is_derived, file_id, source_line
    from from_file
    union all
    select
        account_id, account_name, null, null, null, segment, industry, region, country,
        kam_id, null, null, null, null,
        null, currency, customer_since,
        true, null, null
    from derived
),

keyed as (
    select
        u.* replace (
            case
                when u.account_name is null or u.account_name = u.account_id then coalesce(l.account_name, u.account_name)
                else u.account_name
            end as account_name,
            case when u.is_derived then coalesce(l.kam_id, u.kam_id) else coalesce(u.kam_id, l.kam_id) end as kam_id,
            case when (select yes from has_list) then coalesce(l.is_key_account, false) else u.is_key_account end as is_key_account
        )
    from unioned as u
    left join listed as l using (account_id)
),

latest_rate as (
    select currency, arg_max(rate, month) as rate from staging.stg_fx_monthly group by currency
),

final as (
    select
        u.* exclude (currency),
        coalesce(u.currency, param_text('currency')) as currency,
        cast(case
            when coalesce(u.currency, param_text('currency')) = param_text('currency') then u.wallet_estimate_orig
            else round(u.wallet_estimate_orig * r.rate, 4)
        end as decimal(18, 4)) as wallet_estimate,
        u.wallet_estimate_orig is not null
            and coalesce(u.currency, param_text('currency')) <> param_text('currency')
            and r.rate is null as wallet_rate_missing
    from keyed as u
    left join latest_rate as r on r.currency = u.currency
)

select * from final
