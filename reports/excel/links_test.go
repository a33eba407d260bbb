package excel

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExcelLinksAsExcelize: the links the zip writer adds read back as
// excelize's SetCellHyperLink makes them — each cell links to its target,
// no other cell links — on a streamed sheet, a sheet written cell by cell
// with a data bar (whose rule holds an extLst), a sheet excelize gives no
// relationships, and a sheet without links; the sheets' tables keep theirs.
func TestExcelLinksAsExcelize(t *testing.T) {
	links := map[string][]hyperlink{}
	build := func(viaExcelize bool) []byte {
		f := excelize.NewFile()
		defer f.Close()
		b := &Book{f: f}
		f.SetZipWriter(b.zipWriter)
		for _, s := range []string{"Streamed", "Cells", "Bare"} {
			if _, err := f.NewSheet(s); err != nil {
				t.Fatal(err)
			}
		}
		m := 0.4
		for _, s := range f.GetSheetList() {
			if err := f.SetPageMargins(s, &excelize.PageLayoutMarginsOptions{Left: &m}); err != nil {
				t.Fatal(err)
			}
		}
		link := func(sheet string, col, row int, target string) {
			ref, _ := excelize.CoordinatesToCellName(col, row)
			if viaExcelize {
				if err := f.SetCellHyperLink(sheet, ref, target, "External"); err != nil {
					t.Fatal(err)
				}
				return
			}
			if err := b.addLink(sheet, ref, target); err != nil {
				t.Fatal(err)
			}
			links[sheet] = append(links[sheet], hyperlink{ref, target})
		}
		sw, err := f.NewStreamWriter("Streamed")
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; r <= 300; r++ {
			name := fmt.Sprintf("Cliente <%d> & \"hijos\"", r)
			if err := sw.SetRow(fmt.Sprintf("A%d", r), []any{name, r * 7}); err != nil {
				t.Fatal(err)
			}
			if r > 1 {
				link("Streamed", 1, r, fmt.Sprintf("accounts/c-%d.html?a=1&b='x'", r))
			}
		}
		if err := sw.AddTable(&excelize.Table{Range: "A1:B300", Name: "Tbl_s"}); err != nil {
			t.Fatal(err)
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		for r := 1; r <= 40; r++ {
			if err := f.SetSheetRow("Cells", fmt.Sprintf("A%d", r), &[]any{fmt.Sprintf("KAM %d", r), r}); err != nil {
				t.Fatal(err)
			}
			if r > 1 && r%3 != 0 {
				link("Cells", 1, r, fmt.Sprintf("kams/k%d.xlsx", r))
			}
		}
		if err := f.AddTable("Cells", &excelize.Table{Range: "A1:B40", Name: "Tbl_c"}); err != nil {
			t.Fatal(err)
		}
		if err := f.SetConditionalFormat("Cells", "B2:B40", []excelize.ConditionalFormatOptions{{Type: "data_bar",
			Criteria: "=", MinType: "min", MaxType: "max", BarColor: "#5B9BD5"}}); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("Bare", "C3", "solo"); err != nil {
			t.Fatal(err)
		}
		link("Bare", 3, 3, "kams/solo.xlsx")
		if err := f.SetCellValue("Sheet1", "A1", "no links"); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if _, err := f.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	read := func(data []byte) (map[string]map[string]string, map[string]string) {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		out, tables := map[string]map[string]string{}, map[string]string{}
		for _, s := range f.GetSheetList() {
			cells, err := f.GetHyperLinkCells(s, "")
			if err != nil {
				t.Fatal(err)
			}
			out[s] = map[string]string{}
			for _, c := range cells {
				ok, target, err := f.GetCellHyperLink(s, c)
				if err != nil || !ok {
					t.Fatalf("%s %s: a link cell without a link (%v)", s, c, err)
				}
				out[s][c] = target
			}
			ts, err := f.GetTables(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range ts {
				tables[s] += tb.Name + " " + tb.Range + ";"
			}
			if v, _ := f.GetCellValue(s, "A2"); s == "Streamed" && v != `Cliente <2> & "hijos"` {
				t.Errorf("Streamed A2 = %q", v)
			}
		}
		return out, tables
	}
	ours := build(false)
	want, wantTables := read(build(true))
	got, gotTables := read(ours)
	for s, l := range links {
		if len(want[s]) != len(l) {
			t.Fatalf("%s: excelize made %d links, want %d", s, len(want[s]), len(l))
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("links:\n got %v\nwant %v", got, want)
	}
	if fmt.Sprint(gotTables) != fmt.Sprint(wantTables) || len(gotTables) != 2 {
		t.Errorf("tables: got %v, want %v", gotTables, wantTables)
	}
}

// TestExcelSheetLinksSplit: the <hyperlinks> element goes after the sheet
// data and its conditional formats (an extLst inside a rule is not where it
// goes), before pageMargins, however the part's bytes are cut into writes.
func TestExcelSheetLinksSplit(t *testing.T) {
	head := `<worksheet><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;pageMargins a</t></is></c></row></sheetData>`
	cf := `<conditionalFormatting sqref="B1"><cfRule type="dataBar"><extLst><ext/></extLst></cfRule></conditionalFormatting>`
	tail := `<pageMargins left="0.4"/><drawing r:id="rId1"/><tableParts count="0"></tableParts></worksheet>`
	links := []hyperlink{{"A1", "x"}, {"A2", "y"}}
	want := head + cf + string(linksXML(links)) + tail
	whole := head + cf + tail
	for size := 1; size <= len(whole); size++ {
		var out bytes.Buffer
		s := &sheetLinks{w: &out, part: "sheet", links: links}
		for i := 0; i < len(whole); i += size {
			p := []byte(whole[i:min(i+size, len(whole))])
			if n, err := s.Write(p); err != nil || n != len(p) {
				t.Fatalf("size %d: wrote %d of %d: %v", size, n, len(p), err)
			}
		}
		if err := s.finish(); err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if out.String() != want {
			t.Fatalf("size %d:\n got %s\nwant %s", size, out.String(), want)
		}
	}
	if !strings.Contains(want, `<hyperlink ref="A2" r:id="rId100002">`) {
		t.Errorf("the second link is not rId%d: %s", linkIDBase+2, want)
	}
	// A sheet with hyperlinks of its own, or without a place for them, is an error.
	for _, part := range []string{head + `<hyperlinks></hyperlinks>` + tail, head} {
		s := &sheetLinks{w: &bytes.Buffer{}, part: "sheet", links: links}
		_, err := s.Write([]byte(part))
		if err == nil {
			err = s.finish()
		}
		if err == nil {
			t.Errorf("no error for %s", part)
		}
	}
}

// TestExcelChartSheetVeryHidden: the chart data sheet is very hidden (not
// offered to unhide), the others stay visible, after a streamed sheet.
func TestExcelChartSheetVeryHidden(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	b := &Book{f: f}
	f.SetZipWriter(b.zipWriter)
	if _, err := f.NewSheet("Streamed"); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Streamed")
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= 50; r++ {
		if err := sw.SetRow(fmt.Sprintf("A%d", r), []any{r}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet(chartSheet); err != nil {
		t.Fatal(err)
	}
	b.charts = chartSheet
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	r, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, s := range r.GetSheetList() {
		if v, _ := r.GetSheetVisible(s); v != (s != chartSheet) {
			t.Errorf("%s visible: %v", s, v)
		}
	}
	if v, _ := r.GetCellValue("Streamed", "A50"); v != "50" {
		t.Errorf("Streamed A50 = %q", v)
	}
	wb := readPart(t, out.Bytes(), "xl/workbook.xml")
	if !strings.Contains(wb, `<sheet name="`+chartSheet+`" state="veryHidden"`) || strings.Count(wb, "state=") != 1 {
		t.Errorf("workbook part: %s", wb)
	}
	if _, err := hide([]byte(`<sheets><sheet name="a" state="hidden"></sheet></sheets>`), []string{"a"}); err == nil {
		t.Error("no error hiding a sheet whose state is set")
	}
	if _, err := hide([]byte(`<sheets><sheet name="ab"></sheet></sheets>`), []string{"a"}); err == nil {
		t.Error("no error hiding a sheet that is not there")
	}
}

func readPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
