package pipeline

import (
	"fmt"
	"strings"
	"testing"
)

// kamAssertRows compares a query's rows with want, each row written as its
// values joined by " | ".
func kamAssertRows(t *testing.T, label string, got [][]string, want ...string) {
	t.Helper()
	var lines []string
	for _, r := range got {
		lines = append(lines, strings.Join(r, " | "))
	}
	if g, w := strings.Join(lines, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("%s:\n got:\n%s\nwant:\n%s", label, g, w)
	}
}

// planFixture: period 2026-10, fiscal year = calendar year (FY 2026 is
// Jan–Dec 2026; the LTM is Nov 2025–Oct 2026). Unit A1 = A1 + its child
// A1b; A2 and A3 stand alone. KAM K1 owns A1 and A2, K2 owns A3.
func planFixture() map[string]string {
	sales := []string{"invoice_id,invoice_date,account_id,net_amount,cost_amount",
		"F01,2026-10-05,A1,960,600",
		"F02,2025-12-10,A2,900,600",
		"F03,2026-10-05,A3,100,50",
	}
	// A2 buys 700 (cost 500) in each month Jan–Oct 2026: 7000 revenue, 2000 margin.
	for m := 1; m <= 10; m++ {
		sales = append(sales, fmt.Sprintf("G%02d,2026-%02d-15,A2,700,500", m, m))
	}
	return map[string]string{
		"clientes.csv": csvLines("account_id,account_name,parent_account_id,kam_id,is_key_account",
			"A1,Uno,,K1,yes", "A1b,Uno Bis,A1,,no", "A2,Dos,,K1,yes", "A3,Tres,,K2,no"),
		"gestores.csv": csvLines("kam_id,kam_name,role,manager_id,annual_cost,capacity_hours",
			"K1,Ana,kam,D1,80000,1600", "K2,Luis,kam,D1,60000,1200", "D1,Marta,director,,120000,1600"),
		"ventas.csv": csvLines(sales...),
		"objetivos.csv": csvLines("account_id,period,revenue_target,margin_target",
			"A1,2026-Q4,2400,", // quarter, one month of three elapsed
			"A1b,2026-Q4,600,", // rolls up into unit A1
			"A1,2026-10,1200,", // month target inside the quarter
			"A2,2026,12000,3000",
			"A2,2025-12,800,",  // previous fiscal year, ended within the LTM
			"A2,2025-06,500,",  // ended before the LTM: left out
			"A2,2027-Q1,900,",  // after the fiscal year: left out
			"A3,2026-12,500,"), // future: not_started
		"oportunidades.csv": csvLines("opportunity_id,account_id,close_date,status,amount,probability",
			"O1,A1,2026-11-15,open,4080,0.5", // 2040 weighted
			"O2,A1,2028-01-15,open,1000,0.9", // beyond the 12-month horizon
			"O3,A1b,2026-11-01,open,700,",    // no probability: left out
			"O4,A2,2026-09-30,won,5000,1"),   // closed
	}
}

func TestPlanVsActual(t *testing.T) {
	t.Parallel()
	db := runFixture(t, planFixture(), "2026-10", func(c *Config) { c.Params["health_weight_revenue_trend"] = 0 })

	got := rows(t, db, `select account_id, target_period, months, months_elapsed,
			cast(revenue_target as varchar), cast(revenue_actual as varchar), cast(target_to_date as varchar),
			round(attainment_pct, 4), cast(remaining_gap as varchar), cast(margin_actual as varchar),
			round(margin_attainment_pct, 4), cast(weighted_pipeline as varchar), round(gap_covered_by_pipeline, 4),
			status, is_partial, is_closed, is_gap_counted, cast(pipeline_applied as varchar)
		from plan_vs_actual order by account_id, target_period`)
	kamAssertRows(t, "plan_vs_actual", got,
		// Month target, closed at the end of P: final 960 ÷ 1200 = 0.80 → missed; nothing remains to
		// close. Margin 960 − 600 = 360; weighted pipeline 4080 × 0.5 = 2040 (O2 beyond the horizon,
		// O3 without probability), set against no closed period.
		"A1 | 2026-10 | 1 | 1 | 1200.0000 | 960.0000 | 1200.0000 | 0.8 | NULL | 360.0000 | NULL | 2040.0000 | NULL | missed | false | true | false | NULL",
		// Quarter: 2400 + 600 (A1b) = 3000; to date 3000 × 1 ÷ 3 = 1000; 960 ÷ 1000 = 0.96 → on_track;
		// remaining gap 3000 − 960 = 2040, A1's only open gap: the pipeline 2040 goes to it once,
		// covered 2040 ÷ 2040 = 1 (it used to count for the month's gap as well).
		"A1 | 2026-Q4 | 3 | 1 | 3000.0000 | 960.0000 | 1000.0000 | 0.96 | 2040.0000 | 360.0000 | NULL | 2040.0000 | 1 | on_track | true | false | true | 2040.0000",
		// Past month of the prior fiscal year, closed: final 900 ÷ 800 = 1.125 → met; margin 900 − 600.
		"A2 | 2025-12 | 1 | 1 | 800.0000 | 900.0000 | 800.0000 | 1.125 | NULL | 300.0000 | NULL | 0.0000 | NULL | met | false | true | false | NULL",
		// Year: to date 12000 × 10 ÷ 12 = 10000; 7000 ÷ 10000 = 0.70 → off_track; remaining 5000;
		// margin 10 × 200 = 2000 against 3000 × 10 ÷ 12 = 2500 → 0.8; no open pipeline → 0 ÷ 5000 = 0.
		"A2 | 2026 | 12 | 10 | 12000.0000 | 7000.0000 | 10000.0000 | 0.7 | 5000.0000 | 2000.0000 | 0.8 | 0.0000 | 0 | off_track | true | false | true | 0.0000",
		// December target: nothing elapsed, so no actual (the October sale is outside its span); open.
		"A3 | 2026-12 | 1 | 0 | 500.0000 | 0.0000 | 0.0000 | NULL | 500.0000 | 0.0000 | NULL | 0.0000 | 0 | not_started | false | false | true | 0.0000",
	)

	// Fiscal year to date per KAM: in October A1 takes its month target 1200 (finer than the
	// quarter's 2400 ÷ 3 = 800) plus A1b's quarter share 600 ÷ 3 = 200 → 1400; A2 takes
	// 12000 × 10 ÷ 12 = 10000. K1: target 11400, actual 960 + 7000 = 7960, 7960 ÷ 11400 = 0.6982.
	// K2's A3 has only a December target: no plan to date.
	got = rows(t, db, `select kam_id, cast(plan_target as varchar), cast(plan_actual as varchar), round(plan_attainment_pct, 4),
			cast(revenue_ltm as varchar), unavailable_inputs
		from kam_performance order by kam_id`)
	kamAssertRows(t, "kam_performance plan", got,
		"D1 | NULL | NULL | NULL | 0.000000 | [activities service_costs]",
		// revenue_ltm 960 + 900 + 7000 = 8860.
		"K1 | 11400.0000 | 7960.000000 | 0.6982 | 8860.000000 | [activities service_costs]",
		"K2 | NULL | NULL | NULL | 100.000000 | [activities service_costs]",
	)

	// Health with the revenue-trend weight at 0 and no activities file: plan 20, pipeline 15.
	got = rows(t, db, `select account_id, round(plan_score, 4), cast(plan_remaining_gap as varchar), round(pipeline_score, 4),
			round(health_score, 4), health_band, score_missing_inputs, is_revenue_at_risk
		from account_health order by account_id`)
	kamAssertRows(t, "account_health plan and pipeline", got,
		// plan 960 ÷ 1400 = 68.5714; FY target 1200 + 800 + 800 + 600 = 3400, remaining 3400 − 960 = 2440,
		// pipeline 2040 ÷ 2440 = 83.6066; health (20 × 68.5714 + 15 × 83.6066) ÷ 35 = 75.0151.
		"A1 | 68.5714 | 2440.0000 | 83.6066 | 75.0151 | healthy | [margin_trend activity] | false",
		// plan 7000 ÷ 10000 = 70; remaining 12000 − 7000 = 5000, pipeline 0; health 20 × 70 ÷ 35 = 40 → needs_attention (≥ 40).
		"A2 | 70 | 5000.0000 | 0 | 40 | needs_attention | [margin_trend activity] | false",
		// no plan to date; remaining 500 with no pipeline → 0; health 0 (not a key account: not at risk).
		"A3 | NULL | 500.0000 | 0 | 0 | at_risk | [margin_trend activity plan] | false",
	)
}

func TestPlanWithoutTargets(t *testing.T) {
	t.Parallel()
	files := planFixture()
	delete(files, "objetivos.csv")
	db := runFixture(t, files, "2026-10", nil)

	if n := one(t, db, "select count(*) from plan_vs_actual"); n != "0" {
		t.Errorf("plan_vs_actual without targets: %s rows, want 0", n)
	}
	got := rows(t, db, `select kam_id, plan_target, plan_actual, plan_attainment_pct, list_contains(unavailable_inputs, 'targets')
		from kam_performance where kam_id = 'K1'`)
	kamAssertRows(t, "kam_performance without targets", got, "K1 | NULL | NULL | NULL | true")
	got = rows(t, db, `select account_id, plan_score, pipeline_score, list_contains(score_missing_inputs, 'plan'),
			list_contains(unavailable_inputs, 'targets')
		from account_health where account_id = 'A1'`)
	kamAssertRows(t, "account_health without targets", got, "A1 | NULL | NULL | true | true")
}

// TestPlanPipelineOnce: one pipeline is never set against two gaps. A3 has
// two open months (November 500, December 500, neither started) and a
// weighted pipeline of 1400 × 0.5 = 700: November, ending first, takes 500,
// December the 200 left (covered 0.4), and together they never exceed the
// pipeline. A quarter around them would take it all, the months none.
func TestPlanPipelineOnce(t *testing.T) {
	t.Parallel()
	files := planFixture()
	files["objetivos.csv"] = csvLines("account_id,period,revenue_target", "A3,2026-11,500", "A3,2026-12,500")
	files["oportunidades.csv"] = csvLines("opportunity_id,account_id,close_date,status,amount,probability", "O1,A3,2026-12-15,open,1400,0.5")
	db := runFixture(t, files, "2026-10", nil)
	q := `select target_period, cast(remaining_gap as varchar), is_gap_counted, cast(pipeline_applied as varchar), round(gap_covered_by_pipeline, 4)
		from plan_vs_actual where account_id = 'A3' order by target_period`
	kamAssertRows(t, "two open months", rows(t, db, q),
		"2026-11 | 500.0000 | true | 500.0000 | 1",
		"2026-12 | 500.0000 | true | 200.0000 | 0.4",
	)

	// With the fourth quarter (1500) around them, only the quarter's gap counts: 700 of 1500.
	files["objetivos.csv"] = csvLines("account_id,period,revenue_target", "A3,2026-11,500", "A3,2026-12,500", "A3,2026-Q4,1500")
	db = runFixture(t, files, "2026-10", nil)
	kamAssertRows(t, "months inside an open quarter", rows(t, db, q),
		"2026-11 | 500.0000 | false | NULL | NULL",
		"2026-12 | 500.0000 | false | NULL | NULL",
		// Q4: to date 1500 × 1 ÷ 3 = 500, A3 bought 100 in October → remaining 1400; 700 ÷ 1400 = 0.5.
		"2026-Q4 | 1400.0000 | true | 700.0000 | 0.5",
	)
}
