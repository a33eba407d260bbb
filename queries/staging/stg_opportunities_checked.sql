-- stg_opportunities_checked: every loaded opportunity row and its fate
-- (snapshot per opportunity_id: the newest file wins per id, and in a file
-- the row last modified, then the last row). A file without
-- an id column (a CRM export made for people) names each row's opportunity
-- by the file and line; such files are snapshots as a whole: only the
-- newest one counts, the rows of older ones are duplicates. Amounts
-- convert at the rate of the close month; deals closing after the last
-- month with a rate use that last rate, since future rates do not exist.
-- Kept in the warehouse and restaged by opportunity_id, the rows without
-- one (the keyless files, a snapshot as a whole) being one key: a run
-- restages the ids of the files added, changed or removed, and those of
-- rows whose account key (or its currency) or currency's rates changed
-- (pipeline/warehouse/restage_rows.go); the marker restage(...) below is
-- where it narrows the rows read. is_keyless is kept for that
-- (stg_opportunities leaves it out).
-- grain: loaded row. key: (file_id, source_line).
-- inputs: raw.opportunities, stg_files, stg_account_keys, stg_accounts, stg_fx_monthly
-- materialized: incremental
with staged as (
    select r.*, f.recency_rank, f.path
    from raw.opportunities as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
    where /* restage(r.opportunity_id) */ true
),

numbered as (
    select
        r.* exclude (opportunity_id, recency_rank, path),
        r.opportunity_id is null as is_keyless,
        coalesce(r.opportunity_id, r.path || ':' || r.source_line) as opportunity_id,
        -- A stage history's rows of one deal: its latest change wins,
        -- whatever order the report lists them in.
        row_number() over (
            partition by r.opportunity_id order by r.recency_rank, r.modified_date desc nulls last, r.source_line desc
        ) as id_rank,
        dense_rank() over (partition by r.opportunity_id is null order by r.recency_rank) as file_rank
    from staged as r
),

ranked as (
    select
        * exclude (id_rank, file_rank),
        case when is_keyless then file_rank else id_rank end as key_rank
    from numbered
),

resolved as (
    select
        r.* exclude (account_id, currency),
        r.account_id as account_ref,
        k.account_id is not null as is_attributed,
        coalesce(k.account_id, r.account_id) as account_id,
        -- An account derived from sales lines has the newest line's
        -- currency, which is not the currency of the account's deals.
        coalesce(r.currency, case when not a.is_derived then a.currency end, param_text('currency')) as currency
    from ranked as r
    left join staging.stg_account_keys as k on k.account_key = r.account_id
    left join staging.stg_accounts as a on a.account_id = k.account_id
),

converted as (
    select
        r.*,
        case when r.currency = param_text('currency') then 1 else x.rate end as fx_rate
    from resolved as r
    left join staging.stg_fx_monthly as x
        on x.currency = r.currency and x.month = least(date_trunc('month', r.close_date), x.last_month)
),

final as (
    select
        file_id,
        source_line,
        opportunity_id,
        is_keyless,
        account_id,
        account_ref,
        is_attributed,
        opportunity_name,
        created_date,
        close_date,
        stage,
        status,
        currency,
        amount as amount_orig,
        cast(round(amount * fx_rate, 4) as decimal(18, 4)) as amount,
        probability,
        product_line,
        unnest(row_fate(
            key_rank,
            rejected := fx_rate is null,
            reason := 'fx',
            reject_column := 'amount',
            reject_value := cast(amount as varchar),
            reject_detail := currency || ' ' || strftime(close_date, '%Y-%m')
        ))
    from converted
)

select * from final
