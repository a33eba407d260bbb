-- congruence_links_keys: (link, indicator) is unique and links take their accepted values; quadrant fit, service gaps, promotion candidates and KAM capabilities are unique by their keys, with shares in 0–1 and scores in 1–5.
select 'congruence_links' as mart, link || ' ' || indicator as row_key
from main.congruence_links
where link not in ('strategy_resources', 'strategy_organisation', 'organisation_people', 'strategy_systems')
    or (link, indicator) in (select link, indicator from main.congruence_links group by all having count(*) > 1)
union all
select 'congruence_quadrant_fit', quadrant
from main.congruence_quadrant_fit
where hours_share not between 0 and 1
    or contribution_share not between 0 and 1
    or potential_share not between 0 and 1
    or quadrant in (select quadrant from main.congruence_quadrant_fit group by all having count(*) > 1)
union all
select 'congruence_service_gaps', account_id
from main.congruence_service_gaps
where direction not in ('over_served', 'under_served')
    or gap_share <= 0
    or account_id in (select account_id from main.congruence_service_gaps group by all having count(*) > 1)
union all
select 'promotion_capacity', account_id
from main.promotion_capacity
where account_id in (select account_id from main.promotion_capacity group by all having count(*) > 1)
    or promotion_rank in (select promotion_rank from main.promotion_capacity group by all having count(*) > 1)
union all
select 'kam_capabilities', kam_id
from main.kam_capabilities
where mean_score not between 1 and 5
    or kam_id in (select kam_id from main.kam_capabilities group by all having count(*) > 1)
