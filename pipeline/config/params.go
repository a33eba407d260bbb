package config

import "math"

// Param is one model weight or threshold. The models read them from the
// params table; the Definitions sheet prints the values in force with their
// descriptions (the translation table's param.<key>, in every language).
type Param struct {
	Key      string
	Default  float64 // NaN: no default, the metric that needs it is unavailable until configured
	Min, Max float64
}

// Unset marks a parameter without a default.
var Unset = math.NaN()

// DefaultParams lists every parameter the models accept, with the defaults of
// the specification. Keys are what the YAML "params:" section uses.
var DefaultParams = []Param{
	// Profitability.
	{"default_hourly_rate", Unset, 0, 1e6},
	{"kam_capacity_hours", 1600, 1, 8760},

	// Growth.
	{"sow_backup_below", 0.10, 0, 1},
	{"sow_strategic_above", 0.60, 0, 1},
	{"pipeline_horizon_months", 12, 1, 60},
	{"win_rate_months", 24, 1, 120},
	{"trend_months", 24, 3, 120},
	{"whitespace_peer_share", 0.50, 0, 1},
	{"growth_weight_headroom", 35, 0, 100},
	{"growth_weight_pipeline", 25, 0, 100},
	{"growth_weight_trend", 20, 0, 100},
	{"growth_weight_whitespace", 20, 0, 100},

	// Portfolio balance.
	{"hhi_moderate_from", 1000, 0, 10000},
	{"hhi_high_above", 1800, 0, 10000},
	{"abc_a_share", 0.80, 0, 1},
	{"abc_b_share", 0.95, 0, 1},
	{"matrix_weight_growth", 40, 0, 100},
	{"matrix_weight_fit", 20, 0, 100},
	{"matrix_weight_influence", 20, 0, 100},
	{"matrix_weight_margin", 20, 0, 100},
	{"matrix_weight_wallet", 35, 0, 100},
	{"matrix_weight_relationship", 25, 0, 100},
	{"matrix_weight_tenure", 15, 0, 100},
	{"matrix_weight_engagement", 15, 0, 100},
	{"matrix_weight_win_rate", 10, 0, 100},
	{"matrix_split", 50, 0, 100},
	{"key_accounts_min", 15, 0, 10000},
	{"key_accounts_max", 35, 0, 10000},
	{"key_per_kam_min", 3, 0, 1000},
	{"key_per_kam_max", 10, 0, 1000},

	// Selection.
	{"selection_weight_revenue", 25, 0, 100},
	{"selection_weight_growth", 30, 0, 100},
	{"selection_weight_influence", 15, 0, 100},
	{"selection_weight_fit", 15, 0, 100},
	{"selection_weight_profit", 15, 0, 100},
	{"selection_recommend_from", 60, 0, 100},
	{"selection_top_n", 0, 0, 100000},
	{"selection_review_below", 40, 0, 100},

	// Resources.
	{"utilisation_high_above", 1.00, 0, 10},
	{"utilisation_low_below", 0.50, 0, 10},
	{"service_over_above", 1.5, 0, 100},
	{"service_under_below", 0.5, 0, 100},
	{"inactive_days", 90, 1, 3650},

	// Plan vs actual.
	{"plan_on_track_from", 0.95, 0, 10},
	{"plan_at_risk_from", 0.80, 0, 10},

	// Retention and health.
	{"health_weight_revenue_trend", 30, 0, 100},
	{"health_weight_margin_trend", 15, 0, 100},
	{"health_weight_activity", 20, 0, 100},
	{"health_weight_plan", 20, 0, 100},
	{"health_weight_pipeline", 15, 0, 100},
	{"health_champion_above", 80, 0, 100},
	{"health_healthy_from", 60, 0, 100},
	{"health_attention_from", 40, 0, 100},
	{"risk_decline_pct", 0.20, 0, 1},

	// Decisions: a case is listed when its money at stake reaches both the
	// floor and the share of the LTM portfolio revenue (kam defaults).
	{"decision_min_amount", 25000, 0, 1e12},
	{"decision_min_share", 0.005, 0, 1},
	{"decision_max_rows", 12, 1, 100},

	// Workbook: a table longer than this shows its first rows (in the
	// sheet's order) and says where the whole one is (the Parquet marts).
	{"sheet_max_rows", 5000, 100, 1048576},

	// Congruence scorecard targets.
	{"target_recommended_share", 0.70, 0, 1},
	{"target_utilisation_min", 0.60, 0, 10},
	{"target_utilisation_max", 1.00, 0, 10},
	{"target_key_hours_share", 0.60, 0, 1},
	{"target_plan_coverage", 0.90, 0, 1},
	{"target_activity_coverage", 0.90, 0, 1},
	{"target_reject_rate", 0.02, 0, 1},
	{"target_crm_completeness", 0.80, 0, 1},
	{"target_key_revenue_share_min", 0.40, 0, 1},
	{"target_key_revenue_share_max", 0.80, 0, 1},
	{"congruence_amber_tolerance", 0.20, 0, 1},
	{"congruence_weakest_margin", 0.10, 0, 1},

	// Links between the pillars (congruence_links). None comes from the
	// seed article, which gives no figures: all are kam's defaults.
	{"link_strategic_hours_min", 1.0, 0, 100},
	{"link_star_hours_min", 1.0, 0, 100},
	{"link_status_hours_max", 1.0, 0, 100},
	{"link_streamline_hours_max", 0.5, 0, 100},
	{"link_accounts_listed", 10, 0, 1000},
	{"target_kams_reporting_share", 1.0, 0, 1},
	{"target_director_review_share", 0.75, 0, 1},
	{"target_top_management_share", 0.50, 0, 1},
	{"target_plan_quality_share", 0.90, 0, 1},
	{"target_distinct_objectives_share", 0.80, 0, 1},
	{"review_months", 3, 1, 12},
	{"target_review_coverage", 0.90, 0, 1},
	{"crm_active_months", 6, 1, 12},
	{"target_crm_key_coverage", 0.90, 0, 1},

	// Human resources: the periodic KAM assessment (optional input) and the proxies.
	{"assessment_months", 12, 1, 60},
	{"target_assessed_share", 1.0, 0, 1},
	{"target_assessment_score", 3.5, 1, 5},
	{"target_win_rate_min", 0.25, 0, 1},
	{"target_shared_activity_share", 0.10, 0, 1},
}
