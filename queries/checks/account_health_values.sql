-- account_health_values: every score is within 0–100; health_band is champion, healthy, needs_attention or at_risk whenever there is a score; only key accounts carry revenue at risk, never more than their LTM revenue.
select account_id, health_score, health_band, revenue_trend_score, margin_trend_score, activity_score, plan_score, pipeline_score, revenue_at_risk
from main.account_health
where (health_band is null) <> (health_score is null)
    or health_band not in ('champion', 'healthy', 'needs_attention', 'at_risk')
    or health_score not between 0 and 100
    or revenue_trend_score not between 0 and 100
    or margin_trend_score not between 0 and 100
    or activity_score not between 0 and 100
    or plan_score not between 0 and 100
    or pipeline_score not between 0 and 100
    or (is_revenue_at_risk and not is_key_account)
    or revenue_at_risk not in (0, revenue_ltm)
