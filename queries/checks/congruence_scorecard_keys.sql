-- congruence_scorecard_keys: (pillar, indicator) is unique, pillar and status take their accepted values, and scores lie in 0–1.
select pillar, indicator, status, pillar_score, congruence_index
from main.congruence_scorecard
where pillar not in (
        'strategy', 'organisation', 'human_resources', 'systems_processes',
        'strategy_resources', 'strategy_organisation', 'organisation_people', 'strategy_systems'
    )
    or row_kind not in ('pillar', 'link')
    or status not in ('green', 'amber', 'red', 'unavailable')
    or pillar_score not between 0 and 1
    or congruence_index not between 0 and 1
    or congruence_index > congruence_mean
    or (pillar, indicator) in (select pillar, indicator from main.congruence_scorecard group by all having count(*) > 1)
