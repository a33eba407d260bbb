-- account_whitespace_keys: (account_id, product_line) is unique and not null, every account_id is a portfolio unit, and peer_share meets whitespace_peer_share.
select 'duplicate' as problem, account_id, product_line, count(*) as n
from main.account_whitespace
group by all
having count(*) > 1 or account_id is null or product_line is null
union all
select 'not a unit', w.account_id, w.product_line, 1
from main.account_whitespace as w
left join intermediate.int_units as u on u.unit_id = w.account_id
where u.unit_id is null
union all
select 'below peer share', account_id, product_line, 1
from main.account_whitespace
where not (peer_share >= param('whitespace_peer_share') and peer_share <= 1 and peers_buying > 0)
