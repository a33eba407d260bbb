package html

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"strings"
)

// The page's template, styles and script are the report's own files: no
// web fonts, no images, nothing fetched.
var (
	//go:embed templates/report.html.tmpl
	pageText string
	//go:embed templates/report.css
	pageCSS string
	//go:embed templates/report.js
	pageJS string
)

var pageTemplate = template.Must(template.New("report").Parse(pageText))

// page is what the template renders.
type page struct {
	Lang     string
	CSP      string // allows the page's two scripts by hash, and nothing from outside
	Title    string
	Meta     [][2]string
	TOC      string
	Sections []Section
	CSS      template.CSS
	Library  template.JS
	Script   template.JS
	Locale   template.JS // the locale as JSON, for the script's formatters
	Footer   string
}

// meta lists what the report was made from, under the title.
func (b *Builder) meta() [][2]string {
	out := [][2]string{{b.t("html.meta_period"), b.loc.Period(b.run.Period)}}
	m := b.run.Manifest
	if m == nil {
		return out
	}
	out = append(out, [2]string{b.t("html.meta_run"), b.loc.Date(m.StartedAt) + " " + m.StartedAt.Format("15:04") + " UTC"})
	if m.Input != "" {
		out = append(out, [2]string{b.t("html.meta_input"), m.Input})
	}
	files := len(m.Files) + len(m.Kept)
	out = append(out,
		[2]string{b.t("html.meta_files"), b.loc.Count(files)},
		[2]string{b.t("html.meta_rows"), b.t("html.meta_rows_value", b.loc.Count(m.Totals.RowsLoaded), b.loc.Count(m.Totals.RowsRejected))},
		[2]string{b.t("html.meta_currency"), b.rm.Currency},
		[2]string{b.t("html.meta_level"), b.t("html.level_" + m.Config.PortfolioLevel)},
	)
	if v := strings.TrimSpace(m.Version); v != "" {
		out = append(out, [2]string{b.t("html.meta_version"), "kam " + v})
	}
	return out
}

// jsLocale is what the page's script needs to format tooltips and axes
// exactly like the tables.
func (b *Builder) jsLocale() map[string]any {
	return map[string]any{"locale": b.loc}
}

// csp is the page's Content-Security-Policy: only the inlined library and
// the page's script may run (by their hashes), and nothing may be fetched;
// a defence behind the escaping, should any text from the inputs ever slip
// through it.
func csp(scripts ...string) string {
	var b strings.Builder
	b.WriteString("default-src 'none'; script-src")
	for _, s := range scripts {
		h := sha256.Sum256([]byte(s))
		b.WriteString(" 'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'")
	}
	b.WriteString("; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
	return b.String()
}
