package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The real-exports harness: kam run on public exports that nobody here
// wrote (../shared/real-exports beside the clone), compared to the cent with
// figures computed by an independent script. testdata/real/README.md is the
// format of expected.json and the table of datasets.

// realExportsDir is the read-only corpus: KAM_REAL_EXPORTS, else
// ../shared/real-exports beside the repository root.
func realExportsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("KAM_REAL_EXPORTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "real-exports")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		t.Fatalf("the public exports corpus is not at %s: CI needs ../shared (with real-exports/) beside the clone, or KAM_REAL_EXPORTS pointing at it; these tests are never skipped", abs)
	}
	return abs
}

// realRun is one expected outcome of kam run on a dataset (one object of an
// expected.json, which holds an object or a list of them).
type realRun struct {
	Dataset     string                          `json:"dataset"`
	Input       string                          `json:"input"`  // sub-folder of the dataset to point --input at
	Config      string                          `json:"config"` // file beside expected.json; default kam.yaml when present
	Period      string                          `json:"period"`
	Currency    string                          `json:"currency"`
	Files       map[string]realFile             `json:"files"`
	Revenue     map[string]map[string]optString `json:"revenue"`
	TopAccounts []realAccount                   `json:"top_accounts"`
	KAMs        []realKAM                       `json:"kams"`
	Margin      map[string]map[string]optString `json:"margin"`
	Pipeline    map[string]json.RawMessage      `json:"pipeline"`
	Unavailable []string                        `json:"unavailable"`
	Messages    []string                        `json:"messages"`
	Patterns    []string                        `json:"patterns"` // regular expressions the output must match (a line of the files table)
	ExitCode    int                             `json:"exit_code"`
	Note        string                          `json:"note"` // free text for the reader, not checked
}

type realFile struct {
	Kind      string `json:"kind"` // a kind, or "skipped"
	Read      *int64 `json:"read"`
	Loaded    *int64 `json:"loaded"`
	Rejected  *int64 `json:"rejected"`
	Duplicate *int64 `json:"duplicate"`
}

type realAccount struct {
	AccountID   string    `json:"account_id"`
	Revenue     string    `json:"revenue"`
	GrossMargin optString `json:"gross_margin"`
}

type realKAM struct {
	KAMID   string    `json:"kam_id"`
	Revenue optString `json:"revenue"`
}

// optString tells an absent field (not checked) from null (must be NULL).
type optString struct {
	Set   bool
	Valid bool
	S     string
}

func (o *optString) UnmarshalJSON(b []byte) error {
	o.Set = true
	if string(b) == "null" {
		return nil
	}
	o.Valid = true
	return json.Unmarshal(b, &o.S)
}

// loadRealRuns reads testdata/real/*/expected.json.
func loadRealRuns(t *testing.T) (map[string][]realRun, []string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "real", "*", "expected.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no testdata/real/*/expected.json (%v)", err)
	}
	out := map[string][]realRun{}
	var names []string
	for _, p := range paths {
		name := filepath.Base(filepath.Dir(p))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var runs []realRun
		if trimmed := bytes.TrimSpace(b); len(trimmed) > 0 && trimmed[0] == '[' {
			err = strictJSON(b, &runs)
		} else {
			var one realRun
			err = strictJSON(b, &one)
			runs = []realRun{one}
		}
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for i, r := range runs {
			if r.Dataset != name {
				t.Fatalf("%s: run %d names dataset %q, the folder is %q", p, i, r.Dataset, name)
			}
			if r.Period == "" && r.ExitCode == 0 {
				t.Fatalf("%s: run %d has no period (only a run that must fail may go without one)", p, i)
			}
		}
		out[name] = runs
		names = append(names, name)
	}
	return out, names
}

func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// TestRealExports runs kam on every dataset of testdata/real and compares
// what it reports with the dataset's independently computed expected.json.
func TestRealExports(t *testing.T) {
	t.Parallel()
	corpus := realExportsDir(t)
	runs, names := loadRealRuns(t)
	bin, err := kamBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		for _, r := range runs[name] {
			sub := name
			if r.Input != "" {
				sub += "/" + r.Input
			}
			t.Run(sub, func(t *testing.T) {
				t.Parallel()
				runRealExport(t, bin, corpus, r)
			})
		}
	}
}

// TestRealExportsCoverage: every dataset of the corpus has its expected
// figures (issue 13: all of them are run by make test).
func TestRealExportsCoverage(t *testing.T) {
	t.Parallel()
	corpus := realExportsDir(t)
	runs, _ := loadRealRuns(t)
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && runs[e.Name()] == nil {
			t.Errorf("dataset %s of %s has no testdata/real/%s/expected.json", e.Name(), corpus, e.Name())
		}
	}
	for name := range runs {
		if st, err := os.Stat(filepath.Join(corpus, name)); err != nil || !st.IsDir() {
			t.Errorf("testdata/real/%s has no dataset %s in %s", name, name, corpus)
		}
	}
}

func runRealExport(t *testing.T, bin, corpus string, r realRun) {
	input := filepath.Join(corpus, r.Dataset, r.Input)
	out := t.TempDir()
	args := []string{"run", "--input", input, "--out", out}
	if r.Period != "" {
		args = append(args, "--period", r.Period)
	}
	cfg := r.Config
	if cfg == "" {
		if _, err := os.Stat(filepath.Join("..", "..", "testdata", "real", r.Dataset, "kam.yaml")); err == nil {
			cfg = "kam.yaml"
		}
	}
	if cfg != "" {
		abs, err := filepath.Abs(filepath.Join("..", "..", "testdata", "real", r.Dataset, cfg))
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, "--config", abs)
	}
	var output bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &output, &output
	code := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("kam %v: %v", args, err)
		}
		code = ee.ExitCode()
	}
	text := output.String()
	if code != r.ExitCode {
		t.Fatalf("kam %s: exit %d, want %d\n%s", strings.Join(args, " "), code, r.ExitCode, text)
	}
	for _, m := range r.Messages {
		if !strings.Contains(text, m) {
			t.Errorf("the output does not say %q:\n%s", m, text)
		}
	}
	for _, p := range r.Patterns {
		re, err := regexp.Compile("(?m)" + p)
		if err != nil {
			t.Errorf("expected.json: pattern %q: %v", p, err)
		} else if !re.MatchString(text) {
			t.Errorf("the output does not match %q:\n%s", p, text)
		}
	}
	if strings.Contains(text, "goroutine ") || strings.Contains(text, "panic:") {
		t.Errorf("a stack trace:\n%s", text)
	}
	if code != 0 {
		if r.Files != nil || r.Revenue != nil || r.TopAccounts != nil || r.KAMs != nil || r.Margin != nil || r.Pipeline != nil || r.Unavailable != nil {
			t.Errorf("expected.json asks for figures of a run that must fail: a failed run leaves no warehouse to check them in")
		}
		return
	}
	db, err := sql.Open("duckdb", filepath.Join(out, "kam.duckdb")+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := realChecker{t: t, db: db}
	c.currency(r.Currency)
	c.files(filepath.Join(out, r.Period, "manifest.json"), r.Files)
	c.revenue(r.Revenue)
	c.topAccounts(r.TopAccounts)
	c.kams(r.KAMs)
	c.margin(r.Margin)
	c.pipeline(r.Pipeline)
	c.unavailable(r.Unavailable)
}

type realChecker struct {
	t  *testing.T
	db *sql.DB
}

// rows runs a query whose columns are all read as text (NULL → nil).
func (c realChecker) rows(q string, args ...any) [][]*string {
	c.t.Helper()
	rs, err := c.db.Query(q, args...)
	if err != nil {
		c.t.Fatalf("%s: %v", q, err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	var out [][]*string
	for rs.Next() {
		row := make([]*string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			c.t.Fatalf("%s: %v", q, err)
		}
		out = append(out, row)
	}
	if err := rs.Err(); err != nil {
		c.t.Fatalf("%s: %v", q, err)
	}
	return out
}

// cents rounds a decimal text half away from zero to 2 decimals.
func cents(s string) (string, error) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok {
		return "", fmt.Errorf("%q is not a number", s)
	}
	neg := r.Sign() < 0
	r.Abs(r)
	r.Mul(r, big.NewRat(100, 1))
	r.Add(r, big.NewRat(1, 2))
	q := new(big.Int).Quo(r.Num(), r.Denom())
	f := new(big.Rat).SetFrac(q, big.NewInt(100))
	out := f.FloatString(2)
	if neg && q.Sign() != 0 {
		out = "-" + out
	}
	return out, nil
}

// money compares a warehouse value with an expected one to the cent; nil
// want means the warehouse must hold NULL.
func (c realChecker) money(what string, got *string, want *string) {
	c.t.Helper()
	switch {
	case want == nil && got == nil:
		return
	case want == nil:
		c.t.Errorf("%s = %s, want NULL (unknown)", what, *got)
		return
	case got == nil:
		c.t.Errorf("%s = NULL, want %s", what, *want)
		return
	}
	g, err := cents(*got)
	if err != nil {
		c.t.Errorf("%s: %v", what, err)
		return
	}
	w, err := cents(*want)
	if err != nil {
		c.t.Errorf("%s: expected.json: %v", what, err)
		return
	}
	if g != w {
		c.t.Errorf("%s = %s, want %s", what, g, w)
	}
}

func (o optString) ptr() *string {
	if !o.Valid {
		return nil
	}
	return &o.S
}

func (c realChecker) currency(want string) {
	if want == "" {
		return
	}
	got := c.rows("select txt from meta.params where key = 'currency'")
	if len(got) != 1 || got[0][0] == nil || *got[0][0] != want {
		c.t.Errorf("reporting currency: %v, want %s", got, want)
	}
}

// files checks each named file's kind and row accounting (data_quality);
// kind "skipped" means the manifest lists it among the skipped files.
func (c realChecker) files(manifest string, want map[string]realFile) {
	if len(want) == 0 {
		return
	}
	var m struct {
		Skipped []struct{ Path, Reason string } `json:"skipped"`
	}
	if b, err := os.ReadFile(manifest); err != nil {
		c.t.Errorf("manifest: %v", err)
	} else if err := json.Unmarshal(b, &m); err != nil {
		c.t.Errorf("manifest: %v", err)
	}
	for _, path := range slices.Sorted(mapKeys(want)) {
		w := want[path]
		if w.Kind == "skipped" {
			if !slices.ContainsFunc(m.Skipped, func(s struct{ Path, Reason string }) bool { return s.Path == path }) {
				c.t.Errorf("file %s: not listed as skipped in the manifest (skipped: %v)", path, m.Skipped)
			}
			continue
		}
		rows := c.rows(`select kind, cast(rows_read as varchar), cast(rows_loaded as varchar),
			cast(rows_rejected as varchar), cast(rows_duplicate as varchar)
			from main.data_quality where path = ?`, path)
		if len(rows) != 1 {
			all := c.rows("select path, kind from main.data_quality order by path")
			c.t.Errorf("file %s: %d rows in data_quality; loaded files: %s", path, len(rows), showRows(all))
			continue
		}
		row := rows[0]
		if w.Kind != "" && strOf(row[0]) != w.Kind {
			c.t.Errorf("file %s: kind %s, want %s", path, strOf(row[0]), w.Kind)
		}
		for i, n := range []*int64{w.Read, w.Loaded, w.Rejected, w.Duplicate} {
			if n != nil && strOf(row[i+1]) != fmt.Sprint(*n) {
				c.t.Errorf("file %s: rows %s = %s, want %d", path, []string{"read", "loaded", "rejected", "duplicate"}[i], strOf(row[i+1]), *n)
			}
		}
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func strOf(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}

func showRows(rows [][]*string) string {
	var b strings.Builder
	for _, r := range rows {
		parts := make([]string, len(r))
		for i, v := range r {
			parts[i] = strOf(v)
		}
		b.WriteString("\n  " + strings.Join(parts, " | "))
	}
	return b.String()
}

var revenueColumns = []string{"loaded_revenue", "attributed_revenue", "unattributed_revenue"}

func (c realChecker) revenue(want map[string]map[string]optString) {
	for _, window := range slices.Sorted(mapKeys(want)) {
		rows := c.rows(`select cast(loaded_revenue as varchar), cast(attributed_revenue as varchar),
			cast(unattributed_revenue as varchar) from main.revenue_reconciliation where time_window = ?`, window)
		if len(rows) != 1 {
			c.t.Errorf("revenue_reconciliation: %d rows for window %q", len(rows), window)
			continue
		}
		for col, v := range want[window] {
			i := slices.Index(revenueColumns, col)
			if i < 0 {
				c.t.Errorf("expected.json: revenue.%s.%s is not one of %v", window, col, revenueColumns)
				continue
			}
			c.money(fmt.Sprintf("revenue %s %s", window, col), rows[0][i], v.ptr())
		}
	}
}

func (c realChecker) topAccounts(want []realAccount) {
	if len(want) == 0 {
		return
	}
	rows := c.rows(`select account_id, cast(revenue as varchar), cast(gross_margin as varchar)
		from main.account_profitability where time_window = 'ltm'
		order by revenue desc, account_id limit ?`, len(want))
	if len(rows) != len(want) {
		c.t.Errorf("top accounts: %d LTM rows, want %d", len(rows), len(want))
		return
	}
	for i, w := range want {
		got := rows[i]
		if strOf(got[0]) != w.AccountID {
			c.t.Errorf("top account %d: %s (revenue %s), want %s (revenue %s)", i+1, strOf(got[0]), strOf(got[1]), w.AccountID, w.Revenue)
			continue
		}
		c.money("account "+w.AccountID+" LTM revenue", got[1], &w.Revenue)
		if w.GrossMargin.Set {
			c.money("account "+w.AccountID+" LTM gross margin", got[2], w.GrossMargin.ptr())
		}
	}
}

// kams checks the LTM revenue of every KAM: the expected list is the whole
// of kam_performance (a KAM kam made up, such as one called "NULL", fails).
func (c realChecker) kams(want []realKAM) {
	if want == nil {
		return
	}
	rows := c.rows("select kam_id, cast(revenue_ltm as varchar) from main.kam_performance order by kam_id")
	got := map[string]*string{}
	for _, r := range rows {
		got[strOf(r[0])] = r[1]
	}
	seen := map[string]bool{}
	for _, w := range want {
		seen[w.KAMID] = true
		g, ok := got[w.KAMID]
		if !ok {
			c.t.Errorf("KAM %s: not in kam_performance (KAMs: %s)", w.KAMID, showRows(rows))
			continue
		}
		c.money("KAM "+w.KAMID+" LTM revenue", g, w.Revenue.ptr())
	}
	for _, r := range rows {
		if id := strOf(r[0]); !seen[id] {
			c.t.Errorf("KAM %s (LTM revenue %s) is in kam_performance but not in expected.json", id, strOf(r[1]))
		}
	}
}

var marginColumns = []string{"revenue", "cogs", "gross_margin", "revenue_costed", "revenue_without_cost"}

// margin checks the company's P&L (portfolio_profitability, scope all: the
// attributed lines) per window.
func (c realChecker) margin(want map[string]map[string]optString) {
	for _, window := range slices.Sorted(mapKeys(want)) {
		rows := c.rows(`select cast(revenue as varchar), cast(cogs as varchar), cast(gross_margin as varchar),
			cast(revenue_costed as varchar), cast(revenue_without_cost as varchar)
			from main.portfolio_profitability where scope = 'all' and time_window = ?`, window)
		if len(rows) != 1 {
			c.t.Errorf("portfolio_profitability: %d rows for scope all, window %q", len(rows), window)
			continue
		}
		for col, v := range want[window] {
			i := slices.Index(marginColumns, col)
			if i < 0 {
				c.t.Errorf("expected.json: margin.%s.%s is not one of %v", window, col, marginColumns)
				continue
			}
			c.money(fmt.Sprintf("margin %s %s", window, col), rows[0][i], v.ptr())
		}
	}
}

// pipeline: open/won/lost counts and the won amount over every loaded
// opportunity (staging.stg_opportunities); the weighted pipeline is that of
// the known accounts' units within the horizon (Σ account_growth).
func (c realChecker) pipeline(want map[string]json.RawMessage) {
	if want == nil {
		return
	}
	queries := map[string]string{
		"open_count":  "select cast(count(*) as varchar) from staging.stg_opportunities where status = 'open'",
		"won_count":   "select cast(count(*) as varchar) from staging.stg_opportunities where status = 'won'",
		"lost_count":  "select cast(count(*) as varchar) from staging.stg_opportunities where status = 'lost'",
		"won_amount":  "select cast(sum(amount) as varchar) from staging.stg_opportunities where status = 'won'",
		"open_amount": "select cast(sum(amount) as varchar) from staging.stg_opportunities where status = 'open'",
		// Unknown (NULL) when a unit with open deals in the horizon has an
		// unknown weighted pipeline (none of its deals has a probability):
		// a sum over the others would pass an unknown off as a figure.
		"weighted_pipeline": `select case when count(*) filter (where weighted_pipeline is null and open_opportunities > 0) = 0
			then cast(sum(weighted_pipeline) as varchar) end from main.account_growth`,
	}
	for _, key := range slices.Sorted(mapKeys(want)) {
		q, ok := queries[key]
		if !ok {
			c.t.Errorf("expected.json: pipeline.%s is not one of %v", key, slices.Sorted(mapKeys(queries)))
			continue
		}
		got := c.rows(q)[0][0]
		var w any
		if err := json.Unmarshal(want[key], &w); err != nil {
			c.t.Errorf("expected.json: pipeline.%s: %v", key, err)
			continue
		}
		switch v := w.(type) {
		case float64:
			if strOf(got) != fmt.Sprint(int64(v)) {
				c.t.Errorf("pipeline %s = %s, want %d", key, strOf(got), int64(v))
			}
		case string:
			c.money("pipeline "+key, got, &v)
		case nil:
			c.money("pipeline "+key, got, nil)
		}
	}
}

// unavailable: each named input is listed as missing by some mart
// (unavailable_inputs, or the scorecard's missing_input).
func (c realChecker) unavailable(want []string) {
	if len(want) == 0 {
		return
	}
	tables := c.rows(`select table_name from information_schema.columns
		where table_schema = 'main' and column_name = 'unavailable_inputs' and table_name not like 'history_%'`)
	var parts []string
	for _, tb := range tables {
		parts = append(parts, fmt.Sprintf("select unnest(unavailable_inputs) as input from main.%q", *tb[0]))
	}
	parts = append(parts, "select missing_input from main.congruence_scorecard where missing_input is not null")
	rows := c.rows("select distinct input from (" + strings.Join(parts, " union all ") + ") order by 1")
	var got []string
	for _, r := range rows {
		got = append(got, strOf(r[0]))
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			c.t.Errorf("%s is not reported unavailable (unavailable: %v)", w, got)
		}
	}
}

// TestCents: the harness rounds half away from zero, as the scripts do.
func TestCents(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"1.005": "1.01", "-1.005": "-1.01", "1.0049": "1.00", "-0.004": "0.00",
		"450.58": "450.58", "12": "12.00", "0.125": "0.13", "2.675000": "2.68",
	} {
		if got, err := cents(in); err != nil || got != want {
			t.Errorf("cents(%s) = %s, %v; want %s", in, got, err, want)
		}
	}
	if _, err := cents("NaN"); err == nil {
		t.Error("cents(NaN) gave no error")
	}
}
