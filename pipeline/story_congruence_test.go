package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSampleCongruence runs the pipeline on the committed sample and checks
// that the congruence links find what the sample's README says they find
// (issue 18): the over-served Status accounts, the promotions limited by KAM
// capacity, the director's missing reviews, the index held down by the
// weakest link, the director and the executive not judged as KAMs, and the
// loss-maker's net contribution with lines without cost left out of margin.
// Each figure is asserted from the marts and looked up in the README row
// that states it, so kam and the README cannot drift apart.
func TestSampleCongruence(t *testing.T) {
	t.Parallel()
	db := runInput(t, "../sample-data/input", filepath.Join(t.TempDir(), "out"), "2026-10", func(c *Config) {
		c.RejectLimit = DefaultConfig().RejectLimit
	})
	b, err := os.ReadFile("../sample-data/README.md")
	if err != nil {
		t.Fatal(err)
	}
	readmeRow := func(prefix string) string {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
		t.Fatalf("sample-data/README.md has no row %q", prefix)
		return ""
	}
	check := func(what, q, want, row string) {
		t.Helper()
		if got := one(t, db, q); got != want {
			t.Errorf("%s: kam says %s, want %s", what, got, want)
		}
		if row != "" && !strings.Contains(readmeRow(row), want) {
			t.Errorf("%s: the README row %q does not state %s", what, row, want)
		}
	}

	// 1. The loss-maker: revenue of lines without cost adds no margin.
	check("loss-maker revenue without cost", `select round(revenue_without_cost)::integer from account_profitability
		where time_window = 'ltm' and account_id = 'C10070'`, "26604", "")
	check("loss-maker net contribution", `select printf('−%,d', -round(net_contribution)::integer) from account_profitability
		where time_window = 'ltm' and account_id = 'C10070'`, "−316,391", "| 1 |")

	// 9. The director's missing reviews and top management's few contacts.
	check("director reviews", `select printf('%d of %d', round(value * 30)::integer, 30) from congruence_links
		where indicator = 'key_accounts_with_director_review_share'`, "6 of 30", "| 9 |")
	check("director review share", `select printf('%.1f %%', value * 100) from congruence_links
		where indicator = 'key_accounts_with_director_review_share'`, "20.0 %", "| 9 |")
	check("top management share", `select printf('%.1f %%', value * 100) from congruence_links
		where indicator = 'key_accounts_with_top_management_share'`, "10.0 %", "| 9 |")
	check("key accounts", `select count(*) from intermediate.int_units where is_key_account`, "30", "| 9 |")
	check("director review status", `select status from congruence_scorecard where indicator = 'key_accounts_with_director_review_share'`, "red", "")

	// 10. Status over-served, Star under-served.
	check("Status hours share", `select printf('%.1f %%', hours_share * 100) from congruence_quadrant_fit where quadrant = 'status'`, "20.4 %", "| 10 |")
	check("Status contribution share", `select printf('%.1f %%', contribution_share * 100) from congruence_quadrant_fit where quadrant = 'status'`, "5.3 %", "| 10 |")
	check("Status fit", `select printf('%.2f×', fit_value) from congruence_quadrant_fit where quadrant = 'status'`, "3.87×", "| 10 |")
	check("Status accounts", `select printf('%d accounts (%d key)', accounts, key_accounts) from congruence_quadrant_fit where quadrant = 'status'`, "26 accounts (12 key)", "| 10 |")
	check("key Status hours", `select printf('%.1f %% of hours for %.1f %% of contribution', sum(r.hours_share) * 100, sum(r.contribution_share) * 100)
		from account_resources as r inner join portfolio_matrix as m using (account_id) where m.quadrant = 'status' and m.is_key_account`,
		"18.3 % of hours for 4.7 % of contribution", "| 10 |")
	check("Star fit", `select printf('%.1f %% of hours for %.1f %% of growth potential: %.2f×', hours_share * 100, potential_share * 100, fit_value)
		from congruence_quadrant_fit where quadrant = 'star'`, "4.1 % of hours for 24.0 % of growth potential: 0.17×", "| 10 |")
	check("most over-served", `select account_id from congruence_service_gaps where direction = 'over_served' and gap_rank = 1`, "C10023", "| 10 |")
	check("Status fit status", `select status from congruence_scorecard where indicator = 'status_hours_fit'`, "red", "")

	// 11. Promotions limited by KAM capacity.
	check("selection", `select printf('%d accounts (%d confirm + %d promote)', count(*) filter (where is_recommended),
		count(*) filter (where recommendation = 'confirm'), count(*) filter (where recommendation = 'promote')) from account_selection`,
		"60 accounts (26 confirm + 34 promote)", "| 11 |")
	check("free slots", `select printf('free key-account slots %d', max(free_key_slots)) from promotion_capacity`, "free key-account slots 10", "| 11 |")
	check("hours per key account", `select printf('%.1f hours per key account', max(hours_per_key_account)) from promotion_capacity`, "216.9 hours per key account", "| 11 |")
	check("beyond capacity", `select printf('promotions beyond capacity %d', value::integer) from congruence_links where indicator = 'promotions_beyond_capacity'`,
		"promotions beyond capacity 24", "| 11 |")
	check("more KAMs", `select printf('%d more KAMs of the default capacity (%d key accounts each)', max(extra_kams_needed), max(slots_per_new_kam)) from promotion_capacity`,
		"4 more KAMs of the default capacity (7 key accounts each)", "| 11 |")
	check("Moncayo first", `select promotion_rank || ' ' || is_within_capacity from promotion_capacity where account_id = 'C10457'`, "1 true", "")

	// The index: held at 10 points above the weakest link.
	check("index", `select distinct printf('%.1f %% / %.1f %% / %s', congruence_index * 100, congruence_mean * 100, weakest_pillar) from congruence_scorecard`,
		"10.0 % / 46.5 % / strategy_organisation", "")
	if !strings.Contains(string(b), "congruence index 10.0 %: the eight scores average 46.5 %") {
		t.Error("the README does not state the index 10.0 % and the mean 46.5 %")
	}

	// Neither the director nor the executive is judged as a KAM.
	check("roles", `select string_agg(role || ':' || coalesce(cast(is_under_used as varchar), 'NULL'), ' ' order by role)
		from kam_performance where role <> 'kam'`, "director:NULL executive:NULL", "")
}
