package excel

import (
	"github.com/xuri/excelize/v2"
)

// Ranges one sheet charts or sums that another sheet needs.
type (
	whale struct {
		name, x, y string // series name cell, cumulative accounts %, cumulative contribution %
	}
)

// quadrantColours match the quadrant fills of the tables.
var quadrantColours = map[string]string{
	"strategic": "70AD47", "star": "5B9BD5", "status": "FFC000", "streamline": "A5A5A5",
}

func (b *Book) chartTitle(key string, args ...any) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.t(key, args...),
		Font: &excelize.Font{Bold: true, Size: 12, Color: "1F3864"}}}}
}

func axisTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Size: 9, Color: "595959"}}}}
}

// anchor is the cell a chart's top-left corner sits on.
func anchor(c, r int) string {
	cell, _ := excelize.CoordinatesToCellName(c, r)
	return cell
}

var printed, unlocked = true, false

func chartFormat() excelize.GraphicOptions {
	return excelize.GraphicOptions{ScaleX: 1, ScaleY: 1, OffsetX: 4, OffsetY: 4, PrintObject: &printed, Locked: &unlocked}
}

// whaleChart draws the whale curve: cumulative share of net contribution
// (y) over the cumulative share of accounts ranked by contribution (x).
func (b *Book) whaleChart(sheetName, cell string, w *whale) error {
	zero, one := 0.0, 1.0
	// The y axis starts at zero: the curve's peak above 100 % is the point.
	return b.f.AddChart(sheetName, cell, &excelize.Chart{
		Type: excelize.Scatter,
		Series: []excelize.ChartSeries{{
			Name: w.name, Categories: w.x, Values: w.y,
			Line:   excelize.LineOptions{Type: excelize.LineSolid, Width: 2.25},
			Marker: excelize.ChartMarker{Symbol: "circle", Size: 4},
		}},
		Title:     b.chartTitle("xlsx.chart.whale"),
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{Minimum: &zero, Maximum: &one, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Title: axisTitle(b.t("xlsx.axis.cum_accounts"))},
		YAxis:     excelize.ChartAxis{Minimum: &zero, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Title: axisTitle(b.t("xlsx.axis.cum_contribution"))},
		Format:    chartFormat(),
		Dimension: excelize.ChartDimension{Width: 560, Height: 320},
	})
}

// barChart draws one series of values per category, horizontal bars from
// the top row down.
func (b *Book) barChart(sheetName, cell, title, name, cats, vals, numFmt string, n int) error {
	h := uint(max(260, 60+18*n))
	return b.f.AddChart(sheetName, cell, &excelize.Chart{
		Type:      excelize.Bar,
		Series:    []excelize.ChartSeries{{Name: name, Categories: cats, Values: vals, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"5B9BD5"}}}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Bold: true, Size: 12, Color: "1F3864"}}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{ReverseOrder: true},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmt}},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmt}},
		Format:    chartFormat(),
		Dimension: excelize.ChartDimension{Width: 520, Height: h},
	})
}
