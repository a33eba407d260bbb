-- stg_opportunities_checked: every loaded opportunity row and its fate
-- (snapshot per opportunity_id: the newest file wins per id). A file without
-- an id column (a CRM export made for people) names each row's opportunity
-- by the file and line; such files are snapshots as a whole: only the
-- newest one counts, the rows of older ones are duplicates. Amounts
-- convert at the rate of the close month; deals closing after the last
-- month with a rate use that last rate, since future rates do not exist.
-- grain: loaded row. key: (file_id, source_line).
-- inputs: raw.opportunities, stg_files, stg_account_keys, stg_accounts, stg_fx_monthly
-- materialized: temp
with files as (
    select file_id, mtime, path from staging.stg_files where kind = 'opportunities' and not is_copy
),

numbered as (
    select
        r.* exclude (opportunity_id),
        r.opportunity_id is null as is_keyless,
        coalesce(r.opportunity_id, f.path || ':' || r.source_line) as opportunity_id,
        row_number() over (
            partition by r.opportunity_id order by f.mtime desc, f.path desc, r.source_line desc
        ) as id_rank,
        dense_rank() over (
            partition by r.opportunity_id is null order by f.mtime desc, f.path desc
        ) as file_rank
    from raw.opportunities as r
    inner join files as f on f.file_id = r.file_id and r.reject is null
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
        coalesce(r.currency, a.currency, param_text('currency')) as currency
    from ranked as r
    left join staging.stg_account_keys as k on k.account_key = r.account_id
    left join staging.stg_accounts as a on a.account_id = k.account_id
),

converted as (
    select
        r.*,
        case
            when r.currency = param_text('currency') then 1
            when x.rate is not null then x.rate
            when date_trunc('month', r.close_date) > l.last_month then l.rate
        end as fx_rate
    from resolved as r
    left join staging.stg_fx_monthly as x
        on x.currency = r.currency and x.month = date_trunc('month', r.close_date)
    left join (
        select currency, max(last_month) as last_month, arg_max(rate, month) as rate
        from staging.stg_fx_monthly group by currency
    ) as l on l.currency = r.currency
),

final as (
    select
        file_id,
        source_line,
        opportunity_id,
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
        case
            when key_rank > 1 then 'duplicate'
            when fx_rate is null then 'rejected'
            else 'loaded'
        end as row_status,
        case when key_rank = 1 and fx_rate is null then 'fx' end as reject_reason,
        case when key_rank = 1 and fx_rate is null then 'amount' end as reject_column,
        case when key_rank = 1 and fx_rate is null then cast(amount as varchar) end as reject_value,
        case when key_rank = 1 and fx_rate is null then currency || ' ' || strftime(close_date, '%Y-%m') end as reject_detail
    from converted
)

select * from final
