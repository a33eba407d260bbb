-- plan_vs_actual_values: status is met or missed exactly for closed periods, otherwise on_track, at_risk, off_track or not_started (exactly when nothing has elapsed); months_elapsed is within the span; a closed period has no remaining gap, an open one a gap not negative; the pipeline set against the counted gaps of a unit never exceeds its weighted pipeline, nor a gap.
select account_id, target_period, status, months, months_elapsed, remaining_gap
from main.plan_vs_actual
where status is null
    or status not in ('met', 'missed', 'on_track', 'at_risk', 'off_track', 'not_started')
    or (status in ('met', 'missed')) <> is_closed
    or (status = 'not_started') <> (months_elapsed = 0)
    or months_elapsed < 0
    or months_elapsed > months
    or (is_closed and remaining_gap is not null)
    or remaining_gap < 0
    or gap_covered_by_pipeline < 0
    or pipeline_applied > remaining_gap
    or (pipeline_applied is not null) <> is_gap_counted
union all
select account_id, null, null, null, null, sum(pipeline_applied)
from main.plan_vs_actual
group by account_id
having sum(pipeline_applied) > any_value(weighted_pipeline)
