package pipeline

import (
	"fmt"
	"strings"
	"testing"
)

// The expected values below are worked out by hand in the comments next to
// them; they are never copied from a run. Helpers and fourUnits live in
// models_growth_test.go.

func TestPortfolioMatrixScores(t *testing.T) {
	t.Parallel()
	db := runFixture(t, fourUnits(), "2026-10", threeMonthTrend)
	// Growth scores from TestGrowthPotentialScore: A 95/3, B 162.5/3, C 17.5, D 100/3.
	// Fit and influence scaled (s − 1)/4 × 100: A 100, 50; B 0, —; C 50, 100; D —, 0.
	// LTM gross margin %: A 150/300 = 0.5, B 300/600 = 0.5, C 120/600 = 0.2, D has no cost → NULL;
	// ranks over 3: C 0, A and B tie at 50.
	// Share of wallet 300/1000 = 600/2000 = 0.3 → 30 for A, B, C; D has no wallet.
	// Stage: A integrated 100, B cooperative 50, C —, D basic 25.
	// Tenure to 2026-10-31: B since its first sale 2026-10 (30 days) < D 2025-10-31 < C 2024-10-31
	// < A 2020-10-31 → ranks 0, 100/3, 200/3, 100.
	// LTM activities: A 3, B 1, C 0, D 1 → C 0, B and D tie at 100/3, A 100.
	// Win rate: A 1 won of 2 → 50, B 1 of 1 → 100, C none closed → —, D 0 of 1 → 0.
	expectMartRow(t, db, "portfolio_matrix where account_id = 'A'", map[string]string{
		// (40 × 95/3 + 20 × 100 + 20 × 50 + 20 × 50)/100 = 158/3
		"attractiveness": wantNum((40*95.0/3 + 20*100 + 20*50 + 20*50) / 100),
		// (35 × 30 + 25 × 100 + 15 × 100 + 15 × 100 + 10 × 50)/100 = 70.5
		"relative_strength":      wantNum(70.5),
		"strategic_fit_score":    wantNum(100),
		"market_influence_score": wantNum(50),
		"gross_margin_pct":       wantNum(0.5),
		"gross_margin_pct_rank":  wantNum(50),
		"share_of_wallet_score":  wantNum(30),
		"relationship_score":     wantNum(100),
		"tenure_years":           wantNum(2191.0 / 365.25), // 2020-10-31 → 2026-10-31: 6 × 365 + 1 leap day
		"tenure_rank":            wantNum(100),
		"activities_ltm":         "3",
		"engagement_rank":        wantNum(100),
		"win_rate_score":         wantNum(50),
		"quadrant":               "strategic",
		"score_missing_inputs":   "[]",
		"net_contribution":       sqlNull, // no service costs file
		"abc_contribution":       sqlNull,
		// Revenue ABC: B 600, C 600, D 600 (ties by id), A 300 of 2100: 600/2100 A, 1200/2100 A,
		// 1800/2100 = 0.857 B, 2100/2100 C.
		"abc_revenue": "C",
	})
	expectMartRow(t, db, "portfolio_matrix where account_id = 'B'", map[string]string{
		// influence missing: (40 × 162.5/3 + 20 × 0 + 20 × 50)/(40 + 20 + 20)
		"attractiveness": wantNum((40*162.5/3 + 20*0 + 20*50) / 80),
		// (35 × 30 + 25 × 50 + 15 × 0 + 15 × 100/3 + 10 × 100)/100 = 38
		"relative_strength":    wantNum(38),
		"tenure_rank":          wantNum(0),
		"engagement_rank":      wantNum(100.0 / 3),
		"quadrant":             "streamline",
		"score_missing_inputs": "[market_influence]",
		"abc_revenue":          "A",
	})
	expectMartRow(t, db, "portfolio_matrix where account_id = 'C'", map[string]string{
		// (40 × 17.5 + 20 × 50 + 20 × 100 + 20 × 0)/100 = 37
		"attractiveness": wantNum(37),
		// stage and win rate missing: (35 × 30 + 15 × 200/3 + 15 × 0)/(35 + 15 + 15) = 2050/65
		"relative_strength":    wantNum(2050.0 / 65),
		"tenure_years":         wantNum(730.0 / 365.25),
		"activities_ltm":       "0",
		"engagement_rank":      wantNum(0),
		"win_rate_score":       sqlNull,
		"score_missing_inputs": "[relationship_stage, win_rate]",
		"abc_revenue":          "A",
	})
	expectMartRow(t, db, "portfolio_matrix where account_id = 'D'", map[string]string{
		// fit and margin missing: (40 × 100/3 + 20 × 0)/(40 + 20)
		"attractiveness": wantNum((40 * 100.0 / 3) / 60),
		// wallet missing: (25 × 25 + 15 × 100/3 + 15 × 100/3 + 10 × 0)/(25 + 15 + 15 + 10) = 25
		"relative_strength":    wantNum(25),
		"gross_margin_pct":     sqlNull,
		"quadrant":             "streamline",
		"score_missing_inputs": "[strategic_fit, gross_margin_pct, share_of_wallet]",
		"abc_revenue":          "B",
	})
}

func TestPortfolioMatrixQuadrantAtSplit(t *testing.T) {
	t.Parallel()
	// Only strategic_fit weighs on attractiveness and only the relationship stage on strength,
	// so fit 3 → (3 − 1)/4 × 100 = 50 and cooperative → 50 sit exactly at the split (≥ is high).
	zero := func(c *Config) {
		for _, k := range []string{"matrix_weight_growth", "matrix_weight_influence", "matrix_weight_margin",
			"matrix_weight_wallet", "matrix_weight_tenure", "matrix_weight_engagement", "matrix_weight_win_rate"} {
			c.Params[k] = 0
		}
	}
	db := runFixture(t, map[string]string{
		"accounts.csv": csvLines("account_id,account_name,strategic_fit,relationship_stage",
			"Q1,Uno,3,cooperative", "Q2,Dos,3,basic", "Q3,Tres,2,cooperative", "Q4,Cuatro,2,basic", "Q5,Cinco,,cooperative"),
		"sales.csv": csvLines("invoice_id,invoice_date,account_id,net_amount",
			"I1,2026-10-01,Q1,100", "I2,2026-10-01,Q2,100", "I3,2026-10-01,Q3,100", "I4,2026-10-01,Q4,100", "I5,2026-10-01,Q5,100"),
	}, "2026-10", zero)
	got := rows(t, db, "select account_id, coalesce(quadrant, 'NULL'), coalesce(cast(attractiveness as varchar), 'NULL'), cast(relative_strength as varchar) from portfolio_matrix order by account_id")
	// Q1 (50, 50) strategic; Q2 (50, 25) star; Q3 (25, 50) status; Q4 (25, 25) streamline;
	// Q5 has no fit and every other attractiveness weight is 0 → no score, no quadrant.
	want := [][]string{
		{"Q1", "strategic", "50.0", "50.0"}, {"Q2", "star", "50.0", "25.0"}, {"Q3", "status", "25.0", "50.0"},
		{"Q4", "streamline", "25.0", "25.0"}, {"Q5", "NULL", "NULL", "50.0"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("quadrants:\n got %v\nwant %v", got, want)
	}
}

// abcUnits: six units whose LTM net contribution is 300, 100, 75, 25, −10
// and 0 (cost 0 on every line, activity time uncosted, one service cost
// of 20 on U5), with a prior-year sale for U1.
func abcUnits() map[string]string {
	return map[string]string{
		"accounts.csv": csvLines("account_id,account_name,segment,region,is_key_account",
			"U1,Uno,S1,North,yes", "U2,Dos,S1,,no", "U3,Tres,S2,North,no", "U4,Cuatro,S2,South,no",
			"U5,Cinco,,South,no", "U6,Seis,S1,North,yes"),
		"sales.csv": csvLines("invoice_id,invoice_date,account_id,net_amount,cost_amount",
			"S1,2026-10-05,U1,300,0", "S2,2026-10-05,U2,100,0", "S3,2026-10-05,U3,75,0",
			"S4,2026-10-05,U4,25,0", "S5,2026-10-05,U5,10,0", "P1,2025-10-05,U1,200,0"),
		"activities.csv":    csvLines("activity_id,activity_date,account_id,activity_type,duration_hours", "T1,2026-10-01,U1,visit,1"),
		"service_costs.csv": csvLines("account_id,cost_date,cost_type,amount", "U5,2026-10-15,support,20"),
	}
}

func TestPortfolioABC(t *testing.T) {
	t.Parallel()
	db := runFixture(t, abcUnits(), "2026-10", nil)
	// Contribution: positives 300 + 100 + 75 + 25 = 500; cumulative 0.6 A, 0.8 A (≤ 0.80),
	// 0.95 B (≤ 0.95), 1.0 C; U5 (−10) and U6 (0) are C.
	// Revenue: 300, 100, 75, 25, 10 of 510: 0.588 A, 0.784 A, 0.931 B, 0.980 C, 1 C; U6 0 → C.
	got := rows(t, db, "select account_id, cast(net_contribution as varchar), abc_contribution, abc_revenue from portfolio_matrix order by account_id")
	want := [][]string{
		{"U1", "300.000000", "A", "A"}, {"U2", "100.000000", "A", "A"}, {"U3", "75.000000", "B", "B"},
		{"U4", "25.000000", "C", "C"}, {"U5", "-10.000000", "C", "C"}, {"U6", "0.000000", "C", "C"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("abc:\n got %v\nwant %v", got, want)
	}
}

func TestPortfolioMix(t *testing.T) {
	t.Parallel()
	// The sales cover the whole prior LTM (2024-11..2025-10) from its first month: U4's sale
	// of 25 on 2024-11-05 makes the change comparable.
	files := abcUnits()
	files["sales.csv"] += "P0,2024-11-05,U4,25,0\n"
	db := runFixture(t, files, "2026-10", nil)
	// Universe: U1..U5 (LTM revenue) and U6 (key): 6 units, revenue 510, net contribution 490.
	// key = U1, U6: revenue 300, contribution 300, 1 KAM hour, cost to serve 0, prior 200 → +50 %.
	expectMartRow(t, db, "portfolio_mix where dimension = 'key_account' and value = 'key'", map[string]string{
		"accounts": "2", "accounts_share": wantNum(2.0 / 6), "revenue_ltm": "300.0000", "revenue_share": wantNum(300.0 / 510),
		"net_contribution": "300.0000", "contribution_share": wantNum(300.0 / 490), "kam_hours": "1", "cost_to_serve": "0",
		"revenue_prior_ltm": "200.0000", "revenue_change_pct": wantNum(300.0/200 - 1), "not_comparable_reason": sqlNull, "period": "2026-10",
	})
	// other = U2..U5: revenue 210, contribution 100 + 75 + 25 − 10 = 190, cost to serve 20,
	// prior 25 (U4) → 210 ÷ 25 − 1 = +740 %.
	expectMartRow(t, db, "portfolio_mix where dimension = 'key_account' and value = 'other'", map[string]string{
		"accounts": "4", "revenue_ltm": "210.0000", "net_contribution": "190.0000", "contribution_share": wantNum(190.0 / 490),
		"kam_hours": "0", "cost_to_serve": "20", "revenue_prior_ltm": "25.0000", "revenue_change_pct": wantNum(210.0/25 - 1),
	})
	// segment S1 = U1, U2, U6: 400, prior 200 → +100 %; U5 has no segment; S2 = U3, U4: 100, no
	// prior but U4's 25 → 100 ÷ 25 − 1 = +300 %.
	expectMartRow(t, db, "portfolio_mix where dimension = 'segment' and value = 'S1'", map[string]string{
		"accounts": "3", "revenue_ltm": "400.0000", "revenue_change_pct": wantNum(1),
	})
	expectMartRow(t, db, "portfolio_mix where dimension = 'segment' and value = 'S2'", map[string]string{
		"accounts": "2", "revenue_ltm": "100.0000", "revenue_prior_ltm": "25.0000", "revenue_change_pct": wantNum(3),
	})
	expectMartRow(t, db, "portfolio_mix where dimension = 'segment' and value = '(unknown)'", map[string]string{
		"accounts": "1", "revenue_ltm": "10.0000", "net_contribution": "-10.0000", "cost_to_serve": "20",
	})
	// region South = U4, U5: 35, contribution 25 − 10 = 15; U2 has no region.
	expectMartRow(t, db, "portfolio_mix where dimension = 'region' and value = 'South'", map[string]string{
		"accounts": "2", "revenue_ltm": "35.0000", "net_contribution": "15.0000",
	})
	expectMartRow(t, db, "portfolio_mix where dimension = 'region' and value = '(unknown)'", map[string]string{"accounts": "1", "revenue_ltm": "100.0000"})
	expectMartRow(t, db, "portfolio_mix where dimension = 'industry'", map[string]string{"value": "(unknown)", "accounts": "6", "accounts_share": wantNum(1)})
}

// TestPortfolioPriorLTMPartial: abcUnits' sales start 2025-10, the last month of the prior
// LTM (2024-11..2025-10), and cover all 12 months of the LTM: 1 of 12 against 12 of 12. U1's
// 200 of 2025-10 is only part of what the prior LTM held, so every figure that compares the
// two windows is NULL and says why, instead of +50 % and five "new" accounts.
func TestPortfolioPriorLTMPartial(t *testing.T) {
	t.Parallel()
	db := runFixture(t, abcUnits(), "2026-10", nil)
	expectMartRow(t, db, "portfolio_mix where dimension = 'key_account' and value = 'key'", map[string]string{
		"revenue_ltm": "300.0000", "revenue_prior_ltm": "200.0000", "revenue_change_pct": sqlNull, "not_comparable_reason": "sales",
	})
	expectMartRow(t, db, "portfolio_mix where dimension = 'segment' and value = 'S1'", map[string]string{
		"revenue_ltm": "400.0000", "revenue_change_pct": sqlNull, "not_comparable_reason": "sales",
	})
	got := rows(t, db, `select scope, accounts, cast(revenue_ltm as varchar), cast(revenue_prior_ltm as varchar),
			base_accounts, base_revenue_prior_ltm, base_revenue_ltm, retained_revenue, nrr, grr,
			new_accounts, new_revenue, lost_accounts, lost_revenue, unavailable_inputs
		from portfolio_retention order by scope`)
	// Single-window figures stay (6 units, 510 LTM, U1's 200 prior; key U1 + U6: 300 and 200).
	kamAssertRows(t, "portfolio_retention with a partial prior LTM", got,
		"all | 6 | 510.000000 | 200.000000 | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | [sales.prior_ltm]",
		"key | 2 | 300.000000 | 200.000000 | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | [sales.prior_ltm]")
	got = rows(t, db, `select kpi, value from kpi_summary where kpi in ('nrr', 'grr') order by kpi`)
	kamAssertRows(t, "kpi_summary nrr and grr", got, "grr | NULL", "nrr | NULL")
}

func TestPortfolioTrend(t *testing.T) {
	t.Parallel()
	db := runFixture(t, abcUnits(), "2026-10", nil)
	// 2026-10, all: revenue 510, margin 510 − 0, contribution 510 − 0 activity − 20 service = 490;
	// LTM 510; HHI 10,000 × (300² + 100² + 75² + 25² + 10²)/510² = 10,000 × 106,350/260,100.
	expectMartRow(t, db, "portfolio_trend where scope = 'all' and month = date '2026-10-01'", map[string]string{
		"revenue": "510.0000", "gross_margin": "510.0000", "net_contribution": "490.0000",
		"revenue_ltm": "510.0000", "hhi_ltm": wantNum(10000.0 * 106350 / 260100),
	})
	// Key (U1, U6): 300 of revenue, margin and contribution; U1 alone has LTM revenue → HHI 10,000.
	expectMartRow(t, db, "portfolio_trend where scope = 'key' and month = date '2026-10-01'", map[string]string{
		"revenue": "300.0000", "net_contribution": "300.0000", "revenue_ltm": "300.0000", "hhi_ltm": wantNum(10000),
	})
	// 2026-09 has no sales: 0 for the month; its LTM (2025-10..2026-09) holds U1's 200.
	expectMartRow(t, db, "portfolio_trend where scope = 'all' and month = date '2026-09-01'", map[string]string{
		"revenue": "0.0000", "gross_margin": "0.0000", "net_contribution": "0.0000", "revenue_ltm": "200.0000", "hhi_ltm": wantNum(10000),
	})
	// 2024-11, the first of the 24 months: nothing in its LTM → revenue 0, HHI NULL.
	expectMartRow(t, db, "portfolio_trend where scope = 'all' and month = date '2024-11-01'", map[string]string{
		"revenue_ltm": "0.0000", "hhi_ltm": sqlNull,
	})
	// 24 months per scope, and the last twelve months' contribution ties to account_profitability.
	if got := one(t, db, "select string_agg(scope || ':' || n, ',' order by scope) from (select scope, count(*) as n from portfolio_trend group by scope)"); got != "all:24,key:24" {
		t.Errorf("trend months: %s", got)
	}
	if got := one(t, db, `select (select sum(net_contribution) from portfolio_trend where scope = 'all' and month > date '2025-10-01')
		= (select sum(net_contribution) from account_profitability where time_window = 'ltm')`); got != "true" {
		t.Errorf("trend contribution does not tie to account_profitability: %s", got)
	}
}

// concentrationUnits: key units with LTM revenue 30, 20, 10 × 5 and one
// key unit without sales; ten other units of 4; one unit with only a
// credit note of −5; prior LTM: K1 50, K2 50.
func concentrationUnits() map[string]string {
	acc := []string{"account_id,account_name,is_key_account"}
	sales := []string{"invoice_id,invoice_date,account_id,net_amount"}
	for i, r := range []string{"30", "20", "10", "10", "10", "10", "10"} {
		id := "K" + string(rune('1'+i))
		acc = append(acc, id+","+id+",yes")
		sales = append(sales, "S"+id+",2026-10-01,"+id+","+r)
	}
	acc = append(acc, "K8,K8,yes", "X1,X1,no")
	sales = append(sales, "SX1,2026-10-01,X1,-5", "PK1,2025-10-01,K1,50", "PK2,2025-10-01,K2,50")
	for i := 0; i < 10; i++ {
		id := "N" + string(rune('0'+i))
		acc = append(acc, id+","+id+",no")
		sales = append(sales, "S"+id+",2026-10-01,"+id+",4")
	}
	return map[string]string{"accounts.csv": csvLines(acc...), "sales.csv": csvLines(sales...)}
}

func TestPortfolioConcentration(t *testing.T) {
	t.Parallel()
	db := runFixture(t, concentrationUnits(), "2026-10", nil)
	// All, over the 17 units with LTM revenue > 0 (X1's −5 is out): total 140;
	// top1 30/140; top5 (30 + 20 + 10 + 10 + 10)/140; top10 (30 + 20 + 5 × 10 + 3 × 4)/140 = 0.8;
	// HHI 10,000 × (900 + 400 + 5 × 100 + 10 × 16)/140² = 10,000 × 1960/19,600 = 1000 → moderate
	// (unconcentrated is below 1000). Prior: K1 50, K2 50 → 10,000 × 5000/10,000 = 5000.
	expectMartRow(t, db, "portfolio_concentration where scope = 'all'", map[string]string{
		"accounts": "17", "revenue_ltm": "140.0000", "top1_share": wantNum(30.0 / 140), "top5_share": wantNum(80.0 / 140),
		"top10_share": wantNum(0.8), "hhi": wantNum(1000), "hhi_band": "moderate", "hhi_prior_ltm": wantNum(5000),
		"key_accounts": sqlNull, "within_guidance": sqlNull, "period": "2026-10",
	})
	// Key: 7 units with revenue, total 100: top1 0.3, top5 0.8, top10 1;
	// HHI 10,000 × (900 + 400 + 500)/100² = 1800 → moderate (high is above 1800).
	// 8 designated key units (K8 has no sales), below the 15–35 guidance.
	expectMartRow(t, db, "portfolio_concentration where scope = 'key'", map[string]string{
		"accounts": "7", "revenue_ltm": "100.0000", "top1_share": wantNum(0.3), "top5_share": wantNum(0.8), "top10_share": wantNum(1),
		"hhi": wantNum(1800), "hhi_band": "moderate", "hhi_prior_ltm": wantNum(5000), "key_accounts": "8", "within_guidance": "false",
	})
	// The trend's last month agrees: LTM revenue of all units 140 − 5 = 135, HHI 1000; key 100, 1800.
	expectMartRow(t, db, "portfolio_trend where scope = 'all' and month = date '2026-10-01'", map[string]string{"revenue_ltm": "135.0000", "hhi_ltm": wantNum(1000)})
	expectMartRow(t, db, "portfolio_trend where scope = 'key' and month = date '2026-10-01'", map[string]string{"revenue_ltm": "100.0000", "hhi_ltm": wantNum(1800)})

	// Moving the thresholds around the same HHIs: 1000 < 1001 → unconcentrated; 1800 > 1799 → high;
	// 8 key units within a guidance of 8–35.
	db = runFixture(t, concentrationUnits(), "2026-10", func(c *Config) {
		c.Params["hhi_moderate_from"] = 1001
		c.Params["hhi_high_above"] = 1799
		c.Params["key_accounts_min"] = 8
	})
	expectMartRow(t, db, "portfolio_concentration where scope = 'all'", map[string]string{"hhi_band": "unconcentrated"})
	expectMartRow(t, db, "portfolio_concentration where scope = 'key'", map[string]string{"hhi_band": "high", "within_guidance": "true"})
}

// Selection scores of fourUnits (no net contribution: its weight is shared out):
// revenue A 300, B C D 600 → A 0, the tie 100/3 each;
// growth (A 95/3, B 162.5/3, C 17.5, D 100/3) → C 0, A 100/3, D 200/3, B 100;
// influence (A 3, C 5, D 1) → D 0, A 50, C 100; fit (A 5, B 1, C 3) → B 0, C 50, A 100.
var (
	selA = (25*0 + 30*100.0/3 + 15*50 + 15*100) / 85 // 3250/85 = 38.24
	selB = (25*100.0/3 + 30*100 + 15*0) / 70         // 11500/210 = 54.76
	selC = (25*100.0/3 + 30*0 + 15*100 + 15*50) / 85 // 9250/255 = 36.27
	selD = (25*100.0/3 + 30*200.0/3 + 15*0) / 70     // 8500/210 = 40.48
)

func TestPortfolioSelection(t *testing.T) {
	t.Parallel()
	db := runFixture(t, fourUnits(), "2026-10", threeMonthTrend)
	// Defaults (recommended from 60, review below 40): nobody is recommended;
	// A (key, 38.2) and C (key, 36.3) review, D (key, 40.5) hold, B (not key) none.
	got := rows(t, db, "select account_id, recommendation, is_recommended, selection_rank from account_selection order by account_id")
	want := [][]string{{"A", "review", "false", "3"}, {"B", "none", "false", "1"}, {"C", "review", "false", "4"}, {"D", "hold", "false", "2"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("selection, defaults:\n got %v\nwant %v", got, want)
	}
	expectMartRow(t, db, "account_selection where account_id = 'A'", map[string]string{
		"selection_score": wantNum(selA), "revenue_rank": wantNum(0), "growth_rank": wantNum(100.0 / 3), "influence_rank": wantNum(50),
		"fit_rank": wantNum(100), "profit_rank": sqlNull, "score_missing_inputs": "[net_contribution]",
		"unavailable_inputs": "[net_contribution]",
	})
	expectMartRow(t, db, "account_selection where account_id = 'B'", map[string]string{
		"selection_score": wantNum(selB), "influence_rank": sqlNull, "score_missing_inputs": "[market_influence, net_contribution]",
	})
	expectMartRow(t, db, "account_selection where account_id = 'C'", map[string]string{"selection_score": wantNum(selC)})
	expectMartRow(t, db, "account_selection where account_id = 'D'", map[string]string{"selection_score": wantNum(selD)})

	// Recommended from 40, review below 37: B (54.8, not key) promote, D (40.5, key) confirm,
	// A (38.2, key) hold, C (36.3, key) review.
	db = runFixture(t, fourUnits(), "2026-10", func(c *Config) {
		threeMonthTrend(c)
		c.Params["selection_recommend_from"] = 40
		c.Params["selection_review_below"] = 37
	})
	got = rows(t, db, "select account_id, recommendation from account_selection order by account_id")
	want = [][]string{{"A", "hold"}, {"B", "promote"}, {"C", "review"}, {"D", "confirm"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("selection, thresholds 40/37:\n got %v\nwant %v", got, want)
	}

	// The top 2 instead of the threshold: B and D are recommended although below 60.
	db = runFixture(t, fourUnits(), "2026-10", func(c *Config) {
		threeMonthTrend(c)
		c.Params["selection_top_n"] = 2
	})
	got = rows(t, db, "select account_id, recommendation from account_selection order by account_id")
	want = [][]string{{"A", "review"}, {"B", "promote"}, {"C", "review"}, {"D", "confirm"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("selection, top 2:\n got %v\nwant %v", got, want)
	}
}

// An account whose key flag is blank while other accounts are flagged is not
// a key account: before, its unit's flag was NULL, so it was in neither the
// key nor the other scope and portfolio_profitability_ties failed the run.
func TestBlankKeyFlagBesideFlags(t *testing.T) {
	t.Parallel()
	files := fixtureFiles(t)
	// X9 is the fixture's unknown customer (one line: 2026-10-28, 500.00):
	// now an account of its own, flag left blank.
	files["accounts.csv"] = strings.TrimRight(files["accounts.csv"], "\n") + "\nX9,Nueve,,Retail,Food,East,ES,K2,,,,,20000,\n"
	db := runFixture(t, files, "2026-10", nil)
	got := rows(t, db, `select account_id, is_key_account, cast(revenue as decimal(18,2)) from account_profitability
		where account_id = 'X9' and time_window = 'month'`)
	kamAssertRows(t, "X9 in account_profitability", got, "X9 | false | 500")
	// Month: key G1 13,000 + G2 0; other S1 1,400 + X9 500; all 14,900.
	got = rows(t, db, `select scope, cast(revenue as decimal(18,2)) from portfolio_profitability
		where time_window = 'month' order by scope`)
	kamAssertRows(t, "portfolio month by scope", got, "all | 14900", "key | 13000", "other | 1900")
}
