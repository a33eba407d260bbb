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
