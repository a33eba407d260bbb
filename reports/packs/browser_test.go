package packs_test

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"kam/reports/packs/paths"
)

// browser starts Debian's Chromium headless, with a fresh profile and no
// name resolving, so nothing could leave the machine.
func browser(t *testing.T) context.Context {
	t.Helper()
	var bin string
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Fatal("chromium is missing: the pack tests drive it; run `make deps-chromium` (or apt-get install chromium)")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000))
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 8*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// tab is a page open offline, with the requests it made and the problems
// the browser reported.
type tab struct {
	ctx      context.Context
	url      string // the page's own file: URL
	lib      string // the file: URL of its period folder's chart library
	mu       sync.Mutex
	requests []string
	problems []string
}

// newTab opens a tab whose every request fails but the page's own and the
// chart library's beside it (both file: URLs).
func newTab(t *testing.T, b context.Context) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b)
	t.Cleanup(cancel)
	p := &tab{ctx: ctx}
	add := func(list *[]string, s string) { p.mu.Lock(); *list = append(*list, s); p.mu.Unlock() }
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *fetch.EventRequestPaused:
			add(&p.requests, e.Request.URL)
			p.mu.Lock()
			own := e.Request.URL == p.url || e.Request.URL == p.lib
			p.mu.Unlock()
			go func() {
				if own {
					chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: e.RequestID})
					return
				}
				chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
			}()
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				add(&p.problems, "console.error")
			}
		case *runtime.EventExceptionThrown:
			add(&p.problems, fmt.Sprintf("exception: %s", e.ExceptionDetails.Text))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	return p
}

// open loads the page at rel in the period folder dir, forgetting what the
// previous one did.
func (p *tab) open(t *testing.T, dir, rel string) {
	t.Helper()
	abs, _ := filepath.Abs(filepath.Join(dir, filepath.FromSlash(rel)))
	lib, _ := filepath.Abs(filepath.Join(dir, filepath.FromSlash(paths.ChartLibrary)))
	p.mu.Lock()
	p.url, p.lib, p.requests, p.problems = fileURL(abs), fileURL(lib), nil, nil
	p.mu.Unlock()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.url)); err != nil {
		t.Fatalf("open %s: %v", rel, err)
	}
}

func fileURL(abs string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

func eval[T any](t *testing.T, p *tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// clean: every chart drawn, no error, no request but the page's own and
// the chart library's beside it (file: URLs: nothing over http(s)).
func (p *tab) clean(t *testing.T, name string) {
	t.Helper()
	charts := eval[int](t, p, `document.querySelectorAll('.plot').length`)
	drawn := eval[int](t, p, `document.querySelectorAll('.plot[data-drawn] svg').length`)
	if charts == 0 || drawn != charts {
		t.Errorf("%s: %d of %d charts drawn", name, drawn, charts)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.problems {
		t.Errorf("%s: %s", name, s)
	}
	for _, u := range p.requests {
		if u != p.url && u != p.lib {
			t.Errorf("%s requested %s", name, u)
		}
	}
}

// pdfPages prints the tab as Chromium prints to PDF (the page's own A4
// size) and counts the pages with poppler's pdfinfo.
func (p *tab) pdfPages(t *testing.T, file string) int {
	t.Helper()
	yes := true
	res, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
	if err != nil {
		t.Fatalf("print %s: %v", file, err)
	}
	if err := os.WriteFile(file, res.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Fatal("pdfinfo is missing: the one-page test counts pages with it; run `make deps-libreoffice` (or apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", file, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	size := regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+) pts`).FindSubmatch(out)
	if m == nil || size == nil {
		t.Fatalf("pdfinfo %s: %s", file, out)
	}
	var w, h float64
	fmt.Sscan(string(size[1]), &w)
	fmt.Sscan(string(size[2]), &h)
	if math.Abs(w-595.28) > 1 || math.Abs(h-841.89) > 1 {
		t.Errorf("%s: page size %.2f x %.2f pts, not A4 portrait (595.28 x 841.89)", file, w, h)
	}
	var n int
	fmt.Sscan(string(m[1]), &n)
	return n
}

// TestAccountPagesPrintOnOnePage opens every key account's page and every
// pack offline in Chromium, in both languages: no request but the page and
// the period folder's chart library (file:), no error, every chart drawn; each account page prints on one A4 page.
// KAM_PACKS_SHOTS=dir keeps screenshots and PDFs to look at.
func TestAccountPagesPrintOnOnePage(t *testing.T) {
	r := sample(t)
	b := browser(t)
	shots := os.Getenv("KAM_PACKS_SHOTS")
	out := t.TempDir()
	if shots != "" {
		out = shots
	}
	p := newTab(t, b)
	for lang, dir := range r.dirs {
		for i, a := range r.paths.Accounts() {
			p.open(t, dir, r.paths.Account(a))
			name := lang + " " + a
			p.clean(t, name)
			if n := p.pdfPages(t, filepath.Join(out, lang+"-"+a+".pdf")); n != 1 {
				t.Errorf("%s prints on %d pages, want 1", name, n)
			}
			if shots != "" && i < 3 {
				shoot(t, p, filepath.Join(shots, lang+"-"+a+".png"))
			}
		}
		for i, k := range r.paths.KAMs() {
			p.open(t, dir, r.paths.KAMHTML(k))
			p.clean(t, lang+" pack "+k)
			if shots != "" && i < 2 {
				shoot(t, p, filepath.Join(shots, lang+"-kam-"+k+".png"))
			}
		}
	}
}

func shoot(t *testing.T, p *tab, file string) {
	buf, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf, 0o644); err != nil {
		t.Fatal(err)
	}
}
