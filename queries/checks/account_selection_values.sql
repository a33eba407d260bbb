-- account_selection_values: recommendation is promote, confirm, review, hold or none (NULL only when the unit's key flag is unknown) and agrees with is_recommended; selection_score lies within 0–100.
select account_id, is_key_account, is_recommended, recommendation, selection_score
from main.account_selection
where recommendation not in ('promote', 'confirm', 'review', 'hold', 'none')
    or (recommendation is null) <> (is_key_account is null)
    or (recommendation in ('promote', 'confirm')) <> is_recommended
    or not coalesce(selection_score between 0 and 100, true)
