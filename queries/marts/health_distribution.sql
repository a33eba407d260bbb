-- health_distribution: how many portfolio units, and how much LTM revenue,
-- sit in each health band, for all units and for the key accounts; units
-- without a health score are counted as unscored.
-- grain: scope × band. key: (scope, health_band). inputs: account_health
-- period: yes
with scoped as (
    select 'all' as scope, coalesce(health_band, 'unscored') as health_band, revenue_ltm from main.account_health
    union all
    select 'key', coalesce(health_band, 'unscored'), revenue_ltm from main.account_health where is_key_account
),

final as (
    select
        param_text('period') as period,
        scope,
        health_band,
        count(*) as accounts,
        sum(revenue_ltm) as revenue_ltm
    from scoped
    group by scope, health_band
)

select * from final
