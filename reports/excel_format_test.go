package reports

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kam/i18n"
	"kam/pipeline"
	"kam/reports/excel"
)

// TestExcelConditionalFormats: data bars on revenue, a colour scale on
// margin %, fills on statuses, bands and quadrants, icons on health.
func TestExcelConditionalFormats(t *testing.T) {
	f := runExcel(t, excelFixture, "en").open(t)
	h := func(col string) string { return i18n.T("en", "col."+col) }
	want := []struct {
		table, col, typ, value string // value: a cell rule's operand, when the type is "cell"
	}{
		{"profitability", "revenue", "data_bar", ""},
		{"profitability", "gross_margin_pct", "3_color_scale", ""},
		{"key_accounts", "revenue_ltm", "data_bar", ""},
		{"key_accounts", "health_score", "icon_set", ""},
		{"health", "health_band", "cell", `"` + i18n.T("en", "val.health_band.at_risk") + `"`},
		{"plan_accounts", "status", "cell", `"` + i18n.T("en", "val.status.missed") + `"`}, // the fixture's off-track month is closed: missed
		{"plan_accounts", "status", "cell", `"` + i18n.T("en", "val.status.at_risk") + `"`},
		{"matrix", "quadrant", "cell", `"` + i18n.T("en", "val.quadrant.strategic") + `"`},
		{"matrix", "gross_margin_pct", "3_color_scale", ""},
		{"concentration", "hhi_band", "cell", `"` + i18n.T("en", "val.hhi_band.high") + `"`},
		{"scorecard", "status", "cell", `"` + i18n.T("en", "val.status.red") + `"`},
		{"kpis", "change_prior_month", "formula", ""},
		{"profitability", "is_loss_making", "cell", "1"},
	}
	for _, w := range want {
		tb := xlFindTable(t, f, w.table)
		c, ok := tb.col[h(w.col)]
		if !ok {
			t.Fatalf("%s has no column %q", w.table, h(w.col))
		}
		rng := xlArea(c, tb.first, c, tb.last)
		cfs, err := f.GetConditionalFormats(tb.sheet)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, o := range cfs[rng] {
			found = found || o.Type == w.typ && (w.value == "" || o.Value == w.value)
		}
		if !found {
			t.Errorf("%s!%s (%s.%s): no %s %s among %+v", tb.sheet, rng, w.table, w.col, w.typ, w.value, cfs[rng])
		}
	}
}

// TestExcelFormulaLookingNames: names a spreadsheet could take for a
// formula stay text cells with the exact name, and nothing in the workbook
// is a formula except the sums the workbook documents (revenue by quadrant).
func TestExcelFormulaLookingNames(t *testing.T) {
	f := runExcel(t, "testdata/xlsx/in", "en").open(t)
	h := func(col string) string { return i18n.T("en", "col."+col) }
	names := map[string]string{"G1": `=HYPERLINK("http://x","y")`, "G2": `+cmd|' /C calc'!A0`, "S1": "@SUM(1)"}
	for _, id := range []string{"key_accounts", "profitability", "matrix", "health"} {
		tb := xlFindTable(t, f, id)
		for acc, name := range names {
			if id == "key_accounts" && acc == "S1" {
				continue // not a key account
			}
			xlTextCell(t, f, tb.sheet, tb.cell(t, f, h("account_id"), acc, h("account_name")), name)
		}
	}
	kams := xlFindTable(t, f, "kams")
	xlTextCell(t, f, kams.sheet, kams.cell(t, f, h("kam_id"), "K2", h("kam_name")), "<script>alert(1)</script>")

	// A sales line whose amount is =1+1 is rejected: its raw value is listed
	// as text, and its reason counted once.
	rejects := xlFindTable(t, f, "rejects")
	raw := rejects.cell(t, f, i18n.T("en", "xlsx.col.raw_value"), "=1+1", i18n.T("en", "xlsx.col.raw_value"))
	xlTextCell(t, f, rejects.sheet, raw, "=1+1")
	reasons := xlFindTable(t, f, "reject_reasons")
	if reasons.last != reasons.first {
		t.Errorf("%d reject reasons, want 1", reasons.last-reasons.first+1)
	}
	xlNumberCell(t, f, reasons.sheet, reasons.at(reasons.first, i18n.T("en", "col.rows")), "1", "#,##0")

	quad := xlFindTable(t, f, "quadrants")
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fo, _ := f.GetCellFormula(sheet, cell)
				if fo == "" || sheet == quad.sheet && c+1 == quad.col[h("revenue_ltm")] && r+1 >= quad.first && r+1 <= quad.last {
					continue
				}
				t.Errorf("%s!%s is a formula: %q", sheet, cell, fo)
			}
		}
	}
}

func xlTextCell(t *testing.T, f *excelize.File, sheet, cell, want string) {
	t.Helper()
	if fo, _ := f.GetCellFormula(sheet, cell); fo != "" {
		t.Errorf("%s!%s became the formula %q", sheet, cell, fo)
	}
	typ, _ := f.GetCellType(sheet, cell)
	if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		t.Errorf("%s!%s: cell type %v, want text", sheet, cell, typ)
	}
	if v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true}); v != want {
		t.Errorf("%s!%s = %q, want %q", sheet, cell, v, want)
	}
}

// TestExcelFormatsPerLanguage: currency and dates read naturally in each
// language, and a flag reads yes or no in it.
func TestExcelFormatsPerLanguage(t *testing.T) {
	for lang, want := range map[string][3]string{
		"en": {`"€"#,##0`, "yyyy-mm-dd", `"Yes"`},
		"es": {`#,##0 "€"`, "dd/mm/yyyy", `"Sí"`},
	} {
		f := runExcel(t, excelFixture, lang).open(t)
		h := func(col string) string { return i18n.T(lang, "col."+col) }
		pnl := xlFindTable(t, f, "profitability")
		if nf := xlNumFmtOf(t, f, pnl.sheet, pnl.cell(t, f, h("account_id"), "G1", h("revenue"))); !strings.HasPrefix(nf, want[0]) {
			t.Errorf("%s money format %q, want it to start %q", lang, nf, want[0])
		}
		if nf := xlNumFmtOf(t, f, pnl.sheet, pnl.cell(t, f, h("account_id"), "G1", h("is_key_account"))); !strings.HasPrefix(nf, want[2]) {
			t.Errorf("%s flag format %q, want it to start %q", lang, nf, want[2])
		}
		plan := xlFindTable(t, f, "plan_accounts")
		if nf := xlNumFmtOf(t, f, plan.sheet, plan.at(plan.first, h("period_start"))); nf != want[1] {
			t.Errorf("%s date format %q, want %q", lang, nf, want[1])
		}
	}
}

// TestExcelLayout: every sheet has an Excel table, a frozen header (on the
// main table's header row where there is one), fitted columns and a
// landscape page setup one page wide (Profitability two).
func TestExcelLayout(t *testing.T) {
	f := runExcel(t, excelFixture, "en").open(t)
	// The sheets whose main table is too wide for their chart beside it:
	// the chart goes above the table (TestExcelChartsWhereSheetsOpen).
	chartAbove := map[string]bool{"profitability": true, "portfolio": true, "kams": true, "plan": true}
	mains := map[string]string{"decisions": "decisions", "key_accounts": "key_accounts", "profitability": "profitability", "growth": "growth",
		"portfolio": "matrix", "selection": "selection", "kams": "kams", "plan": "plan_accounts",
		"retention": "health", "account_months": "account_months", "data_quality": "files", "definitions": "metrics"}
	for _, id := range sheetIDs() {
		sheet := i18n.T("en", "sheet."+id)
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) == 0 {
			t.Errorf("%s: no Excel table (%v)", sheet, err)
		}
		panes, _ := f.GetPanes(sheet)
		wantRow := 1
		if m, ok := mains[id]; ok {
			wantRow = xlFindTable(t, f, m).first - 1
		}
		switch {
		case chartAbove[id]:
			// The chart is above the main table: only the id columns are
			// frozen (frozen rows would hold the chart), and the header
			// row repeats on every printed page.
			if !panes.Freeze || panes.YSplit != 0 || panes.XSplit == 0 {
				t.Errorf("%s: panes %+v, want the id columns frozen and no row", sheet, panes)
			}
			titles := ""
			for _, d := range f.GetDefinedName() {
				if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet {
					titles = d.RefersTo
				}
			}
			if want := fmt.Sprintf("$%d:$%d", wantRow, wantRow); !strings.HasSuffix(titles, want) {
				t.Errorf("%s: print titles %q, want the header row %s", sheet, titles, want)
			}
		case !panes.Freeze || panes.YSplit != wantRow:
			t.Errorf("%s: panes %+v, want rows 1–%d frozen", sheet, panes, wantRow)
		}
		pl, _ := f.GetPageLayout(sheet)
		wide := 1
		if id == "profitability" { // the P&L's columns print on two pages, readable
			wide = 2
		}
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != wide {
			t.Errorf("%s: page layout %+v, want landscape %d page(s) wide", sheet, pl, wide)
		}
		if props, _ := f.GetSheetProps(sheet); props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page is off, so the one-page width does not apply", sheet)
		}
		if w, _ := f.GetColWidth(sheet, "B"); w < 8 || w > 80 {
			t.Errorf("%s: column B is %.1f wide", sheet, w)
		}
	}
	xlEveryBlockATable(t, f)
}

// xlEveryBlockATable asserts that every block with rows (a kam_<id> name)
// is an Excel table Tbl_<id> over the same range, so it has a filter.
func xlEveryBlockATable(t *testing.T, f *excelize.File) {
	t.Helper()
	tables := map[string]string{}
	for _, sheet := range f.GetSheetList() {
		ts, err := f.GetTables(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range ts {
			tables[tb.Name] = tb.Range
		}
	}
	n := 0
	for _, d := range f.GetDefinedName() {
		id, ok := strings.CutPrefix(d.Name, "kam_")
		if !ok {
			continue
		}
		rng := strings.ReplaceAll(strings.SplitN(d.RefersTo, "!", 2)[1], "$", "")
		a, b, _ := strings.Cut(rng, ":")
		_, r1, _ := excelize.CellNameToCoordinates(a)
		_, r2, _ := excelize.CellNameToCoordinates(b)
		if r2 <= r1 { // a header without rows
			continue
		}
		n++
		if got, ok := tables["Tbl_"+id]; !ok {
			t.Errorf("block %s (%s) is not an Excel table", id, d.RefersTo)
		} else if got != rng {
			t.Errorf("table Tbl_%s covers %s, its block %s", id, got, rng)
		}
	}
	if n < 20 {
		t.Errorf("only %d blocks with rows; the workbook should have more", n)
	}
}

// TestExcelStreamedSheets: a sheet long enough to be streamed holds one
// Excel table (its main block); each long secondary block gets the sheet's
// autofilter instead.
func TestExcelStreamedSheets(t *testing.T) {
	saved := excel.StreamFrom
	excel.StreamFrom = 0
	t.Cleanup(func() { excel.StreamFrom = saved })
	dir := t.TempDir()
	cfg := pipeline.DefaultConfig()
	cfg.RejectLimit = 1
	_, err := pipeline.Run(context.Background(), pipeline.RunOptions{Command: "run", Input: excelFixture, Out: dir, DB: dir + "/kam.duckdb", Period: excelPeriod, Config: cfg,
		Reports: func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, d string) ([]string, error) {
			p, err := WriteExcel(ctx, w, Run{Period: m.Period, Language: "en", Manifest: m}, d)
			return []string{p}, err
		}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, excelPeriod, "portfolio-"+excelPeriod+".xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, name := range []string{"kam_loss_making", "kam_whitespace", "kam_movers", "kam_plan_kams"} {
		found := false
		for _, d := range f.GetDefinedName() {
			found = found || d.Name == "_xlnm._FilterDatabase" && strings.HasSuffix(d.RefersTo, strings.SplitN(definedRef(f, name), "!", 2)[1])
		}
		if !found {
			t.Errorf("%s has no autofilter", name)
		}
	}
}

func definedRef(f *excelize.File, name string) string {
	for _, d := range f.GetDefinedName() {
		if d.Name == name {
			return d.RefersTo
		}
	}
	return "!"
}

// xlArea is the range from (c1, r1) to (c2, r2).
func xlArea(c1, r1, c2, r2 int) string {
	a, _ := excelize.CoordinatesToCellName(c1, r1)
	b, _ := excelize.CoordinatesToCellName(c2, r2)
	return a + ":" + b
}
