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
	wb     *workbooks
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
	if len(d.kamOrder) > 0 {
		if w.wb, err = readWorkbooks(ctx, src); err != nil {
			return nil, err
		}
		defer w.wb.release()
	}
	var files []string
	if len(d.paths.Accounts()) > 0 || len(d.kamOrder) > 0 {
		// One copy of the library for every pack and page of the period,
		// loaded by a relative <script src>: inlined, it made each page
		// 1.1 MB (a gigabyte of account pages at 1,000 key accounts).
		f, err := writeFile(dir, paths.ChartLibrary, ".asset-*.tmp", func(bw *bufio.Writer) error {
			_, err := bw.Write(lib)
			return err
		})
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	// The pages and workbooks read nothing more from the warehouse (the
	// marts were read above), so they are written in parallel: the
	// workbooks one after another on one goroutine — excelize keeps the
	// rules of icon-set conditional formats in shared variables, which
	// two workbooks written at once overwrite in each other — and the
	// pages on the others, one per core.
	var pages, books []func() (string, error)
	for _, id := range d.paths.Accounts() {
		pages = append(pages, func() (string, error) {
			p, err := w.accountPage(id)
			if err != nil {
				return "", fmt.Errorf("page of key account %s: %w", id, err)
			}
			return writePage(dir, d.paths.Account(id), p)
		})
	}
	for _, id := range d.kamOrder {
		pages = append(pages, func() (string, error) {
			p, err := w.kamPage(id)
			if err != nil {
				return "", fmt.Errorf("pack of KAM %s: %w", id, err)
			}
			return writePage(dir, d.paths.KAMHTML(id), p)
		})
		books = append(books, func() (string, error) {
			x, err := w.kamWorkbook(id)
			if err != nil {
				return "", fmt.Errorf("workbook of KAM %s: %w", id, err)
			}
			return x, nil
		})
	}
	paged, booked, err := parallel(runtime.GOMAXPROCS(0), pages, books)
	if err != nil {
		return nil, err
	}
	accounts := len(d.paths.Accounts())
	files = append(files, paged[:accounts]...)
	for i := range d.kamOrder {
		files = append(files, paged[accounts+i], booked[i])
	}
	return files, nil
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
		Script: template.JS(pageJS), Config: w.config, CSP: csp(pageJS),
		Footer: w.l.t("pack.footer", w.l.period(w.d.period))}
}

// relative is the link from the file at from to the file at to, both
// relative to the period folder with forward slashes.
func relative(from, to string) string {
	return strings.Repeat("../", strings.Count(from, "/")) + to
}

// writePage renders p at rel.
func writePage(dir, rel string, p page) (string, error) {
	return writeFile(dir, rel, ".page-*.tmp", func(bw *bufio.Writer) error {
		return pageTemplate.Execute(bw, p)
	})
}

// writeFile writes rel under a temporary name and renames it when complete.
func writeFile(dir, rel, pattern string, write func(*bufio.Writer) error) (string, error) {
	final := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(final), pattern)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return "", err
	}
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return "", fmt.Errorf("write %s: %w", rel, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("write %s: %w", rel, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", rel, err)
	}
	return final, os.Rename(tmp.Name(), final)
}
