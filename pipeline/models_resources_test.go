package pipeline

import (
	"fmt"
	"testing"
)

// resourcesFixture: period 2026-10 (LTM Nov 2025–Oct 2026, P ends
// 2026-10-31), costs, activities and service costs loaded so that net
// contribution is known.
//
//	K1 (10 €/h: 1000 € ÷ 100 h) owns key S1, S2 and non-key N2
//	K2 (2 €/h: 2000 € ÷ 1000 h) owns key S3
//	K3 (1 €/h: 1600 € ÷ the default 1600 h) owns key T01…T11
//	K4 (no cost, 1600 h) owns non-key N1; D1 is their director
//	KX is a key account without a KAM; K9 logs time without being in the kams file
func resourcesFixture() map[string]string {
	accounts := []string{"account_id,account_name,kam_id,is_key_account",
		"S1,Uno,K1,yes", "S2,Dos,K1,yes", "N2,Nodos,K1,no", "S3,Tres,K2,yes", "N1,Nouno,K4,no", "KX,Sin gestor,,yes"}
	for i := 1; i <= 11; i++ {
		accounts = append(accounts, fmt.Sprintf("T%02d,Tee %d,K3,yes", i, i))
	}
	return map[string]string{
		"clientes.csv": csvLines(accounts...),
		"gestores.csv": csvLines("kam_id,kam_name,role,manager_id,annual_cost,capacity_hours",
			"K1,Ana,kam,D1,1000,100",
			"K2,Luis,kam,D1,2000,1000",
			"K3,Eva,kam,D1,1600,",
			"K4,Pau,kam,D1,,",
			"D1,Marta,director,,,"),
		"ventas.csv": csvLines("invoice_id,invoice_date,account_id,net_amount,cost_amount",
			"F1,2026-06-10,S1,10000,4000",
			"F2,2026-06-10,S2,10000,5000",
			"F3,2026-06-10,S3,2000,1000",
			"F4,2026-06-10,N1,1000,1200",
			"F5,2026-06-10,KX,500,300"),
		"costes.csv": csvLines("account_id,cost_date,cost_type,amount",
			"S2,2026-06-30,logistics,600"),
		"actividades.csv": csvLines("activity_date,account_id,kam_id,activity_type,duration_hours,expense_amount",
			"2026-09-15,S1,K1,meeting,60,",
			"2026-09-16,S1,,visit,20,", // no KAM: charged to S1's KAM, K1
			"2026-09-15,S2,K1,meeting,40,",
			"2026-09-15,N2,K1,call,30,",
			"2026-09-15,S3,K2,meeting,100,",
			"2026-07-03,T01,K3,visit,2,", // 120 days before 2026-10-31
			"2026-08-02,T02,K3,visit,2,", // 90 days before 2026-10-31
			"2026-09-15,N1,K9,call,4,"),
	}
}

func TestKamPerformance(t *testing.T) {
	t.Parallel()
	db := runFixture(t, resourcesFixture(), "2026-10", nil)
	got := rows(t, db, `select kam_id, role, is_in_kams_file, manager_name, accounts, key_accounts, other_accounts,
			hours, key_hours, round(key_hours_share, 4), capacity_hours, round(utilisation, 4),
			cast(revenue_ltm as varchar), cast(net_contribution as varchar), cast(kam_investment as varchar), round(kam_roi, 4),
			is_over_capacity, is_under_used, has_too_many_key_accounts, has_no_key_accounts, has_negative_contribution
		from kam_performance order by kam_id`)
	kamAssertRows(t, "kam_performance", got,
		// A director owning nothing: 0 hours of 1600, no key accounts — and not judged as a KAM, so no flag.
		"D1 | director | true | NULL | 0 | 0 | 0 | 0 | 0 | NULL | 1600 | 0 | 0.000000 | 0.000000 | 0.0000 | NULL | NULL | NULL | NULL | NULL | NULL",
		// Hours 60 + 20 (logged without a KAM on S1: charged to S1's KAM) + 40 + 30 (N2, not key) = 150, key 120
		// → 0.8; 150 ÷ 100 = 1.5 > 1 → over capacity. Net contribution S1 (10000 − 4000) − 80 h × 10 = 5200,
		// S2 (10000 − 5000) − 400 − 600 service = 4000, N2 −300 → 8900; investment 800 + 400 + 300 = 1500;
		// ROI 8900 ÷ 1500 = 5.9333.
		"K1 | kam | true | Marta | 3 | 2 | 1 | 150 | 120 | 0.8 | 100 | 1.5 | 20000.000000 | 8900.000000 | 1500.0000 | 5.9333 | true | false | false | false | false",
		// 100 ÷ 1000 = 0.1 < 0.5 → under-used; S3 (2000 − 1000) − 100 h × 2 = 800, ROI 800 ÷ 200 = 4.
		"K2 | kam | true | Marta | 1 | 1 | 0 | 100 | 100 | 1 | 1000 | 0.1 | 2000.000000 | 800.000000 | 200.0000 | 4 | false | true | false | false | false",
		// 11 key accounts > 10; 4 h ÷ the default 1600 = 0.0025; contribution −2 − 2 = −4 at 1 €/h, ROI −1.
		"K3 | kam | true | Marta | 11 | 11 | 0 | 4 | 4 | 1 | 1600 | 0.0025 | 0.000000 | -4.000000 | 4.0000 | -1 | false | true | true | false | true",
		// Only a non-key account: N1's margin 1000 − 1200 = −200 (K9's hours on it are uncosted).
		"K4 | kam | true | Marta | 1 | 0 | 1 | 0 | 0 | NULL | 1600 | 0 | 1000.000000 | -200.000000 | 0.0000 | NULL | false | true | false | true | true",
		// Logs 4 h on N1 without being in the kams file.
		"K9 | kam | false | NULL | 0 | 0 | 0 | 4 | 0 | 0 | 1600 | 0.0025 | 0.000000 | 0.000000 | 0.0000 | NULL | false | true | false | true | false",
	)
}

func TestAccountResources(t *testing.T) {
	t.Parallel()
	// matrix_split 0 puts every scored unit in the strategic quadrant, so service bands show.
	db := runFixture(t, resourcesFixture(), "2026-10", func(c *Config) { c.Params["matrix_split"] = 0 })
	got := rows(t, db, `select account_id, quadrant, hours, round(hours_share, 4), round(contribution_share, 4), round(service_index, 4),
			service_band, days_since_activity, is_key_without_kam, is_key_without_recent_activity
		from account_resources where account_id in ('S1', 'S2', 'S3', 'KX', 'N1', 'T01', 'T02', 'T03') order by account_id`)
	// All LTM hours: 80 + 40 + 30 + 100 + 2 + 2 + 4 = 258. Positive contributions: S1 5200, S2 4000,
	// S3 800, KX 500 − 300 = 200 → 10200.
	kamAssertRows(t, "account_resources", got,
		// No hours: 0 ÷ (200 ÷ 10200) = 0 → under-served; key without a KAM, never visited.
		"KX | strategic | 0 | 0 | 0.0196 | 0 | under_served | NULL | true | true",
		// Loss-making: no contribution share, no index, no band.
		"N1 | strategic | 4 | 0.0155 | NULL | NULL | NULL | 46 | false | false",
		// (80 ÷ 258) ÷ (5200 ÷ 10200) = 0.3101 ÷ 0.5098 = 0.6082 → balanced; last visit 2026-09-16, 45 days.
		"S1 | strategic | 80 | 0.3101 | 0.5098 | 0.6082 | balanced | 45 | false | false",
		// (40 ÷ 258) ÷ (4000 ÷ 10200) = 0.3953 < 0.5 → under-served.
		"S2 | strategic | 40 | 0.155 | 0.3922 | 0.3953 | under_served | 46 | false | false",
		// (100 ÷ 258) ÷ (800 ÷ 10200) = 4.9419 > 1.5 → over-served.
		"S3 | strategic | 100 | 0.3876 | 0.0784 | 4.9419 | over_served | 46 | false | false",
		// Last visit 2026-07-03: 120 days > 90 → without recent activity.
		"T01 | NULL | 2 | 0.0078 | NULL | NULL | NULL | 120 | false | true",
		// Last visit 2026-08-02: 90 days, still within inactive_days.
		"T02 | NULL | 2 | 0.0078 | NULL | NULL | NULL | 90 | false | false",
		"T03 | NULL | 0 | 0 | NULL | NULL | NULL | NULL | false | true",
	)
}

func TestResourcesBandOnlyStrategicAndStar(t *testing.T) {
	t.Parallel()
	// matrix_split 100: hardly any unit reaches the high side of both axes.
	db := runFixture(t, resourcesFixture(), "2026-10", func(c *Config) { c.Params["matrix_split"] = 100 })
	got := rows(t, db, `select count(*) filter (where service_index is not null), count(service_band)
		from account_resources where quadrant not in ('strategic', 'star')`)
	// S1, S2, S3 and KX have an index; none of them is strategic or star here, so no band.
	kamAssertRows(t, "bands outside strategic and star", got, "4 | 0")
}

func TestResourcesWithoutKeyFlags(t *testing.T) {
	t.Parallel()
	files := planFixture()
	files["clientes.csv"] = csvLines("account_id,account_name,parent_account_id,kam_id", "A1,Uno,,K1", "A1b,Uno Bis,A1,", "A2,Dos,,K1", "A3,Tres,,K2")
	db := runFixture(t, files, "2026-10", nil)
	// Which accounts are key is unknown: key figures are NULL and say why, never 0.
	got := rows(t, db, `select kam_id, accounts, key_accounts, other_accounts, has_no_key_accounts, list_contains(unavailable_inputs, 'key_accounts')
		from kam_performance where kam_id in ('K1', 'K2') order by kam_id`)
	kamAssertRows(t, "kam_performance without key flags", got, "K1 | 2 | NULL | NULL | NULL | true", "K2 | 1 | NULL | NULL | NULL | true")
	got = rows(t, db, `select account_id, is_key_without_kam, is_key_without_recent_activity from account_resources order by account_id`)
	kamAssertRows(t, "account_resources without key flags", got, "A1 | NULL | NULL", "A2 | NULL | NULL", "A3 | NULL | NULL")
	got = rows(t, db, `select scope, cast(revenue_ltm as varchar), nrr, revenue_at_risk, unavailable_inputs from portfolio_retention order by scope`)
	// All: 960 + 900 + 7000 + 100 = 8960; no prior-LTM revenue, so no NRR. The sales start
	// 2025-12, inside the LTM: none of the prior LTM is covered, so it says sales.prior_ltm too.
	kamAssertRows(t, "portfolio_retention without key flags", got,
		"all | 8960.000000 | NULL | NULL | [sales.prior_ltm key_accounts]",
		"key | NULL | NULL | NULL | [sales.prior_ltm key_accounts]")
}
