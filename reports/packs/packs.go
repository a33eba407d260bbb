// Package packs writes, beside the period's report, a pack for each KAM
// (kams/<kam>.html and .xlsx: only their accounts — P&L, plan, pipeline,
// health, decisions) and a one-page plan for each key account
// (accounts/<account>.html, one A4 page in print). Like the other writers
// it only reads marts; the file names come from package paths, which the
// main report and the workbook use for their links.
package packs

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"kam/i18n"
	"kam/reports/html"
	"kam/reports/packs/paths"
	"kam/reports/report"
)

type writer struct {
	ctx    context.Context
	dir    string // the period folder
	d      *data
	l      locale
	run    report.Run
	lib    []byte // the chart library, written once to paths.ChartLibrary
	report string // the main report's file name, in the period folder
	config template.JS
}

// Write writes the packs and pages into dir (the period folder) and returns
// their paths; html.ErrNoChartLibrary when kam was built without the chart
// library (as the main report).
func Write(ctx context.Context, src report.Source, run report.Run, dir string) ([]string, error) {
	lib, err := html.ChartLibrary()
	if err != nil {
		return nil, err
	}
	d, err := readData(ctx, src, run.Period)
	if err != nil {
		return nil, err
	}
	lang := i18n.Lang(run.Language)
	w := &writer{ctx: ctx, dir: dir, d: d, l: newLocale(lang, d.currency), run: run, lib: lib, report: "portfolio-" + run.Period + ".html"}
	cfg, err := json.Marshal(map[string]string{"tag": w.l.f.Tag, "currency": d.currency})
	if err != nil {
		return nil, err
	}
	w.config = template.JS(cfg)
	accounts := d.paths.Accounts()
	if len(accounts) == 0 && d.packs == 0 {
		return nil, nil
	}
	// One copy of the library for every pack and page of the period,
	// loaded by a relative <script src>: inlined, it made each page
	// 1.1 MB (a gigabyte of account pages at 1,000 key accounts).
	f, err := writeFile(dir, paths.ChartLibrary, func(bw *bufio.Writer) error {
		_, err := bw.Write(lib)
		return err
	})
	if err != nil {
		return nil, err
	}
	pages, kams, err := w.stream(ctx, src, accounts)
	if err != nil {
		return nil, err
	}
	return append(append([]string{f}, pages...), kams...), nil
}

// stream reads the groups in order and writes them batch by batch, and
// returns the files of the account pages (in the order of accounts) and
// of the KAMs' packs (the HTML then the workbook of each, in the packs'
// order).
func (w *writer) stream(ctx context.Context, src report.Source, accounts []string) ([]string, []string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rd, err := openReader(ctx, src, w.d)
	if err != nil {
		return nil, nil, err
	}
	release := func(b []*group) {
		for _, g := range b {
			g.release()
		}
	}
	// The batches are read on one goroutine (the only one that queries)
	// while the previous batch is written.
	batches := make(chan []*group)
	var readErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(batches)
		defer rd.close()
		for {
			b, err := rd.batch()
			if err != nil {
				readErr = err
				return
			}
			if b == nil {
				return
			}
			select {
			case batches <- b:
			case <-ctx.Done():
				release(b)
				return
			}
		}
	})
	at := make(map[string]int, len(accounts)) // each page's place among the files
	for i, id := range accounts {
		at[id] = i
	}
	pageFiles := make([]string, len(accounts))
	var kamFiles []string
	var werr error
	for b := range batches {
		if werr == nil {
			if werr = w.writeBatch(b, at, pageFiles, &kamFiles); werr != nil {
				cancel()
			}
		}
		release(b)
	}
	wg.Wait()
	if werr != nil {
		return nil, nil, werr
	}
	if readErr != nil {
		return nil, nil, readErr
	}
	for i, f := range pageFiles {
		if f == "" {
			return nil, nil, fmt.Errorf("page of key account %s: in no group of the marts' rows", accounts[i])
		}
	}
	return pageFiles, kamFiles, nil
}

// writeBatch writes the pages and packs of a batch of groups in parallel:
// the workbooks one after another on one goroutine — excelize keeps the
// rules of icon-set conditional formats in shared variables, which two
// workbooks written at once overwrite in each other (the report's
// workbook, written beside the packs, is kept apart by excel's iconSets
// lock) — and the pages on the others, one per core. The pages go to pageFiles at their place (at),
// the packs after kamFiles.
func (w *writer) writeBatch(b []*group, at map[string]int, pageFiles []string, kamFiles *[]string) error {
	d := w.d
	var pages, books []func() (string, error)
	for _, g := range b {
		for _, id := range g.pages {
			pages = append(pages, func() (string, error) {
				p, err := w.accountPage(g, id)
				if err != nil {
					return "", fmt.Errorf("page of key account %s: %w", id, err)
				}
				return writePage(w.dir, d.paths.Account(id), p)
			})
		}
	}
	n := len(pages)
	var kams []*group
	for _, g := range b {
		if g.kam == nil || d.paths.KAMHTML(g.id) == "" {
			continue
		}
		kams = append(kams, g)
		pages = append(pages, func() (string, error) {
			p, err := w.kamPage(g)
			if err != nil {
				return "", fmt.Errorf("pack of KAM %s: %w", g.id, err)
			}
			return writePage(w.dir, d.paths.KAMHTML(g.id), p)
		})
		books = append(books, func() (string, error) {
			x, err := w.kamWorkbook(g)
			if err != nil {
				return "", fmt.Errorf("workbook of KAM %s: %w", g.id, err)
			}
			return x, nil
		})
	}
	paged, booked, err := parallel(runtime.GOMAXPROCS(0), pages, books)
	if err != nil {
		return err
	}
	i := 0
	for _, g := range b {
		for _, id := range g.pages {
			pageFiles[at[id]] = paged[i]
			i++
		}
	}
	for j := range kams {
		*kamFiles = append(*kamFiles, paged[n+j], booked[j])
	}
	return nil
}

// parallel runs the jobs on up to n goroutines, the serial ones one after
// another on one of them (which then helps with the others), and returns
// their results in the jobs' order. After a job fails no other starts; the
// error returned is that of the first failed job, the others before the
// serial ones, each in their order.
func parallel(n int, jobs, serial []func() (string, error)) ([]string, []string, error) {
	out, sout := make([]string, len(jobs)), make([]string, len(serial))
	errs, serrs := make([]error, len(jobs)), make([]error, len(serial))
	var next atomic.Int64
	var failed atomic.Bool
	drain := func() {
		for !failed.Load() {
			i := int(next.Add(1) - 1)
			if i >= len(jobs) {
				return
			}
			if out[i], errs[i] = jobs[i](); errs[i] != nil {
				failed.Store(true)
			}
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for i, job := range serial {
			if failed.Load() {
				return
			}
			if sout[i], serrs[i] = job(); serrs[i] != nil {
				failed.Store(true)
				return
			}
		}
		drain()
	})
	for range min(n, len(jobs)+1) - 1 {
		wg.Go(drain)
	}
	wg.Wait()
	for _, err := range append(errs, serrs...) {
		if err != nil {
			return nil, nil, err
		}
	}
	return out, sout, nil
}

// newPage starts a page written at rel (relative to the period folder).
func (w *writer) newPage(kind, rel string) page {
	return page{Lang: w.l.lang, Kind: kind, CSS: template.CSS(pageCSS), Library: relative(rel, paths.ChartLibrary),
		Script: template.JS(pageJS), Config: w.config, CSP: pageCSP,
		Footer: w.l.t("pack.footer", w.l.period(w.d.period))}
}

// relative is the link from the file at from to the file at to, both
// relative to the period folder with forward slashes.
func relative(from, to string) string {
	return strings.Repeat("../", strings.Count(from, "/")) + to
}

// writePage renders p at rel.
func writePage(dir, rel string, p page) (string, error) {
	for _, b := range p.Boxes {
		if b.Table != nil {
			b.Table.render()
		}
	}
	return writeFile(dir, rel, func(bw *bufio.Writer) error {
		return pageTemplate.Execute(bw, p)
	})
}

// writeFile writes rel in dir, the period folder, and removes what it
// wrote if it fails. The period folder is written whole in a staging
// folder and published by the run (pipeline/publish.go), so no reader sees
// a file half written: a temporary name and a rename for each file cost
// three system calls more for each of the 12,000 pages at 10 M lines.
func writeFile(dir, rel string, write func(*bufio.Writer) error) (path string, err error) {
	final := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(final, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(final)
		}
	}()
	if err := f.Chmod(0o644); err != nil { // whatever the umask
		return "", err
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		return "", fmt.Errorf("write %s: %w", rel, err)
	}
	if err := bw.Flush(); err != nil {
		return "", fmt.Errorf("write %s: %w", rel, err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", rel, err)
	}
	return final, nil
}
