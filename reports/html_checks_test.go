package reports

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// What the browser test asserts about an open report.

// checkCharts: every chart container holds a drawn SVG or canvas of
// non-zero size with shapes in it.
func (p *htmlTab) checkCharts(t *testing.T, atLeast int) {
	t.Helper()
	type box struct {
		ID, Title string
		W, H      float64
		Shapes    int
	}
	boxes := htmlEval[[]box](t, p, `Array.from(document.querySelectorAll('.chart')).map(el => {
		const c = el.querySelector('svg, canvas'); const r = c ? c.getBoundingClientRect() : {width: 0, height: 0};
		return {ID: el.id, Title: el.getAttribute('aria-label'), W: r.width, H: r.height,
			Shapes: c ? c.querySelectorAll('path, rect, circle, text').length : 0};
	})`)
	if len(boxes) < atLeast {
		t.Errorf("%d chart containers, want at least %d", len(boxes), atLeast)
	}
	for _, b := range boxes {
		if b.W <= 0 || b.H <= 0 || b.Shapes < 3 {
			t.Errorf("chart %s (%s) is not drawn: %.0f×%.0f px, %d shapes", b.ID, b.Title, b.W, b.H, b.Shapes)
		}
	}
}

// checkInjection: the hostile names show as text, in the page and in a
// chart tooltip, and nothing they contain became an element.
func (p *htmlTab) checkInjection(t *testing.T) {
	t.Helper()
	text := p.text(t)
	for _, name := range htmlInjected {
		if !strings.Contains(text, name) {
			t.Errorf("the account name %q does not appear as text", name)
		}
	}
	if n := htmlEval[int](t, p, `document.querySelectorAll('img, iframe, object, embed').length`); n != 0 {
		t.Errorf("%d img/iframe/object elements in the page", n)
	}
	if n := htmlEval[int](t, p, `document.querySelectorAll('script:not([type="application/json"])').length`); n != 2 {
		t.Errorf("%d executable scripts, want the library and the page's own", n)
	}
	// Show the tooltip of every data point named after an account with a
	// '<' in its name; it must hold the name as text.
	shown := htmlEval[[]string](t, p, `(() => {
		const out = [];
		document.querySelectorAll('.chart').forEach(el => {
			const c = echarts.getInstanceByDom(el), opt = c.getOption();
			(opt.series || []).forEach((s, si) => (s.data || []).forEach((d, di) => {
				if (d && typeof d.name === 'string' && d.name.includes('<') && d.tip) {
					c.dispatchAction({type: 'showTip', seriesIndex: si, dataIndex: di});
					const tipEl = Array.from(el.querySelectorAll('div')).find(x => x.textContent.includes(d.name));
					out.push(tipEl ? tipEl.textContent : 'no tooltip for ' + d.name);
					c.dispatchAction({type: 'hideTip'});
				}
			}));
		});
		return out;
	})()`)
	if len(shown) == 0 {
		t.Errorf("no chart point is named after the hostile accounts")
	}
	for _, s := range shown {
		if !strings.Contains(s, htmlInjected[0]) && !strings.Contains(s, htmlInjected[1]) {
			t.Errorf("tooltip %q does not show the name as text", s)
		}
	}
	if n := htmlEval[int](t, p, `document.querySelectorAll('img, iframe').length`); n != 0 {
		t.Errorf("showing tooltips created %d img/iframe elements", n)
	}
}

// checkSort clicks a numeric header of the matrix table twice.
func (p *htmlTab) checkSort(t *testing.T) {
	t.Helper()
	order := func() []float64 {
		return htmlEval[[]float64](t, p, `(() => {
			const th = document.querySelector('#t-matrix th.num'), i = Array.from(th.parentNode.children).indexOf(th);
			return Array.from(document.querySelectorAll('#t-matrix tbody tr')).map(r => parseFloat(r.cells[i].dataset.sort));
		})()`)
	}
	for _, want := range []string{"descending", "ascending"} {
		if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#t-matrix th.num .sort`))); err != nil {
			t.Fatal(err)
		}
		got := order()
		sorted := slices.IsSorted(got)
		if want == "descending" {
			sorted = slices.IsSortedFunc(got, func(a, b float64) int { return -cmpFloat(a, b) })
		}
		if len(got) < 2 || !sorted {
			t.Errorf("after a click the matrix table is not %s: %v", want, got)
		}
	}
}

func atof(b []byte) float64 { f, _ := strconv.ParseFloat(string(b), 64); return f }

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// kpiTiles reads the value shown on each KPI tile.
func (p *htmlTab) kpiTiles(t *testing.T) map[string]string {
	t.Helper()
	return htmlEval[map[string]string](t, p, `Object.fromEntries(Array.from(document.querySelectorAll('#sec-summary .tile'))
		.map(el => [el.dataset.kpi, el.querySelector('.value').textContent]))`)
}

// checkPrint prints the page as Chromium would on A4 landscape: each of the
// nine sections starts a page.
func (p *htmlTab) checkPrint(t *testing.T, path string) {
	t.Helper()
	pdf, err := chromedp.Call(p.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true), PrintBackground: new(true)})
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	if err := os.WriteFile(path, pdf.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf.Data, -1))
	if pages < 9 {
		t.Errorf("printed %d pages, want at least one per section (9)", pages)
	}
	box := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)`).FindSubmatch(pdf.Data)
	if box == nil {
		t.Errorf("no MediaBox in the printed PDF")
	} else if w, h := atof(box[1]), atof(box[2]); w <= h {
		t.Errorf("the printed page is %v × %v pt, not landscape", w, h)
	}
	if filled := htmlPageFilled(t, path, 1); filled < 1.0/3 {
		t.Errorf("printed page 1 is %.0f %% blank: the headline and decisions should fill more than a third of it", 100*(1-filled))
	} else {
		t.Logf("printed page 1 filled down to %.0f %% of its height", 100*filled)
	}
	t.Logf("printed %d pages to %s", pages, path)
}

// htmlPageFilled renders one page of a PDF with poppler's pdftoppm and
// returns how far down the page its lowest non-white pixel lies (0–1).
func htmlPageFilled(t *testing.T, pdf string, n int) float64 {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Fatal("pdftoppm is missing (poppler-utils): make deps-libreoffice installs it")
	}
	prefix := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command(bin, "-r", "40", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-singlefile", "-png", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	last := b.Min.Y
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				last = y
				break
			}
		}
	}
	return float64(last-b.Min.Y+1) / float64(b.Dy())
}

// screenshots saves a PNG of each section.
func (p *htmlTab) screenshots(t *testing.T, dir, lang string) {
	t.Helper()
	ids := htmlEval[[]string](t, p, `Array.from(document.querySelectorAll('section.sec')).map(s => s.id)`)
	if len(ids) != len(sections()) {
		t.Errorf("%d sections, the catalogue declares %d", len(ids), len(sections()))
	}
	for i, id := range ids {
		png, err := chromedp.Run(p.ctx, chromedp.Screenshot(chromedp.CSS("#"+id)))
		if err != nil {
			t.Fatalf("screenshot %s: %v", id, err)
		}
		if !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Fatalf("screenshot %s is not a PNG", id)
		}
		name := filepath.Join(dir, fmt.Sprintf("%s-%d-%s.png", lang, i+1, strings.TrimPrefix(id, "sec-")))
		if err := os.WriteFile(name, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkMobile: loaded at a phone's width (390 px), the page does not
// scroll sideways; a table wider than its box scrolls inside it (the
// wrapper's overflow-x), and keeps its columns wide enough that no cell
// reads a word per line.
func (p *htmlTab) checkMobile(t *testing.T) {
	t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatalf("phone viewport: %v", err)
	}
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.url)); err != nil {
		t.Fatalf("open %s at 390 px: %v", p.url, err)
	}
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[float64](`document.documentElement.getAttribute('data-charts') === 'ready' && window.kamChartsMs`,
		chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("at 390 px the charts never finished rendering: %v", err)
	}
	if w := htmlEval[float64](t, p, `document.documentElement.scrollWidth`); w > 391 {
		t.Errorf("at 390 px the page itself is %.0f px wide: it scrolls sideways", w)
	}
	type wrap struct {
		ID             string
		Scroll, Client float64
		Overflow       string
		Squeezed       []string
	}
	ws := htmlEval[[]wrap](t, p, `Array.from(document.querySelectorAll('.table-wrap')).filter(w => w.offsetParent && w.querySelector('table')).map(w => {
		const tb = w.querySelector('table');
		const squeezed = Array.from(tb.querySelectorAll('tbody td')).filter(td => {
			const r = document.createRange(); r.selectNodeContents(td);
			const lines = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size;
			const words = td.innerText.trim().split(/\s+/).filter(Boolean).length;
			return lines >= 3 && words / lines < 1.5;
		}).map(td => td.innerText.trim());
		return {ID: tb.id, Scroll: w.scrollWidth, Client: w.clientWidth, Overflow: getComputedStyle(w).overflowX, Squeezed: squeezed.slice(0, 3)};
	})`)
	wide := 0
	for _, w := range ws {
		if len(w.Squeezed) > 0 {
			t.Errorf("table %s at 390 px squeezes cells to a word per line: %q", w.ID, w.Squeezed)
		}
		if w.Scroll <= w.Client+1 {
			continue
		}
		wide++
		if w.Overflow != "auto" && w.Overflow != "scroll" {
			t.Errorf("table %s is %.0f px in a %.0f px box that does not scroll (overflow-x %s)", w.ID, w.Scroll, w.Client, w.Overflow)
		}
	}
	if wide == 0 {
		t.Errorf("no table is wider than a phone: the check proves nothing")
	}
}
