-- portfolio_mix_keys: (dimension, value) is unique and not null, and dimension is key_account, segment, industry, region or country.
select dimension, value, count(*) as n
from main.portfolio_mix
group by all
having count(*) > 1
    or dimension is null
    or value is null
    or dimension not in ('key_account', 'segment', 'industry', 'region', 'country')
    or (dimension = 'key_account' and value not in ('key', 'other', '(unknown)'))
