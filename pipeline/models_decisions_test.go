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
// (> 10) but they earned nothing: stake 0. K2 (100 h of 1,000), K4 (0 h of
// 1,600) and K9 (4 h of 1,600) are under-used; their spare hours at the key
// revenue per key hour (22,500 ÷ 224 h = 100.45 €/h) are K4 160,714, K9
// 160,312 and K2 90,402. Laid end to end, K1's 6,666.666667 falls wholly
// within K4's stretch: one rebalance K1 → K4 of 6,666.666667, counted once
// (not again on K4's side). K3's 0 stays its own case. K2 and K9 take over
// nothing: their stake is the cost of their idle hours, K2 900 h × (200 € ÷
// 100 h) = 1,800, K9 1,596 h × 0 € = 0.
// Accounts: S1 and S2 (10,000 each) and S3 (2,000) last bought on
// 2026-06-10, 143 days before the end of P (> 90): revenue at risk, the
// whole LTM revenue; the first reason account_health lists is low_health
// (no activity, no purchase: a low score). KX is key without a KAM (500). N1 sells below cost:
// revenue 1,000, cost 1,200, no service or KAM cost → a loss of 200 whose
// largest cost is none (gross_margin).
// With a floor of 1,000 and no share, the material cases are the two
// 10,000 rescues, the 6,666.67 rebalance, S3's 2,000 rescue and K2's 1,800;
// at most 4 rows are listed, so K2 is left out with every immaterial case.
func TestDecisions(t *testing.T) {
	t.Parallel()
	db := runFixture(t, resourcesFixture(), "2026-10", func(c *Config) {
		c.Params["decision_min_amount"] = 1000
		c.Params["decision_min_share"] = 0
		c.Params["decision_max_rows"] = 4
	})
	got := rows(t, db, `select decision_rank, decision_type, coalesce(account_id, kam_id), coalesce(to_kam_id, '-'),
			cast(amount_at_stake as varchar), detail, cast(amount_at_stake_listed as varchar)
		from decisions order by decision_rank`)
	// The headline's total: 10,000 + 10,000 + 6,666.666667 + 2,000.
	kamAssertRows(t, "decisions", got,
		"1 | rescue_revenue | S1 | - | 10000.000000 | low_health | 28666.666667",
		"2 | rescue_revenue | S2 | - | 10000.000000 | low_health | 28666.666667",
		"3 | rebalance_workload | K1 | K4 | 6666.666667 | over_capacity | 28666.666667",
		"4 | rescue_revenue | S3 | - | 2000.000000 | low_health | 28666.666667",
	)
	// Every case is counted: those listed and those left out.
	if n := one(t, db, "select distinct cases_left_out from decisions"); n != one(t, db, "select distinct cases - 4 from decisions") {
		t.Errorf("cases_left_out %s, want cases − 4", n)
	}

	// The cases below the cut, in full: floor 0, room for all.
	db = runFixture(t, resourcesFixture(), "2026-10", func(c *Config) {
		c.Params["decision_min_amount"] = 0
		c.Params["decision_min_share"] = 0
		c.Params["decision_max_rows"] = 100
	})
	got = rows(t, db, `select decision_type, coalesce(account_id, kam_id), coalesce(to_kam_id, '-'), cast(amount_at_stake as varchar), detail
		from decisions where decision_type = 'rebalance_workload' order by decision_rank`)
	kamAssertRows(t, "rebalances", got,
		"rebalance_workload | K1 | K4 | 6666.666667 | over_capacity",
		"rebalance_workload | K2 | - | 1800.000000 | under_used",
		"rebalance_workload | K3 | - | 0.000000 | too_many_key_accounts",
		"rebalance_workload | K9 | - | 0.000000 | under_used",
	)
}

// TestDecisionsOneActionPerAccount: resourcesFixture with a plan for S1
// only (2026: 120,000, so 100,000 to October, the fiscal year starting in
// January). The money of one account is counted once:
//   - S1 is under plan (10,000 of 100,000 = 10 %) with 120,000 − 10,000 =
//     110,000 of the year left and no pipeline (no opportunities loaded): a
//     plan gap of 110,000, larger than its 10,000 at risk, so it is the
//     decision and names the rescue.
//   - S2 and S3 have no plan while targets are loaded: build a plan, at
//     stake their LTM revenue (10,000, 2,000), as large as their revenue
//     at risk; on the tie the plan comes first and names the rescue.
//   - KX, key without a KAM, without a plan and silent since June like the
//     others: three actions on its 500 of LTM revenue; the KAM comes first
//     and names the other two.
func TestDecisionsOneActionPerAccount(t *testing.T) {
	t.Parallel()
	files := resourcesFixture()
	files["objetivos.csv"] = csvLines("account_id,period,revenue_target", "S1,2026,120000")
	db := runFixture(t, files, "2026-10", func(c *Config) {
		c.Params["decision_min_amount"] = 0
		c.Params["decision_min_share"] = 0
		c.Params["decision_max_rows"] = 100
	})
	got := rows(t, db, `select decision_type, account_id, cast(amount_at_stake as varchar), also_decision_types
		from decisions where account_id in ('S1', 'S2', 'S3', 'KX') order by decision_rank`)
	kamAssertRows(t, "decisions per account", got,
		"chase_plan_gap | S1 | 110000.000000 | [rescue_revenue]",
		"build_plan | S2 | 10000.000000 | [rescue_revenue]",
		"build_plan | S3 | 2000.000000 | [rescue_revenue]",
		"assign_kam | KX | 500.000000 | [build_plan rescue_revenue]",
	)
}
