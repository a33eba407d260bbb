package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// enumerated lists, per column, every value the marts can hold (the spec's
// reports, queries/README.md). sqlEnumerations below also reads them from the SQL, so
// a value added to a model without its label fails here.
var enumerated = map[string][]string{
	"quadrant":             {"strategic", "star", "status", "streamline"},
	"status":               {"on_track", "at_risk", "off_track", "not_started", "green", "amber", "red", "unavailable"},
	"health_band":          {"champion", "healthy", "needs_attention", "at_risk"},
	"sow_band":             {"backup", "developing", "strategic_partner"},
	"recommendation":       {"promote", "confirm", "review", "hold", "none"},
	"hhi_band":             {"unconcentrated", "moderate", "high"},
	"service_band":         {"over_served", "under_served", "balanced"},
	"abc_contribution":     {"A", "B", "C"},
	"abc_revenue":          {"A", "B", "C"},
	"abc_class":            {"A", "B", "C"},
	"pillar":               {"strategy", "organisation", "human_resources", "systems_processes", "strategy_resources", "strategy_organisation", "organisation_people", "strategy_systems"},
	"scope":                {"all", "key"},
	"dimension":            {"key_account", "segment", "industry", "region", "country"},
	"value":                {"key", "other", "(unknown)"},
	"time_window":          {"month", "ytd", "ltm", "prior_ltm", "ltm_2y_ago", "ltm_3y_ago", "prior_month", "trend"},
	"role":                 {"kam", "director", "executive", "other"},
	"kind":                 {"accounts", "sales", "invoices", "kams", "activities", "opportunities", "targets", "service_costs", "fx_rates", "products", "assessments"},
	"change":               {"quadrant", "health_band", "abc_class"},
	"unit":                 {"count", "share", "index", "flag", "money", "ratio"},
	"target_kind":          {"at least", "at most", "between"},
	"risk_reasons":         {"low_health", "revenue_decline", "no_recent_purchase"},
	"unavailable_inputs":   {"key_accounts", "activities", "opportunities", "targets", "service_costs", "sales.cost_amount", "sales.product_line", "net_contribution"},
	"missing_input":        {"accounts", "accounts.is_key_account", "kams", "activities", "targets", "activities, service_costs", "assessments", "opportunities", "sales", "accounts.kam_id", "targets.objective"},
	"score_missing_inputs": {"wallet_headroom", "weighted_pipeline", "trend_pct_month", "whitespace_value", "revenue_trend", "margin_trend", "activity", "plan", "pipeline", "growth_potential_score", "market_influence", "strategic_fit", "net_contribution", "gross_margin_pct", "share_of_wallet", "relationship_stage", "tenure", "engagement", "win_rate"},
}

func readSQL(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, d := range dirs {
		files, err := filepath.Glob(filepath.Join("..", "queries", d, "*.sql"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no SQL in queries/%s: %v", d, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = string(b)
		}
	}
	return out
}

var (
	listItem = regexp.MustCompile(`(?s)list_filter\(\s*\[(.*?)\],\s*x -> x is not null\s*\)\s+as (\w+)`)
	// missing_components(scores, names) (queries/macros.sql): the names.
	missingNames = regexp.MustCompile(`(?s)missing_components\(\s*\[[^\]]*\],\s*\[([^\]]*)\]\s*\)\s+as (\w+)`)
	quoted       = regexp.MustCompile(`'([^']*)'`)
	caseEnd      = regexp.MustCompile(`(?m)^( *)end as (\w+)\b`)
	caseLine     = regexp.MustCompile(`(?m)\bcase when .* end as (\w+)\b`)
	asColumn     = regexp.MustCompile(`'([^']*)' as (\w+)\b`)
	thenElse     = regexp.MustCompile(`(?:then|else) '([^']*)'`)
)

// sqlEnumerations reads from the SQL of the marts (and of the intermediate
// models some marts show as they are) the literal values written into
// the enumerated columns: the then-literals of list_filter([...]) lists and
// the names of missing_components(scores, names), the
// then/else literals of a formatted `case … end as <column>` (from the
// `case` line with the same indentation) or of a one-line case, and
// `'literal' as <column>`.
func sqlEnumerations(t *testing.T) map[string][]string {
	out := map[string][]string{}
	addValue := func(col, v string) {
		if col == "reasons" { // account_health renames it risk_reasons
			col = "risk_reasons"
		}
		if _, ok := enumerated[col]; ok && !slices.Contains(out[col], v) {
			out[col] = append(out[col], v)
		}
	}
	for _, src := range readSQL(t, "intermediate", "marts", "history") {
		for _, m := range listItem.FindAllStringSubmatch(src, -1) {
			for _, q := range thenElse.FindAllStringSubmatch(m[1], -1) {
				addValue(m[2], q[1])
			}
		}
		for _, m := range missingNames.FindAllStringSubmatch(src, -1) {
			for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
				addValue(m[2], q[1])
			}
		}
		for _, m := range caseEnd.FindAllStringSubmatchIndex(src, -1) {
			indent, col := src[m[2]:m[3]], src[m[4]:m[5]]
			start := strings.LastIndex(src[:m[0]], "\n"+indent+"case\n")
			if start < 0 {
				continue
			}
			for _, q := range thenElse.FindAllStringSubmatch(src[start:m[0]], -1) {
				addValue(col, q[1])
			}
		}
		for _, m := range caseLine.FindAllStringSubmatch(src, -1) {
			for _, q := range thenElse.FindAllStringSubmatch(m[0], -1) {
				addValue(m[1], q[1])
			}
		}
		for _, m := range asColumn.FindAllStringSubmatch(src, -1) {
			addValue(m[2], m[1])
		}
	}
	return out
}

func TestEnumeratedValues(t *testing.T) {
	for col, values := range enumerated {
		for _, v := range values {
			if !Has("val." + col + "." + v) {
				t.Errorf("no label val.%s.%s", col, v)
			}
		}
	}
	found := sqlEnumerations(t)
	for _, col := range []string{"quadrant", "status", "health_band", "sow_band", "hhi_band", "service_band",
		"recommendation", "risk_reasons", "unavailable_inputs", "score_missing_inputs", "change", "pillar",
		"missing_input", "target_kind", "unit", "abc_contribution"} {
		if len(found[col]) == 0 {
			t.Errorf("found no value of %s in the SQL: has the model's layout changed?", col)
		}
	}
	for col, values := range found {
		for _, v := range values {
			if !Has("val." + col + "." + v) {
				t.Errorf("the SQL writes %q into %s but val.%s.%s is missing", v, col, col, v)
			}
		}
	}
	// Every missing-input name has a sentence saying which file enables it.
	for _, k := range Keys() {
		for _, p := range []string{"val.unavailable_inputs.", "val.missing_input."} {
			if name, ok := strings.CutPrefix(k, p); ok {
				if !Has("unavailable." + name) {
					t.Errorf("%s has no unavailable.%s", k, name)
				}
				for _, part := range strings.Split(name, ", ") {
					if !Has("unavailable." + part) {
						t.Errorf("%s has no unavailable.%s", k, part)
					}
				}
			}
		}
	}
	// Every reject reason (reject.<code>) has a short name for the
	// Data quality table.
	for _, k := range Keys() {
		if code, ok := strings.CutPrefix(k, "reject."); ok && !Has("val.top_reject_reason."+code) {
			t.Errorf("reject reason %s has no short name val.top_reject_reason.%s", code, code)
		}
	}
	for _, kind := range enumerated["kind"] {
		if !Has("unavailable." + kind) {
			t.Errorf("input kind %s has no unavailable.%s", kind, kind)
		}
	}
}

var (
	unpivotList = regexp.MustCompile(`(?s)unpivot[^(]*\(value for kpi in \((.*?)\)\)`)
	indicatorRe = regexp.MustCompile(`'(\w+)'(?: as pillar)?, \d+(?: as sort)?, '(\w+)'`)
)

func TestKPIsAndIndicators(t *testing.T) {
	sql := readSQL(t, "history", "marts")
	m := unpivotList.FindStringSubmatch(sql[filepath.Join("..", "queries", "history", "kpi_summary.sql")])
	if m == nil {
		t.Fatal("kpi_summary.sql: no unpivot list of KPIs")
	}
	var kpis []string
	for _, k := range strings.Split(m[1], ",") {
		kpis = append(kpis, strings.TrimSpace(k))
	}
	if len(kpis) < 15 {
		t.Fatalf("kpi_summary.sql lists only %d KPIs: %v", len(kpis), kpis)
	}
	for _, k := range kpis {
		if !Has("kpi." + k) {
			t.Errorf("no label kpi.%s", k)
		}
	}
	pillars := map[string]bool{}
	n := 0
	for _, m := range indicatorRe.FindAllStringSubmatch(sql[filepath.Join("..", "queries", "marts", "congruence_scorecard.sql")], -1) {
		pillars[m[1]] = true
		n++
		for _, k := range []string{"ind." + m[2], "ind." + m[2] + ".help"} {
			if !Has(k) {
				t.Errorf("indicator %s of pillar %s: no %s", m[2], m[1], k)
			}
		}
	}
	if n < 15 || len(pillars) != 4 {
		t.Fatalf("congruence_scorecard.sql: found %d indicators in %d pillars", n, len(pillars))
	}
	for p := range pillars {
		for _, k := range []string{"pillar." + p, "pillar." + p + ".help", "val.pillar." + p} {
			if !Has(k) {
				t.Errorf("no %s", k)
			}
		}
	}
}
