package reports

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/xuri/excelize/v2"

	"kam/i18n"
	"kam/pipeline"
	"kam/reports/excel"
)

// xlOpenCopy opens a copy of a run's warehouse, so that a test can write
// workbooks from it without touching the shared run.
func xlOpenCopy(t *testing.T, r *excelRun) *pipeline.Warehouse {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "kam.duckdb")
	in, err := os.Open(r.db)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
	w, err := pipeline.OpenWarehouse(context.Background(), dst, pipeline.DuckDBSettings{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// TestExcelRowLimit: a table that would pass the sheet's row limit is cut
// to fit and says how many rows it shows of how many.
func TestExcelRowLimit(t *testing.T) {
	w := xlOpenCopy(t, runExcel(t, excelFixture, "en"))
	defer func(n int) { excel.MaxRows = n }(excel.MaxRows)
	excel.MaxRows = 9
	dir := t.TempDir()
	p, err := WriteExcel(context.Background(), w, Run{Period: excelPeriod, Language: "en"}, dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pnl := xlFindTable(t, f, "profitability")
	shown := pnl.last - pnl.first + 1
	if pnl.last > excel.MaxRows || shown < 1 {
		t.Fatalf("the P&L shows rows %d–%d with a limit of %d", pnl.first, pnl.last, excel.MaxRows)
	}
	var total int
	if err := w.QueryRow(context.Background(), `select count(*) from main.account_profitability where time_window = 'ltm'`).Scan(&total); err != nil {
		t.Fatal(err)
	}
	rows := excelRows(t, f, pnl.sheet)
	if shown >= total {
		t.Fatalf("the P&L shows %d of %d rows: nothing was cut", shown, total)
	}
	note := i18n.T("en", "xlsx.note.truncated", shown, total)
	if !slices.ContainsFunc(rows[:pnl.first-1], func(r []string) bool { return len(r) > 0 && r[0] == note }) {
		t.Errorf("no note %q above the cut table", note)
	}
}

// TestExcelSheetMaxRows: a per-account table longer than sheet_max_rows
// shows its first rows in its own order and says how many it has and
// which Parquet mart holds the whole of it; a table within the cap is
// whole.
func TestExcelSheetMaxRows(t *testing.T) {
	w := xlOpenCopy(t, runExcel(t, excelFixture, "en"))
	ctx := context.Background()
	var total int
	if err := w.QueryRow(ctx, `select count(*) from main.account_profitability where time_window = 'ltm'`).Scan(&total); err != nil {
		t.Fatal(err)
	}
	if total < 3 {
		t.Fatalf("the fixture's P&L has %d rows; the test needs at least 3", total)
	}
	write := func() ([][]string, *xlsxTable) {
		p, err := WriteExcel(ctx, w, Run{Period: excelPeriod, Language: "en"}, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		pnl := xlFindTable(t, f, "profitability")
		return excelRows(t, f, pnl.sheet), pnl
	}
	fullRows, full := write() // the default cap is above the fixture's size
	if shown := full.last - full.first + 1; shown != total {
		t.Fatalf("with the default sheet_max_rows the P&L shows %d of %d rows", shown, total)
	}
	if err := w.Exec(ctx, "update meta.params set num = ? where key = 'sheet_max_rows'", total-1); err != nil {
		t.Fatal(err)
	}
	rows, pnl := write()
	if shown := pnl.last - pnl.first + 1; shown != total-1 {
		t.Fatalf("the P&L shows %d rows of %d with sheet_max_rows %d", shown, total, total-1)
	}
	note := i18n.T("en", "xlsx.note.first_rows", total-1, total, "account_profitability")
	if !slices.ContainsFunc(rows[:pnl.first-1], func(r []string) bool { return len(r) > 0 && r[0] == note }) {
		t.Errorf("no note %q above the cut table", note)
	}
	// The rows shown are the table's first, in its order.
	for i := 0; i < total-1; i++ {
		if got, want := fmt.Sprint(rows[pnl.first-1+i]), fmt.Sprint(fullRows[full.first-1+i]); got != want {
			t.Errorf("row %d of the cut P&L: %s, want %s", i+1, got, want)
		}
	}
}

// TestExcelMonthlyHistoryCut: the flat monthly history cut at
// sheet_max_rows shows the newest months first, key accounts and the
// largest revenue first within a month (ties by account), so a cut sheet
// holds the recent history and the same rows on every run. The expected
// rows are sorted here in Go from the mart's rows, not by the sheet's query.
func TestExcelMonthlyHistoryCut(t *testing.T) {
	w := xlOpenCopy(t, runExcel(t, excelFixture, "en"))
	ctx := context.Background()
	type row struct {
		id, month string
		key       bool
		revenue   float64
		hasRev    bool
	}
	rs, err := w.Query(ctx, `select account_id, strftime(month, '%Y-%m'), is_key_account, cast(revenue as double) from main.account_months`)
	if err != nil {
		t.Fatal(err)
	}
	var all []row
	for rs.Next() {
		var r row
		var rev sql.NullFloat64
		if err := rs.Scan(&r.id, &r.month, &r.key, &rev); err != nil {
			t.Fatal(err)
		}
		r.revenue, r.hasRev = rev.Float64, rev.Valid
		all = append(all, r)
	}
	if err := rs.Close(); err != nil {
		t.Fatal(err)
	}
	months := map[string]bool{}
	for _, r := range all {
		months[r.month] = true
	}
	if len(all) < 20 || len(months) < 3 {
		t.Fatalf("the fixture's monthly history has %d rows in %d months; the test needs a cut across months", len(all), len(months))
	}
	slices.SortFunc(all, func(a, b row) int {
		switch {
		case a.month != b.month:
			return -strings.Compare(a.month, b.month)
		case a.key != b.key:
			if a.key {
				return -1
			}
			return 1
		case a.hasRev != b.hasRev:
			if a.hasRev {
				return -1
			}
			return 1
		case a.revenue != b.revenue:
			if a.revenue > b.revenue {
				return -1
			}
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
	cut := len(all) * 2 / 3
	if err := w.Exec(ctx, "update meta.params set num = ? where key = 'sheet_max_rows'", cut); err != nil {
		t.Fatal(err)
	}
	p, err := WriteExcel(ctx, w, Run{Period: excelPeriod, Language: "en"}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb := xlFindTable(t, f, "account_months")
	if shown := tb.last - tb.first + 1; shown != cut {
		t.Fatalf("the monthly history shows %d rows, want the cut %d", shown, cut)
	}
	for i := range cut {
		id, err := f.GetCellValue(tb.sheet, cellName(tb.col[tb.header[0]], tb.first+i))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := f.GetCellValue(tb.sheet, cellName(tb.col[tb.header[5]], tb.first+i), excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		var serial float64
		if _, err := fmt.Sscan(raw, &serial); err != nil {
			t.Fatalf("row %d: month cell %q is not a date serial", i+1, raw)
		}
		d, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := id+" "+d.Format("2006-01"), all[i].id+" "+all[i].month; got != want {
			t.Fatalf("row %d of the cut monthly history: %s, want %s", i+1, got, want)
		}
	}
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func excelRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestExcelMissingInput: without a targets file the Plan vs actual sheet
// says which file would enable it.
func TestExcelMissingInput(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(excelFixture)
	for _, e := range entries {
		if e.Name() == "targets.csv" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(excelFixture, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, e.Name()), b, 0o644)
	}
	f := runExcel(t, in, "es").open(t)
	sheet := i18n.T("es", "sheet.plan")
	want := i18n.T("es", "unavailable.targets")
	found := false
	for _, row := range excelRows(t, f, sheet)[:6] {
		found = found || len(row) > 0 && row[0] == want
	}
	if !found {
		t.Errorf("%s does not say %q at its top", sheet, want)
	}
	if tb := xlFindTable(t, f, "plan_accounts"); tb.last >= tb.first {
		t.Errorf("%s lists %d rows without targets", sheet, tb.last-tb.first+1)
	}
}

// excelFailingSource stops answering after a number of Arrow queries, as a
// warehouse whose disk fails would.
type excelFailingSource struct {
	Source
	left int
}

func (s *excelFailingSource) ArrowQuery(ctx context.Context, q string, args ...any) (array.RecordReader, error) {
	if s.left--; s.left < 0 {
		return nil, errors.New("disk gone")
	}
	return s.Source.ArrowQuery(ctx, q, args...)
}

// TestExcelWriteAtomic: the workbook appears under its name only when
// complete; a failed write leaves nothing in the folder.
func TestExcelWriteAtomic(t *testing.T) {
	w := xlOpenCopy(t, runExcel(t, excelFixture, "en"))
	dir := t.TempDir()
	if _, err := WriteExcel(context.Background(), &excelFailingSource{Source: w, left: 5}, Run{Period: excelPeriod, Language: "en"}, dir); err == nil {
		t.Fatal("the write succeeded with a failing warehouse")
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("a failed write left %v", entries)
	}
	p, err := WriteExcel(context.Background(), w, Run{Period: excelPeriod, Language: "en"}, dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "portfolio-"+excelPeriod+".xlsx" || p != filepath.Join(dir, names[0]) {
		t.Errorf("the folder holds %v, want only the workbook %s", names, p)
	}
}
