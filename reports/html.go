package reports

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path/filepath"

	"kam/i18n"
)

// The HTML report: one file that opens with no network. The chart library
// is inlined once, every chart's options travel as escaped JSON, the styles
// and the small script for sorting and charts are the page's own, and no
// text from the inputs reaches the page unescaped.

// builder carries what every section needs while the page is assembled.
type htmlBuilder struct {
	ctx    context.Context
	src    Source
	run    Run
	lang   string
	loc    htmlLocale
	rm     runMeta         // parameters, currency, loaded input kinds (the warehouse's)
	inputs map[string]bool // rm.inputs
	charts int
}

func (b *htmlBuilder) t(key string, args ...any) string { return i18n.T(b.lang, key, args...) }

// param is a model parameter in force (thresholds drawn on charts).
func (b *htmlBuilder) param(key string) float64 { return b.rm.param(key) }

// q reads the rows of a query on the run's warehouse.
func (b *htmlBuilder) q(sql string, args ...any) ([]martRow, error) {
	return htmlQuery(b.ctx, b.src, sql, args...)
}

// section is one numbered part of the report.
type htmlSection struct {
	ID, Title string
	Notes     []string // inputs that would complete it
	Blocks    []htmlBlock
}

// block is one thing in a section; exactly one field is set.
type htmlBlock struct {
	Heading string
	Text    string
	Tiles   []htmlTile
	Pillars []htmlPillar
	Chart   *htmlChart
	Grid    []*htmlChart
	Table   *htmlTable
}

// notes turns missing input kinds into sentences saying which file to load.
func (b *htmlBuilder) notes(kinds []string) []string {
	out := make([]string, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, b.t("unavailable."+k))
	}
	return out
}

// WriteHTML writes portfolio-<period>.html into dir and returns its path.
func WriteHTML(ctx context.Context, src Source, run Run, dir string) (string, error) {
	lib, err := echartsJS()
	if err != nil {
		return "", err
	}
	lang := i18n.Lang(run.Language)
	meta, err := readMeta(ctx, src)
	if err != nil {
		return "", err
	}
	b := &htmlBuilder{ctx: ctx, src: src, run: run, lang: lang, loc: newHTMLLocale(lang, meta.currency), rm: meta, inputs: meta.inputs}
	p := htmlPage{Lang: lang, Title: b.t("html.title", b.loc.Period(run.Period)), CSS: template.CSS(htmlCSS),
		Library: template.JS(lib), Script: template.JS(htmlJS), CSP: htmlCSP(string(lib), htmlJS)}
	for i, s := range sections() {
		enterPart(s.id)
		sec := htmlSection{ID: s.id, Title: fmt.Sprintf("%d. %s", i+1, b.t("section."+s.id))}
		if err := s.section(b, &sec); err != nil {
			return "", fmt.Errorf("HTML report, section %s: %w", s.id, err)
		}
		p.Sections = append(p.Sections, sec)
	}
	p.Meta, p.TOC, p.Footer = b.meta(), b.t("html.toc"), b.t("html.footer")
	loc, err := json.Marshal(b.jsLocale())
	if err != nil {
		return "", err
	}
	p.Locale = template.JS(loc)
	return writeHTMLPage(dir, "portfolio-"+run.Period+".html", p)
}

// writePage renders the page under a temporary name in dir and renames it
// when complete, so a half-written report never carries the final name.
func writeHTMLPage(dir, name string, p htmlPage) (string, error) {
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
	if err := htmlTemplate.Execute(w, p); err != nil {
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
