package packs

import (
	"bytes"
	"testing"
)

// TestRenderEqualsTemplate: a table written by render is, byte for byte,
// the table the page template writes — every character html/template
// escapes in text and in the quoted attributes (" & ' + < > NUL), others
// and invalid UTF-8 kept, empty classes and keys, links — and the tables
// render leaves to the template (a link html/template would filter or
// normalise, a row longer than the columns) come out as the template
// writes them.
func TestRenderEqualsTemplate(t *testing.T) {
	hostile := "a\"b&c'd+e<f>g\x00h ñ € \xff\u00a0z"
	tables := []*table{
		{Head: []string{"#", hostile, "x"}, Num: []bool{true, false, true},
			Rows: [][]cell{
				{{Text: "1"}, {Text: hostile, Href: "../accounts/a-b_c.d~1.html"}, {Text: "1.234,5 €", Key: "k." + hostile, Raw: "-12.50", Class: "neg"}},
				{{Text: ""}, {Text: "x", Class: hostile}, {Text: hostile, Key: "k", Raw: ""}},
			},
			Note: hostile},
		{Head: []string{"a"}, Num: []bool{false}, Rows: [][]cell{{{Text: "b"}}}},
		{Head: []string{"a"}, Num: []bool{false}, Rows: [][]cell{{{Text: "js", Href: "javascript:void"}}}},
		{Head: []string{"a"}, Num: []bool{false}, Rows: [][]cell{{{Text: "sp", Href: "../a b/ñ.html?x=1&y=2"}}}},
	}
	for i, tb := range tables {
		render := func(fast bool) string {
			c := *tb
			if fast {
				c.render()
			}
			p := page{Lang: "en", Boxes: []box{{Title: "t", Table: &c}}}
			var b bytes.Buffer
			if err := pageTemplate.Execute(&b, p); err != nil {
				t.Fatalf("table %d: %v", i, err)
			}
			return b.String()
		}
		want, got := render(false), render(true)
		if got != want {
			t.Errorf("table %d: render differs from the template:\n got %s\nwant %s", i, got, want)
		}
		c := *tb
		c.render()
		if fast := c.HTML != ""; fast != (i < 2) {
			t.Errorf("table %d: rendered %v, want %v", i, fast, i < 2)
		}
	}
	// A row longer than the columns fails in the template; render leaves it.
	c := table{Head: []string{"a"}, Num: []bool{false}, Rows: [][]cell{{{Text: "b"}, {Text: "c"}}}}
	c.render()
	if c.HTML != "" {
		t.Errorf("a row longer than Num was rendered: %s", c.HTML)
	}
}
