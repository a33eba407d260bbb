package packs

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"strconv"
	"strings"
)

// The pages' template, styles and script: no web fonts, no images, nothing
// fetched but the chart library, one file per period folder
// (paths.ChartLibrary) each page loads by a relative link, so the folder
// works offline from file:// as from a web server.
var (
	//go:embed templates/pack.html.tmpl
	pageText string
	//go:embed templates/pack.css
	pageCSS string
	//go:embed templates/pack.js
	pageJS string
)

var pageTemplate = template.Must(template.New("pack").Parse(pageText))

// pageCSP is every page's content security policy (csp of its script).
var pageCSP = csp(pageJS)

// page is what the template renders: an account page or a KAM's pack.
type page struct {
	Lang, Title, CSP string
	Kind             string // account, kam: the page's layout
	CSS              template.CSS
	Library          string // the link to the chart library, from the page
	Script           template.JS
	Config           template.JS // formats for the script (tag, currency)
	Heading          string
	Sub              []string
	Links            []link
	Tiles            []fig
	Charts           []chart
	Boxes            []box
	Notes            []string
	Footer           string
}

type link struct{ Text, Href string }

// fig is one figure shown; Key and Raw (the mart's value) let a test read
// the page back against the marts.
type fig struct {
	Label, Text, Key, Raw, Class, Note string
}

type chart struct {
	ID, Title string
	Options   template.JS
	Span      int // columns of the page's three it takes
}

// box is one titled block: figures, a table, lines of text, or a mix.
type box struct {
	Title string
	Span  int // columns of the page's three it takes (1 when 0)
	Figs  []fig
	Table *table
	Lines []string
	Empty string // said when there is nothing to show
}

type table struct {
	Head []string
	Num  []bool // right-aligned columns
	Rows [][]cell
	Note string
	HTML template.HTML // the table as the template writes it (render), when set
}

type cell struct {
	Text, Href, Key, Raw, Class string
}

// raw is a mart's value as the page records it (data-v): the number with
// every digit the driver gave, "" for NULL.
func raw(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case interface{ String() string }:
		return x.String()
	}
	if f, ok := toFloat(v); ok {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return ""
}

// options marshals chart options for the page's script.
func options(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

// csp allows the page's inline script by its hash and scripts from the
// page's own origin (the chart library beside it: a file: URL from file://,
// the same host when served), and nothing else fetched.
func csp(scripts ...string) string {
	var b strings.Builder
	b.WriteString("default-src 'none'; script-src 'self'")
	for _, s := range scripts {
		h := sha256.Sum256([]byte(s))
		b.WriteString(" 'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'")
	}
	b.WriteString("; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
	return b.String()
}

// render writes t into t.HTML exactly as the page template would: the
// template's escaping calls, a dozen per cell, were most of the time of a
// KAM's pack. The text and the quoted attributes are escaped as
// html/template escapes them (htmlEscape); a link other than a plain
// relative path (html/template would filter or normalise it), or a row
// longer than Num (the template fails), leaves t to the template.
func (t *table) render() {
	var b strings.Builder
	b.WriteString("<table><thead><tr>")
	for i, h := range t.Head {
		if i >= len(t.Num) {
			return
		}
		b.WriteString("<th")
		if t.Num[i] {
			b.WriteString(` class="num"`)
		}
		b.WriteString(">")
		htmlEscape(&b, h)
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead><tbody>")
	for _, r := range t.Rows {
		b.WriteString("<tr>")
		for i, c := range r {
			if i >= len(t.Num) || !plainPath(c.Href) {
				return
			}
			b.WriteString(`<td class="`)
			htmlEscape(&b, c.Class)
			if t.Num[i] {
				b.WriteString(" num")
			}
			b.WriteString(`"`)
			if c.Key != "" {
				b.WriteString(` data-fig="`)
				htmlEscape(&b, c.Key)
				b.WriteString(`" data-v="`)
				htmlEscape(&b, c.Raw)
				b.WriteString(`"`)
			}
			b.WriteString(">")
			if c.Href != "" {
				b.WriteString(`<a href="`)
				b.WriteString(c.Href)
				b.WriteString(`">`)
				htmlEscape(&b, c.Text)
				b.WriteString("</a>")
			} else {
				htmlEscape(&b, c.Text)
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	if t.Note != "" {
		b.WriteString(`<p class="note">`)
		htmlEscape(&b, t.Note)
		b.WriteString("</p>")
	}
	t.HTML = template.HTML(b.String())
}

// htmlEscape writes s as html/template writes a string in text or in a
// quoted attribute (its htmlReplacementTable): the other bytes, those of
// multi-byte characters included, as they are.
func htmlEscape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// plainPath: a relative link html/template writes as it is (no scheme to
// filter, nothing to percent-encode or escape).
func plainPath(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			return false
		}
	}
	return true
}
