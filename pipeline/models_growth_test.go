package pipeline

import (
	"database/sql"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The expected values below are worked out by hand in the comments next to
// them; they are never copied from a run.

// expectMartRow compares one row of a mart, selected by "mart where …",
// column by column with want. Values compare as text after a cast to
// varchar ("NULL" for NULL, lists as "[a, b]"), or as numbers within a
// relative 1e-9 when both sides are numbers.
func expectMartRow(t *testing.T, db *sql.DB, from string, want map[string]string) {
	t.Helper()
	cols := make([]string, 0, len(want))
	for c := range want {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	exprs := make([]string, len(cols))
	for i, c := range cols {
		exprs[i] = "cast(" + c + " as varchar)"
	}
	rs := rows(t, db, "select "+strings.Join(exprs, ", ")+" from "+from)
	if len(rs) != 1 {
		t.Errorf("%s: want one row, got %d", from, len(rs))
		return
	}
	for i, c := range cols {
		if !sameMartValue(rs[0][i], want[c]) {
			t.Errorf("%s: %s = %s, want %s", from, c, rs[0][i], want[c])
		}
	}
}

func sameMartValue(got, want string) bool {
	if got == want {
		return true
	}
	g, err1 := strconv.ParseFloat(got, 64)
	w, err2 := strconv.ParseFloat(want, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	return math.Abs(g-w) <= 1e-9*math.Max(1, math.Abs(w))
}

// num formats an expected number.
func wantNum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

const sqlNull = "NULL"

func TestGrowthRevenueWalletAndPipeline(t *testing.T) {
	t.Parallel()
	db := runFixture(t, map[string]string{
		"accounts.csv": csvLines("account_id,account_name,segment,wallet_estimate,is_key_account",
			"A,Alfa,S,1000,yes",
			"B,Beta,S,,no",
			"N,Nueva,S,500,no",
			"Z,Cero,S,2000,yes",
			"H,Media,S,1000,no",
			"W,Ballena,S,1000,no",
			"L,Baja,S,1000,no"),
		"sales.csv": csvLines("invoice_id,invoice_date,account_id,net_amount",
			"I1,2022-11-15,A,100", // the company's first sale: 48 months of history to 2026-10
			"I2,2025-10-15,A,200",
			"I3,2026-10-15,A,800",
			"I4,2025-06-15,B,300",
			"I5,2026-01-15,B,300",
			"I6,2026-09-15,N,50",
			"I7,2026-10-01,H,600",
			"I8,2026-10-01,W,1200",
			"I9,2026-10-01,L,50"),
		"opportunities.csv": csvLines("opportunity_id,account_id,close_date,status,amount,probability",
			"O1,A,2026-11-15,open,1000,0.5",
			"O2,A,2027-09-30,open,200,0.25", // last day of the 12-month horizon from 2026-10-01
			"O3,A,2027-10-01,open,999,0.9",  // after the horizon
			"O4,A,2026-09-30,open,999,0.9",  // before P: overdue, not pipeline
			"O5,A,2027-01-10,open,400,",     // no probability: counted apart
			"O6,A,2026-03-01,won,300,1",
			"O7,A,2025-01-01,lost,100,0",
			"O8,A,2024-10-31,lost,5000,0", // a day before the 24 months ending P
			"O9,A,2024-11-01,won,100,1",   // first day of the 24 months
			"O10,XX,2026-11-01,open,100,0.5"),
	}, "2026-10", nil)

	// A: LTM (2025-11..2026-10) 800, prior (2024-11..2025-10) 200 → growth 800/200 − 1 = 3.
	// 48 months of history → span 3; LTM three years earlier (2022-11..2023-10) = 100:
	// cagr = (800/100)^(1/3) − 1 = 2 − 1 = 1.
	// Trend grid 2024-11..2026-10 (x = 0..23, x̄ = 11.5, Sxx = (24³ − 24)/12 = 1150):
	// y = 200 at x 11 and 800 at x 23: Sxy = −0.5×200 + 11.5×800 = 9100; slope 9100/1150;
	// mean 1000/24 → trend = (9100/1150)/(1000/24).
	// Wallet 1000: share 0.8 > 0.6 strategic_partner, headroom 200.
	// Pipeline: O1 1000×0.5 + O2 200×0.25 = 550; open in horizon O1, O2, O5 = 3, one without probability.
	// Win rate over 2024-11-01..2026-10-31: won O6, O9, lost O7 → 2/3; amount (300+100)/(300+100+100) = 0.8.
	expectMartRow(t, db, "account_growth where account_id = 'A'", map[string]string{
		"account_name": "Alfa", "is_key_account": "true", "segment": "S", "period": "2026-10",
		"revenue_ltm": "800.0000", "revenue_prior_ltm": "200.0000", "growth_yoy_pct": wantNum(3),
		"cagr_3y": wantNum(1), "cagr_span_years": "3",
		"trend_pct_month":                        wantNum((9100.0 / 1150) / (1000.0 / 24)),
		"wallet_estimate":                        "1000.0000",
		"share_of_wallet":                        wantNum(0.8),
		"sow_band":                               "strategic_partner",
		"wallet_headroom":                        "200.0000",
		"weighted_pipeline":                      "550.0000",
		"open_opportunities":                     "3",
		"open_opportunities_without_probability": "1",
		"win_rate_count":                         wantNum(2.0 / 3),
		"win_rate_amount":                        wantNum(0.8),
		"whitespace_lines":                       sqlNull,
		"whitespace_value":                       sqlNull,
		"unavailable_inputs":                     "[sales.product_line]",
	})
	// B: LTM 300 (2026-01), prior 300 (2025-06) → growth 0; LTM 3 years earlier 0 → cagr NULL.
	// Trend: y = 300 at x 7 (2025-06) and x 14 (2026-01): Sxy = −4.5×300 + 2.5×300 = −600,
	// mean 600/24 = 25 → (−600/1150)/25. No wallet: share, band and headroom NULL.
	// No opportunities: pipeline 0, no closed deals → win rates NULL.
	expectMartRow(t, db, "account_growth where account_id = 'B'", map[string]string{
		"revenue_ltm": "300.0000", "revenue_prior_ltm": "300.0000", "growth_yoy_pct": wantNum(0),
		"cagr_3y": sqlNull, "cagr_span_years": "3",
		"trend_pct_month": wantNum((-600.0 / 1150) / 25),
		"share_of_wallet": sqlNull, "sow_band": sqlNull, "wallet_headroom": sqlNull,
		"weighted_pipeline": "0.0000", "open_opportunities": "0", "open_opportunities_without_probability": "0",
		"win_rate_count": sqlNull, "win_rate_amount": sqlNull,
		"score_missing_inputs": "[wallet_headroom, whitespace_value]",
	})
	// N: new in the LTM, no prior revenue → growth NULL; 50/500 = 0.1 is not below 0.10 → developing.
	expectMartRow(t, db, "account_growth where account_id = 'N'", map[string]string{
		"revenue_ltm": "50.0000", "revenue_prior_ltm": "0.0000", "growth_yoy_pct": sqlNull, "cagr_3y": sqlNull,
		"share_of_wallet": wantNum(0.1), "sow_band": "developing", "wallet_headroom": "450.0000",
	})
	// Z: a key account without sales is in the universe: revenue 0, growth and trend NULL (mean 0),
	// share 0/2000 = 0 → backup, headroom 2000.
	expectMartRow(t, db, "account_growth where account_id = 'Z'", map[string]string{
		"revenue_ltm": "0.0000", "revenue_prior_ltm": "0.0000", "growth_yoy_pct": sqlNull, "cagr_3y": sqlNull,
		"trend_pct_month": sqlNull, "share_of_wallet": wantNum(0), "sow_band": "backup", "wallet_headroom": "2000.0000",
	})
	// Bands at their boundaries: 600/1000 = 0.6 is not above 0.60 → developing;
	// 1200/1000 → strategic_partner with headroom max(1000 − 1200, 0) = 0; 50/1000 = 0.05 → backup.
	expectMartRow(t, db, "account_growth where account_id = 'H'", map[string]string{"share_of_wallet": wantNum(0.6), "sow_band": "developing"})
	expectMartRow(t, db, "account_growth where account_id = 'W'", map[string]string{"share_of_wallet": wantNum(1.2), "sow_band": "strategic_partner", "wallet_headroom": "0.0000"})
	expectMartRow(t, db, "account_growth where account_id = 'L'", map[string]string{"share_of_wallet": wantNum(0.05), "sow_band": "backup", "wallet_headroom": "950.0000"})
	// Every unit of the ranking universe, nothing else.
	if got := one(t, db, "select string_agg(account_id, ',' order by account_id) from account_growth"); got != "A,B,H,L,N,W,Z" {
		t.Errorf("account_growth units: %s", got)
	}
}

func TestGrowthCAGRSpan(t *testing.T) {
	t.Parallel()
	// History from 2023-11 to 2026-10: 36 months → n = floor(36/12) − 1 = 2 years;
	// base = LTM ending 2024-10 (2023-11..2024-10) = 100; cagr = (400/100)^(1/2) − 1 = 1.
	db := runFixture(t, map[string]string{
		"sales.csv": csvLines("invoice_id,invoice_date,account_id,net_amount", "I1,2023-11-20,A,100", "I2,2026-10-20,A,400"),
	}, "2026-10", nil)
	expectMartRow(t, db, "account_growth where account_id = 'A'", map[string]string{"cagr_3y": wantNum(1), "cagr_span_years": "2"})

	// 47 months (from 2022-12) is not 48: n = floor(47/12) − 1 = 2; base 2023-11..2024-10 = 25 →
	// (400/25)^(1/2) − 1 = 3 (the 2022-12 sale is outside it).
	db = runFixture(t, map[string]string{
		"sales.csv": csvLines("invoice_id,invoice_date,account_id,net_amount", "I0,2022-12-05,A,999", "I1,2024-10-20,A,25", "I2,2026-10-20,A,400"),
	}, "2026-10", nil)
	expectMartRow(t, db, "account_growth where account_id = 'A'", map[string]string{"cagr_3y": wantNum(3), "cagr_span_years": "2"})
}

func TestGrowthOneMonthHistory(t *testing.T) {
	t.Parallel()
	// One month of history: n = floor(1/12) − 1 < 1 → no CAGR and no span. The trend grid
	// starts with the data (2026-10): one month, fewer than three → no trend.
	db := runFixture(t, map[string]string{
		"accounts.csv": csvLines("account_id,account_name,is_key_account", "A,Alfa,no", "Z,Cero,yes"),
		"sales.csv":    csvLines("invoice_id,invoice_date,account_id,net_amount", "I1,2026-10-20,A,100"),
	}, "2026-10", nil)
	expectMartRow(t, db, "account_growth where account_id = 'A'", map[string]string{
		"cagr_3y": sqlNull, "cagr_span_years": sqlNull, "growth_yoy_pct": sqlNull, "trend_pct_month": sqlNull,
	})
	// The key account without sales: mean 0 → trend NULL and missing from its score.
	expectMartRow(t, db, "account_growth where account_id = 'Z'", map[string]string{
		"revenue_ltm": "0.0000", "trend_pct_month": sqlNull, "cagr_span_years": sqlNull,
		"score_missing_inputs":   "[wallet_headroom, weighted_pipeline, trend_pct_month, whitespace_value]",
		"growth_potential_score": sqlNull,
	})
}

func TestGrowthWithoutOptionalInputs(t *testing.T) {
	t.Parallel()
	// No opportunities file, no product lines, no key-account column, no costs.
	db := runFixture(t, map[string]string{
		"accounts.csv": csvLines("account_id,account_name,segment,wallet_estimate", "A,Alfa,S,1000", "B,Beta,S,"),
		"sales.csv": csvLines("invoice_id,invoice_date,account_id,net_amount",
			"I1,2025-10-10,A,80", "I2,2026-10-10,A,100", "I3,2026-10-10,B,50"),
	}, "2026-10", nil)
	// Trend grid from the first month with sales, 2025-10..2026-10: x = 0..12, x̄ = 6,
	// Sxx = 13×(13²−1)/12 = 182. A has 80 at x 0 and 100 at x 12: Sxy = 1200 − 6×180 = 120,
	// mean 180/13 → 120/182 ÷ (180/13); B has 50 at x 12: Sxy = 600 − 6×50 = 300, mean 50/13
	// → 300/182 ÷ (50/13).
	// Ranks: trend A 0, B 100; headroom only A (900) → 0. Pipeline and whitespace unavailable:
	// A = (35×0 + 20×0)/(35 + 20) = 0; B = 20×100/20 = 100.
	expectMartRow(t, db, "account_growth where account_id = 'A'", map[string]string{
		"trend_pct_month":   wantNum(120.0 / 182 / (180.0 / 13)),
		"weighted_pipeline": sqlNull, "open_opportunities": sqlNull, "open_opportunities_without_probability": sqlNull,
		"win_rate_count": sqlNull, "win_rate_amount": sqlNull,
		"whitespace_lines": sqlNull, "whitespace_value": sqlNull,
		"unavailable_inputs":     "[opportunities, sales.product_line]",
		"score_missing_inputs":   "[weighted_pipeline, whitespace_value]",
		"wallet_headroom_rank":   wantNum(0),
		"trend_pct_month_rank":   wantNum(0),
		"growth_potential_score": wantNum(0),
		"is_key_account":         sqlNull,
	})
	expectMartRow(t, db, "account_growth where account_id = 'B'", map[string]string{
		"trend_pct_month":        wantNum(300.0 / 182 / (50.0 / 13)),
		"score_missing_inputs":   "[wallet_headroom, weighted_pipeline, whitespace_value]",
		"trend_pct_month_rank":   wantNum(100),
		"growth_potential_score": wantNum(100),
	})
	// Key-account metrics are unavailable, not zero: selection says nothing, the key scopes are NULL.
	expectMartRow(t, db, "account_selection where account_id = 'A'", map[string]string{
		"recommendation": sqlNull, "unavailable_inputs": "[net_contribution, key_accounts]",
	})
	expectMartRow(t, db, "portfolio_concentration where scope = 'key'", map[string]string{
		"accounts": sqlNull, "hhi": sqlNull, "hhi_band": sqlNull, "key_accounts": sqlNull, "within_guidance": sqlNull,
		"unavailable_inputs": "[key_accounts]",
	})
	// All scope: 100 and 50 → 10,000 × (100² + 50²)/150² = 5555.5…; prior: A alone → 10,000.
	expectMartRow(t, db, "portfolio_concentration where scope = 'all'", map[string]string{
		"accounts": "2", "hhi": wantNum(10000.0 * 12500 / 22500), "hhi_band": "high", "hhi_prior_ltm": wantNum(10000),
		"unavailable_inputs": "[]",
	})
	// Without costs the month's margin and contribution are NULL; the key scope is NULL.
	expectMartRow(t, db, "portfolio_trend where scope = 'all' and month = date '2026-10-01'", map[string]string{
		"revenue": "150.0000", "gross_margin": sqlNull, "net_contribution": sqlNull, "revenue_ltm": "150.0000",
	})
	expectMartRow(t, db, "portfolio_trend where scope = 'key' and month = date '2026-10-01'", map[string]string{
		"revenue": sqlNull, "revenue_ltm": sqlNull, "hhi_ltm": sqlNull,
	})
	// The key_account dimension of the mix shows the unknown designation as such.
	expectMartRow(t, db, "portfolio_mix where dimension = 'key_account' and value = '(unknown)'", map[string]string{
		"accounts": "2", "revenue_ltm": "150.0000", "net_contribution": sqlNull, "kam_hours": sqlNull, "cost_to_serve": sqlNull,
	})
}

func TestGrowthWhitespace(t *testing.T) {
	t.Parallel()
	db := runFixture(t, map[string]string{
		"accounts.csv": csvLines("account_id,account_name,segment,is_key_account",
			"A,Alfa,S1,no", "B,Beta,S1,no", "C,Gamma,S1,no", "D,Delta,S1,no", "K,Clave,S1,yes",
			"E,Eco,S2,no", "W,Sin segmento,,no"),
		"sales.csv": csvLines("invoice_id,invoice_date,account_id,net_amount,product_line",
			"A1,2026-10-05,A,100,X", "A2,2026-10-05,A,50,Y",
			"B1,2026-10-05,B,200,X", "B0,2025-05-05,B,40,Z", // B's Z is from the prior LTM: not bought in the LTM
			"C1,2026-10-05,C,300,X", "C2,2026-10-05,C,10,Z",
			"D1,2026-10-05,D,70,Y",
			"E1,2026-10-05,E,500,X",
			"W1,2026-10-05,W,80,X"),
	}, "2026-10", nil)
	// S1 units that bought in the LTM: A, B, C, D (K, key, bought nothing).
	// X bought by A 100, B 200, C 300 (median 200); Y by A 50, D 70 (median 60); Z by C only.
	// B: peers A, C, D; Y bought by 2 of 3 → 0.667 ≥ 0.5; Z by 1 of 3 → no.
	// C: Y 2 of 3. D: X 3 of 3; Z 1 of 3 → no. A: misses only Z (1 of 3) → none.
	// K: peers A, B, C, D: X 3 of 4 = 0.75, Y 2 of 4 = 0.5 (≥, the boundary), Z 1 of 4 → no.
	// E: no other S2 unit bought → no peers, no rows. W: no segment → no rows.
	got := rows(t, db, `select account_id, product_line, peers, peers_buying, round(peer_share, 4), cast(peer_median_spend as varchar), segment
		from account_whitespace order by account_id, product_line`)
	want := [][]string{
		{"B", "Y", "3", "2", "0.6667", "60.0000", "S1"},
		{"C", "Y", "3", "2", "0.6667", "60.0000", "S1"},
		{"D", "X", "3", "3", "1", "200.0000", "S1"},
		{"K", "X", "4", "3", "0.75", "200.0000", "S1"},
		{"K", "Y", "4", "2", "0.5", "60.0000", "S1"},
	}
	if strings.Join(joinRows(got), "|") != strings.Join(joinRows(want), "|") {
		t.Errorf("account_whitespace:\n got %v\nwant %v", got, want)
	}
	// Per unit: count and Σ peer_median_spend; K 200 + 60 = 260; W NULL (no segment).
	got = rows(t, db, `select account_id, coalesce(cast(whitespace_lines as varchar), 'NULL'), coalesce(cast(whitespace_value as varchar), 'NULL')
		from account_growth order by account_id`)
	want = [][]string{
		{"A", "0", "0.0000"}, {"B", "1", "60.0000"}, {"C", "1", "60.0000"}, {"D", "1", "200.0000"},
		{"E", "0", "0.0000"}, {"K", "2", "260.0000"}, {"W", "NULL", "NULL"},
	}
	if strings.Join(joinRows(got), "|") != strings.Join(joinRows(want), "|") {
		t.Errorf("whitespace per unit:\n got %v\nwant %v", got, want)
	}
	expectMartRow(t, db, "account_growth where account_id = 'W'", map[string]string{
		"unavailable_inputs": "[opportunities]", "score_missing_inputs": "[wallet_headroom, weighted_pipeline, whitespace_value]",
	})
}

func joinRows(rs [][]string) []string {
	var out []string
	for _, r := range rs {
		out = append(out, strings.Join(r, ","))
	}
	return out
}

// fourUnits is a portfolio of four units of one segment whose growth,
// matrix and selection scores are worked out by hand. P = 2026-10 with
// trend_months = 3 (grid 2026-08..2026-10). No service costs: net
// contribution is unavailable.
func fourUnits() map[string]string {
	return map[string]string{
		"accounts.csv": csvLines("account_id,account_name,segment,wallet_estimate,strategic_fit,market_influence,relationship_stage,is_key_account,customer_since",
			"A,Alfa,S,1000,5,3,integrated,yes,2020-10-31",
			"B,Beta,S,2000,1,,cooperative,no,",
			"C,Gamma,S,2000,3,5,,yes,2024-10-31",
			"D,Delta,S,,,1,basic,yes,2025-10-31"),
		"sales.csv": csvLines("invoice_id,invoice_date,account_id,net_amount,cost_amount,product_line",
			"A1,2026-08-10,A,100,50,X", "A2,2026-09-10,A,100,50,X", "A3,2026-10-10,A,100,50,X",
			"B1,2026-10-10,B,600,300,X",
			"C1,2026-08-10,C,600,480,X",
			"D1,2026-08-10,D,100,,X", "D2,2026-09-10,D,200,,X", "D3,2026-10-10,D,300,,X"),
		"opportunities.csv": csvLines("opportunity_id,account_id,close_date,status,amount,probability",
			"OA,A,2026-12-01,open,1000,0.5", "OB,B,2026-12-01,open,2000,0.1", "OD,D,2026-12-01,open,100,1",
			"WA1,A,2026-06-15,won,10,1", "WA2,A,2026-06-15,lost,10,0", "WB1,B,2026-06-15,won,10,1", "WD1,D,2026-06-15,lost,10,0"),
		"activities.csv": csvLines("activity_id,activity_date,account_id,activity_type,duration_hours",
			"T1,2026-10-01,A,visit,1", "T2,2026-10-02,A,call,1", "T3,2026-10-03,A,email,1",
			"T4,2026-10-01,B,visit,1", "T5,2026-10-01,D,visit,1"),
	}
}

func threeMonthTrend(c *Config) { c.Params["trend_months"] = 3 }

// The growth potential scores of fourUnits:
// revenue LTM A 300, B 600, C 600, D 600.
// headroom: A 1000 − 300 = 700, B 2000 − 600 = 1400, C 1400, D no wallet.
// ranks over 3: A 0, B and C tie at rank 2 → (2 − 1)/(3 − 1) = 50.
// pipeline: A 1000×0.5 = 500, B 2000×0.1 = 200, C 0, D 100×1 = 100 → C 0, D 100/3, B 200/3, A 100.
// trend (x 0, 1, 2; x̄ 1; Sxx 2): A 100,100,100 → 0; B 0,0,600 → slope 300, mean 200 → 1.5;
// C 600,0,0 → −1.5; D 100,200,300 → slope 100, mean 200 → 0.5 → C 0, A 100/3, D 200/3, B 100.
// whitespace: all buy X only → 0 each, a four-way tie → rank 0.
var (
	scoreA = (35*0 + 25*100 + 20*100.0/3 + 20*0) / 100         // 95/3
	scoreB = (35*50 + 25*200.0/3 + 20*100 + 20*0) / 100        // 162.5/3
	scoreC = (35*50 + 25*0 + 20*0 + 20*0) / 100.0              // 17.5
	scoreD = (25*100.0/3 + 20*200.0/3 + 20*0) / (25 + 20 + 20) // headroom missing: 100/3
)

func TestGrowthPotentialScore(t *testing.T) {
	t.Parallel()
	db := runFixture(t, fourUnits(), "2026-10", threeMonthTrend)
	expectMartRow(t, db, "account_growth where account_id = 'A'", map[string]string{
		"wallet_headroom": "700.0000", "weighted_pipeline": "500.0000", "trend_pct_month": wantNum(0), "whitespace_value": "0.0000",
		"wallet_headroom_rank": wantNum(0), "weighted_pipeline_rank": wantNum(100), "trend_pct_month_rank": wantNum(100.0 / 3),
		"whitespace_value_rank": wantNum(0), "growth_potential_score": wantNum(scoreA), "score_missing_inputs": "[]",
		"win_rate_count": wantNum(0.5), "unavailable_inputs": "[]",
	})
	expectMartRow(t, db, "account_growth where account_id = 'B'", map[string]string{
		"wallet_headroom_rank": wantNum(50), "weighted_pipeline_rank": wantNum(200.0 / 3), "trend_pct_month": wantNum(1.5),
		"trend_pct_month_rank": wantNum(100), "growth_potential_score": wantNum(scoreB),
	})
	expectMartRow(t, db, "account_growth where account_id = 'C'", map[string]string{
		"wallet_headroom_rank": wantNum(50), "weighted_pipeline": "0.0000", "weighted_pipeline_rank": wantNum(0),
		"trend_pct_month": wantNum(-1.5), "growth_potential_score": wantNum(scoreC), "win_rate_count": sqlNull,
	})
	expectMartRow(t, db, "account_growth where account_id = 'D'", map[string]string{
		"wallet_headroom": sqlNull, "wallet_headroom_rank": sqlNull, "trend_pct_month": wantNum(0.5),
		"growth_potential_score": wantNum(scoreD), "score_missing_inputs": "[wallet_headroom]",
	})
}
