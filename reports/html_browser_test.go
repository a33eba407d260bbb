package reports

import (
	"context"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// htmlChromium finds Debian's Chromium; the report test needs a real browser.
func htmlChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is missing: the HTML report test drives it; run `make deps-chromium` (or apt-get install chromium)")
	return ""
}

// htmlBrowser starts Chromium headless with no network and a fresh profile.
func htmlBrowser(t *testing.T, bin string) (context.Context, context.CancelFunc) {
	t.Helper()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Nothing resolves: a request that slipped past the blocking below
		// still could not leave the machine.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 1000),
	)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("start chromium: %v", err)
	}
	return ctx, func() { cancelTimeout(); cancelCtx(); cancelAlloc() }
}

// htmlTab is a report open in a tab, with what the tab did.
type htmlTab struct {
	ctx      context.Context
	url      string
	mu       sync.Mutex
	requests []string
	problems []string // console errors, exceptions, browser log errors
	dialogs  []string
}

func (p *htmlTab) record(list *[]string, s string) {
	p.mu.Lock()
	*list = append(*list, s)
	p.mu.Unlock()
}

// htmlOpen opens the report in a new tab with every request observed and
// every request but the page's own failed, and waits for its charts.
func htmlOpen(t *testing.T, browser context.Context, path string) *htmlTab {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	p := &htmlTab{ctx: ctx, url: (&url.URL{Scheme: "file", Path: abs}).String()}
	err = chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			p.record(&p.requests, e.Request.URL)
		case *fetch.EventRequestPaused:
			p.record(&p.requests, e.Request.URL)
			go func() {
				if e.Request.URL == p.url {
					chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: e.RequestID})
					return
				}
				chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
			}()
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				p.record(&p.problems, "console."+string(e.Type)+": "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			desc := d.Text
			if d.Exception != nil {
				desc += " " + d.Exception.Description
			}
			p.record(&p.problems, fmt.Sprintf("exception at %d:%d: %s", d.LineNumber+1, d.ColumnNumber+1, desc))
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				p.record(&p.problems, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		case *page.EventJavascriptDialogOpening:
			p.record(&p.dialogs, string(e.Type)+": "+e.Message)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []error{
		callErr(chromedp.Call(ctx, network.Enable, network.EnableParams{})),
		callErr(chromedp.Call(ctx, cdplog.Enable, struct{}{})),
		callErr(chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{})),
		callErr(chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}})),
	} {
		if step != nil {
			t.Fatalf("set up the tab: %v", step)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url)); err != nil {
		t.Fatalf("open %s: %v", p.url, err)
	}
	ms, err := chromedp.Run(ctx, chromedp.Poll[float64](`document.documentElement.getAttribute('data-charts') === 'ready' && window.kamChartsMs`,
		chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		t.Fatalf("the charts never finished rendering: %v (problems: %v)", err, p.problems)
	}
	t.Logf("%s: charts rendered %.0f ms after navigation start", filepath.Base(path), ms)
	return p
}

func callErr[R any](_ R, err error) error { return err }

func htmlEval[T any](t *testing.T, p *htmlTab, js string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

func (p *htmlTab) text(t *testing.T) string { return htmlEval[string](t, p, `document.body.innerText`) }

// checkClean: no console error, no exception, no dialog, and no request but
// the page itself.
func (p *htmlTab) checkClean(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.problems {
		t.Errorf("browser reported: %s", s)
	}
	for _, s := range p.dialogs {
		t.Errorf("a dialog opened (injected script ran): %s", s)
	}
	for _, u := range p.requests {
		if u != p.url {
			t.Errorf("the page requested %s", u)
		}
	}
	if !slices.Contains(p.requests, p.url) {
		t.Errorf("the page's own request was not observed (requests: %v): is the observation working?", p.requests)
	}
}
