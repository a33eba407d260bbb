-- stg_account_keys: every identifier that names an account (its id and its
-- alias, e.g. the CRM Id when account_id is the ERP code), so that files
-- from different systems find the same account. Salesforce CLI data plans
-- export accounts without ids and point at them as @AccountRef1,
-- @AccountRef2, … in the order of the accounts file's rows: that reference
-- names the account on that data row (the newest accounts file first).
-- A code of digits that lost or gained leading zeros on its way between two
-- systems (a file opened and saved in Excel turns 00123 into 123; SAP pads
-- 33 to 0000000033) names the one account whose code is the same number,
-- when no account has that code as its own id or alias; the file
-- accounting counts and names those rows (rows_matched_without_leading_zeros).
-- The name of one account names it where a file writes no code.
-- A Salesforce id names its account in its 15- and 18-character forms
-- alike (see sf_id_suffix).
-- A tax id written another way than the account's — with a VAT number's
-- country prefix (the EU's VIES, TED contract notices and e-invoices
-- write ESB12345678 for the NIF B12345678) or without it, with the spaces,
-- dots and dashes registers print (B-12.345.678) or in lower case — names
-- the one account whose id, alias or tax id column is the same tax id
-- (tax_id_key), when no account has the reference as its own id, alias or
-- tax id; the file accounting
-- counts and names those rows too (rows_matched_by_tax_id_form).
-- grain: key. key: account_key. inputs: stg_accounts, raw.accounts, stg_files
with refs as (
    select
        '@AccountRef' || row_number() over (partition by r.file_id order by r.source_line) as account_key,
        r.account_id,
        f.recency_rank
    from raw.accounts as r
    inner join staging.stg_files as f on f.file_id = r.file_id and f.kind = 'accounts' and not f.is_copy and not f.is_key_list
),

-- An account's tax id in a column of its own (an ERP's VAT registration
-- number, Salesforce's VAT_Number__c) names it, after its id and alias,
-- when no other account has the same tax id: a company's branches often
-- share one, and a sale naming it names neither (it stays unattributed,
-- as the console and revenue_reconciliation say).
tax_column as (
    select tax_id as account_key, min(account_id) as account_id
    from staging.stg_accounts
    where tax_id is not null and tax_id <> account_id
    group by tax_id
    having count(distinct account_id) = 1
),

own as (
    select account_id as account_key, account_id, 1 as priority, 0 as recency_rank from staging.stg_accounts
    union all
    select account_alias, account_id, 2, 0 from staging.stg_accounts where account_alias is not null
    union all
    select account_key, account_id, 3, 0 from tax_column
),

-- The references the files write that need a closer look: one ending in a
-- bracket or opening with one (a code in brackets), a code opening with a
-- zero, a VAT number, or one written with separators or in lower case.
-- Each table's account column is reduced to its distinct references first
-- and the tests run on those, as a condition on the group (min() of a
-- group of one value is that value), which DuckDB does not push back down
-- to the rows: a file names each customer thousands of times, and the
-- tests on every sales line took 0.5 s of every run at 10 M lines, the
-- distinct 0.16 s.
distinct_refs as (
    select distinct account_id as account_ref from raw.sales
    union
    select distinct account_id from raw.invoices
    union
    select distinct account_id from raw.opportunities
    union
    select distinct account_id from raw.activities
    union
    select distinct account_id from raw.service_costs
    union
    select distinct account_id from raw.targets
    union
    select distinct parent_account_id from raw.accounts
),

referenced as materialized (
    select account_ref
    from distinct_refs
    group by account_ref
    having min(account_ref) like '%)%' or min(account_ref) like '%[%' or min(account_ref) like '0%'
        or vat_national(min(account_ref)) is not null
        or contains(min(account_ref), '-') or contains(min(account_ref), '.') or contains(min(account_ref), ' ')
        or contains(min(account_ref), '/') or min(account_ref) <> upper(min(account_ref))
),

written as (
    select
        account_ref,
        ref_code(account_ref) as code,
        case when ref_code(account_ref) is not null then ref_name(account_ref) end as name,
        name_match_key(ref_name(account_ref)) as name_key
    from referenced
    where account_ref like '%)%' or account_ref like '%[%'
),

coded as (
    select w.account_ref as account_key, arg_min(o.account_id, o.priority) as account_id
    from written as w
    inner join own as o on o.account_key = w.code
    inner join staging.stg_accounts as a on a.account_id = o.account_id
    where w.code is not null
        and (w.name_key = name_match_key(a.account_name) or a.account_name is null or a.account_name = a.account_id)
    group by w.account_ref
),

-- Accounts keyed by their names (a customer list without codes): the
-- name written beside a code names its account, unless the code is
-- another account's.
named as (
    select w.account_ref as account_key, o.account_id
    from written as w
    inner join own as o on o.account_key = w.name
    where w.code is not null
        and not exists (select 1 from own as c where c.account_key = w.code and c.account_id <> o.account_id)
),

-- The accounts' codes of digits by their number (00123 and 123 are 123),
-- when only one account has that number.
numbered as (
    select ltrim(account_key, '0') as bare, min(account_id) as account_id
    from own
    where regexp_full_match(account_key, '[0-9]+') and ltrim(account_key, '0') <> ''
    group by all
    having count(distinct account_id) = 1
),

-- References written with more zeros than any account's code (0000000033
-- for 33).
padded as (
    select account_ref from referenced where regexp_full_match(account_ref, '0+[0-9]*')
),

zeroed as (
    select bare as account_key, account_id from numbered
    union all
    select p.account_ref, n.account_id
    from padded as p
    inner join numbered as n on n.bare = ltrim(p.account_ref, '0')
),

-- An account known by its Salesforce id in one form is named by the other:
-- a report's 15 characters (case-sensitive: 0015g00000AbCdE and
-- 0015g00000ABCDE are two accounts) and Data Loader's 18, as written, in
-- capitals or in small letters (as a system that folds case keeps it). An 18
-- counts only when its last three spell the case of its first 15; account
-- ids open with 001.
-- Each step is materialized: a macro's argument is written out again at
-- each of its uses, and sf_id_suffix reads its argument 15 times, so
-- sf_id_suffix(sf_id_cased(…)) over inlined columns cost 0.37 s for 10,000
-- Salesforce accounts and 2.8 s of every run for 100,000.
salesforce_cased as materialized (
    select
        account_id,
        case when length(account_key) = 15 then account_key end as id15,
        case when length(account_key) = 18 then sf_id_cased(account_key) end as cased,
        account_key
    from own
    where regexp_full_match(account_key, '001[0-9A-Za-z]{12}([0-9A-Za-z]{3})?')
),

salesforce as materialized (
    select account_id, coalesce(id15, case when sf_id_suffix(cased) = upper(substr(account_key, 16, 3)) then cased end) as id15
    from salesforce_cased
),

salesforce_ids as materialized (
    select account_id, id15, id15 || sf_id_suffix(id15) as id18 from salesforce where id15 is not null
),

salesforce_forms as (
    select distinct unnest([id15, id18, upper(id18), lower(id18)]) as account_key, account_id
    from salesforce_ids
),

-- A reference that is no account's code but the name of exactly one
-- account names that account: Pipedrive's deals and activities name their
-- organization by its name only, beside an organizations export keyed by
-- its ID. A name two accounts share names neither. The file accounting
-- counts and names those rows (rows_matched_by_name).
by_name as (
    select account_name as account_key, min(account_id) as account_id
    from staging.stg_accounts
    where account_name is not null and account_name <> account_id
    group by account_name
    having count(*) = 1
),

-- The accounts' ids by their tax id as compared (ESB12345678 and
-- B-12.345.678 are B12345678), when only one account has it.
tax_own as (
    select tax_id_key(account_key) as tax_key, min(account_id) as account_id
    from own
    where tax_id_key(account_key) is not null
    group by all
    having count(distinct account_id) = 1
),

-- Each account under its tax id as compared, and each reference written
-- another way under the account with that tax id.
tax as (
    select tax_key as account_key, account_id from tax_own
    union all
    select r.account_ref, t.account_id
    from referenced as r
    inner join tax_own as t on t.tax_key = tax_id_key(r.account_ref)
),

keys as (
    select * from own
    union all
    select r.account_key, r.account_id, 4, r.recency_rank
    from refs as r
    semi join staging.stg_accounts as a on a.account_id = r.account_id
    union all
    select account_key, account_id, 5, 0 from coded
    union all
    select account_key, account_id, 6, 0 from named
    union all
    select account_key, account_id, 7, 0 from zeroed
    union all
    select account_key, account_id, 8, 0 from salesforce_forms
    union all
    select account_key, account_id, 10, 0 from by_name
    union all
    select account_key, account_id, 9, 0 from tax
),

final as (
    select account_key, arg_min(account_id, (priority, recency_rank)) as account_id
    from keys
    group by account_key
)

select * from final
