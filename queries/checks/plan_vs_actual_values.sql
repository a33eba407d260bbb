-- plan_vs_actual_values: status is on_track, at_risk, off_track or not_started (exactly when nothing has elapsed); months_elapsed is within the span; remaining_gap is not negative.
select account_id, target_period, status, months, months_elapsed, remaining_gap
from main.plan_vs_actual
where status is null
    or status not in ('on_track', 'at_risk', 'off_track', 'not_started')
    or (status = 'not_started') <> (months_elapsed = 0)
    or months_elapsed < 0
    or months_elapsed > months
    or remaining_gap < 0
    or gap_covered_by_pipeline < 0
