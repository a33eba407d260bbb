package reports

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kam/i18n"
)

// TestExcelSheetNames: the sheets, in the catalogue's order, named in
// the run's language.
func TestExcelSheetNames(t *testing.T) {
	names := map[string][]string{}
	for _, lang := range []string{"en", "es"} {
		f := runExcel(t, excelFixture, lang).open(t)
		got := xlVisibleSheets(t, f)
		var want []string
		for _, id := range sheetIDs() {
			want = append(want, i18n.T(lang, "sheet."+id))
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s sheets %q, want %q", lang, got, want)
		}
		names[lang] = got
	}
	if names["en"][0] == names["es"][0] {
		t.Errorf("the Spanish workbook's first sheet is named %q as in English", names["es"][0])
	}
}

// TestExcelMatchesMarts: key cells of every sheet equal the marts of the
// run, as real numbers with the currency, percentage and date formats.
func TestExcelMatchesMarts(t *testing.T) {
	r := runExcel(t, excelFixture, "en")
	f := r.open(t)
	h := func(col string) string { return i18n.T("en", "col."+col) }
	fmtOf := map[string]string{"money": "€", "share": "%", "count": "#,##0", "index": "#,##0"}

	kpis := xlFindTable(t, f, "kpis")
	for _, m := range r.query(t, `select kpi, unit, value::varchar, value_prior_month::varchar, change_pct_prior_year::varchar from main.kpi_summary`) {
		key := i18n.T("en", "kpi."+m[0])
		xlNumberCell(t, f, kpis.sheet, kpis.cell(t, f, h("kpi"), key, h("value")), m[2], fmtOf[m[1]])
		xlNumberCell(t, f, kpis.sheet, kpis.cell(t, f, h("kpi"), key, h("value_prior_month")), m[3], fmtOf[m[1]])
		xlNumberCell(t, f, kpis.sheet, kpis.cell(t, f, h("kpi"), key, h("change_pct_prior_year")), m[4], "%")
	}

	pnl := xlFindTable(t, f, "profitability")
	for _, m := range r.query(t, `select p.account_id, p.revenue::varchar, p.gross_margin_pct::varchar, p.net_contribution::varchar,
		p.kam_roi::varchar, p.break_even_revenue::varchar, w.cum_contribution_pct::varchar
		from main.account_profitability p join main.whale_curve w using (account_id) where p.time_window = 'ltm'`) {
		for i, c := range []string{"revenue", "gross_margin_pct", "net_contribution", "kam_roi", "break_even_revenue", "cum_contribution_pct"} {
			xlNumberCell(t, f, pnl.sheet, pnl.cell(t, f, h("account_id"), m[0], h(c)), m[i+1], map[string]string{
				"revenue": "€", "gross_margin_pct": "%", "net_contribution": "€", "kam_roi": "×",
				"break_even_revenue": "€", "cum_contribution_pct": "%"}[c])
		}
	}
	loss := pnl.cell(t, f, h("account_id"), "S1", h("is_loss_making"))
	xlNumberCell(t, f, pnl.sheet, loss, "1", `"Yes"`)
	if v, _ := f.GetCellValue(pnl.sheet, loss); v != "Yes" {
		t.Errorf("S1 is loss-making: the flag reads %q, want Yes", v)
	}

	var order []string
	for _, m := range r.query(t, `select account_id from main.account_growth where is_key_account order by revenue_ltm desc`) {
		order = append(order, m[0])
	}
	if got := xlFindTable(t, f, "key_accounts").column(t, f, h("account_id")); strings.Join(got, ",") != strings.Join(order, ",") {
		t.Errorf("Key accounts rows %v, want the key accounts by revenue %v", got, order)
	}

	matrix := xlFindTable(t, f, "matrix")
	for _, m := range r.query(t, `select account_id, quadrant, attractiveness::varchar, relative_strength::varchar, revenue_ltm::varchar from main.portfolio_matrix`) {
		if v, _ := f.GetCellValue(matrix.sheet, matrix.cell(t, f, h("account_id"), m[0], h("quadrant"))); v != i18n.T("en", "val.quadrant."+m[1]) {
			t.Errorf("%s quadrant reads %q, the mart says %s", m[0], v, m[1])
		}
		xlNumberCell(t, f, matrix.sheet, matrix.cell(t, f, h("account_id"), m[0], h("attractiveness")), m[2], "0.0")
		xlNumberCell(t, f, matrix.sheet, matrix.cell(t, f, h("account_id"), m[0], h("relative_strength")), m[3], "0.0")
		xlNumberCell(t, f, matrix.sheet, matrix.cell(t, f, h("account_id"), m[0], h("revenue_ltm")), m[4], "€")
	}

	plan := xlFindTable(t, f, "plan_accounts")
	for _, m := range r.query(t, `select account_id, target_period, status, attainment_pct::varchar, revenue_target::varchar, strftime(period_start, '%Y-%m-%d') from main.plan_vs_actual`) {
		row := plan.row(t, f, map[string]string{h("account_id"): m[0], h("target_period"): m[1]})
		if v, _ := f.GetCellValue(plan.sheet, plan.at(row, h("status"))); v != i18n.T("en", "val.status."+m[2]) {
			t.Errorf("plan %s %s status reads %q, the mart says %s", m[0], m[1], v, m[2])
		}
		xlNumberCell(t, f, plan.sheet, plan.at(row, h("attainment_pct")), m[3], "%")
		xlNumberCell(t, f, plan.sheet, plan.at(row, h("revenue_target")), m[4], "€")
		start := plan.at(row, h("period_start"))
		if v, _ := f.GetCellValue(plan.sheet, start); v != m[5] {
			t.Errorf("plan %s %s starts %q, the mart says %s", m[0], m[1], v, m[5])
		}
		if typ, _ := f.GetCellType(plan.sheet, start); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
			t.Errorf("plan %s %s: the start date is text", m[0], m[1])
		}
	}

	checks := []struct{ table, key, sql, fmt string }{
		{"kams", "kam_id", `select kam_id, utilisation::varchar from main.kam_performance`, "%"},
		{"growth", "account_id", `select account_id, growth_potential_score::varchar from main.account_growth`, "0.0"},
		{"selection", "account_id", `select account_id, selection_score::varchar from main.account_selection`, "0.0"},
		{"health", "account_id", `select account_id, health_score::varchar from main.account_health`, "0.0"},
		{"files", "path", `select path, rows_read::varchar from main.data_quality`, "#,##0"},
	}
	cols := map[string]string{"kams": "utilisation", "growth": "growth_potential_score", "selection": "selection_score", "health": "health_score", "files": "rows_read"}
	for _, c := range checks {
		tb := xlFindTable(t, f, c.table)
		for _, m := range r.query(t, c.sql) {
			xlNumberCell(t, f, tb.sheet, tb.cell(t, f, h(c.key), m[0], h(cols[c.table])), m[1], c.fmt)
		}
	}
	ret := xlFindTable(t, f, "retention")
	for _, m := range r.query(t, `select scope, nrr::varchar, lost_revenue::varchar from main.portfolio_retention`) {
		scope := i18n.T("en", "val.scope."+m[0])
		xlNumberCell(t, f, ret.sheet, ret.cell(t, f, h("scope"), scope, h("nrr")), m[1], "%")
		xlNumberCell(t, f, ret.sheet, ret.cell(t, f, h("scope"), scope, h("lost_revenue")), m[2], "€")
	}
	ppnl := xlFindTable(t, f, "portfolio_pnl")
	for _, m := range r.query(t, `select scope, time_window, net_contribution::varchar, gross_margin_pct::varchar from main.portfolio_profitability`) {
		row := ppnl.row(t, f, map[string]string{h("scope"): xlListItemEN("val.scope.", m[0]), h("time_window"): i18n.T("en", "val.time_window."+m[1])})
		xlNumberCell(t, f, ppnl.sheet, ppnl.at(row, h("net_contribution")), m[2], "€")
		xlNumberCell(t, f, ppnl.sheet, ppnl.at(row, h("gross_margin_pct")), m[3], "%")
	}
	dist := xlFindTable(t, f, "health_distribution")
	for _, m := range r.query(t, `select scope, health_band, accounts::varchar from main.health_distribution`) {
		row := dist.row(t, f, map[string]string{h("scope"): xlListItemEN("val.scope.", m[0]), h("health_band"): xlListItemEN("val.health_band.", m[1])})
		xlNumberCell(t, f, dist.sheet, dist.at(row, h("accounts")), m[2], "#,##0")
	}
	params := xlFindTable(t, f, "params")
	for _, m := range r.query(t, `select key, num::varchar from meta.params where num is not null`) {
		xlNumberCell(t, f, params.sheet, params.cell(t, f, i18n.T("en", "xlsx.col.key"), m[0], i18n.T("en", "xlsx.col.value")), m[1], "#")
	}
}

// xlListItemEN is how the workbook shows a code that may lack a translation.
func xlListItemEN(prefix, code string) string {
	if i18n.Has(prefix + code) {
		return i18n.T("en", prefix+code)
	}
	return code
}

// TestExcelKAMNames: account rows name their KAM as people know them
// (kam_performance.kam_name), not by the CRM id; only the KAM-grain tables
// keep the id beside the name, as their key.
func TestExcelKAMNames(t *testing.T) {
	r := runExcel(t, excelFixture, "en")
	f := r.open(t)
	h := func(col string) string { return i18n.T("en", "col."+col) }
	names := map[string]bool{}
	for _, m := range r.query(t, `select coalesce(kam_name, kam_id) from main.kam_performance`) {
		names[m[0]] = true
	}
	ids := map[string]bool{}
	for _, m := range r.query(t, `select kam_id from main.kam_performance where kam_name is not null and kam_name <> kam_id`) {
		ids[m[0]] = true
	}
	if len(ids) == 0 {
		t.Fatal("the fixture names no KAM: the test would prove nothing")
	}
	shown := 0
	for _, d := range f.GetDefinedName() {
		id, ok := strings.CutPrefix(d.Name, "kam_")
		if !ok {
			continue
		}
		tb := xlFindTable(t, f, id)
		if _, ok := tb.col[h("account_id")]; !ok {
			continue
		}
		if _, ok := tb.col[h("kam_id")]; ok {
			t.Errorf("table %s shows the KAM's CRM id", id)
		}
		if _, ok := tb.col[h("kam_name")]; !ok {
			continue
		}
		for _, v := range tb.column(t, f, h("kam_name")) {
			if v == "" {
				continue
			}
			shown++
			if ids[v] || !names[v] {
				t.Errorf("table %s shows the KAM %q, not a name of kam_performance", id, v)
			}
		}
	}
	if shown < 20 {
		t.Errorf("only %d KAM names shown across the account tables", shown)
	}
}

// TestExcelMixABCOrder: the ABC classes of the mix read A, B, C, whatever
// their revenue (class C can hold more revenue than B: the largest
// loss-makers are C by contribution), and each dimension's rows are together.
func TestExcelMixABCOrder(t *testing.T) {
	f := runExcel(t, excelFixture, "en").open(t)
	h := func(col string) string { return i18n.T("en", "col."+col) }
	mix := xlFindTable(t, f, "mix")
	dims, vals := mix.column(t, f, h("dimension")), mix.column(t, f, h("value"))
	seen, last := map[string]bool{}, ""
	byDim := map[string][]string{}
	for i, d := range dims {
		if d != last && seen[d] {
			t.Errorf("the rows of %s are not together (row %d)", d, mix.first+i)
		}
		seen[d], last = true, d
		byDim[d] = append(byDim[d], vals[i])
	}
	checked := 0
	for _, dim := range []string{"abc_revenue", "abc_contribution"} {
		got := byDim[i18n.T("en", "val.dimension."+dim)]
		if len(got) < 2 {
			continue
		}
		checked++
		if !slices.IsSorted(got) {
			t.Errorf("%s classes in the order %v", dim, got)
		}
	}
	if checked == 0 {
		t.Fatalf("the mix shows no ABC dimension with two classes: %v", byDim)
	}
	// (The fixture's classes happen to be in class order by revenue too;
	// reports/report's TestABCFirst orders classes whose revenue is not.)
}

// TestExcelNotesTranslated: the Notes column of the Data quality sheet
// reads in the workbook's language — the Spanish workbook shows the notes
// the ingest stored as keys in Spanish, the English one the same notes in
// English, and neither shows a key.
func TestExcelNotesTranslated(t *testing.T) {
	stored := map[string]string{}
	en := runExcel(t, excelFixture, "en")
	for _, r := range en.query(t, `select path, notes from main.data_quality where notes is not null`) {
		stored[r[0]] = r[1]
	}
	if len(stored) == 0 {
		t.Fatal("no file of the fixture has notes: the test would prove nothing")
	}
	shown := map[string]map[string]string{}
	for _, lang := range []string{"en", "es"} {
		f := runExcel(t, excelFixture, lang).open(t)
		tb := xlFindTable(t, f, "files")
		paths := tb.column(t, f, i18n.T(lang, "col.path"))
		notes := tb.column(t, f, i18n.T(lang, "col.notes"))
		shown[lang] = map[string]string{}
		for i, p := range paths {
			shown[lang][p] = notes[i]
		}
	}
	differ := 0
	for path, s := range stored {
		for _, lang := range []string{"en", "es"} {
			got := shown[lang][path]
			want := strings.Join(i18n.Notes(lang, s), "; ")
			if got != want || got == "" {
				t.Errorf("%s notes of %s: %q, want %q", lang, path, got, want)
			}
			if strings.Contains(got, "note.") {
				t.Errorf("%s notes of %s show a key: %q", lang, path, got)
			}
		}
		if shown["en"][path] != shown["es"][path] {
			differ++
		}
		if !strings.Contains(shown["es"][path], "tipo ") {
			t.Errorf("the Spanish notes of %s do not say how its kind was decided in Spanish: %q", path, shown["es"][path])
		}
	}
	if differ != len(stored) {
		t.Errorf("%d of %d files have the same notes in English and Spanish", len(stored)-differ, len(stored))
	}
}
