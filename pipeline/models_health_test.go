package pipeline

import (
	"testing"
)

// healthFixture: period 2026-10 (P ends 2026-10-31; LTM Nov 2025–Oct 2026,
// prior LTM Nov 2024–Oct 2025), inactive_days 90. Bxx units were last
// visited xx days before the end of P; R2–R4 are key accounts at risk for
// one reason each (or just short of it); L1 is lost, W1 is new.
func healthFixture() map[string]string {
	return map[string]string{
		"clientes.csv": csvLines("account_id,account_name,is_key_account",
			"B35,b35,no", "B36,b36,no", "B72,b72,no", "B73,b73,no", "B108,b108,no", "B109,b109,yes",
			"R2,r2,yes", "R3,r3,yes", "R4,r4,yes", "N,n,no", "L1,l1,no", "W1,w1,no"),
		"ventas.csv": csvLines("invoice_id,invoice_date,account_id,net_amount,cost_amount",
			"P01,2025-10-10,B35,100,50", "A01,2026-10-10,B35,150,75",
			"P02,2025-10-10,B36,100,50", "A02,2026-10-10,B36,100,50",
			"P03,2025-10-10,B72,100,50", "A03,2026-10-10,B72,100,50",
			"P04,2025-10-10,B73,100,50", "A04,2026-10-10,B73,100,50",
			"P05,2025-10-10,B108,100,50", "A05,2026-10-10,B108,100,50",
			"P06,2025-10-10,B109,100,50", "A06,2026-10-10,B109,100,50",
			"P07,2025-10-10,R2,1000,500", "A07,2026-10-10,R2,700,350",
			"P08,2025-07-01,R3,500,250", "A08,2026-07-01,R3,500,250", // 122 days before 2026-10-31
			"P09,2025-08-02,R4,200,100", "A09,2026-08-02,R4,200,100", // 90 days before 2026-10-31
			"P10,2025-10-10,N,1000,500", "A10,2026-06-01,N,100,50",
			"P11,2025-09-10,L1,400,200",
			"A12,2026-10-10,W1,300,150"),
		"actividades.csv": csvLines("activity_date,account_id,kam_id,activity_type,duration_hours,expense_amount",
			"2026-09-26,B35,,call,1,", "2026-09-25,B36,,call,1,",
			"2026-08-20,B72,,call,1,", "2026-08-19,B73,,call,1,",
			"2026-07-15,B108,,call,1,", "2026-07-14,B109,,call,1,",
			"2026-10-01,R2,,call,1,", "2026-10-01,R3,,call,1,", "2026-10-01,R4,,call,1,",
			"2026-11-05,N,,call,1,"), // after P: ignored
	}
}

// activityOnly leaves activity freshness as the only health weight, so that
// health_score = activity_score = 100 × (1 − days ÷ (2 × 90)).
func activityOnly(c *Config) {
	for _, k := range []string{"health_weight_revenue_trend", "health_weight_margin_trend", "health_weight_plan", "health_weight_pipeline"} {
		c.Params[k] = 0
	}
}

func TestHealthBandsAndRevenueAtRisk(t *testing.T) {
	t.Parallel()
	db := runFixture(t, healthFixture(), "2026-10", activityOnly)
	got := rows(t, db, `select account_id, days_since_activity, round(health_score, 4), health_band, round(growth_yoy_pct, 4),
			days_since_purchase, is_revenue_at_risk, cast(revenue_at_risk as varchar), risk_reasons
		from account_health order by account_id`)
	kamAssertRows(t, "account_health", got,
		"B108 | 108 | 40 | needs_attention | 0 | 21 | false | 0.000000 | []", // 100 × (1 − 108 ÷ 180) = 40, ≥ 40
		// key, 100 × (1 − 109 ÷ 180) = 39.4444 < 40 → at risk for low health: its LTM 100.
		"B109 | 109 | 39.4444 | at_risk | 0 | 21 | true | 100.000000 | [low_health]",
		"B35 | 35 | 80.5556 | champion | 0.5 | 21 | false | 0.000000 | []", // 100 × (1 − 35 ÷ 180) = 80.5556 > 80; 150 ÷ 100 − 1 = 0.5
		"B36 | 36 | 80 | healthy | 0 | 21 | false | 0.000000 | []",         // exactly 80 is not > 80
		"B72 | 72 | 60 | healthy | 0 | 21 | false | 0.000000 | []",         // exactly 60, ≥ 60
		"B73 | 73 | 59.4444 | needs_attention | 0 | 21 | false | 0.000000 | []",
		// lost (no LTM sale): never visited → 0; last purchase 2025-09-10, 416 days; not key.
		"L1 | NULL | 0 | at_risk | -1 | 416 | false | 0.000000 | []",
		// every reason but not a key account (its 2026-11-05 activity is after P and ignored).
		"N | NULL | 0 | at_risk | -0.9 | 152 | false | 0.000000 | []",
		// key, 700 ÷ 1000 − 1 = −0.30 < −0.20 → at risk for the decline; health 100 × (1 − 30 ÷ 180) = 83.3333.
		"R2 | 30 | 83.3333 | champion | -0.3 | 21 | true | 700.000000 | [revenue_decline]",
		// key, last purchase 2026-07-01: 122 days > 90.
		"R3 | 30 | 83.3333 | champion | 0 | 122 | true | 500.000000 | [no_recent_purchase]",
		// key, last purchase 2026-08-02: 90 days, still within inactive_days.
		"R4 | 30 | 83.3333 | champion | 0 | 90 | false | 0.000000 | []",
		"W1 | NULL | 0 | at_risk | NULL | 21 | false | 0.000000 | []", // new: no prior revenue, no growth rate
	)
}

func TestRetention(t *testing.T) {
	t.Parallel()
	// The sales must cover the prior LTM (2024-11..2025-10) as fully as the LTM for the two
	// to compare: L1 also bought 100 on 2024-11-05, the prior LTM's first month.
	files := healthFixture()
	files["ventas.csv"] += "P12,2024-11-05,L1,100,50\n"
	db := runFixture(t, files, "2026-10", activityOnly)
	got := rows(t, db, `select scope, base_accounts, cast(base_revenue_prior_ltm as varchar), cast(base_revenue_ltm as varchar),
			round(nrr, 4), round(grr, 4), new_accounts, cast(new_revenue as varchar), lost_accounts, cast(lost_revenue as varchar),
			cast(revenue_at_risk as varchar), accounts_at_risk
		from portfolio_retention order by scope`)
	kamAssertRows(t, "portfolio_retention", got,
		// Base (prior > 0): six Bxx 600, R2 1000, R3 500, R4 200, N 1000, L1 400 + 100 = 3800.
		// LTM of the base: 150 + 5 × 100 + 700 + 500 + 200 + 100 + 0 = 2150 → NRR 2150 ÷ 3800 = 0.5658;
		// GRR caps B35 at its prior 100: 2100 ÷ 3800 = 0.5526. New: W1 (300); lost: L1 (its prior 500).
		// At risk (key accounts only, see TestHealthBandsAndRevenueAtRisk): B109 100 + R2 700 + R3 500 = 1300.
		"all | 11 | 3800.000000 | 2150.000000 | 0.5658 | 0.5526 | 1 | 300.000000 | 1 | 500.000000 | 1300.000000 | 3",
		// Key: B109 100, R2 1000, R3 500, R4 200 = 1800 prior; LTM 100 + 700 + 500 + 200 = 1500 → 0.8333 both.
		"key | 4 | 1800.000000 | 1500.000000 | 0.8333 | 0.8333 | 0 | 0.000000 | 0 | 0.000000 | 1300.000000 | 3",
	)
}
