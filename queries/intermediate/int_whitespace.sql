-- int_whitespace (shown as the mart account_whitespace, and read by
-- int_growth_potential): cross-selling gaps. For each portfolio unit of the
-- ranking universe that has a segment: the product lines that at least
-- whitespace_peer_share of the other units of its segment that bought
-- anything in the LTM bought in the LTM (line revenue > 0), and that the
-- unit did not buy in the LTM. peer_median_spend is the median LTM revenue
-- in that line of the peers who bought it; a unit's whitespace_value in
-- int_growth_potential is the sum of its rows' peer_median_spend.
-- grain: unit × product line (whitespace lines only). key: (account_id, product_line).
-- inputs: int_portfolio_units, int_units, int_growth_line_spend
-- materialized: temp
-- period: yes
with universe as (
    select * from intermediate.int_portfolio_units
),

units as (
    select * from intermediate.int_units
),

line_spend as (
    select * from intermediate.int_growth_line_spend
),

params as (
    select param('whitespace_peer_share') as peer_share_min
),

segment_units as (
    select
        g.unit_id,
        u.unit_name,
        u.is_key_account,
        u.segment,
        g.revenue_ltm > 0 as has_bought
    from universe as g
    inner join units as u using (unit_id)
    where u.segment is not null
),

segment_buyers as (
    select segment, count(*) as buyers
    from segment_units
    where has_bought
    group by segment
),

segment_lines as (
    select
        s.segment,
        l.product_line,
        count(*) as peers_buying,
        median(l.revenue) as peer_median_spend
    from line_spend as l
    inner join segment_units as s using (unit_id)
    where s.has_bought and l.revenue > 0
    group by all
),

gaps as (
    select
        s.unit_id,
        s.unit_name,
        s.is_key_account,
        s.segment,
        sl.product_line,
        b.buyers - case when s.has_bought then 1 else 0 end as peers,
        sl.peers_buying,
        sl.peer_median_spend
    from segment_units as s
    inner join segment_buyers as b using (segment)
    inner join segment_lines as sl using (segment)
    left join line_spend as own
        on own.unit_id = s.unit_id and own.product_line = sl.product_line and own.revenue > 0
    where own.unit_id is null
),

final as (
    select
        param_text('period') as period,
        g.unit_id as account_id,
        g.unit_name as account_name,
        g.is_key_account,
        g.segment,
        g.product_line,
        g.peers,
        g.peers_buying,
        g.peers_buying / g.peers as peer_share,
        cast(round(g.peer_median_spend, 4) as decimal(18, 4)) as peer_median_spend
    from gaps as g
    cross join params as p
    where g.peers > 0 and g.peers_buying / g.peers >= p.peer_share_min
)

select * from final
