package reports

import (
	"context"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kam/i18n"
	"kam/pipeline"
	"kam/reports/html"
)

// TestHTMLTopRowsCounted: a table that shows the first rows of a longer
// list says how many rows the list has, and so do the headings and the
// chart notes that count them. The report reads only the rows it shows and
// counts the rest apart (at 100,000 accounts it read every row to show 25),
// so each count is checked against the mart, counted here in other words.
// The sample data (300 accounts; 2026-09 run first, so that 2026-10 has
// movers) has more rows than each table shows, except the KAMs, whose
// table is whole. Its service costs stop before October 2026 here, so the
// moves by ABC class are not comparable: the movers list leaves them out.
func TestHTMLTopRowsCounted(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	if err := os.CopyFS(in, os.DirFS(filepath.Join("..", "sample-data", "input"))); err != nil {
		t.Fatal(err)
	}
	costs := filepath.Join(in, "finanzas", "costes_servicio.csv")
	b, err := os.ReadFile(costs)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if !strings.Contains(l, "/10/2026;") {
			kept = append(kept, l)
		}
	}
	if err := os.WriteFile(costs, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	db := filepath.Join(out, "kam.duckdb")
	cfg := pipeline.DefaultConfig()
	ctx := context.Background()
	if _, err := pipeline.Run(ctx, pipeline.RunOptions{Command: "run", Input: in, Out: out, DB: db, Period: "2026-09", Config: cfg}); err != nil {
		t.Fatal(err)
	}
	type list struct {
		table   string // the table's id (t-<id>), "" for a chart's note alone
		limit   int    // the rows it shows at most
		count   string // its rows, counted from the mart
		heading string // a heading that counts them too, if any
		chart   bool   // a chart's note: "the first limit of n are drawn"
	}
	lists := []list{
		{table: "growth", limit: 25, count: `select count(*) from main.account_growth`},
		{table: "whitespace", limit: 25, count: `select count(*) from main.account_whitespace`},
		{table: "matrix", limit: 25, count: `select count(*) from main.portfolio_matrix`},
		{table: "movers", limit: 25, count: `select count(*) from main.movers where coalesce(is_comparable, true)`},
		{table: "plan", limit: 50, count: `select count(*) from main.plan_vs_actual`},
		{table: "loss", limit: 25, count: `select count(*) from main.account_profitability where time_window = 'ltm' and is_loss_making`,
			heading: "html.loss_making"},
		{table: "action", limit: 40, count: `select count(*) from main.account_health
			where is_revenue_at_risk or health_band = 'at_risk' or health_band = 'needs_attention'`, heading: "html.needing_action"},
		{table: "kams", limit: 50, count: `select count(*) from main.kam_performance`},
		{chart: true, limit: 30, count: `select count(*) from main.plan_vs_actual
			where attainment_pct is not null and not isnan(attainment_pct) and coalesce(status, '') <> 'not_started'`},
	}
	counts := make([]int, len(lists))
	var page string
	var notComparable int
	_, err = pipeline.Run(ctx, pipeline.RunOptions{Command: "run", Input: in, Out: out, DB: db, Period: "2026-10", Config: cfg,
		Reports: func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, _ string) ([]string, error) {
			for i, l := range lists {
				if err := w.QueryRow(ctx, l.count).Scan(&counts[i]); err != nil {
					return nil, err
				}
			}
			if err := w.QueryRow(ctx, `select count(*) from main.movers where not is_comparable`).Scan(&notComparable); err != nil {
				return nil, err
			}
			p, err := WriteHTML(ctx, w, Run{Period: m.Period, Language: "en", Manifest: m}, t.TempDir())
			if err != nil {
				return nil, err
			}
			b, err := os.ReadFile(p)
			page = string(b)
			return nil, err
		}})
	if err != nil {
		t.Fatal(err)
	}
	if notComparable == 0 {
		t.Fatal("every move compares: the test needs moves the list leaves out")
	}
	num := func(n int) string { return html.FormatValue("en", "EUR", "count", n) }
	for i, l := range lists {
		n := counts[i]
		if l.table == "kams" && n > l.limit || l.table != "kams" && n <= l.limit {
			t.Fatalf("the sample has %d rows for %q (limit %d): the test needs the other side of the limit", n, l.table, l.limit)
		}
		if l.chart {
			if want := template.HTMLEscapeString(i18n.T("en", "html.top_values", num(l.limit), num(n))); !strings.Contains(page, `<p class="note">`+want+`</p>`) {
				t.Errorf("no chart note %q", want)
			}
			continue
		}
		m := regexp.MustCompile(`(?s)<table class="sortable" id="t-` + l.table + `">(.*?)</tbody></table>(?:<p class="note">(.*?)</p>)?</div>`).FindStringSubmatch(page)
		if m == nil {
			t.Errorf("no table t-%s", l.table)
			continue
		}
		rows, note := strings.Count(m[1], "<tr>")-1, m[2]
		if want := min(n, l.limit); rows != want {
			t.Errorf("table %s shows %d rows, want %d", l.table, rows, want)
		}
		switch want := template.HTMLEscapeString(i18n.T("en", "html.top_rows", num(l.limit), num(n))); {
		case n <= l.limit && note != "":
			t.Errorf("table %s shows all of its %d rows but notes %q", l.table, n, note)
		case n > l.limit && !strings.HasPrefix(note, want):
			t.Errorf("table %s notes %q, want %q", l.table, note, want)
		}
		if l.heading != "" {
			if want := template.HTMLEscapeString(i18n.T("en", l.heading, num(n))); !strings.Contains(page, want) {
				t.Errorf("table %s: no heading %q", l.table, want)
			}
		}
	}
}
