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

	"kam/i18n"
	"kam/reports/html"
	"kam/reports/report"
)

type writer struct {
	ctx    context.Context
	src    report.Source
	dir    string // the period folder
	d      *data
	l      locale
	run    report.Run
	lib    []byte // the chart library, inlined as in the main report
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
	w := &writer{ctx: ctx, src: src, dir: dir, d: d, l: newLocale(lang, d.currency), run: run, lib: lib, report: "portfolio-" + run.Period + ".html"}
	cfg, err := json.Marshal(map[string]string{"tag": w.l.f.Tag, "currency": d.currency})
	if err != nil {
		return nil, err
	}
	w.config = template.JS(cfg)
	var files []string
	for _, id := range d.paths.Accounts() {
		p, err := w.accountPage(id)
		if err != nil {
			return nil, fmt.Errorf("page of key account %s: %w", id, err)
		}
		f, err := writePage(dir, d.paths.Account(id), p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	for _, id := range d.kamOrder {
		p, err := w.kamPage(id)
		if err != nil {
			return nil, fmt.Errorf("pack of KAM %s: %w", id, err)
		}
		f, err := writePage(dir, d.paths.KAMHTML(id), p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		x, err := w.kamWorkbook(id)
		if err != nil {
			return nil, fmt.Errorf("workbook of KAM %s: %w", id, err)
		}
		files = append(files, x)
	}
	return files, nil
}

func (w *writer) newPage(kind string) page {
	return page{Lang: w.l.lang, Kind: kind, CSS: template.CSS(pageCSS), Library: template.JS(w.lib),
		Script: template.JS(pageJS), Config: w.config, CSP: csp(string(w.lib), pageJS),
		Footer: w.l.t("pack.footer", w.l.period(w.d.period))}
}

// writePage renders p under a temporary name and renames it when complete.
func writePage(dir, rel string, p page) (string, error) {
	final := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(final), ".page-*.tmp")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return "", err
	}
	bw := bufio.NewWriter(tmp)
	if err := pageTemplate.Execute(bw, p); err != nil {
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
