package pipeline

import (
	"testing"
)

// TestDecisions: the decisions mart on resourcesFixture (period 2026-10),
// its stakes computed by hand, ranked by the money at stake, with the
// materiality cut and the count of what was left out.
//
// KAMs (kam_performance): K1 logs 150 h of 100 → utilisation 1.5, over
// capacity; its key accounts S1 + S2 earned 20,000, so 20,000 × (1 − 1/1.5)
// = 6,666.666667 is what its capacity cannot cover. K3 has 11 key accounts
// (> 10) but they earned nothing: stake 0. K2 (100 h of 1,000) and K4 (0 h
// of 1,600) are under-used: their spare hours at the key revenue per key
// hour (22,500 ÷ 224 h = 100.45 €/h) are far more than the 6,666.666667 the
// over-loaded KAMs cannot cover, so each is capped at that.
// Accounts: S1 and S2 (10,000 each) and S3 (2,000) last bought on
// 2026-06-10, 143 days before the end of P (> 90): revenue at risk, the
// whole LTM revenue; the first reason account_health lists is low_health
// (no activity, no purchase: a low score). KX is key without a KAM (500). N1 sells below cost:
// revenue 1,000, cost 1,200, no service or KAM cost → a loss of 200 whose
// largest cost is none (gross_margin).
// With a floor of 1,000 and no share, the material cases are the two
// 10,000 rescues, the three 6,666.67 rebalances and S3's 2,000 rescue; at
// most 4 rows are listed, so S3 and K4 (last of the ties by kam_id) are
// left out with every immaterial case.
func TestDecisions(t *testing.T) {
	t.Parallel()
	db := runFixture(t, resourcesFixture(), "2026-10", func(c *Config) {
		c.Params["decision_min_amount"] = 1000
		c.Params["decision_min_share"] = 0
		c.Params["decision_max_rows"] = 4
	})
	got := rows(t, db, `select decision_rank, decision_type, coalesce(account_id, kam_id), cast(amount_at_stake as varchar), detail
		from decisions order by decision_rank`)
	kamAssertRows(t, "decisions", got,
		"1 | rescue_revenue | S1 | 10000.000000 | low_health",
		"2 | rescue_revenue | S2 | 10000.000000 | low_health",
		"3 | rebalance_workload | K1 | 6666.666667 | over_capacity",
		"4 | rebalance_workload | K2 | 6666.666667 | under_used",
	)
	// Every case is counted: those listed and those left out.
	if n := one(t, db, "select distinct cases_left_out from decisions"); n != one(t, db, "select distinct cases - 4 from decisions") {
		t.Errorf("cases_left_out %s, want cases − 4", n)
	}
}
