package pipeline

import (
	"testing"
)

// brokenOrganisationFixture: period 2026-10. Three key accounts, A1 and A2
// owned by K1 (the only person in the kams file: a KAM, no director), A3
// by nobody. Sales with cost, activities and a service cost, so that net
// contribution is known. The organisation pillar is broken on purpose:
//
//	key_accounts_with_kam_share            2 of 3 = 0.667 < 1 − 20 % tolerance → red
//	key_account_director                   no director in the kams file: 0 → red
//	kams_within_key_account_guidance_share K1 owns 2 < key_per_kam_min 3: 0 → red
//
// and every other target is set (congruenceEasy) so that the data meets it.
func brokenOrganisationFixture() map[string]string {
	return map[string]string{
		"clientes.csv": csvLines("account_id,account_name,kam_id,is_key_account,segment,strategic_fit,market_influence,wallet_estimate",
			"A1,Uno,K1,yes,x,3,3,100000",
			"A2,Dos,K1,yes,x,3,3,100000",
			"A3,Tres,,yes,x,3,3,100000"),
		"gestores.csv": csvLines("kam_id,kam_name,role,annual_cost,capacity_hours",
			"K1,Ana,kam,16000,1600"),
		"ventas.csv": csvLines("invoice_id,invoice_date,account_id,net_amount,cost_amount",
			"F1,2026-06-10,A1,10000,4000",
			"F2,2026-06-10,A2,8000,4000",
			"F3,2026-06-10,A3,6000,3000"),
		"costes.csv": csvLines("account_id,cost_date,cost_type,amount",
			"A1,2026-06-30,logistics,100"),
		"actividades.csv": csvLines("activity_date,account_id,kam_id,activity_type,duration_hours",
			"2026-09-15,A1,K1,review,2",
			"2026-09-15,A2,K1,visit,2",
			"2026-09-15,A3,K1,visit,1"),
	}
}

// congruenceEasy sets every target the fixture should meet to what it
// meets, so that only the pillar it breaks scores below 1.
func congruenceEasy(c *Config) {
	for k, v := range map[string]float64{
		"key_accounts_min": 0, "key_accounts_max": 100, "target_recommended_share": 0, "hhi_high_above": 10000,
		"target_key_revenue_share_min": 0, "target_key_revenue_share_max": 1,
		"target_utilisation_min": 0, "target_utilisation_max": 10, "target_key_hours_share": 0,
		"target_activity_coverage": 0, "target_crm_completeness": 0,
		"matrix_split": 0, "link_strategic_hours_min": 0, "selection_recommend_from": 101,
		"target_kams_reporting_share": 0, "target_director_review_share": 0, "target_top_management_share": 0,
		"target_review_coverage": 0, "target_crm_key_coverage": 0,
	} {
		c.Params[k] = v
	}
}

// TestCongruenceIndexShowsBrokenPillar: one pillar broken (organisation,
// score 0), every other pillar and link perfect (1). The plain mean of the
// eight scores would be 7 ÷ 8 = 0.875 and hide it; the index is at most
// congruence_weakest_margin (0.10) above the weakest score: min(0.875,
// 0 + 0.10) = 0.10.
func TestCongruenceIndexShowsBrokenPillar(t *testing.T) {
	t.Parallel()
	db := runFixture(t, brokenOrganisationFixture(), "2026-10", congruenceEasy)
	got := rows(t, db, `select pillar, indicator, status from congruence_scorecard
		where status <> 'unavailable' and not is_proxy order by pillar_order, indicator_order`)
	kamAssertRows(t, "scored indicators", got,
		"strategy | key_accounts | green",                             // 3 within 0–100
		"strategy | key_accounts_recommended_share | green",           // 0 recommended (threshold 101) ≥ 0
		"strategy | key_portfolio_hhi | green",                        // ≤ 10000
		"strategy | key_revenue_share | green",                        // 1 within 0–1
		"strategy | key_contribution_share | green",                   // 1 ≥ the key revenue share 1
		"organisation | key_accounts_with_kam_share | red",            // 2 ÷ 3
		"organisation | key_account_director | red",                   // none
		"organisation | kams_within_key_account_guidance_share | red", // K1: 2 < 3
		"human_resources | kams_utilisation_on_target_share | green",  // 5 ÷ 1600 within 0–10
		"human_resources | kam_hours_on_key_accounts_share | green",   // 1 ≥ 0
		"human_resources | kams_with_negative_contribution | green",   // K1 earns
		"systems_processes | key_accounts_with_recent_activity_share | green",
		"systems_processes | reject_rate | green",
		"systems_processes | crm_completeness | green",
		"strategy_resources | strategic_hours_fit | green",           // all strategic (split 0): 1 ÷ 1 ≥ 0
		"strategy_organisation | selection_size | green",             // 0 within 0–100
		"strategy_organisation | promotions_beyond_capacity | green", // none to promote
		"organisation_people | kams_workload_within_capacity_share | green",
		"organisation_people | kams_reporting_to_director_share | green", // 0 ≥ 0
		"organisation_people | key_accounts_with_director_review_share | green",
		"organisation_people | key_accounts_with_top_management_share | green",
		"strategy_systems | key_accounts_reviewed_share | green",
		"strategy_systems | key_accounts_crm_coverage_share | green",
	)
	got = rows(t, db, `select distinct congruence_mean, weakest_score, weakest_pillar, congruence_index from congruence_scorecard`)
	kamAssertRows(t, "index", got, "0.875 | 0 | organisation | 0.1")

	// With the margin at 1 the index is the plain mean: the broken pillar hides.
	db = runFixture(t, brokenOrganisationFixture(), "2026-10", func(c *Config) {
		congruenceEasy(c)
		c.Params["congruence_weakest_margin"] = 1
	})
	if got := one(t, db, `select distinct congruence_index from congruence_scorecard`); got != "0.875" {
		t.Errorf("index with margin 1: got %s, want the mean 0.875", got)
	}
}

// rolesFixture: E1 manages D1, who manages K1 and K2. K1 owns key A1, K2
// owns key A2 and A3. D1 reviewed A1; E1 met A2; K1 and K2 visit their own.
func rolesFixture(kams string) map[string]string {
	return map[string]string{
		"clientes.csv": csvLines("account_id,account_name,kam_id,is_key_account",
			"A1,Uno,K1,yes", "A2,Dos,K2,yes", "A3,Tres,K2,yes"),
		"gestores.csv": kams,
		"ventas.csv": csvLines("invoice_id,invoice_date,account_id,net_amount",
			"F1,2026-06-10,A1,1000", "F2,2026-06-10,A2,1000", "F3,2026-06-10,A3,1000"),
		"actividades.csv": csvLines("activity_date,account_id,kam_id,activity_type,duration_hours",
			"2026-09-10,A1,D1,review,1",
			"2026-09-11,A2,E1,meeting,1",
			"2026-09-12,A1,K1,visit,2",
			"2026-09-12,A2,K2,visit,2",
			"2026-09-12,A3,K2,visit,2"),
	}
}

// TestRolesDirectorAndTopManagementNotJudgedAsKAMs: the key account
// director and top management are never judged as KAMs, whether the kams
// file says who they are (a title column) or only the reporting line does.
func TestRolesDirectorAndTopManagementNotJudgedAsKAMs(t *testing.T) {
	t.Parallel()
	byTitle := csvLines("Código;Nombre;Puesto;Responsable",
		"E1;Ignacio;Consejero Delegado;",
		"D1;Marta;Key Account Director;E1",
		"K1;Javier;Key Account Manager;D1",
		"K2;Lucía;Key Account Manager;D1")
	byLine := csvLines("kam_id,kam_name,manager_id",
		"E1,Ignacio,", "D1,Marta,E1", "K1,Javier,D1", "K2,Lucía,D1")
	for _, c := range []struct{ name, kams, source string }{
		{"title", byTitle, "file"},
		{"hierarchy", byLine, "hierarchy"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := runFixture(t, rolesFixture(c.kams), "2026-10", func(cfg *Config) { cfg.Params["key_per_kam_min"] = 1 })
			got := rows(t, db, `select kam_id, role, role_source, reports_to_director from intermediate.int_people order by kam_id`)
			kamAssertRows(t, "int_people", got,
				"D1 | director | "+c.source+" | false",
				"E1 | executive | "+c.source+" | false",
				"K1 | kam | "+c.source+" | true",
				"K2 | kam | "+c.source+" | true")
			// D1 and E1 own nothing and log 1 h each: as KAMs they would be
			// "under-used, no key accounts"; they are not judged.
			got = rows(t, db, `select kam_id, role, is_under_used, has_no_key_accounts from kam_performance order by kam_id`)
			kamAssertRows(t, "kam_performance", got,
				"D1 | director | NULL | NULL",
				"E1 | executive | NULL | NULL",
				"K1 | kam | true | false",
				"K2 | kam | true | false")
			// Over K1 (1 key account) and K2 (2), both within 1–10: 1, not
			// the 0.5 that counting D1 and E1 (0 each) would give. Both report
			// to D1. D1 reviewed 1 of 3 key accounts, E1 met 1 of 3.
			got = rows(t, db, `select indicator, round(value, 4) from congruence_scorecard where indicator in (
					'kams_within_key_account_guidance_share', 'kams_reporting_to_director_share',
					'key_accounts_with_director_review_share', 'key_accounts_with_top_management_share')
				order by indicator`)
			kamAssertRows(t, "scorecard", got,
				"kams_reporting_to_director_share | 1",
				"kams_within_key_account_guidance_share | 1",
				"key_accounts_with_director_review_share | 0.3333",
				"key_accounts_with_top_management_share | 0.3333")
		})
	}
}
