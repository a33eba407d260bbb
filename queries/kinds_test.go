package queries

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"kam/i18n"
	"kam/pipeline/ingest/schema"
)

// The input kinds are declared once, in schema.Kinds. The SQL lists that
// enumerate them cannot be derived from it, so this test holds each list
// against the declaration: adding a kind in one place only fails here,
// naming the file to change.

// fateModel is the staging model that gives every loaded row of a kind its
// fate (loaded, rejected, duplicate): stg_<kind>_checked, but sales rows are
// sales lines.
func fateModel(kind string) string {
	if kind == schema.Sales {
		return "stg_sales_lines_checked"
	}
	return "stg_" + kind + "_checked"
}

func kindNames() []string {
	var out []string
	for _, k := range schema.Kinds {
		out = append(out, k.Name)
	}
	slices.Sort(out)
	return out
}

func readModel(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(FS, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// cte returns the body of the CTE called name in a model.
func cte(t *testing.T, sql, name string) string {
	t.Helper()
	start := strings.Index(sql, name+" as (")
	if start < 0 {
		t.Fatalf("no CTE %s", name)
	}
	body := sql[start:]
	end := strings.Index(body, "\n)")
	return body[:end]
}

// matches lists the first group of every match of re in s, sorted, once each.
func matches(re, s string) []string {
	var out []string
	for _, m := range regexp.MustCompile(re).FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	slices.Sort(out)
	return out
}

func sameList(t *testing.T, where string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s lists %q; schema.Kinds declares %q", where, got, want)
	}
}

func TestKindListsFollowSchema(t *testing.T) {
	t.Parallel()
	kinds := kindNames()
	var fates []string
	for _, k := range kinds {
		fates = append(fates, fateModel(k))
	}
	slices.Sort(fates)

	var checked []string
	entries, err := fs.ReadDir(FS, "staging")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), "_checked.sql"); ok {
			checked = append(checked, name+"_checked")
		}
	}
	sameList(t, "staging/stg_*_checked.sql", checked, fates)

	inputs := readModel(t, "intermediate/int_inputs.sql")
	sameList(t, "intermediate/int_inputs.sql (kinds)", matches(`\('(\w+)'\)`, cte(t, inputs, "kinds")), kinds)

	flags := readModel(t, "intermediate/int_input_flags.sql")
	var flagged []string
	for _, k := range matches(`kind = '([\w.]+)'`, flags) {
		if !strings.Contains(k, ".") && !strings.HasSuffix(k, "_amount") && k != "key_accounts" {
			flagged = append(flagged, k)
		}
	}
	sameList(t, "intermediate/int_input_flags.sql", flagged, kinds)
	for _, k := range kinds {
		if !strings.Contains(flags, "as has_"+k+",") && !strings.Contains(flags, "as has_"+k+"\n") {
			t.Errorf("intermediate/int_input_flags.sql: no column has_%s", k)
		}
	}

	rejects := readModel(t, "staging/stg_rejects.sql")
	sameList(t, "staging/stg_rejects.sql (unread)", matches(`raw\.(\w+)`, cte(t, rejects, "unread")), kinds)
	// Every fate model that can reject a row has its rejects listed: it
	// sets row_status 'rejected' itself or through row_fate(…, rejected := …).
	var rejecting []string
	for _, m := range fates {
		if sql := readModel(t, "staging/"+m+".sql"); strings.Contains(sql, "'rejected'") || strings.Contains(sql, "rejected :=") {
			rejecting = append(rejecting, m)
		}
	}
	sameList(t, "staging/stg_rejects.sql (derived)", matches(`staging\.(stg_\w+_checked)`, cte(t, rejects, "derived")), rejecting)

	accounting := readModel(t, "staging/stg_file_accounting.sql")
	sameList(t, "staging/stg_file_accounting.sql (fates)", matches(`staging\.(stg_\w+_checked)`, cte(t, accounting, "fates")), fates)
}

// TestKindsHaveNames: data_quality.kind is shown translated.
func TestKindsHaveNames(t *testing.T) {
	t.Parallel()
	for _, k := range kindNames() {
		if !i18n.Has("val.kind." + k) {
			t.Errorf("i18n: no name for the kind %s (val.kind.%s)", k, k)
		}
	}
}

// TestMartsReadInputFlags: a mart learns which inputs are loaded from the
// one row of intermediate.int_input_flags, not by filtering int_inputs
// again (13 marts once carried their own copy of that query).
func TestMartsReadInputFlags(t *testing.T) {
	t.Parallel()
	entries, err := fs.ReadDir(FS, "marts")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		body := regexp.MustCompile(`(?m)--.*$`).ReplaceAllString(readModel(t, "marts/"+e.Name()), "")
		if strings.Contains(body, "intermediate.int_inputs") {
			t.Errorf("marts/%s reads intermediate.int_inputs; read intermediate.int_input_flags (has_sales, has_cost, …)", e.Name())
		}
	}
}
