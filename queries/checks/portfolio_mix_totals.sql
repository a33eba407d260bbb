-- portfolio_mix_totals: every dimension counts the same accounts and revenue: each unit has exactly one value per dimension.
select dimension, sum(accounts) as accounts, sum(revenue_ltm) as revenue_ltm
from main.portfolio_mix
group by dimension
having sum(accounts) <> (select sum(accounts) from main.portfolio_mix where dimension = 'key_account')
    or sum(revenue_ltm) <> (select sum(revenue_ltm) from main.portfolio_mix where dimension = 'key_account')
