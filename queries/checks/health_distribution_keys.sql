-- health_distribution_keys: one row per scope and band, bands among the accepted ones, and all units counted once.
select scope, health_band from main.health_distribution
where health_band not in ('champion', 'healthy', 'needs_attention', 'at_risk', 'unscored')
union all
select 'all', 'total' from main.health_distribution where scope = 'all'
having sum(accounts) <> (select count(*) from main.account_health)
