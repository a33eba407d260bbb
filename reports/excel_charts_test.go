package reports

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kam/i18n"
	"kam/reports/excel"
)

// xlsxChart is a chart read back from the package: its plot types and the
// cell ranges its series are bound to, by role (tx, cat, val, xVal, yVal,
// bubbleSize).
type xlsxChart struct {
	types []string
	refs  map[string][]string
}

// xlReadCharts maps each sheet name to the charts drawn on it. excelize has
// no chart reader, so this follows the package's relationships:
// workbook → sheet → drawing → chart.
func xlReadCharts(t *testing.T, file string) map[string][]xlsxChart {
	t.Helper()
	out := map[string][]xlsxChart{}
	xlDrawings(t, file, func(sheet string, drawing []byte, charts [][]byte) {
		for _, c := range charts {
			out[sheet] = append(out[sheet], xlParseChart(t, c))
		}
	})
	return out
}

// xlDrawings calls each for every drawing of every sheet, with the charts
// it holds. excelize has no chart reader, so this follows the package's
// relationships: workbook → sheet → drawing → chart.
func xlDrawings(t *testing.T, file string, each func(sheet string, drawing []byte, charts [][]byte)) {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	read := func(name string) []byte {
		for _, f := range z.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, _ := io.ReadAll(rc)
				return b
			}
		}
		return nil
	}
	rels := func(part string) map[string]string {
		dir, base := path.Split(part)
		out := map[string]string{}
		var doc struct {
			Rel []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		xml.Unmarshal(read(dir+"_rels/"+base+".rels"), &doc)
		for _, r := range doc.Rel {
			out[r.ID] = path.Clean(path.Join(dir, r.Target))
		}
		return out
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(read("xl/workbook.xml"), &wb); err != nil {
		t.Fatal(err)
	}
	wbRels := rels("xl/workbook.xml")
	for _, s := range wb.Sheets {
		sheetPart := wbRels[s.RID]
		for _, drawing := range rels(sheetPart) {
			if !strings.Contains(drawing, "drawings/") {
				continue
			}
			var charts [][]byte
			for _, chart := range rels(drawing) {
				charts = append(charts, read(chart))
			}
			each(s.Name, read(drawing), charts)
		}
	}
}

// anchorRe finds the top-left cell of a drawn object (0-based column, row).
var anchorRe = regexp.MustCompile(`<xdr:from><xdr:col>(\d+)</xdr:col><xdr:colOff>\d+</xdr:colOff><xdr:row>(\d+)</xdr:row>`)

// TestExcelChartsWhereSheetsOpen: every chart's top-left corner is in the
// first screen of its sheet (the first 30 rows and 14 columns), not below
// the hundreds of rows of a long table, on the English and the Spanish
// workbook.
func TestExcelChartsWhereSheetsOpen(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		r := runExcel(t, excelFixture, lang)
		n := 0
		xlDrawings(t, r.xlsx, func(sheet string, drawing []byte, charts [][]byte) {
			for _, m := range anchorRe.FindAllStringSubmatch(string(drawing), -1) {
				n++
				col, _ := strconv.Atoi(m[1])
				row, _ := strconv.Atoi(m[2])
				if row >= 30 || col >= 14 {
					c, _ := excelize.CoordinatesToCellName(col+1, row+1)
					t.Errorf("%s: a chart of sheet %s starts at %s, outside the screen the sheet opens on", lang, sheet, c)
				}
			}
		})
		if n < 6 {
			t.Errorf("%s: %d charts found, want the 6 of Summary, Profitability, Portfolio, KAMs and Plan", lang, n)
		}
	}
}

func xlParseChart(t *testing.T, b []byte) xlsxChart {
	c := xlsxChart{refs: map[string][]string{}}
	d := xml.NewDecoder(strings.NewReader(string(b)))
	var stack []string
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			if strings.HasSuffix(e.Name.Local, "Chart") && len(stack) > 1 && stack[len(stack)-2] == "plotArea" {
				c.types = append(c.types, e.Name.Local)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) >= 3 && stack[len(stack)-1] == "f" {
				role := stack[len(stack)-3] // f sits in numRef/strRef inside the role
				c.refs[role] = append(c.refs[role], string(e))
			}
		}
	}
	return c
}

// xlChartOf returns the sheet's chart of the given plot type.
func xlChartOf(t *testing.T, charts map[string][]xlsxChart, sheet, typ string) xlsxChart {
	t.Helper()
	for _, c := range charts[sheet] {
		for _, ty := range c.types {
			if ty == typ {
				return c
			}
		}
	}
	t.Fatalf("sheet %s has no %s among %+v", sheet, typ, charts[sheet])
	return xlsxChart{}
}

// xlWantRef asserts that a chart reference reads, on the hidden chart
// data sheet, the values of the column headed header of a table over its
// data rows (all of them, or the first n when n > 0), in the table's order
// as written. A chart bound to the table itself would be reshuffled by a
// reader sorting the table.
func xlWantRef(t *testing.T, f *excelize.File, what, got string, tb *xlsxTable, header string, n int) {
	t.Helper()
	last := tb.last
	if n > 0 {
		last = min(last, tb.first+n-1)
	}
	sheet, c, r1, r2 := xlParseRef(t, got)
	if sheet != xlChartSheet {
		t.Errorf("%s is bound to %s, on a sheet a reader sorts; want a copy on %s", what, got, xlChartSheet)
		return
	}
	if r2-r1 != last-tb.first {
		t.Errorf("%s reads %d rows, want the %d of %q", what, r2-r1+1, last-tb.first+1, header)
		return
	}
	raw := excelize.Options{RawCellValue: true}
	for i := 0; i <= last-tb.first; i++ {
		ref, _ := excelize.CoordinatesToCellName(c, r1+i)
		v, _ := f.GetCellValue(sheet, ref, raw)
		want, _ := f.GetCellValue(tb.sheet, tb.at(tb.first+i, header), raw)
		if v != want {
			t.Errorf("%s row %d: %q, the table's %q holds %q", what, i+1, v, header, want)
		}
	}
}

// xlChartSheet is the hidden sheet the charts read.
const xlChartSheet = "kam_chart_data"

// TestExcelCharts: native charts bound to the cells — revenue by quadrant
// and the whale curve on Summary, the whale curve on Profitability, the
// matrix bubble chart on Portfolio, attainment on Plan vs actual,
// utilisation on KAMs.
func TestExcelCharts(t *testing.T) {
	r := runExcel(t, excelFixture, "en")
	f := r.open(t)
	charts := xlReadCharts(t, r.xlsx)
	h := func(col string) string { return i18n.T("en", "col."+col) }
	name := func(id string) string { return i18n.T("en", "sheet."+id) }

	pnl := xlFindTable(t, f, "profitability")
	for _, sheet := range []string{name("summary"), name("profitability")} {
		whale := xlChartOf(t, charts, sheet, "scatterChart")
		xlWantRef(t, f, sheet+" whale curve x", strings.Join(whale.refs["xVal"], ""), pnl, h("cum_accounts_pct"), 0)
		xlWantRef(t, f, sheet+" whale curve y", strings.Join(whale.refs["yVal"], ""), pnl, h("cum_contribution_pct"), 0)
	}

	quad := xlFindTable(t, f, "quadrants")
	col := xlChartOf(t, charts, name("summary"), "barChart")
	xlWantRef(t, f, "revenue by quadrant categories", strings.Join(col.refs["cat"], ""), quad, h("quadrant"), 0)
	xlWantRef(t, f, "revenue by quadrant values", strings.Join(col.refs["val"], ""), quad, h("revenue_ltm"), 0)
	matrix := xlFindTable(t, f, "matrix")
	// Revenue by quadrant is a plain number from portfolio_mix, equal to the
	// sum of the matrix's revenue for that quadrant.
	for row := quad.first; row <= quad.last; row++ {
		cell := quad.at(row, h("revenue_ltm"))
		if fo, _ := f.GetCellFormula(quad.sheet, cell); fo != "" {
			t.Errorf("revenue by quadrant %s: a formula %q, want the mart's number", cell, fo)
		}
		got, _ := f.GetCellValue(quad.sheet, cell, excelize.Options{RawCellValue: true})
		q, _ := f.GetCellValue(quad.sheet, quad.at(row, h("quadrant")))
		var want float64
		for _, m := range r.query(t, `select quadrant, revenue_ltm::double from main.portfolio_matrix`) {
			if i18n.T("en", "val.quadrant."+m[0]) == q {
				want += xlParseF(m[1])
			}
		}
		if math.Abs(xlParseF(got)-want) > 1e-6 {
			t.Errorf("revenue of quadrant %s is %s, the matrix holds %v", q, got, want)
		}
	}

	bubble := xlChartOf(t, charts, name("portfolio"), "bubbleChart")
	// Each series is one quadrant: its points are the matrix rows of that
	// quadrant (strength, attractiveness, revenue), whatever their order.
	raw := excelize.Options{RawCellValue: true}
	rows := 0
	for i, x := range bubble.refs["xVal"] {
		sheet, c, r1, r2 := xlParseRef(t, x)
		_, cy, y1, y2 := xlParseRef(t, bubble.refs["yVal"][i])
		_, cs, s1, s2 := xlParseRef(t, bubble.refs["bubbleSize"][i])
		if sheet != xlChartSheet || y1 != r1 || s1 != r1 || y2 != r2 || s2 != r2 {
			t.Errorf("bubble series %d: x %s y %s size %s are not the same rows of the chart data", i, x, bubble.refs["yVal"][i], bubble.refs["bubbleSize"][i])
			continue
		}
		var q string
		if i < len(bubble.refs["tx"]) {
			nameSheet, cell, _ := strings.Cut(bubble.refs["tx"][i], "!")
			if strings.Trim(nameSheet, "'") == xlChartSheet {
				q, _ = f.GetCellValue(xlChartSheet, strings.ReplaceAll(cell, "$", ""))
			}
		}
		var plotted, want []string
		for r := r1; r <= r2; r++ {
			var p []string
			for _, col := range []int{c, cy, cs} {
				ref, _ := excelize.CoordinatesToCellName(col, r)
				v, _ := f.GetCellValue(xlChartSheet, ref, raw)
				p = append(p, v)
			}
			plotted = append(plotted, strings.Join(p, "|"))
		}
		for r := matrix.first; r <= matrix.last; r++ {
			if v, _ := f.GetCellValue(matrix.sheet, matrix.at(r, h("quadrant"))); v != q {
				continue
			}
			var p []string
			for _, col := range []string{h("relative_strength"), h("attractiveness"), h("revenue_ltm")} {
				v, _ := f.GetCellValue(matrix.sheet, matrix.at(r, col), raw)
				p = append(p, v)
			}
			want = append(want, strings.Join(p, "|"))
		}
		slices.Sort(plotted)
		slices.Sort(want)
		if q == "" || !slices.Equal(plotted, want) {
			t.Errorf("bubble series %d (%q) plots %d points that are not the matrix's %d rows of that quadrant", i, q, len(plotted), len(want))
		}
		rows += r2 - r1 + 1
	}
	if want := len(r.query(t, `select 1 from main.portfolio_matrix where quadrant is not null`)); rows != want {
		t.Errorf("the bubble chart plots %d accounts, the matrix has %d with a quadrant", rows, want)
	}
	if v, err := f.GetSheetVisible(xlChartSheet); err != nil || v {
		t.Errorf("the chart data sheet is visible (%v, %v): a reader would take it for a table", v, err)
	}

	kams := xlFindTable(t, f, "kams")
	util := xlChartOf(t, charts, name("kams"), "barChart")
	xlWantRef(t, f, "utilisation chart", strings.Join(util.refs["val"], ""), kams, h("utilisation"), excel.ChartRows)
	xlWantRef(t, f, "utilisation chart categories", strings.Join(util.refs["cat"], ""), kams, h("kam_name"), excel.ChartRows)

	perKAM := xlFindTable(t, f, "plan_kams")
	att := xlChartOf(t, charts, name("plan"), "barChart")
	xlWantRef(t, f, "attainment chart", strings.Join(att.refs["val"], ""), perKAM, h("plan_attainment_pct"), excel.ChartRows)
}

func xlParseRef(t *testing.T, r string) (sheet string, col, r1, r2 int) {
	t.Helper()
	s, rng, _ := strings.Cut(r, "!")
	a, b, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil || c1 != c2 {
		t.Fatalf("chart reference %q is not one column", r)
	}
	return strings.ReplaceAll(strings.Trim(s, "'"), "''", "'"), c1, r1, r2
}

// xlRef is the absolute reference to rows r1..r2 of column c on a sheet, as
// a chart series names it.
func xlRef(sheet string, c, r1, r2 int) string {
	col, _ := excelize.ColumnNumberToName(c)
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", strings.ReplaceAll(sheet, "'", "''"), col, r1, col, r2)
}
