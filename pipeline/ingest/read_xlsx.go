package ingest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"kam/pipeline/config"
)

// dynamicsHidden prefixes the hidden bookkeeping columns of Dynamics 365
// exports; they are never data.
const dynamicsHidden = "(do not modify)"

// readXLSX streams the first visible sheet (or the configured one) into a raw
// table. Cells are read raw: numbers with a decimal point and dates as Excel
// serials, whatever the cell's display format, so that the column decisions
// see the true values.
func (w *loader) readXLSX(ctx context.Context, f InputFile, name string) (*rawTable, error) {
	x, err := excelize.OpenFile(f.Abs)
	if err != nil {
		return nil, fmt.Errorf("not a readable .xlsx workbook (%v); open it in Excel and save it again as .xlsx", err)
	}
	defer x.Close()
	sheet, err := f.Sheet, error(nil)
	if sheet == "" {
		if sheet, err = pickSheet(x, f.Rule); err != nil {
			return nil, err
		}
	}
	layout, err := readSheetLayout(x, f.Abs, sheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	rows, err := x.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	defer rows.Close()
	rt := &rawTable{Name: name, Format: "xlsx", Sheet: sheet, Serial: true, NumberHint: "en"}
	unsaved, err := unsavedFormulas(f.Abs, sheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	opts := excelize.Options{RawCellValue: true}
	// A workbook made on an old Mac counts its dates from 1904-01-01:
	// the same serial is a day four years and one day later than in the
	// 1900 system every other workbook uses.
	if props, err := x.GetWorkbookProps(); err == nil && props.Date1904 != nil && *props.Date1904 {
		rt.Date1904 = true
		rt.note("note.date1904")
	}

	// The header is the first row with at least two filled cells that are
	// mostly names; title rows above it are skipped.
	rowNo := int64(0)
	var head []string
	for rows.Next() {
		rowNo++
		cells, err := rows.Columns(opts)
		if err != nil {
			return nil, fmt.Errorf("sheet %q row %d: %w", sheet, rowNo, err)
		}
		if isHeaderRow(cells) {
			head = cells
			break
		}
		if rowNo > 50 {
			break
		}
	}
	if head == nil {
		return nil, fmt.Errorf("sheet %q has no header row (a row of column names) in its first 50 rows", sheet)
	}
	if rowNo > 1 {
		rt.note("note.skipped_rows", rowNo-1, rowNo, sheet)
	}
	// The row below the header may be the header's lower row (a heading
	// over a group of columns above their names); otherwise it is the
	// first data row, read again below.
	var ahead []string
	if rows.Next() {
		below, err := rows.Columns(opts)
		if err != nil {
			return nil, fmt.Errorf("sheet %q row %d: %w", sheet, rowNo+1, err)
		}
		if two := subHeader(head, below, headerMerges(layout, rowNo)); two != nil {
			head = two
			rowNo++
			rt.note("note.two_row_header", rowNo-1, rowNo, sheet)
		} else {
			ahead = below
		}
	}
	rt.HeaderLine = rowNo
	// Keep the visible, named columns; Dynamics' hidden "(Do Not Modify)"
	// columns and hidden helper columns are dropped.
	var keep []int
	for i, h := range head {
		h = cleanHeader(h)
		col, _ := excelize.ColumnNumberToName(i + 1)
		visible := layout.colVisible(i + 1)
		switch {
		case strings.HasPrefix(strings.ToLower(h), dynamicsHidden):
			rt.note("note.d365_column", col, h)
		case !visible && h != "":
			rt.note("note.hidden_column", col, h)
		case h == "":
			continue
		default:
			keep = append(keep, i)
			rt.Header = append(rt.Header, h)
		}
	}
	if len(rt.Header) == 0 {
		return nil, fmt.Errorf("sheet %q has no visible named columns", sheet)
	}
	merges := dataMerges(layout, rowNo)
	if len(merges.pending) > 0 {
		rt.note("note.merged_cells", len(merges.pending))
	}
	outside := 0
	out := make([]string, len(keep))
	// A sheet may hold several tables one under another (an open-data
	// portal's workbook), each after an empty row, perhaps under a
	// one-cell title, with a header of its own: the rows under such a
	// header are read by its columns' names (see stackedTable).
	var table *stackedTable
	afterEmpty := false
	var held []string // a one-cell row after an empty one, until the next row tells whether it is a title
	var heldNo int64
	fill := func(cells []string, row int64) bool {
		empty := true
		for j, i := range keep {
			if table != nil {
				i = table.perm[j]
			}
			out[j] = ""
			if i >= 0 && i < len(cells) {
				out[j] = strings.TrimSpace(cells[i])
			}
			if out[j] == "" && len(unsaved) > 0 && i >= 0 {
				ref, _ := excelize.CoordinatesToCellName(i+1, int(row))
				if fx, ok := unsaved[ref]; ok {
					out[j] = formulaMarker + fx
					rt.formulas++
				}
			}
			if out[j] != "" {
				empty = false
			}
		}
		return empty
	}
	next := func() ([]string, int64, int, bool, error) {
		for ahead != nil || rows.Next() {
			rowNo++
			cells := ahead
			ahead = nil
			if cells == nil {
				var err error
				if cells, err = rows.Columns(opts); err != nil {
					return nil, 0, 0, false, fmt.Errorf("sheet %q row %d: %w", sheet, rowNo, err)
				}
			}
			cells = merges.fill(cells, int(rowNo))
			if afterEmpty || held != nil {
				if t := stackedHeader(rt.Header, cells, rowNo); t != nil {
					if held != nil {
						t.Title, held = heldNo, nil
					}
					table, afterEmpty = t, false
					rt.noteStacked(t)
					continue
				}
				if held != nil {
					// Not a title: the held row is read as it is, and
					// this one again after it.
					ahead, rowNo = cells, rowNo-1
					cells, held = held, nil
					if fill(cells, heldNo) {
						outside++ // its one cell is outside the named columns
						continue
					}
					return out, heldNo, len(keep), true, nil
				}
				if filledFields(cells) == 1 {
					held, heldNo, afterEmpty = slices.Clone(cells), rowNo, false
					continue
				}
			}
			afterEmpty = false
			if fill(cells, rowNo) {
				afterEmpty = true
				for _, c := range cells {
					if strings.TrimSpace(c) != "" {
						outside++
					}
				}
				continue
			}
			return out, rowNo, len(keep), true, nil
		}
		if held != nil {
			cells := held
			held = nil
			if !fill(cells, heldNo) {
				return out, heldNo, len(keep), true, nil
			}
			outside++
		}
		return nil, 0, 0, false, rows.Error()
	}
	n, err := w.loadRows(ctx, name, len(keep), next)
	if err != nil {
		return nil, err
	}
	if outside > 0 {
		rt.note("note.cells_outside", outside)
	}
	if rt.formulas > 0 {
		rt.note("note.unsaved_formulas", rt.formulas)
	}
	rt.Rows = n
	rt.LineExpr = "_line"
	return rt, nil
}

func pickSheet(x *excelize.File, rule *config.FileRule) (string, error) {
	list := x.GetSheetList()
	if rule != nil && rule.Sheet != "" {
		if slices.Contains(list, rule.Sheet) {
			return rule.Sheet, nil
		}
		return "", fmt.Errorf("the configured sheet %q is not in the workbook; its sheets are %s", rule.Sheet, quoteList(list))
	}
	for _, s := range list {
		if v, err := x.GetSheetVisible(s); err == nil && v {
			return s, nil
		}
	}
	if len(list) > 0 {
		return list[0], nil
	}
	return "", fmt.Errorf("the workbook has no sheets")
}

// isHeaderRow: at least two filled cells, mostly names. A report's filter
// lines above its table ("Cliente:" "Todos", "Serie:" "Todas" "Agente:"
// "Todos") are names too, but half their cells are labels ending in a
// colon, each before its value: no header is written so.
func isHeaderRow(cells []string) bool {
	filled, names, labels := 0, 0, 0
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		filled++
		if looksLikeName(c) {
			names++
		}
		if strings.HasSuffix(c, ":") {
			labels++
		}
	}
	return filled >= 2 && names*2 > filled && labels*2 < filled
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// merges are the merged cell ranges below the header, in row order. A
// range shows its first cell's value in all its cells (a grouped report
// merges a customer down over its lines), so each of its cells reads that
// value; the workbook stores it in the first cell only.
type merges struct {
	pending []*mergedRange // not reached yet
	active  []*mergedRange // covering the current row
}

type mergedRange struct {
	c1, r1, c2, r2 int // 1-based, inclusive
	value          string
}

func dataMerges(l *sheetLayout, headerRow int64) *merges {
	m := &merges{}
	for _, r := range l.merged {
		if int64(r[1]) <= headerRow {
			continue
		}
		m.pending = append(m.pending, &mergedRange{c1: r[0], r1: r[1], c2: r[2], r2: r[3]})
	}
	sort.Slice(m.pending, func(i, j int) bool { return m.pending[i].r1 < m.pending[j].r1 })
	return m
}

// fill gives the blank cells of row that lie in a merged range the range's
// value, taken from its first cell when the row is the range's first.
func (m *merges) fill(cells []string, row int) []string {
	for len(m.pending) > 0 && m.pending[0].r1 <= row {
		m.active = append(m.active, m.pending[0])
		m.pending = m.pending[1:]
	}
	if len(m.active) == 0 {
		return cells
	}
	kept := m.active[:0]
	for _, r := range m.active {
		if r.r2 < row {
			continue
		}
		kept = append(kept, r)
		if r.r1 == row && r.c1 <= len(cells) {
			r.value = cells[r.c1-1]
		}
		for len(cells) < r.c2 {
			cells = append(cells, "")
		}
		for c := r.c1; c <= r.c2; c++ {
			if strings.TrimSpace(cells[c-1]) == "" {
				cells[c-1] = r.value
			}
		}
	}
	m.active = kept
	return cells
}
