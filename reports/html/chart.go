package html

import (
	"encoding/json"
	"fmt"
	"html/template"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// A chart is built with go-echarts and rendered as its JSON options only:
// go-echarts' own page and snippet templates point at an assets host and
// write the options unescaped into a <script>. Here encoding/json escapes
// <, > and & (so no text from the inputs can end the script element), the
// options sit in a <script type="application/json"> element, and the page's
// own script (templates/report.js) hands them to the inlined library.
//
// Functions cannot travel in JSON, so formatters are named by markers the
// page's script resolves: "v:<kind>" formats a value (money, pct, score,
// count, dec, ratio, moneyShort), "p:amount" shows an item's preformatted
// amount, "tip" shows an item's preformatted tooltip lines. The texts are
// formatted here, in Go, with the same locale as the tables.

// chartBlock is one chart container on the page.
type chart struct {
	ID     string
	Title  string
	Note   string
	Size   string // CSS class: "", "tall", "small"
	Option template.JS
}

// item is a data point with what its tooltip and label show.
type chartItem struct {
	Name       string          `json:"name,omitempty"`
	Value      any             `json:"value"`
	Tip        [][2]string     `json:"tip,omitempty"`
	Amount     string          `json:"amount,omitempty"`
	SymbolSize float64         `json:"symbolSize,omitempty"`
	ItemStyle  *opts.ItemStyle `json:"itemStyle,omitempty"`
	Label      map[string]any  `json:"label,omitempty"`
}

// Colours shared by charts and badges (report.css uses the same).
var (
	hcMain   = "#1f4e79"
	hcSecond = "#2e86c1"
	hcThird  = "#e67e22"
	hcGrey   = "#9aa5b1"
	hcGood   = "#2e7d32"
	hcWarn   = "#f0a30a"
	hcBad    = "#c62828"
	colorOf  = map[string]string{
		"strategic": hcGood, "star": hcSecond, "status": hcWarn, "streamline": hcGrey,
		"green": hcGood, "amber": hcWarn, "red": hcBad, "unavailable": hcGrey,
		"on_track": hcGood, "at_risk": hcBad, "off_track": hcBad, "not_started": hcGrey, "met": hcGood, "missed": hcBad,
		"champion": "#1b5e20", "healthy": "#66bb6a", "needs_attention": hcWarn,
	}
	planColors = map[string]string{"on_track": hcGood, "at_risk": hcWarn, "off_track": hcBad, "not_started": hcGrey, "met": hcGood, "missed": hcBad}
)

// newRect starts a chart on x/y axes with the report's defaults: no
// animation (the page is read and printed, and renders faster), a legend on
// top, labels kept inside the grid.
func rect(trigger string, legend bool) *charts.Bar {
	c := charts.NewBar()
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithColorsOpts(opts.Colors{hcMain, hcThird, hcSecond, hcGrey, hcGood, hcBad}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Top: "0", Type: "scroll"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: trigger}),
		charts.WithGridOpts(opts.Grid{Left: "1%", Right: "2%", Top: "42", Bottom: "1%", ContainLabel: opts.Bool(true)}),
	)
	return c
}

// series adds a series of items to c.
func addSeries(c *charts.Bar, name, kind string, data any, configure ...func(*charts.SingleSeries)) {
	s := charts.SingleSeries{Name: name, Type: kind, Data: data}
	if kind == "bar" {
		s.BarMaxWidth = "56"
	}
	for _, f := range configure {
		f(&s)
	}
	c.MultiSeries = append(c.MultiSeries, s)
}

func valueAxis(format string) opts.YAxis {
	return opts.YAxis{Type: "value", AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Formatter: types.FuncStr(format)},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}
}

func categoryAxis(cats []string) opts.XAxis {
	return opts.XAxis{Type: "category", Data: cats, AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), HideOverlap: opts.Bool(true)}}
}

// render turns a chart into a block; extra adds top-level options
// go-echarts has no field for.
func (b *Builder) render(title string, c interface {
	Validate()
	JSON() map[string]any
}, extra map[string]any) (*chart, error) {
	c.Validate()
	opt := c.JSON()
	for k, v := range extra {
		opt[k] = v
	}
	js, err := json.Marshal(opt) // escapes <, >, &, U+2028 and U+2029
	if err != nil {
		return nil, fmt.Errorf("chart %q: %w", title, err)
	}
	b.charts++
	return &chart{ID: fmt.Sprintf("chart-%d", b.charts), Title: title, Option: template.JS(js)}, nil
}

// tip builds tooltip lines from label/value pairs.
func tip(pairs ...string) [][2]string {
	out := make([][2]string, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, [2]string{pairs[i], pairs[i+1]})
	}
	return out
}

// nullable is a chart value that stays null (a gap) when the mart has none.
func nullable(v any) any {
	if f, ok := toFloat(v); ok {
		return f
	}
	return nil
}

// horizontal sets a bar chart's categories on the y axis, largest first
// on top, with room on the right for bar labels and the last axis label.
func horizontal(c *charts.Bar, cats []string, format string, labelWidth ...int) {
	width := 200
	if len(labelWidth) > 0 {
		width = labelWidth[0]
	}
	c.GridList[0].Right = "64"
	c.XAxisList[0] = opts.XAxis{Type: "value", AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Formatter: types.FuncStr(format), HideOverlap: opts.Bool(true)},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}
	c.YAxisList[0] = opts.YAxis{Type: "category", Data: cats, Inverse: opts.Bool(true),
		AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Width: width, Overflow: "truncate"}}
}
