package packs_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
	"golang.org/x/net/html"

	"kam/pipeline"
	"kam/reports"
	"kam/reports/packs/paths"
)

const (
	sampleInput = "../../sample-data/input"
	period      = "2026-10"
)

// sampleRun is the pipeline run on the committed sample, with the main
// report and the packs written in English (into the period folder, as
// kam run does) and in Spanish (into es/).
type sampleRun struct {
	dirs    map[string]string // language → folder holding the report, kams/ and accounts/
	db      *sql.DB
	paths   paths.Paths
	outputs []string
	err     error
}

var (
	runOnce sync.Once
	run     sampleRun
	tmpDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
	os.Exit(code)
}

func sample(t *testing.T) *sampleRun {
	t.Helper()
	runOnce.Do(func() {
		var err error
		if tmpDir, err = os.MkdirTemp("", "kam-packs-"); err != nil {
			run.err = err
			return
		}
		run.dirs = map[string]string{"en": filepath.Join(tmpDir, period), "es": filepath.Join(tmpDir, "es")}
		cfg := pipeline.DefaultConfig()
		db := filepath.Join(tmpDir, "kam.duckdb")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		m, err := pipeline.Run(ctx, pipeline.RunOptions{Command: "run", Input: sampleInput, Out: tmpDir, DB: db, Period: period, Config: cfg,
			Reports: func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, staged string) ([]string, error) {
				var files []string
				for _, lang := range []string{"en", "es"} {
					dir := staged
					if lang == "es" {
						dir = run.dirs["es"]
					}
					if err := os.MkdirAll(dir, 0o755); err != nil {
						return nil, err
					}
					if _, err := reports.WriteHTML(ctx, w, reports.Run{Period: m.Period, Language: lang, Manifest: m}, dir); err != nil {
						return nil, err
					}
					if _, err := reports.WriteExcel(ctx, w, reports.Run{Period: m.Period, Language: lang, Manifest: m}, dir); err != nil {
						return nil, err
					}
					fs, err := reports.WritePacks(ctx, w, reports.Run{Period: m.Period, Language: lang, Manifest: m}, dir)
					if err != nil {
						return nil, err
					}
					if lang == "en" {
						files = fs
					}
				}
				return files, nil
			}})
		if err != nil {
			run.err = err
			return
		}
		run.outputs = m.Outputs
		if run.db, err = sql.Open("duckdb", db+"?access_mode=read_only"); err != nil {
			run.err = err
			return
		}
		run.paths, run.err = paths.Read(context.Background(), ctxDB{run.db})
	})
	if run.err != nil {
		t.Fatalf("run the sample: %v", run.err)
	}
	return &run
}

// strings of one column of a query.
func (r *sampleRun) column(t *testing.T, q string, args ...any) []string {
	t.Helper()
	rows, err := r.db.Query(`select cast(columns(*) as varchar) from (`+q+`)`, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s.String)
	}
	slices.Sort(out)
	return out
}

// doc is a written page, parsed.
type doc struct {
	path string
	root *html.Node
}

func parse(t *testing.T, path string) doc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc{path, n}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func (d doc) each(f func(*html.Node)) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		f(n)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(d.root)
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// figs are the page's figures: data-fig → (data-v, shown text).
func (d doc) figs() map[string][2]string {
	out := map[string][2]string{}
	d.each(func(n *html.Node) {
		if k, ok := attr(n, "data-fig"); ok && k != "" {
			v, _ := attr(n, "data-v")
			out[k] = [2]string{v, text(n)}
		}
	})
	return out
}

// links are the page's hrefs.
func (d doc) links() []string {
	var out []string
	d.each(func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			if h, ok := attr(n, "href"); ok {
				out = append(out, h)
			}
		}
	})
	return out
}

// scriptSrcs are the src attributes of the page's scripts.
func (d doc) scriptSrcs() []string {
	var out []string
	d.each(func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			if s, ok := attr(n, "src"); ok {
				out = append(out, s)
			}
		}
	})
	return out
}

// chartOptions is the JSON of the chart with id.
func (d doc) chartOptions(id string) string {
	var out string
	d.each(func(n *html.Node) {
		if v, ok := attr(n, "data-for"); ok && v == id {
			out = text(n)
		}
	})
	return out
}

// ctxDB is a read-only connection as a Source.
type ctxDB struct{ *sql.DB }

func (c ctxDB) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return c.QueryContext(ctx, q, args...)
}
