-- portfolio_mix_keys: (dimension, value) is unique and not null, dimension is key_account, segment, industry, region, country, quadrant or an ABC class, and quadrant and ABC values are accepted ones.
select dimension, value, count(*) as n
from main.portfolio_mix
group by all
having count(*) > 1
    or dimension is null
    or value is null
    or dimension not in ('key_account', 'segment', 'industry', 'region', 'country', 'quadrant', 'abc_contribution', 'abc_revenue')
    or (dimension = 'quadrant' and value not in ('strategic', 'star', 'status', 'streamline', '(unknown)'))
    or (dimension in ('abc_contribution', 'abc_revenue') and value not in ('A', 'B', 'C', '(unknown)'))
    or (dimension = 'key_account' and value not in ('key', 'other', '(unknown)'))
