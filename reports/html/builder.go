package html

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path/filepath"

	"kam/i18n"
	"kam/reports/report"
)

// The HTML report: one file that opens with no network. The chart library
// is inlined once, every chart's options travel as escaped JSON, the styles
// and the small script for sorting and charts are the page's own, and no
// text from the inputs reaches the page unescaped.

// builder carries what every section needs while the page is assembled.
type Builder struct {
	ctx    context.Context
	src    report.Source
	run    report.Run
	lang   string
	loc    locale
	rm     report.Meta     // parameters, currency, loaded input kinds (the warehouse's)
	inputs map[string]bool // rm.inputs
	charts int
}

func (b *Builder) t(key string, args ...any) string { return i18n.T(b.lang, key, args...) }

// param is a model parameter in force (thresholds drawn on charts).
func (b *Builder) param(key string) float64 { return b.rm.Param(key) }

// q reads the rows of a query on the run's warehouse.
func (b *Builder) q(sql string, args ...any) ([]martRow, error) {
	return query(b.ctx, b.src, sql, args...)
}

// section is one numbered part of the report.
type Section struct {
	ID, Title string
	Notes     []string // inputs that would complete it
	Blocks    []block
	// Short: the section fills well under half a printed page, so the
	// next one follows it on the same page (Follows) instead of leaving
	// the page mostly blank; every other section starts a page.
	Short, Follows bool
}

// block is one thing in a section; exactly one field is set.
type block struct {
	Heading string
	Text    string
	Tiles   []tile
	Pillars []pillar
	Chart   *chart
	Grid    []*chart
	Table   *table
}

// notes turns missing input kinds into sentences saying which file to load.
func (b *Builder) notes(kinds []string) []string {
	out := make([]string, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, b.t("unavailable."+k))
	}
	return out
}

// Part is one section of the page as the report catalogue declares it: the
// part's id (section.<id> titles it) and its writer.
type Part struct {
	ID    string
	Write func(*Builder, *Section) error
}

// Write writes portfolio-<period>.html into dir and returns its path; its
// sections, in page order, are the catalogue's.
func Write(ctx context.Context, src report.Source, run report.Run, dir string, parts []Part) (string, error) {
	lib, err := echartsJS()
	if err != nil {
		return "", err
	}
	lang := i18n.Lang(run.Language)
	meta, err := report.ReadMeta(ctx, src)
	if err != nil {
		return "", err
	}
	b := &Builder{ctx: ctx, src: src, run: run, lang: lang, loc: newLocale(lang, meta.Currency), rm: meta, inputs: meta.Inputs}
	p := page{Lang: lang, Title: b.t("html.title", b.loc.Period(run.Period)), CSS: template.CSS(pageCSS),
		Library: template.JS(lib), Script: template.JS(pageJS), CSP: csp(string(lib), pageJS)}
	for i, s := range parts {
		sec := Section{ID: s.ID, Title: fmt.Sprintf("%d. %s", i+1, b.t("section."+s.ID))}
		if err := s.Write(b, &sec); err != nil {
			return "", fmt.Errorf("HTML report, section %s: %w", s.ID, err)
		}
		if n := len(p.Sections); n > 0 && p.Sections[n-1].Short {
			sec.Follows = true
		}
		p.Sections = append(p.Sections, sec)
	}
	p.Meta, p.TOC, p.Footer = b.meta(), b.t("html.toc"), b.t("html.footer")
	loc, err := json.Marshal(b.jsLocale())
	if err != nil {
		return "", err
	}
	p.Locale = template.JS(loc)
	return writePage(dir, "portfolio-"+run.Period+".html", p)
}

// writePage renders the page under a temporary name in dir and renames it
// when complete, so a half-written report never carries the final name.
func writePage(dir, name string, p page) (string, error) {
	tmp, err := os.CreateTemp(dir, "."+name+"-*.tmp")
	if err != nil {
		return "", fmt.Errorf("create the HTML report: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it private; a report is shared
		tmp.Close()
		return "", err
	}
	w := bufio.NewWriterSize(tmp, 1<<20)
	if err := pageTemplate.Execute(w, p); err != nil {
		tmp.Close()
		return "", fmt.Errorf("write the HTML report: %w", err)
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("write the HTML report: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("write the HTML report: %w", err)
	}
	final := filepath.Join(dir, name)
	if err := os.Rename(tmp.Name(), final); err != nil {
		return "", fmt.Errorf("write the HTML report: %w", err)
	}
	return final, nil
}
