-- int_growth_line_spend: LTM revenue of each portfolio unit in each product
-- line, the base of whitespace. The one pass over the monthly sales fact that
-- the growth marts make: grouped by account first, then rolled up to units.
-- Lines without a product line are left out.
-- grain: unit × product line. key: (unit_id, product_line).
-- inputs: stg_sales_monthly, int_accounts, int_windows
-- materialized: temp
-- period: yes
with ltm as (
    select start_month, end_date from intermediate.int_windows where time_window = 'ltm'
),

account_lines as (
    select
        s.account_id,
        s.product_line,
        sum(s.revenue) as revenue
    from staging.stg_sales_monthly as s
    cross join ltm as w
    where s.is_attributed
        and s.product_line is not null
        and s.month between w.start_month and w.end_date
    group by all
),

final as (
    select
        a.unit_id,
        l.product_line,
        sum(l.revenue) as revenue
    from account_lines as l
    inner join intermediate.int_accounts as a using (account_id)
    group by all
)

select * from final
