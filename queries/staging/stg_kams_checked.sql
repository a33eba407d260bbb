-- stg_kams_checked: every loaded KAM row and its fate (snapshot merged by
-- key: per kam_id the newest file's last row wins). Annual costs in another
-- currency convert at its latest rate; without one the row is rejected.
-- grain: loaded row. key: (file_id, source_line). inputs: raw.kams, stg_files, stg_fx_monthly
with latest_rate as (
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
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
    left join latest_rate as x on x.currency = r.currency
),

final as (
    select
        * exclude (annual_cost),
        annual_cost as annual_cost_orig,
        cast(round(annual_cost * fx_rate, 4) as decimal(18, 4)) as annual_cost,
        unnest(row_fate(
            key_rank,
            rejected := annual_cost is not null and fx_rate is null,
            reason := 'fx',
            reject_column := 'annual_cost',
            reject_value := cast(annual_cost as varchar),
            reject_detail := currency
        ))
    from ranked
)

select * from final
