-- stg_service_costs: the cost-to-serve items in force, in the reporting
-- currency, one row per month: a cost given for a quarter or a year is
-- spread evenly over its months, to the stored ten-thousandth (the last
-- month takes what the split leaves, so the months add up to the item
-- exactly). Dated on its first day, a year's logistics bill weighed on
-- January alone: a March year to date bore twelve months of cost against
-- three of revenue.
-- grain: cost item × month. key: (file_id, source_line, cost_date). inputs: stg_service_costs_checked
-- materialized: view
with loaded as (
    select
        *,
        -- in ten-thousandths, the stored scale: whole numbers split exactly
        cast(amount * 10000 as hugeint) as amount_units,
        cast(amount_orig * 10000 as hugeint) as orig_units
    from staging.stg_service_costs_checked
    where row_status = 'loaded'
),

months as (
    select
        l.*,
        m.i,
        case
            when m.i < l.spread_months - 1 then l.amount_units // l.spread_months
            else l.amount_units - (l.amount_units // l.spread_months) * (l.spread_months - 1)
        end as month_units,
        case
            when m.i < l.spread_months - 1 then l.orig_units // l.spread_months
            else l.orig_units - (l.orig_units // l.spread_months) * (l.spread_months - 1)
        end as month_orig_units
    from loaded as l
    cross join unnest(range(l.spread_months)) as m(i)
)

select
    file_id,
    source_line,
    account_id,
    account_ref,
    is_attributed,
    cast(cost_date + to_months(cast(i as integer)) as date) as cost_date,
    cost_type,
    currency,
    cast(cast(month_orig_units as decimal(38, 0)) * 0.0001 as decimal(18, 4)) as amount_orig,
    cast(cast(month_units as decimal(38, 0)) * 0.0001 as decimal(18, 4)) as amount
from months
