package pipeline

import (
	"path/filepath"
	"strconv"
	"testing"
)

// TestSampleStory runs the whole pipeline on the committed sample-data and
// checks that the models find the story planted in it (sample-data/README.md):
// a loss-making key account group, a non-key account to promote, a KAM over
// capacity, a key account going quiet, moderate concentration, and the gaps
// in coverage; and that the planted bad rows are accounted for.
func TestSampleStory(t *testing.T) {
	t.Parallel()
	db := runInput(t, "../sample-data/input", filepath.Join(t.TempDir(), "out"), "2026-10", func(c *Config) {
		c.RejectLimit = DefaultConfig().RejectLimit // the sample stays under the default limit
	})
	num := func(q string, args ...any) float64 {
		t.Helper()
		v, err := strconv.ParseFloat(one(t, db, q, args...), 64)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return v
	}
	expect := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: got %s, want %s", what, got, want)
		}
	}

	// 1. Grupo Peñalara: a top-3 key account group that loses money after cost-to-serve.
	if nc := num("select net_contribution from account_profitability where time_window = 'ltm' and account_id = 'C10070'"); nc >= 0 {
		t.Errorf("Grupo Peñalara LTM net contribution %.2f, want < 0", nc)
	}
	expect("Grupo Peñalara is key", one(t, db, "select is_key_account from account_profitability where time_window = 'ltm' and account_id = 'C10070'"), "true")
	if r := num("select count(*) from account_profitability where time_window = 'ltm' and revenue > (select revenue from account_profitability where time_window = 'ltm' and account_id = 'C10070')"); r > 2 {
		t.Errorf("Grupo Peñalara is not in the top 3 by revenue (%v above it)", r)
	}
	expect("Grupo Peñalara on the whale curve", one(t, db, "select is_loss_making from whale_curve where account_id = 'C10070'"), "true")

	// 2. Energías Renovables del Moncayo: not key, recommended for promotion.
	expect("Moncayo recommendation", one(t, db, "select recommendation from account_selection where account_id = 'C10457'"), "promote")
	if s := num("select selection_score from account_selection where account_id = 'C10457'"); s < 60 {
		t.Errorf("Moncayo selection score %.1f, want ≥ 60", s)
	}
	if h := num("select wallet_headroom from account_growth where account_id = 'C10457'"); h < 3e6 {
		t.Errorf("Moncayo wallet headroom %.0f, want several million", h)
	}

	// 3. V01 over capacity with more than 10 key accounts.
	expect("V01 flags", one(t, db, "select is_over_capacity and has_too_many_key_accounts from kam_performance where kam_id in (select kam_id from staging.stg_kam_keys where kam_key = 'V01')"), "true")

	// 4. Frigoríficos del Bierzo going quiet: revenue at risk, no purchase or activity in 90 days.
	expect("Bierzo at risk", one(t, db, "select is_revenue_at_risk from account_health where account_id = 'C10120'"), "true")
	if d := num("select days_since_purchase from account_health where account_id = 'C10120'"); d <= 90 {
		t.Errorf("Bierzo days since purchase %v, want > 90", d)
	}
	expect("Bierzo without recent activity", one(t, db, "select is_key_without_recent_activity from account_resources where account_id = 'C10120'"), "true")

	// 5. Moderate concentration.
	expect("HHI band", one(t, db, "select hhi_band from portfolio_concentration where scope = 'all'"), "moderate")

	// 6–8. Coverage gaps: a KAM with too few key accounts, a key account without KAM, one without a plan.
	if n := num("select key_accounts from kam_performance where kam_id in (select kam_id from staging.stg_kam_keys where kam_key = 'V02')"); n >= 3 {
		t.Errorf("V02 key accounts %v, want < 3", n)
	}
	expect("Papelera del Nervión without KAM", one(t, db, "select is_key_without_kam from account_resources where account_id = 'C10087'"), "true")
	expect("Txingudi without a plan", one(t, db, "select count(*) from plan_vs_actual where account_id = 'C10142'"), "0")
	if v := num("select value from congruence_scorecard where indicator = 'key_accounts_with_plan_share'"); v >= 1 {
		t.Errorf("plan coverage %v, want < 1 (Txingudi has no plan)", v)
	}

	// Every planted finding that calls for an action (all but the
	// concentration band) is among the decisions of the month.
	for _, d := range []struct{ what, q string }{
		{"1. Grupo Peñalara: fix its cost to serve", "decision_type in ('fix_cost_to_serve', 'renegotiate_rebates') and account_id = 'C10070'"},
		{"2. Moncayo: promote", "decision_type = 'promote_key_account' and account_id = 'C10457'"},
		{"3. V01: rebalance its workload", "decision_type = 'rebalance_workload' and kam_id in (select kam_id from staging.stg_kam_keys where kam_key = 'V01')"},
		// Bierzo's plan gap is about the same revenue: one action, the rescue named in it.
		{"4. Bierzo: rescue its revenue", "account_id = 'C10120' and (decision_type = 'rescue_revenue' or list_contains(also_decision_types, 'rescue_revenue'))"},
		// V02 takes over what V01 cannot cover: one decision for the pair.
		{"6. V02: rebalance its workload", "decision_type = 'rebalance_workload' and to_kam_id in (select kam_id from staging.stg_kam_keys where kam_key = 'V02')"},
		{"7. Papelera del Nervión: assign a KAM", "decision_type = 'assign_kam' and account_id = 'C10087'"},
		{"8. Txingudi: build a plan", "decision_type = 'build_plan' and account_id = 'C10142'"},
	} {
		if n := one(t, db, "select count(*) from decisions where "+d.q); n != "1" {
			t.Errorf("decision %s: %s rows, want 1", d.what, n)
		}
	}
	if n := num("select count(*) from decisions"); n > 12 {
		t.Errorf("%v decisions, want at most 12", n)
	}
	// The money at stake is counted once: no account has two decisions
	// about its revenue, no KAM pair two rebalances, and the total the
	// headline gives is the sum of the listed stakes.
	expect("accounts with two revenue decisions", one(t, db, `select count(*) from (select account_id from decisions
		where decision_type in ('assign_kam', 'build_plan', 'review_key_account', 'rescue_revenue', 'chase_plan_gap')
		group by account_id having count(*) > 1)`), "0")
	expect("rebalance pairs listed twice", one(t, db, `select count(*) from (select kam_id, to_kam_id from decisions
		where decision_type = 'rebalance_workload' group by all having count(*) > 1)`), "0")
	expect("V02 listed on its own as well", one(t, db, `select count(*) from decisions where decision_type = 'rebalance_workload'
		and kam_id in (select kam_id from staging.stg_kam_keys where kam_key = 'V02')`), "0")
	expect("headline total", one(t, db, "select count(*) from decisions where amount_at_stake_listed <> (select sum(amount_at_stake) from decisions)"), "0")

	// The planted bad rows: 7 rejected, 3 unattributed lines, 1 duplicate; totals tie out.
	expect("rejected rows", one(t, db, "select sum(rows_rejected) from data_quality"), "7")
	expect("duplicate rows", one(t, db, "select sum(rows_duplicate) from data_quality"), "1")
	expect("unattributed lines", one(t, db, "select sum(unattributed_lines) from data_quality"), "3")
	expect("reconciliation", one(t, db, "select count(*) from revenue_reconciliation where difference <> 0"), "0")
	expect("row accounting", one(t, db, "select count(*) from data_quality where rows_read <> rows_loaded + rows_rejected + rows_duplicate"), "0")
}
