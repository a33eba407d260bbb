// Command render opens kam's HTML reports in headless Chromium with the
// network off and prints, for each, its size and the time from navigation
// start to the last chart rendered (the page records it in kamChartsMs).
//
//	go run ./bench/render [-runs 3] out/2026-10/portfolio-2026-10.html ...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	runs := flag.Int("runs", 3, "loads of each page (the median is printed)")
	flag.Parse()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		fmt.Fprintln(os.Stderr, "render: chromium is missing: make deps-chromium")
		os.Exit(1)
	}
	profile, _ := os.MkdirTemp("", "kam-render-")
	defer os.RemoveAll(profile)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"), chromedp.UserDataDir(profile),
		chromedp.WindowSize(1440, 1000))
	defer cancel()
	fmt.Println("| page | size MB | charts rendered, median ms | runs |\n|---|---|---|---|")
	for _, page := range flag.Args() {
		abs, _ := filepath.Abs(page)
		info, err := os.Stat(abs)
		if err != nil {
			fmt.Fprintln(os.Stderr, "render:", err)
			os.Exit(1)
		}
		var times []float64
		for range *runs {
			ctx, done := chromedp.NewContext(alloc)
			ctx, stop := context.WithTimeout(ctx, 3*time.Minute)
			err := chromedp.Do(ctx, chromedp.Navigate("file://"+abs))
			var ms float64
			if err == nil {
				ms, err = chromedp.Run(ctx, chromedp.Poll[float64](`document.documentElement.getAttribute('data-charts') === 'ready' && window.kamChartsMs`,
					chromedp.WithPollingTimeout(2*time.Minute)))
			}
			stop()
			done()
			if err != nil {
				fmt.Fprintf(os.Stderr, "render: %s: %v\n", page, err)
				os.Exit(1)
			}
			times = append(times, ms)
		}
		sort.Float64s(times)
		fmt.Printf("| %s | %.1f | %.0f | %d |\n", page, float64(info.Size())/1e6, times[len(times)/2], len(times))
	}
}
