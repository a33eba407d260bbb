-- int_inputs: which input kinds are loaded. A metric whose input is missing
-- is NULL and flagged with the kind that would enable it, never zero.
-- grain: kind. key: kind. inputs: stg_files, stg_sales_monthly, stg_accounts, int_accounts
-- materialized: temp
with kinds as (
    select * from (values
        ('accounts'), ('sales'), ('invoices'), ('kams'), ('activities'), ('opportunities'),
        ('targets'), ('service_costs'), ('fx_rates'), ('products'), ('assessments')
    ) as k(kind)
),

loaded as (
    select kind, count(*) as files from staging.stg_files group by kind
),

final as (
    select
        k.kind,
        coalesce(l.files, 0) as files,
        coalesce(l.files, 0) > 0 as is_loaded
    from kinds as k
    left join loaded as l using (kind)
    union all
    select 'cost_amount', null, (select count(*) filter (where lines_without_cost < lines) > 0 from staging.stg_sales_monthly)
    union all
    select 'discount_amount', null, (select count(*) filter (where lines_with_discount > 0) > 0 from staging.stg_sales_monthly)
    union all
    select 'key_accounts', null, (select count(is_key_account) > 0 from staging.stg_accounts)
    union all
    -- Which KAM owns which account: the accounts file's, or the sales reps'.
    select 'accounts.kam_id', null, (select count(kam_id) > 0 from intermediate.int_accounts)
)

select * from final
