-- portfolio_matrix_values: quadrant is strategic, star, status or streamline (NULL only without a score), ABC classes are A, B or C (NULL only without their figure), and both axes lie within 0–100.
select account_id, quadrant, abc_contribution, abc_revenue, attractiveness, relative_strength
from main.portfolio_matrix
where quadrant not in ('strategic', 'star', 'status', 'streamline')
    or (quadrant is null) <> (attractiveness is null or relative_strength is null)
    or abc_contribution not in ('A', 'B', 'C')
    or (abc_contribution is null) <> (net_contribution is null)
    or (abc_revenue is null) <> (revenue_ltm is null)
    or abc_revenue not in ('A', 'B', 'C')
    or not coalesce(attractiveness between 0 and 100, true)
    or not coalesce(relative_strength between 0 and 100, true)
