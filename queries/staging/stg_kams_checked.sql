-- stg_kams_checked: every loaded KAM row and its fate (snapshot merged by
-- key: per kam_id the newest file's last row wins). Annual costs in another
-- currency convert at its latest rate; without one the row is rejected.
-- grain: loaded row. key: (file_id, source_line). inputs: raw.kams, stg_files, stg_fx_monthly
with files as (
    select file_id, recency_rank from staging.stg_files where kind = 'kams' and not is_copy
),

latest_rate as (
    select currency, arg_max(rate, month) as rate from staging.stg_fx_monthly group by currency
),

ranked as (
    select
        r.*,
        f.recency_rank,
        newest_wins(r.kam_id, f.recency_rank, r.source_line) as key_rank,
        case
            when coalesce(r.currency, param_text('currency')) = param_text('currency') then 1
            else x.rate
        end as fx_rate
    from raw.kams as r
    inner join files as f on f.file_id = r.file_id and r.reject is null
    left join latest_rate as x on x.currency = r.currency
),

final as (
    select
        * exclude (annual_cost),
        annual_cost as annual_cost_orig,
        cast(round(annual_cost * fx_rate, 4) as decimal(18, 4)) as annual_cost,
        case
            when key_rank > 1 then 'duplicate'
            when annual_cost is not null and fx_rate is null then 'rejected'
            else 'loaded'
        end as row_status,
        case when annual_cost is not null and fx_rate is null then 'fx' end as reject_reason,
        case when annual_cost is not null and fx_rate is null then 'annual_cost' end as reject_column,
        case when annual_cost is not null and fx_rate is null then cast(annual_cost as varchar) end as reject_value,
        case when annual_cost is not null and fx_rate is null then currency end as reject_detail
    from ranked
)

select * from final
