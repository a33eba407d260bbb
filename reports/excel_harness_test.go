package reports

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/xuri/excelize/v2"

	"kam/pipeline"
)

const excelPeriod = "2026-10"

// excelFixture is the hand-computed model fixture (its expected mart values
// are in pipeline/testdata/fixture/expected.csv).
var excelFixture = filepath.Join("..", "pipeline", "testdata", "fixture", "in")

// excelRun is a finished kam run of an input folder with its workbook.
type excelRun struct {
	dir  string // output folder
	db   string // warehouse
	xlsx string // the workbook
	lang string
}

var (
	excelRunsMu sync.Mutex
	excelRuns   = map[string]*excelRun{}
	excelTmp    []string
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range excelTmp {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// runExcel runs the whole pipeline on an input folder for period 2026-10
// with the workbook as its report, once per input and language, and
// returns where the warehouse and the workbook are.
func runExcel(t *testing.T, in, lang string) *excelRun {
	t.Helper()
	excelRunsMu.Lock()
	defer excelRunsMu.Unlock()
	if r, ok := excelRuns[in+"|"+lang]; ok {
		return r
	}
	dir, err := os.MkdirTemp("", "kam-xlsx-")
	if err != nil {
		t.Fatal(err)
	}
	excelTmp = append(excelTmp, dir)
	cfg := pipeline.DefaultConfig()
	cfg.RejectLimit = 1
	cfg.Language = lang
	db := filepath.Join(dir, "kam.duckdb")
	m, err := pipeline.Run(context.Background(), pipeline.RunOptions{
		Command: "run", Input: in, Out: dir, DB: db, Period: excelPeriod, Config: cfg,
		Reports: func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, d string) ([]string, error) {
			p, err := WriteExcel(ctx, w, Run{Period: m.Period, Language: m.Language, Manifest: m}, d)
			if err != nil {
				return nil, err
			}
			return []string{p}, nil
		},
	})
	if err != nil {
		t.Fatalf("run %s (%s): %v", in, lang, err)
	}
	r := &excelRun{dir: dir, db: db, lang: lang, xlsx: filepath.Join(dir, excelPeriod, "portfolio-"+excelPeriod+".xlsx")}
	found := false
	for _, o := range m.Outputs {
		found = found || o == r.xlsx
	}
	if !found {
		t.Fatalf("the manifest's outputs %v do not list %s", m.Outputs, r.xlsx)
	}
	excelRuns[in+"|"+lang] = r
	return r
}

// open opens the run's workbook.
func (r *excelRun) open(t *testing.T) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(r.xlsx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// query reads the run's warehouse (read-only) as text.
func (r *excelRun) query(t *testing.T, q string, args ...any) [][]string {
	t.Helper()
	db, err := sql.Open("duckdb", r.db+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		v := make([]sql.NullString, len(cols))
		p := make([]any, len(cols))
		for i := range v {
			p[i] = &v[i]
		}
		if err := rows.Scan(p...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, s := range v {
			row[i] = "NULL"
			if s.Valid {
				row[i] = s.String
			}
		}
		out = append(out, row)
	}
	return out
}

// xlsxTable is a block of the workbook found through its name kam_<id>:
// header texts and, per data row, the cell references by header.
type xlsxTable struct {
	sheet  string
	header []string
	col    map[string]int // header → column number
	first  int            // first data row
	last   int
}

func xlFindTable(t *testing.T, f *excelize.File, id string) *xlsxTable {
	t.Helper()
	for _, d := range f.GetDefinedName() {
		if d.Name != "kam_"+id {
			continue
		}
		sheetPart, rng, ok := strings.Cut(strings.TrimPrefix(d.RefersTo, "="), "!")
		if !ok {
			t.Fatalf("kam_%s refers to %q", id, d.RefersTo)
		}
		sheet := strings.ReplaceAll(strings.Trim(sheetPart, "'"), "''", "'")
		a, b, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
		c1, r1, err := excelize.CellNameToCoordinates(a)
		if err != nil {
			t.Fatal(err)
		}
		c2, r2, err := excelize.CellNameToCoordinates(b)
		if err != nil {
			t.Fatal(err)
		}
		tb := &xlsxTable{sheet: sheet, col: map[string]int{}, first: r1 + 1, last: r2}
		for c := c1; c <= c2; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r1)
			h, _ := f.GetCellValue(sheet, cell)
			tb.header = append(tb.header, h)
			tb.col[h] = c
		}
		return tb
	}
	t.Fatalf("the workbook has no name kam_%s", id)
	return nil
}

// cell returns the reference of the data row whose column keyHeader holds
// key, in column header.
func (tb *xlsxTable) cell(t *testing.T, f *excelize.File, keyHeader, key, header string) string {
	t.Helper()
	kc, ok := tb.col[keyHeader]
	if !ok {
		t.Fatalf("%s: no column %q in %v", tb.sheet, keyHeader, tb.header)
	}
	vc, ok := tb.col[header]
	if !ok {
		t.Fatalf("%s: no column %q in %v", tb.sheet, header, tb.header)
	}
	for r := tb.first; r <= tb.last; r++ {
		ref, _ := excelize.CoordinatesToCellName(kc, r)
		if v, _ := f.GetCellValue(tb.sheet, ref); v == key {
			out, _ := excelize.CoordinatesToCellName(vc, r)
			return out
		}
	}
	t.Fatalf("%s: no row with %s = %q", tb.sheet, keyHeader, key)
	return ""
}

// row returns the data row whose columns hold the given values.
func (tb *xlsxTable) row(t *testing.T, f *excelize.File, keys map[string]string) int {
	t.Helper()
next:
	for r := tb.first; r <= tb.last; r++ {
		for h, want := range keys {
			c, ok := tb.col[h]
			if !ok {
				t.Fatalf("%s: no column %q in %v", tb.sheet, h, tb.header)
			}
			ref, _ := excelize.CoordinatesToCellName(c, r)
			if v, _ := f.GetCellValue(tb.sheet, ref); v != want {
				continue next
			}
		}
		return r
	}
	t.Fatalf("%s: no row with %v", tb.sheet, keys)
	return 0
}

// at is the reference of a data row's cell in the column headed header.
func (tb *xlsxTable) at(row int, header string) string {
	ref, _ := excelize.CoordinatesToCellName(tb.col[header], row)
	return ref
}

// column returns the displayed values of one column of the table.
func (tb *xlsxTable) column(t *testing.T, f *excelize.File, header string) []string {
	t.Helper()
	c, ok := tb.col[header]
	if !ok {
		t.Fatalf("%s: no column %q in %v", tb.sheet, header, tb.header)
	}
	var out []string
	for r := tb.first; r <= tb.last; r++ {
		ref, _ := excelize.CoordinatesToCellName(c, r)
		v, _ := f.GetCellValue(tb.sheet, ref)
		out = append(out, v)
	}
	return out
}

// xlNumberCell asserts that a cell holds a real number (not text, not a
// formula) whose value equals want, with a number format containing fmtHas.
func xlNumberCell(t *testing.T, f *excelize.File, sheet, ref, want, fmtHas string) {
	t.Helper()
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s!%s: cell type %v, want a number", sheet, ref, typ)
	}
	if fo, _ := f.GetCellFormula(sheet, ref); fo != "" {
		t.Errorf("%s!%s: formula %q, want a value", sheet, ref, fo)
	}
	raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if want == "NULL" {
		if raw != "" {
			t.Errorf("%s!%s = %q, want an empty cell (NULL in the mart)", sheet, ref, raw)
		}
		return
	}
	got, err1 := strconv.ParseFloat(raw, 64)
	exp, err2 := strconv.ParseFloat(want, 64)
	if err1 != nil || err2 != nil || math.Abs(got-exp) > 1e-9*math.Max(1, math.Abs(exp)) {
		t.Errorf("%s!%s = %q, the mart says %s", sheet, ref, raw, want)
	}
	if nf := xlNumFmtOf(t, f, sheet, ref); !strings.Contains(nf, fmtHas) {
		t.Errorf("%s!%s: number format %q lacks %q", sheet, ref, nf, fmtHas)
	}
}

func xlNumFmtOf(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return fmt.Sprintf("builtin %d", st.NumFmt)
}

func xlParseF(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// xlVisibleSheets are the sheets a reader sees, in tab order (not the
// hidden sheet of chart data).
func xlVisibleSheets(t *testing.T, f *excelize.File) []string {
	t.Helper()
	var out []string
	for _, s := range f.GetSheetList() {
		v, err := f.GetSheetVisible(s)
		if err != nil {
			t.Fatal(err)
		}
		if v {
			out = append(out, s)
		}
	}
	return out
}
