package excel

import (
	"fmt"

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
		Dimension: excelize.ChartDimension{Width: 560, Height: whaleHeight},
	})
}

// barChart draws one series of values per category, horizontal bars from
// the top row down.
func (b *Book) barChart(sheetName, cell, title, name, cats, vals, numFmt string, n int) error {
	h := uint(barHeight(n))
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

// whaleHeight is the whale curve's height in pixels.
const whaleHeight = 320

// barHeight is the height in pixels of a bar chart of n bars.
func barHeight(n int) int { return max(260, 60+18*n) }

// chartSheet names the hidden sheet the charts read their data from.
const chartSheet = "kam_chart_data"

// chartData is a copy of some rows and columns of a block on the
// workbook's hidden sheet of chart data. Charts read the copy, not the
// table: a reader who sorts or filters a table (they are Excel tables with
// filters) would otherwise reshuffle the series bound to its rows — the
// quadrants of the bubble chart, the order of the whale curve's points.
type chartData struct {
	sheet string
	col   map[string]int
	first int // the sheet row of the block's row from
	block *block
}

// chartData copies the block's rows from..to (sheet rows of the block) of
// the given columns, headers included, to the chart data sheet. The block
// must have been written with keep.
func (b *Book) chartData(bl *block, from, to int, cols ...string) (*chartData, error) {
	if !bl.keep {
		return nil, fmt.Errorf("chart data of %s: the block does not keep its cells", bl.id)
	}
	if b.charts == "" {
		if _, err := b.f.NewSheet(chartSheet); err != nil {
			return nil, err
		}
		// Very hidden: not in Excel's list of sheets to unhide, so the
		// copy is never taken for the table. Set as the workbook's zip is
		// written (Book.zipWriter).
		b.charts, b.chartCol = chartSheet, 1
	}
	d := &chartData{sheet: b.charts, col: map[string]int{}, first: 2 - (from - bl.first), block: bl}
	shown := bl.visible()
	for i, name := range cols {
		idx := bl.colIndex(name)
		if idx == 0 {
			return nil, fmt.Errorf("chart data of %s: no column %s", bl.id, name)
		}
		c := b.chartCol + i
		d.col[name] = c
		cell, _ := excelize.CoordinatesToCellName(c, 1)
		if err := b.f.SetCellValue(b.charts, cell, b.header(shown[idx-1])); err != nil {
			return nil, err
		}
		for r := from; r <= to; r++ {
			k := r - bl.first
			if k < 0 || k >= len(bl.kept) {
				return nil, fmt.Errorf("chart data of %s: row %d was not written", bl.id, r)
			}
			v := bl.kept[k][idx-1]
			if cl, ok := v.(excelize.Cell); ok {
				v = cl.Value
			}
			cell, _ := excelize.CoordinatesToCellName(c, 2+r-from)
			if err := b.f.SetCellValue(b.charts, cell, v); err != nil {
				return nil, err
			}
		}
	}
	b.chartCol += len(cols) + 1
	return d, nil
}

// rng is the copy of a column's rows r1..r2 (sheet rows of the block).
func (d *chartData) rng(name string, r1, r2 int) string {
	return rangeRef(d.sheet, d.col[name], d.first+r1-d.block.first, d.first+r2-d.block.first)
}

// head is the copy of a column's header.
func (d *chartData) head(name string) string { return cellRef(d.sheet, d.col[name], 1) }

// at is the copy of one cell of a column (a sheet row of the block).
func (d *chartData) at(name string, r int) string {
	return cellRef(d.sheet, d.col[name], d.first+r-d.block.first)
}
