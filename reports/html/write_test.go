package html

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"html/template"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/go-echarts/go-echarts/v2/types"

	"kam/reports/report"
)

// failingSource is a warehouse that answers nothing.
type failingSource struct{}

func (failingSource) Query(context.Context, string, ...any) (*sql.Rows, error) {
	return nil, errors.New("no warehouse")
}

func (failingSource) ArrowQuery(context.Context, string, ...any) (array.RecordReader, error) {
	return nil, errors.New("no warehouse")
}

// TestHTMLWithoutChartLibrary: a binary built without the library says so
// and how to fix it, and writes nothing (no page pointing at a CDN).
func TestHTMLWithoutChartLibrary(t *testing.T) {
	saved := assetFS
	t.Cleanup(func() { assetFS = saved })
	assetFS = fstest.MapFS{"assets/README.md": {Data: []byte("make build copies echarts.min.js here")}}
	dir := t.TempDir()
	_, err := Write(context.Background(), failingSource{}, report.Run{Period: "2026-10", Language: "es"}, dir, nil)
	if !errors.Is(err, ErrNoChartLibrary) {
		t.Fatalf("err = %v, want ErrNoChartLibrary", err)
	}
	if !strings.Contains(err.Error(), "make build") {
		t.Errorf("the error does not say how to fix it: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("wrote %d files without the library", len(entries))
	}
}

// TestHTMLEmbeddedLibrary: the binary under test carries the library
// (make build puts it there) and it can be inlined.
func TestHTMLEmbeddedLibrary(t *testing.T) {
	lib, err := echartsJS()
	if err != nil {
		t.Fatal(err)
	}
	if len(lib) < 500_000 || !bytes.Contains(lib, []byte("echarts")) {
		t.Fatalf("the embedded library is %d bytes", len(lib))
	}
}

// TestHTMLFailedWriteLeavesNothing: a report that fails half-way leaves no
// file, neither temporary nor final.
func TestHTMLFailedWriteLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(context.Background(), failingSource{}, report.Run{Period: "2026-10", Language: "en"}, dir, nil); err == nil {
		t.Fatal("no error from a warehouse that answers nothing")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files left behind", len(entries))
	}
}

// TestHTMLChartJSONEscaped: text from the inputs inside chart options
// cannot end the <script> element that carries them.
func TestHTMLChartJSONEscaped(t *testing.T) {
	b := &Builder{lang: "en", loc: newLocale("en", "EUR")}
	hostile := `</script><script>alert(1)</script><!-- & "quoted"`
	c := rect("item", true)
	c.Tooltip.Formatter = types.FuncStr("tip")
	addSeries(c, hostile, "scatter", []chartItem{{Name: hostile, Value: []float64{1, 2}, Tip: tip(hostile, hostile)}})
	ch, err := b.render(hostile, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	js := string(ch.Option)
	if strings.ContainsAny(js, "<>") || strings.Contains(js, "&") && !strings.Contains(js, `\u0026`) {
		t.Fatalf("chart options carry raw <, > or &: %s", js)
	}
	var back map[string]any
	if err := json.Unmarshal([]byte(js), &back); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mustJSON(t, back)), "alert(1)") {
		t.Errorf("the name was lost: %s", js)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHTMLTemplateEscapes: titles, notes, tiles and cells are escaped.
func TestHTMLTemplateEscapes(t *testing.T) {
	hostile := `<img src=x onerror=alert(1)>`
	p := page{Lang: "en", Title: hostile, Meta: [][2]string{{"Input", hostile}}, TOC: "Contents", CSP: csp("1", "2"),
		Library: template.JS("1"), Script: template.JS("2"), Locale: template.JS(`{}`),
		Sections: []Section{{ID: "summary", Title: hostile, Notes: []string{hostile}, Blocks: []block{
			{Heading: hostile},
			{Tiles: []tile{{Key: "k", Label: hostile, Value: hostile}}},
			{Table: &table{ID: "t", Cols: []column{{Label: hostile, Title: hostile}}, Rows: [][]cell{{{Text: hostile, Sort: "1"}}}}},
			{Chart: &chart{ID: "chart-1", Title: hostile, Option: template.JS(`{"a":"\u003c/script\u003e"}`)}},
		}}}}
	var out bytes.Buffer
	if err := pageTemplate.Execute(&out, p); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	if strings.Contains(page, "<img") {
		t.Errorf("an <img> element reached the page:\n%s", page)
	}
	if n := strings.Count(page, "&lt;img src=x onerror=alert(1)&gt;"); n < 7 {
		t.Errorf("the hostile text shows escaped %d times, want every place (7)", n)
	}
	if n := strings.Count(page, "<script"); n != 4 {
		t.Errorf("%d <script elements, want the locale, the chart options, the library and the page's script", n)
	}
}
