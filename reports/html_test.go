package reports

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"kam/pipeline"
	"kam/reports/html"
)

// The names the injection copy of the fixture gives to two units
// (testdata/html/accounts.csv): if either ran, a dialog would open.
var htmlInjected = []string{"<script>alert(1)</script>", "</script><img src=x onerror=alert(2)>"}

const htmlFixture = "../pipeline/testdata/fixture/in"

// htmlFixtureInput assembles the hand-computed fixture with the accounts
// file of testdata/html, whose only change is the two hostile names.
func htmlFixtureInput(t *testing.T) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(htmlFixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		src := filepath.Join(htmlFixture, e.Name())
		if e.Name() == "accounts.csv" {
			src = filepath.Join("testdata", "html", "accounts.csv")
		}
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return in
}

// TestHTMLInjectionCopy keeps testdata/html/accounts.csv the fixture's
// accounts file with only the two names changed, so the report test runs
// on the fixture's numbers.
func TestHTMLInjectionCopy(t *testing.T) {
	orig, err := os.ReadFile(filepath.Join(htmlFixture, "accounts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	copied, err := os.ReadFile(filepath.Join("testdata", "html", "accounts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(string(orig), "G1,Grupo Uno,", "G1,"+htmlInjected[0]+",", 1)
	want = strings.Replace(want, "S1,Solo,", "S1,"+htmlInjected[1]+",", 1)
	if string(copied) != want {
		t.Fatalf("testdata/html/accounts.csv is no longer the fixture's accounts.csv with G1 and S1 renamed; rewrite it:\n%s", want)
	}
}

// htmlRun runs the pipeline on the injection copy of the fixture for
// 2026-10 and writes the report in both languages; it returns the pages and
// the finished warehouse.
func htmlRun(t *testing.T) (map[string]string, *sql.DB) {
	t.Helper()
	out := t.TempDir()
	cfg := pipeline.DefaultConfig()
	cfg.RejectLimit = 1
	pages := map[string]string{}
	db := filepath.Join(out, "kam.duckdb")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	_, err := pipeline.Run(ctx, pipeline.RunOptions{Command: "run", Input: htmlFixtureInput(t), Out: out, DB: db, Period: "2026-10", Config: cfg,
		Reports: func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, _ string) ([]string, error) {
			for _, lang := range []string{"en", "es"} {
				dir := filepath.Join(out, "html-"+lang)
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return nil, err
				}
				start := time.Now()
				path, err := WriteHTML(ctx, w, Run{Period: m.Period, Language: lang, Manifest: m}, dir)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", lang, err)
				}
				t.Logf("%s report written in %v: %s", lang, time.Since(start).Round(time.Millisecond), path)
				pages[lang] = path
			}
			return nil, nil
		}})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	conn, err := sql.Open("duckdb", db+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return pages, conn
}

// htmlKPIs reads kpi_summary as the tiles should show it.
func htmlKPIs(t *testing.T, db *sql.DB) map[string][2]any {
	t.Helper()
	rs, err := db.Query(`select kpi, unit, value from main.kpi_summary`)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	out := map[string][2]any{}
	for rs.Next() {
		var kpi, unit string
		var v sql.NullFloat64
		if err := rs.Scan(&kpi, &unit, &v); err != nil {
			t.Fatal(err)
		}
		var val any
		if v.Valid {
			val = v.Float64
		}
		out[kpi] = [2]any{unit, val}
	}
	if len(out) < 10 {
		t.Fatalf("kpi_summary has %d rows", len(out))
	}
	return out
}

func TestHTMLReport(t *testing.T) {
	chromium := htmlChromium(t)
	pages, db := htmlRun(t)
	kpis := htmlKPIs(t, db)
	shots := os.Getenv("KAM_HTML_SHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots of every section in %s", shots)
	if os.Getenv("KAM_HTML_SHOTS") != "" { // keep the pages next to their screenshots
		defer func() {
			for lang, p := range pages {
				if b, err := os.ReadFile(p); err == nil {
					os.WriteFile(filepath.Join(shots, "portfolio-"+lang+".html"), b, 0o644)
				}
			}
		}()
	}
	browser, cancel := htmlBrowser(t, chromium)
	defer cancel()

	// Hand-computed: LTM revenue of the fixture is 160 000 attributed + 500
	// unattributed; the KPI tile must show it in each language's format.
	literal := map[string]map[string]string{
		"en": {"revenue_ltm": "€160,500", "net_contribution_ltm": "€44,320", "key_revenue_share": "92.5%"},
		"es": {"revenue_ltm": "160.500\u00a0€", "net_contribution_ltm": "44.320\u00a0€", "key_revenue_share": "92,5\u00a0%"},
	}
	for _, lang := range []string{"en", "es"} {
		t.Run(lang, func(t *testing.T) {
			p := htmlOpen(t, browser, pages[lang])
			p.checkClean(t)
			p.checkCharts(t, 19)
			p.checkInjection(t)
			p.checkSort(t)

			shown := p.kpiTiles(t)
			for _, k := range html.KPIOrder {
				want, ok := kpis[k]
				if !ok {
					continue
				}
				if got, exp := shown[k], html.FormatValue(lang, "EUR", want[0].(string), want[1]); got != exp {
					t.Errorf("KPI %s shows %q, kpi_summary holds %v (%q)", k, got, want[1], exp)
				}
			}
			for k, want := range literal[lang] {
				if shown[k] != want {
					t.Errorf("KPI %s shows %q, want %q", k, shown[k], want)
				}
			}
			if got := htmlEval[string](t, p, `document.documentElement.lang + ' ' + document.querySelector('.toc-title').textContent`); got != map[string]string{"en": "en Contents", "es": "es Contenido"}[lang] {
				t.Errorf("the %s report's language and contents title are %q", lang, got)
			}
			p.checkPrint(t, filepath.Join(shots, lang+"-print.pdf"))
			p.screenshots(t, shots, lang)
			p.checkMobile(t)
			p.checkClean(t) // printing, screenshots and the phone width asked for nothing either
		})
	}
}
