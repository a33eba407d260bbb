package packs_test

import (
	"bytes"
	"encoding/json"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kam/reports/html"
	"kam/reports/packs/paths"
)

// TestPacksHoldOnlyTheirAccounts: each KAM's pack — the HTML page and the
// workbook — lists exactly the accounts whose KAM they are in the marts,
// and no other KAM's account in its P&L, plan or decisions.
func TestPacksHoldOnlyTheirAccounts(t *testing.T) {
	r := sample(t)
	kams := r.paths.KAMs()
	if len(kams) < 6 {
		t.Fatalf("%d packs; the sample has six KAMs", len(kams))
	}
	all := map[string]bool{}
	for _, a := range r.column(t, `select account_id from main.account_profitability where time_window = 'ltm'`) {
		all[a] = true
	}
	for _, kam := range kams {
		want := r.column(t, `select account_id from main.account_profitability where time_window = 'ltm' and kam_id = ?`, kam)
		mine := map[string]bool{}
		for _, a := range want {
			mine[a] = true
		}
		for lang, dir := range r.dirs {
			d := parse(t, filepath.Join(dir, r.paths.KAMHTML(kam)))
			var got []string
			for k := range d.figs() {
				if a, ok := strings.CutPrefix(k, "revenue."); ok {
					got = append(got, a)
				}
				for _, p := range []string{"plan.", "net_contribution."} {
					if rest, ok := strings.CutPrefix(k, p); ok {
						a, _, _ := strings.Cut(rest, ".")
						if !mine[a] {
							t.Errorf("%s pack of %s (%s) shows %s of account %s, not theirs", lang, kam, d.path, p, a)
						}
					}
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s pack of %s lists accounts %v, want %v", lang, kam, got, want)
			}
			for _, h := range d.links() {
				if strings.Contains(h, "accounts/") && !mine[accountOfLink(r, h)] {
					t.Errorf("%s pack of %s links %s, an account not theirs", lang, kam, h)
				}
			}
		}
		f, err := excelize.OpenFile(filepath.Join(r.dirs["en"], r.paths.KAMXLSX(kam)))
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		if len(sheets) != 3 {
			t.Fatalf("%s workbook sheets %v", kam, sheets)
		}
		for i, sh := range sheets {
			tables, err := f.GetTables(sh)
			if err == nil && len(tables) == 0 && i > 0 { // no rows, no table: then no account at all
				rows, _ := f.GetRows(sh)
				for _, row := range rows {
					for _, v := range row {
						if all[v] && !mine[v] {
							t.Errorf("%s workbook, sheet %s: account %s is not theirs", kam, sh, v)
						}
					}
				}
				continue
			}
			if err != nil || len(tables) != 1 {
				t.Fatalf("%s sheet %s: %d Excel tables (%v), want one with a filter", kam, sh, len(tables), err)
			}
			first, _, _ := strings.Cut(tables[0].Range, ":")
			_, header, _ := excelize.CellNameToCoordinates(first)
			rows, err := f.GetRows(sh)
			if err != nil {
				t.Fatal(err)
			}
			col := slices.Index(rows[header-1], "Account ID")
			if col < 0 {
				t.Fatalf("%s sheet %s has no Account ID column: %v", kam, sh, rows[header-1])
			}
			var got []string
			for _, row := range rows[header:] {
				if col < len(row) && row[col] != "" {
					if !mine[row[col]] {
						t.Errorf("%s workbook, sheet %s: account %s is not theirs", kam, sh, row[col])
					}
					got = append(got, row[col])
				}
			}
			if i == 0 {
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("%s workbook lists %v, want %v", kam, got, want)
				}
			}
		}
		f.Close()
	}
}

func accountOfLink(r *sampleRun, href string) string {
	base := filepath.Base(href)
	for _, a := range r.paths.Accounts() {
		if filepath.Base(r.paths.Account(a)) == base {
			return a
		}
	}
	return ""
}

// TestEveryKeyAccountHasAPage: one page per key account of the marts, in
// both languages, and nothing else in accounts/; the manifest lists them.
func TestEveryKeyAccountHasAPage(t *testing.T) {
	r := sample(t)
	keys := r.column(t, `select account_id from main.account_health where is_key_account`)
	if len(keys) != 30 {
		t.Fatalf("%d key accounts; the sample has 30", len(keys))
	}
	for lang, dir := range r.dirs {
		entries, err := os.ReadDir(filepath.Join(dir, "accounts"))
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != len(keys) {
			t.Errorf("%s: %d files in accounts/, want %d", lang, len(entries), len(keys))
		}
		for _, a := range keys {
			p := r.paths.Account(a)
			if p == "" {
				t.Errorf("key account %s has no page", a)
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
				t.Errorf("%s: %v", lang, err)
			}
		}
	}
	listed := map[string]bool{}
	for _, o := range r.outputs {
		listed[filepath.ToSlash(o)] = true
	}
	for _, a := range keys {
		if !listed[filepath.ToSlash(filepath.Join(r.dirs["en"], r.paths.Account(a)))] {
			t.Errorf("the manifest's outputs do not list the page of %s", a)
		}
	}
	for _, k := range r.paths.KAMs() {
		for _, p := range []string{r.paths.KAMHTML(k), r.paths.KAMXLSX(k)} {
			if !listed[filepath.ToSlash(filepath.Join(r.dirs["en"], p))] {
				t.Errorf("the manifest's outputs do not list %s", p)
			}
		}
	}
	if !listed[filepath.ToSlash(filepath.Join(r.dirs["en"], paths.ChartLibrary))] {
		t.Errorf("the manifest's outputs do not list the chart library %s", paths.ChartLibrary)
	}
}

// TestPackLinksResolve: every link of every pack and page leads to a file
// that exists (the main report, a pack, a page, a workbook); each page loads
// the chart library by one relative script src that resolves to the
// period folder's single copy, the library kam embeds, and does not inline
// it as well.
func TestPackLinksResolve(t *testing.T) {
	r := sample(t)
	lib, err := html.ChartLibrary()
	if err != nil {
		t.Fatal(err)
	}
	for lang, dir := range r.dirs {
		asset := filepath.Join(dir, filepath.FromSlash(paths.ChartLibrary))
		if b, err := os.ReadFile(asset); err != nil {
			t.Errorf("%s: %v", lang, err)
		} else if !bytes.Equal(b, lib) {
			t.Errorf("%s: %s is not the embedded chart library", lang, paths.ChartLibrary)
		}
		var pages []string
		for _, a := range r.paths.Accounts() {
			pages = append(pages, r.paths.Account(a))
		}
		for _, k := range r.paths.KAMs() {
			pages = append(pages, r.paths.KAMHTML(k))
		}
		n := 0
		for _, p := range pages {
			file := filepath.Join(dir, p)
			d := parse(t, file)
			srcs := d.scriptSrcs()
			if len(srcs) != 1 {
				t.Errorf("%s %s: script srcs %q, want the chart library once", lang, p, srcs)
			}
			for _, h := range srcs {
				u, err := url.Parse(h)
				if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") {
					t.Errorf("%s %s: script src %q is not relative", lang, p, h)
					continue
				}
				target := filepath.Join(filepath.Dir(file), filepath.FromSlash(u.Path))
				if target != asset {
					t.Errorf("%s %s: script src %q resolves to %s, not the period folder's %s", lang, p, h, target, paths.ChartLibrary)
				}
				if _, err := os.Stat(target); err != nil {
					t.Errorf("%s %s: script src %q: %v", lang, p, h, err)
				}
			}
			if fi, err := os.Stat(file); err == nil && fi.Size() >= int64(len(lib)) {
				t.Errorf("%s %s: %d bytes, as large as the chart library (%d): inlined again?", lang, p, fi.Size(), len(lib))
			}
			for _, h := range d.links() {
				u, err := url.Parse(h)
				if err != nil || u.Scheme != "" || u.Host != "" {
					t.Errorf("%s: link %q leaves the folder", p, h)
					continue
				}
				target := filepath.Join(filepath.Dir(file), filepath.FromSlash(u.Path))
				if _, err := os.Stat(target); err != nil {
					t.Errorf("%s %s: link %q: %v", lang, p, h, err)
				}
				n++
			}
		}
		if n < len(pages) {
			t.Errorf("%s: only %d links in %d pages", lang, n, len(pages))
		}
	}
}

// TestAccountPageFigures reads every key account's page back against the
// marts: the tiles, health, wallet, pipeline, plan and decision figures,
// and the 24-month trend against account_months.
func TestAccountPageFigures(t *testing.T) {
	r := sample(t)
	for _, a := range r.paths.Accounts() {
		d := parse(t, filepath.Join(r.dirs["en"], r.paths.Account(a)))
		figs := d.figs()
		want := map[string]string{
			"revenue_ltm":       `select revenue from main.account_profitability where time_window = 'ltm' and account_id = ?`,
			"net_contribution":  `select net_contribution from main.account_profitability where time_window = 'ltm' and account_id = ?`,
			"gross_margin_pct":  `select gross_margin_pct from main.account_profitability where time_window = 'ltm' and account_id = ?`,
			"health_score":      `select health_score from main.account_health where account_id = ?`,
			"activity_score":    `select activity_score from main.account_health where account_id = ?`,
			"share_of_wallet":   `select share_of_wallet from main.account_growth where account_id = ?`,
			"wallet_headroom":   `select wallet_headroom from main.account_growth where account_id = ?`,
			"weighted_pipeline": `select weighted_pipeline from main.account_growth where account_id = ?`,
			"growth_yoy_pct":    `select growth_yoy_pct from main.account_growth where account_id = ?`,
		}
		for k, q := range want {
			v := r.column(t, q, a)
			if len(v) != 1 {
				t.Fatalf("%s %s: %d rows", a, k, len(v))
			}
			got, ok := figs[k]
			if !ok {
				t.Errorf("%s: no figure %s on the page", a, k)
				continue
			}
			if !sameNumber(got[0], v[0]) {
				t.Errorf("%s %s: page %q, mart %q", a, k, got[0], v[0])
			}
		}
		// The money tiles show the mart's value rounded to the unit.
		for _, k := range []string{"revenue_ltm", "net_contribution"} {
			f, _ := strconv.ParseFloat(figs[k][0], 64)
			digits := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, figs[k][1])
			if digits != strconv.FormatFloat(math.Abs(math.Round(f)), 'f', 0, 64) {
				t.Errorf("%s %s: shown %q for %s", a, k, figs[k][1], figs[k][0])
			}
		}
		// Plan rows and decisions.
		for k, v := range figs {
			switch {
			case strings.HasPrefix(k, "plan."):
				rest := strings.TrimPrefix(k, "plan."+a+".")
				got := r.column(t, `select revenue_actual from main.plan_vs_actual where account_id = ? and target_period = ?`, a, rest)
				if len(got) != 1 || !sameNumber(v[0], got[0]) {
					t.Errorf("%s %s: page %q, mart %v", a, k, v[0], got)
				}
			case strings.HasPrefix(k, "decision."):
				got := r.column(t, `select amount_at_stake from main.decisions where decision_rank = ? and account_id = ?`, strings.TrimPrefix(k, "decision."), a)
				if len(got) != 1 || !sameNumber(v[0], got[0]) {
					t.Errorf("%s %s: page %q, mart %v", a, k, v[0], got)
				}
			}
		}
		if n := len(r.column(t, `select decision_rank from main.decisions where account_id = ?`, a)); n != countPrefix(figs, "decision.") {
			t.Errorf("%s: %d decisions in the mart, %d on the page", a, n, countPrefix(figs, "decision."))
		}
		// The trend: its revenue and contribution add up to account_months over the 24 months.
		var o struct {
			XAxis  struct{ Data []string } `json:"xAxis"`
			Series []struct{ Data []*float64 }
		}
		if err := json.Unmarshal([]byte(d.chartOptions("trend")), &o); err != nil {
			t.Fatalf("%s trend: %v", a, err)
		}
		if len(o.XAxis.Data) != 24 || len(o.Series) != 2 {
			t.Fatalf("%s trend: %d months, %d series", a, len(o.XAxis.Data), len(o.Series))
		}
		for i, col := range []string{"revenue", "net_contribution"} {
			sum := 0.0
			for _, v := range o.Series[i].Data {
				if v != nil {
					sum += *v
				}
			}
			want := r.column(t, `select coalesce(sum(`+col+`), 0) from main.account_months
				where account_id = ? and month between date '2024-11-01' and date '2026-10-01'`, a)
			if w, _ := strconv.ParseFloat(want[0], 64); math.Abs(sum-w) > 0.005*24 { // 24 values rounded to the cent
				t.Errorf("%s trend %s: the chart adds up to %.2f, account_months to %s", a, col, sum, want[0])
			}
		}
	}
}

func countPrefix(m map[string][2]string, p string) int {
	n := 0
	for k := range m {
		if strings.HasPrefix(k, p) {
			n++
		}
	}
	return n
}

// sameNumber: two numbers in text agree to the cent (both empty for NULL).
func sameNumber(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && math.Abs(x-y) < 1e-6*max(1, math.Abs(y))
}
