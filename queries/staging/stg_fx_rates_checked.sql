-- stg_fx_rates_checked: every loaded FX row and its fate. A snapshot kind
-- merged by key: per currency and period (or day, or valid-from date) the
-- newest file's last row wins. A row prices one currency in the reporting
-- currency (rate_currency at reporting_rate): directly when it converts
-- into the reporting currency (no to_currency, or that one), or inverted
-- when it converts from it. A negative rate is an indirect quotation (SAP):
-- one unit of the target currency costs |rate| units, so the rate is
-- 1/|rate|. Rows between two other currencies price nothing and are kept
-- unused (is_used false): kam converts into the reporting currency only.
-- When the files hold several rate types (SAP KURST), the type that prices
-- the most currencies is used (ties by name) and the rows of the others are
-- kept unused. Among the rows used a direct quotation beats an inverted one.
-- grain: loaded row. key: (file_id, source_line). inputs: raw.fx_rates, stg_files
with priced as (
    select
        r.*,
        f.recency_rank,
        case
            when coalesce(r.to_currency, param_text('currency')) = param_text('currency') then r.currency
            when r.currency = param_text('currency') then r.to_currency
        end as rate_currency,
        coalesce(r.to_currency, param_text('currency')) = param_text('currency') as is_direct,
        -- Units of the target currency for one unit of currency.
        case when r.rate < 0 then 1 / -cast(r.rate as double) else cast(r.rate as double) end as quoted
    from raw.fx_rates as r
    inner join staging.stg_files as f on f.file_id = r.file_id and not f.is_copy and r.reject is null
),

rate_types as (
    select rate_type, count(distinct rate_currency) as currencies
    from priced
    where rate_type is not null
        and rate_currency is not null and rate_currency <> param_text('currency')
    group by rate_type
),

chosen_type as (
    select rate_type from rate_types order by currencies desc, rate_type limit 1
),

usable as (
    select
        p.*,
        p.rate_currency is not null
        and p.rate_currency <> param_text('currency')
        and (p.rate_type is null or p.rate_type = (select rate_type from chosen_type)) as is_used,
        cast(case when p.is_direct then p.quoted else 1 / p.quoted end as decimal(38, 10)) as reporting_rate
    from priced as p
),

ranked as (
    select
        *,
        row_number() over (
            partition by
                is_used,
                rate_currency,
                coalesce(cast(rate_date as varchar), 'from ' || cast(valid_from as varchar), period)
            order by recency_rank, is_direct desc, source_line desc
        ) as key_rank
    from usable
)

-- a row left unused is loaded (kept), whatever its rank
select *, unnest(row_fate(if(is_used, key_rank, 1))) from ranked
