-- account_resources_values: service_band is over_served, under_served or balanced and only for strategic and star units; hours, shares and the service index are not negative; hours shares add up to 1.
select account_id, quadrant, service_band, hours, hours_share, contribution_share, service_index
from main.account_resources
where service_band not in ('over_served', 'under_served', 'balanced')
    or (service_band is not null and quadrant not in ('strategic', 'star'))
    or hours < 0
    or hours_share < 0
    or hours_share > 1
    or contribution_share <= 0
    or contribution_share > 1
    or service_index < 0
union all
select 'Σ hours_share', null, null, null, sum(hours_share), null, null
from main.account_resources
having sum(hours) > 0 and abs(sum(hours_share) - 1) > 1e-9
