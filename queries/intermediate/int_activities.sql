-- int_activities: every attributed CRM activity with its portfolio unit, the
-- KAM it is charged to (its own, else the account's, else the unit's) and
-- its cost: hours × the KAM's hourly cost (annual_cost ÷ capacity_hours, the
-- default capacity when unknown), else the configured default_hourly_rate,
-- else uncosted (flagged, never zero), plus expenses.
-- grain: activity. key: (file_id, source_line). inputs: stg_activities, int_accounts, int_units, stg_kam_keys, stg_kams
-- materialized: temp
with acts as (
    select
        s.*,
        a.unit_id,
        coalesce(s.kam_id, ak.kam_id, a.kam_id, u.kam_id) as charged_kam_id
    from staging.stg_activities as s
    inner join intermediate.int_accounts as a using (account_id)
    inner join intermediate.int_units as u on u.unit_id = a.unit_id
    left join staging.stg_kam_keys as ak on ak.kam_key = a.kam_id
    where s.is_attributed
),

rates as (
    select
        kam_id,
        annual_cost / coalesce(capacity_hours, param('kam_capacity_hours')) as hourly_cost
    from staging.stg_kams
    where annual_cost is not null
),

final as (
    select
        a.file_id,
        a.source_line,
        a.activity_id,
        a.activity_date,
        cast(date_trunc('month', a.activity_date) as date) as month,
        a.account_id,
        a.unit_id,
        a.charged_kam_id as kam_id,
        a.activity_type,
        a.duration_hours,
        coalesce(r.hourly_cost, param('default_hourly_rate')) as hourly_cost,
        cast(round(a.duration_hours * coalesce(r.hourly_cost, param('default_hourly_rate')), 4) as decimal(18, 4)) as time_cost,
        a.duration_hours is not null
            and coalesce(r.hourly_cost, param('default_hourly_rate')) is null as is_uncosted,
        a.expense_amount
    from acts as a
    left join rates as r on r.kam_id = a.charged_kam_id
)

select * from final
