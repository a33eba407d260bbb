package reports

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from this run (review the diff before committing)")

// TestHTMLGolden compares the text a reader sees on the HTML report of the
// hand-computed fixture, in both languages, with testdata/report-<lang>.golden:
// headings, tiles, notes, table cells and chart captions, one block a line,
// table cells and the pieces set side by side (spans) separated by " | ". Scripts, styles and chart data are not
// text; the run's time and input folder are replaced by placeholders. Run
// with -update after a deliberate change and review the diff.
func TestHTMLGolden(t *testing.T) {
	pages, _ := htmlRun(t)
	for _, lang := range []string{"en", "es"} {
		b, err := os.ReadFile(pages[lang])
		if err != nil {
			t.Fatal(err)
		}
		got := htmlText(t, string(b))
		golden := filepath.Join("testdata", "report-"+lang+".golden")
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -run TestHTMLGolden -update to create it)", err)
		}
		if got != string(want) {
			gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
			for i := 0; i < len(gl) || i < len(wl); i++ {
				var g, w string
				if i < len(gl) {
					g = gl[i]
				}
				if i < len(wl) {
					w = wl[i]
				}
				if g != w {
					t.Fatalf("%s: the report's text differs from %s at line %d:\n got: %q\nwant: %q\n(if the change is meant, run with -update and review the diff)", lang, golden, i+1, g, w)
				}
			}
		}
	}
}

// blockTags end a line of text; cellTags end a table cell.
var (
	blockTags = map[string]bool{"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "li": true,
		"tr": true, "section": true, "figure": true, "figcaption": true, "dt": true, "dd": true, "table": true,
		"br": true, "header": true, "footer": true, "nav": true, "caption": true, "thead": true, "tbody": true, "ul": true, "ol": true}
	cellTags = map[string]bool{"td": true, "th": true, "span": true} // spans sit side by side
	runTime  = regexp.MustCompile(`(\d{1,2} [A-Za-z]{3} \d{4}|\d{2}/\d{2}/\d{4}) \d{2}:\d{2} UTC`)
	tmpIn    = regexp.MustCompile(`/\S*/in\b`)
	spaces   = regexp.MustCompile(`[ \t\n\r\f]+`)
)

// htmlText is the page's visible text, one block a line.
func htmlText(t *testing.T, page string) string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	var out strings.Builder
	var line []string
	cell := ""
	skip := 0
	flushCell := func() {
		if s := strings.TrimSpace(cell); s != "" {
			line = append(line, s)
		}
		cell = ""
	}
	flushLine := func() {
		flushCell()
		if len(line) > 0 {
			out.WriteString(strings.Join(line, " | ") + "\n")
		}
		line = nil
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flushLine()
			s := runTime.ReplaceAllString(out.String(), "<run time>")
			return tmpIn.ReplaceAllString(s, "<input>")
		case html.TextToken:
			if skip == 0 {
				cell += spaces.ReplaceAllString(string(z.Text()), " ")
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "script" || tag == "style" || tag == "template" {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken {
					skip--
				}
				continue
			}
			switch {
			case cellTags[tag] && tt == html.EndTagToken:
				flushCell()
			case blockTags[tag]:
				flushLine()
			}
		}
	}
}
