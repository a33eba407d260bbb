-- kam_performance_values: role is kam, director, executive or other; capacity is positive; hours, utilisation and account counts are not negative.
select kam_id, role, capacity_hours, hours, utilisation, accounts, key_accounts
from main.kam_performance
where role is null
    or role not in ('kam', 'director', 'executive', 'other')
    or not capacity_hours > 0
    or hours < 0
    or utilisation < 0
    or accounts < 0
    or key_accounts > accounts
