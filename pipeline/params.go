package pipeline

import "math"

// Param is one model weight or threshold. The models read them from the
// params table; the Definitions sheet prints the values in force.
type Param struct {
	Key      string
	Default  float64 // NaN: no default, the metric that needs it is unavailable until configured
	Min, Max float64
	Doc      string // English; reports translate through their own table
}

// Unset marks a parameter without a default.
var Unset = math.NaN()

// DefaultParams lists every parameter the models accept, with the defaults of
// the specification (metrics.md). Keys are what the YAML "params:" section uses.
var DefaultParams = []Param{
	// Profitability.
	{"default_hourly_rate", Unset, 0, 1e6, "hourly cost for activities whose KAM has no annual_cost/capacity (unset: their time is not costed and the accounts are flagged)"},
	{"kam_capacity_hours", 1600, 1, 8760, "yearly capacity of a KAM when the kams file has no capacity_hours"},

	// Growth.
	{"sow_backup_below", 0.10, 0, 1, "share of wallet below which the supplier is a backup supplier"},
	{"sow_strategic_above", 0.60, 0, 1, "share of wallet above which the supplier is a strategic partner"},
	{"pipeline_horizon_months", 12, 1, 60, "open opportunities closing within this many months count in weighted_pipeline"},
	{"win_rate_months", 24, 1, 120, "months of closed opportunities in win_rate"},
	{"trend_months", 24, 3, 120, "months of history in trend_pct_month"},
	{"whitespace_peer_share", 0.50, 0, 1, "share of segment peers that must buy a product line for it to be whitespace"},
	{"growth_weight_headroom", 35, 0, 100, "growth_potential_score weight of wallet_headroom"},
	{"growth_weight_pipeline", 25, 0, 100, "growth_potential_score weight of weighted_pipeline"},
	{"growth_weight_trend", 20, 0, 100, "growth_potential_score weight of trend_pct_month"},
	{"growth_weight_whitespace", 20, 0, 100, "growth_potential_score weight of whitespace_value"},

	// Portfolio balance.
	{"hhi_moderate_from", 1000, 0, 10000, "HHI from which concentration is moderate"},
	{"hhi_high_above", 1800, 0, 10000, "HHI above which concentration is high"},
	{"abc_a_share", 0.80, 0, 1, "cumulative share closing class A"},
	{"abc_b_share", 0.95, 0, 1, "cumulative share closing class B"},
	{"matrix_weight_growth", 40, 0, 100, "attractiveness weight of growth_potential_score"},
	{"matrix_weight_fit", 20, 0, 100, "attractiveness weight of strategic_fit"},
	{"matrix_weight_influence", 20, 0, 100, "attractiveness weight of market_influence"},
	{"matrix_weight_margin", 20, 0, 100, "attractiveness weight of the gross_margin_pct rank"},
	{"matrix_weight_wallet", 35, 0, 100, "relative strength weight of share_of_wallet"},
	{"matrix_weight_relationship", 25, 0, 100, "relative strength weight of relationship_stage"},
	{"matrix_weight_tenure", 15, 0, 100, "relative strength weight of tenure"},
	{"matrix_weight_engagement", 15, 0, 100, "relative strength weight of engagement (activity count rank)"},
	{"matrix_weight_win_rate", 10, 0, 100, "relative strength weight of win_rate"},
	{"matrix_split", 50, 0, 100, "score that splits high from low on both matrix axes"},
	{"key_accounts_min", 15, 0, 10000, "fewest key accounts in the portfolio (kam default; the congruence model gives no figures)"},
	{"key_accounts_max", 35, 0, 10000, "most key accounts in the portfolio (kam default; the congruence model gives no figures)"},
	{"key_per_kam_min", 3, 0, 1000, "fewest key accounts per KAM"},
	{"key_per_kam_max", 10, 0, 1000, "most key accounts per KAM"},

	// Selection.
	{"selection_weight_revenue", 25, 0, 100, "selection_score weight of revenue_ltm"},
	{"selection_weight_growth", 30, 0, 100, "selection_score weight of growth_potential_score"},
	{"selection_weight_influence", 15, 0, 100, "selection_score weight of market_influence"},
	{"selection_weight_fit", 15, 0, 100, "selection_score weight of strategic_fit"},
	{"selection_weight_profit", 15, 0, 100, "selection_score weight of net_contribution"},
	{"selection_recommend_from", 60, 0, 100, "selection_score from which an account is recommended"},
	{"selection_top_n", 0, 0, 100000, "if above 0, recommend the top N accounts instead of the score threshold"},
	{"selection_review_below", 40, 0, 100, "key accounts scoring below this are to be reviewed"},

	// Resources.
	{"utilisation_high_above", 1.00, 0, 10, "KAM utilisation above which the KAM is over capacity"},
	{"utilisation_low_below", 0.50, 0, 10, "KAM utilisation below which the KAM is under-used"},
	{"service_over_above", 1.5, 0, 100, "service_index above which an account is over-served"},
	{"service_under_below", 0.5, 0, 100, "service_index below which an account is under-served"},
	{"inactive_days", 90, 1, 3650, "days without activity or purchase that count as gone quiet"},

	// Plan vs actual.
	{"plan_on_track_from", 0.95, 0, 10, "attainment from which a plan is on track"},
	{"plan_at_risk_from", 0.80, 0, 10, "attainment from which a plan is at risk (below: off track)"},

	// Retention and health.
	{"health_weight_revenue_trend", 30, 0, 100, "health_score weight of the revenue trend"},
	{"health_weight_margin_trend", 15, 0, 100, "health_score weight of the margin trend"},
	{"health_weight_activity", 20, 0, 100, "health_score weight of activity freshness"},
	{"health_weight_plan", 20, 0, 100, "health_score weight of plan attainment"},
	{"health_weight_pipeline", 15, 0, 100, "health_score weight of pipeline coverage"},
	{"health_champion_above", 80, 0, 100, "health_score above which an account is a champion"},
	{"health_healthy_from", 60, 0, 100, "health_score from which an account is healthy"},
	{"health_attention_from", 40, 0, 100, "health_score from which an account needs attention (below: at risk)"},
	{"risk_decline_pct", 0.20, 0, 1, "YoY revenue decline that puts a key account's revenue at risk"},

	// Congruence scorecard targets.
	{"target_recommended_share", 0.70, 0, 1, "share of key accounts the selection criteria recommend"},
	{"target_utilisation_min", 0.60, 0, 10, "lowest KAM utilisation on target"},
	{"target_utilisation_max", 1.00, 0, 10, "highest KAM utilisation on target"},
	{"target_key_hours_share", 0.60, 0, 1, "share of KAM hours spent on key accounts"},
	{"target_plan_coverage", 0.90, 0, 1, "share of key accounts with a plan for the period"},
	{"target_activity_coverage", 0.90, 0, 1, "share of key accounts with an activity in the last inactive_days"},
	{"target_reject_rate", 0.02, 0, 1, "highest reject rate on target"},
	{"target_crm_completeness", 0.80, 0, 1, "share of wallet, segment and fit fields filled"},
	{"target_key_revenue_share_min", 0.40, 0, 1, "lowest share of revenue from key accounts for a balanced portfolio"},
	{"target_key_revenue_share_max", 0.80, 0, 1, "highest share of revenue from key accounts for a balanced portfolio"},
	{"congruence_amber_tolerance", 0.20, 0, 1, "relative shortfall from a target that is still amber rather than red"},
	{"congruence_weakest_margin", 0.10, 0, 1, "the congruence index stands at most this far above the weakest pillar or link score (0: the minimum, 1: the plain mean)"},

	// Links between the pillars (congruence_links). None comes from the
	// seed article, which gives no figures: all are kam's defaults.
	{"link_strategic_hours_min", 1.0, 0, 100, "Strategic quadrant (invest): share of KAM hours at least this many times its share of contribution"},
	{"link_star_hours_min", 1.0, 0, 100, "Star quadrant (develop): share of KAM hours at least this many times its share of growth potential"},
	{"link_status_hours_max", 1.0, 0, 100, "Status quadrant (maintain efficiently): share of KAM hours at most this many times its share of contribution"},
	{"link_streamline_hours_max", 0.5, 0, 100, "Streamline quadrant (serve at low cost): share of KAM hours at most this many times its share of contribution"},
	{"link_accounts_listed", 10, 0, 1000, "accounts listed as the most over-served and the most under-served"},
	{"target_kams_reporting_share", 1.0, 0, 1, "share of KAMs who report to a key account director"},
	{"target_director_review_share", 0.75, 0, 1, "share of key accounts with a review activity by a key account director in the last 12 months"},
	{"target_top_management_share", 0.50, 0, 1, "share of key accounts with an activity by top management in the last 12 months"},
	{"target_plan_quality_share", 0.90, 0, 1, "share of key accounts whose plan in force carries a margin target and an objective of its own"},
	{"target_distinct_objectives_share", 0.80, 0, 1, "distinct plan objectives per account with a plan"},
	{"review_months", 3, 1, 12, "months ending with the period in which a key account must have had a review activity"},
	{"target_review_coverage", 0.90, 0, 1, "share of key accounts with a review activity in the last review_months"},
	{"crm_active_months", 6, 1, 12, "months of the last 12 with an activity logged that make a key account covered in the CRM"},
	{"target_crm_key_coverage", 0.90, 0, 1, "share of key accounts with activity logged in at least crm_active_months of the last 12"},

	// Human resources: the periodic KAM assessment (optional input) and the proxies.
	{"assessment_months", 12, 1, 60, "months ending with the period whose assessments count"},
	{"target_assessed_share", 1.0, 0, 1, "share of KAMs with an assessment in the last assessment_months"},
	{"target_assessment_score", 3.5, 1, 5, "lowest mean assessment score (1–5) of a KAM's capabilities on target"},
	{"target_win_rate_min", 0.25, 0, 1, "proxy: lowest win rate (by count) of a KAM on target"},
	{"target_shared_activity_share", 0.10, 0, 1, "proxy: share of key-account activity hours logged by people other than the account's KAM"},
}
