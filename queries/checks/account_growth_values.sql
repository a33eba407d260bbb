-- account_growth_values: sow_band is backup, developing or strategic_partner (NULL only without a share of wallet), and the score and its ranks lie within 0–100.
select account_id, sow_band, share_of_wallet, growth_potential_score
from main.account_growth
where (sow_band is null) <> (share_of_wallet is null)
    or sow_band not in ('backup', 'developing', 'strategic_partner')
    or not coalesce(growth_potential_score between 0 and 100, true)
    or not coalesce(wallet_headroom_rank between 0 and 100, true)
    or not coalesce(weighted_pipeline_rank between 0 and 100, true)
    or not coalesce(trend_pct_month_rank between 0 and 100, true)
    or not coalesce(whitespace_value_rank between 0 and 100, true)
    or isnan(growth_potential_score) or isnan(trend_pct_month)
