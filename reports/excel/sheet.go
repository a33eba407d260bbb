package excel

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"kam/reports/report"
)

// MaxRows is Excel's row limit; tests lower it to see truncation.
var MaxRows = excelize.TotalRows

// StreamFrom is the number of rows from which a sheet declared as streamed
// is written through excelize's StreamWriter, which keeps memory flat but
// holds one Excel table per sheet (its other blocks get an autofilter). A
// smaller sheet is written cell by cell, where every block is an Excel
// table with its filter. Tests lower it.
var StreamFrom = 5000

// worksheet is one worksheet being written, either through excelize's
// StreamWriter (sheets with a row per portfolio unit, which can be long) or
// cell by cell (small sheets, where every block can be an Excel table).
type worksheet struct {
	b       *Book
	id      string
	name    string
	stream  bool
	sw      *excelize.StreamWriter
	title   string
	lines   []infoLine // label: value pairs under the title
	notes   []string   // what is missing and which file would enable it
	blocks  []*block
	widths  []float64
	lastRow int
	rightOf int // first free column right of the main table (charts go there)
	// chartHeight is the height in pixels of the chart the sheet draws
	// (nil: none), known once the blocks are measured. When the main table
	// is too wide for the chart to sit beside it, layout keeps that many
	// rows free above the tables, at chartTop, so the chart is where the
	// sheet opens rather than below hundreds of rows.
	chartHeight func() int
	chartTop    int
	// pagesWide is how many pages wide the sheet prints (0: one). A sheet
	// with many columns prints on two, so that its text stays readable
	// instead of shrinking to fit one.
	pagesWide int
}

// infoLine is a label and a value under a sheet's title.
type infoLine struct {
	label string
	value any
	kind  report.Kind
}

// Table writes a part's sheet that is one table: the title, the notes
// of the inputs the table's marts miss, and the block as an Excel table with
// a filter and a frozen header. A part declares it in the catalogue with its
// query and columns; no writer of its own.
func Table(t report.Table) func(context.Context, *Book) error {
	bl := block{id: t.ID, title: t.Title, query: t.Query, args: t.Args, cols: t.Cols, freeze: t.Freeze}
	return func(ctx context.Context, b *Book) error {
		notes, err := unavailable(ctx, b.src, sheetMarts(b.part.Marts, bl.query))
		if err != nil {
			return err
		}
		return b.tableSheet(ctx, bl, notes)
	}
}

// tableSheet writes the sheet of the part being written as the one table
// bl, under the notes of the inputs its marts miss.
func (b *Book) tableSheet(ctx context.Context, bl block, unavailable []string) error {
	s := b.sheet(b.part.ID, true)
	s.title = b.t("sheet." + b.part.ID)
	for _, k := range unavailable {
		s.note("unavailable." + k)
	}
	bl.main = true
	s.add(&bl)
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}

// sheetMarts are the marts of a part (Sheet.Marts) that query reads, as
// main.<mart>: the sheet's own marts; the part's section may read more.
func sheetMarts(marts []string, query string) []string {
	var out []string
	for _, m := range marts {
		if strings.Contains(query, "main."+m+" ") || strings.HasSuffix(query, "main."+m) {
			out = append(out, "main."+m)
		}
	}
	return out
}

// kamName is the SQL select item naming the KAM of the rows of table (an
// account-grain mart or its alias) as people know them: kam_performance's
// kam_name, or the CRM id when the kams file does not name that KAM.
func kamName(table string) string {
	return "coalesce((select k.kam_name from main.kam_performance as k where k.kam_id = " + table + ".kam_id), " +
		table + ".kam_id) as kam_name"
}

func (b *Book) sheet(id string, stream bool) *worksheet {
	return &worksheet{b: b, id: id, name: b.names[id], stream: stream}
}

func (s *worksheet) add(bl *block) *block { s.blocks = append(s.blocks, bl); return bl }

// needs notes each input kind the sheet depends on that is not loaded.
func (s *worksheet) needs(kinds ...string) {
	for _, k := range kinds {
		if loaded, known := s.b.inputs[k]; known && !loaded {
			s.note("unavailable." + k)
		}
	}
}

func (s *worksheet) note(key string) {
	text := s.b.t(key)
	for _, n := range s.notes {
		if n == text {
			return
		}
	}
	s.notes = append(s.notes, text)
}

// unavailableFrom notes the inputs the given marts list as unavailable.
func (s *worksheet) unavailableFrom(ctx context.Context, marts ...string) error {
	keys, err := unavailable(ctx, s.b.src, marts)
	for _, k := range keys {
		s.note("unavailable." + k)
	}
	return err
}

// unavailable reads the inputs the given marts list as unavailable, sorted.
func unavailable(ctx context.Context, src report.Source, marts []string) ([]string, error) {
	if len(marts) == 0 {
		return nil, nil
	}
	var parts []string
	for _, m := range marts {
		parts = append(parts, "select unnest(unavailable_inputs) as k from "+m)
	}
	rows, err := src.Query(ctx, "select distinct k from ("+strings.Join(parts, " union all ")+") order by k")
	if err != nil {
		return nil, fmt.Errorf("read unavailable inputs: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// unavailableCode notes one code when the mart lists it as unavailable in
// any row (a sheet that shows one of the mart's figures, not the mart).
func (s *worksheet) unavailableCode(ctx context.Context, mart, code string) error {
	rows, err := s.b.src.Query(ctx, "select count(*) from "+mart+" where list_contains(unavailable_inputs, ?)", code)
	if err != nil {
		return fmt.Errorf("read unavailable inputs: %w", err)
	}
	defer rows.Close()
	var n int64
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return err
		}
	}
	if n > 0 {
		s.note("unavailable." + code)
	}
	return rows.Err()
}

// write lays the sheet out and writes every row: title, lines, notes, then
// each block with its title, notes, header and rows.
func (s *worksheet) write(ctx context.Context) error {
	for _, bl := range s.blocks {
		if err := bl.measure(ctx, s.b); err != nil {
			return err
		}
	}
	s.layout()
	if s.stream && s.lastRow < StreamFrom && !s.b.part.Stream {
		s.stream = false
	}
	if err := s.begin(); err != nil {
		return err
	}
	put := s.putter()
	if err := put(1, []any{excelize.Cell{StyleID: s.b.st.title, Value: s.title}}, 24); err != nil {
		return err
	}
	r := 2
	for _, l := range s.lines {
		st := s.b.st.style(l.kind)
		if err := put(r, []any{excelize.Cell{StyleID: s.b.st.subtitle, Value: l.label}, excelize.Cell{StyleID: st, Value: l.value}}, 0); err != nil {
			return err
		}
		r++
	}
	for _, n := range s.notes {
		if err := put(r, []any{excelize.Cell{StyleID: s.b.st.note, Value: n}}, 0); err != nil {
			return err
		}
		r++
	}
	for _, bl := range s.blocks {
		if err := s.writeBlock(ctx, bl, put); err != nil {
			return err
		}
	}
	return nil
}

// layout places the blocks and decides how many rows each can show: a
// block that would pass Excel's row limit is cut, and says so.
func (s *worksheet) layout() {
	r := 2 + len(s.lines) + len(s.notes)
	widths := []float64{}
	grow := func(i int, w float64) {
		for len(widths) <= i {
			widths = append(widths, 8)
		}
		widths[i] = math.Max(widths[i], w)
	}
	for _, l := range s.lines {
		grow(0, float64(len([]rune(l.label)))+2)
	}
	if s.chartHeight != nil && s.wideMain() {
		// Unless the rows are scarce (only tests lower MaxRows so far).
		if rows := 2 + (s.chartHeight()+8+defaultRowPx-1)/defaultRowPx; r+rows < MaxRows/4 {
			s.chartTop = r + 2
			r += rows
		}
	}
	for i, bl := range s.blocks {
		r++ // gap
		bl.titleRow = r
		bl.shown = bl.count
		if n := int(s.b.params["sheet_max_rows"]); bl.limit == 0 && n > 0 && bl.count > n {
			// A reader uses the first rows of a long per-account table; the
			// whole table is in the Parquet marts, and writing it cost most
			// of the workbook's time (100,000 rows per sheet at 10 M lines).
			if m := mainMart(bl.query); m != "" {
				bl.limit, bl.note, bl.mart = n, "xlsx.note.first_rows", m
			}
		}
		if bl.limit > 0 && bl.shown > bl.limit {
			bl.shown = bl.limit
		}
		later := 0
		for _, nx := range s.blocks[i+1:] {
			later += 4 + len(nx.notes) + min(nx.count, 1000)
		}
		room := MaxRows - (r + 2 + len(bl.notes)) - min(later, (MaxRows-r)/2)
		if bl.shown > room {
			bl.shown = max(room, 0)
		}
		if bl.shown < bl.count {
			if bl.mart != "" && bl.shown == bl.limit {
				bl.notes = append(bl.notes, s.b.t(bl.note, bl.shown, bl.count, bl.mart))
			} else if bl.note != "" && bl.mart == "" {
				bl.notes = append(bl.notes, s.b.t(bl.note, bl.shown, bl.count))
			} else {
				bl.notes = append(bl.notes, s.b.t("xlsx.note.truncated", bl.shown, bl.count))
			}
		}
		if bl.count == 0 {
			bl.notes = append(bl.notes, s.b.t("xlsx.note.no_rows"))
		}
		bl.header = r + 1 + len(bl.notes)
		bl.first = bl.header + 1
		bl.last = bl.header + bl.shown
		r = bl.last + 1
		for j, w := range bl.widths {
			grow(j, w)
		}
		if bl.main || s.rightOf == 0 {
			s.rightOf = len(bl.visible()) + 2
		}
	}
	s.lastRow = r
	s.widths = widths
}

// begin applies what must precede the first row: print setup (fit to one
// page wide, or pagesWide, landscape), column widths and the frozen header.
func (s *worksheet) begin() error {
	f := s.b.f
	yes := true
	if err := f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	land, wide, tall, a4 := "landscape", max(1, s.pagesWide), 0, 9
	if err := f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Orientation: &land, FitToWidth: &wide, FitToHeight: &tall, Size: &a4}); err != nil {
		return err
	}
	m := 0.4
	if err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m}); err != nil {
		return err
	}
	esc := func(t string) string { return strings.ReplaceAll(t, "&", "&&") }
	if err := f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + esc(s.b.t("xlsx.title", s.b.run.Period)) + "&R" + esc(s.name),
		OddFooter: "&R&P / &N",
	}); err != nil {
		return err
	}
	var main *block
	for _, bl := range s.blocks {
		if bl.main {
			main = bl
		}
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
	switch {
	case main != nil && s.chartTop > 0:
		// The chart sits above the main table: freezing the rows down to
		// its header would freeze the chart too. The id columns stay
		// frozen; the header row reads in the column letters as the
		// reader scrolls the Excel table, and repeats on printed pages.
		panes = nil
		if main.freeze > 0 {
			tl, _ := excelize.CoordinatesToCellName(main.freeze+1, 1)
			panes = &excelize.Panes{Freeze: true, XSplit: main.freeze, TopLeftCell: tl, ActivePane: "topRight"}
		}
	case main != nil:
		panes.YSplit = main.header
		panes.XSplit = main.freeze
		tl, _ := excelize.CoordinatesToCellName(main.freeze+1, main.header+1)
		panes.TopLeftCell = tl
		if main.freeze > 0 {
			panes.ActivePane = "bottomRight"
		}
	}
	if main != nil {
		// The main header repeats on every printed page, unless long blocks
		// follow the main table: their pages would carry the wrong header.
		after := 0
		for _, bl := range s.blocks {
			if bl.titleRow > main.header {
				after += bl.shown
			}
		}
		if after <= 60 {
			if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s.name,
				RefersTo: fmt.Sprintf("%s!$%d:$%d", quoteSheet(s.name), main.header, main.header)}); err != nil {
				return err
			}
		}
	}
	if s.stream {
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			return err
		}
		s.sw = sw
		for i, w := range s.widths {
			if err := sw.SetColWidth(i+1, i+1, w); err != nil {
				return err
			}
		}
		if panes == nil {
			return nil
		}
		return sw.SetPanes(panes)
	}
	for i, w := range s.widths {
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s.name, c, c, w); err != nil {
			return err
		}
	}
	if panes == nil {
		return nil
	}
	return f.SetPanes(s.name, panes)
}

// putter writes one row of cells (excelize.Cell values; nil skips a cell)
// with an optional height.
func (s *worksheet) putter() func(r int, cells []any, height float64) error {
	if s.stream {
		return func(r int, cells []any, height float64) error {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			var opts []excelize.RowOpts
			if height > 0 {
				opts = append(opts, excelize.RowOpts{Height: height})
			}
			return s.sw.SetRow(cell, cells, opts...)
		}
	}
	f := s.b.f
	return func(r int, cells []any, height float64) error {
		for i, v := range cells {
			c, ok := v.(excelize.Cell)
			if !ok {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(i+1, r)
			var err error
			switch {
			case c.Formula != "":
				err = f.SetCellFormula(s.name, ref, c.Formula)
			case c.Value != nil:
				if str, isStr := c.Value.(string); isStr {
					err = f.SetCellStr(s.name, ref, str) // text stays text, never a formula
				} else {
					err = f.SetCellValue(s.name, ref, c.Value)
				}
			}
			if err == nil && c.StyleID != 0 {
				err = f.SetCellStyle(s.name, ref, ref, c.StyleID)
			}
			if err != nil {
				return err
			}
		}
		if height > 0 {
			return f.SetRowHeight(s.name, r, height)
		}
		return nil
	}
}

// wideTable is the number of columns past which a chart does not go right
// of the main table, which would make the printed page (one page wide) smaller.
const wideTable = 14

// chartSpot is where a sheet's chart goes: right of the main table when
// that is narrow, else right of the blocks below it, else under everything.
func (s *worksheet) chartSpot() string {
	if s.chartTop > 0 {
		return anchor(1, s.chartTop)
	}
	var main *block
	secondary, top := 0, 0
	for _, bl := range s.blocks {
		if bl.main {
			main = bl
			continue
		}
		if top == 0 {
			top = bl.titleRow
		}
		secondary = max(secondary, len(bl.visible()))
	}
	switch {
	case main == nil && len(s.blocks) > 0:
		return anchor(s.rightOf, s.blocks[0].header)
	case main != nil && len(main.visible()) <= wideTable:
		return anchor(s.rightOf, main.header)
	case top > 0:
		return anchor(secondary+2, top)
	}
	return anchor(1, s.lastRow+2)
}

// defaultRowPx is the height of a row of the default height as the
// smallest reader draws it: 15 points are 20 pixels in Excel, LibreOffice's
// default row is 17; counting 17 keeps the chart off the table below in both.
const defaultRowPx = 17

// wideMain: the sheet's main table is too wide for a chart beside it.
func (s *worksheet) wideMain() bool {
	for _, bl := range s.blocks {
		if bl.main {
			return len(bl.visible()) > wideTable
		}
	}
	return false
}

func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// rangeRef is an absolute reference to rows r1..r2 of column c on a sheet.
func rangeRef(sheetName string, c, r1, r2 int) string {
	col, _ := excelize.ColumnNumberToName(c)
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sheetName), col, r1, col, r2)
}

// cellRef is an absolute reference to one cell.
func cellRef(sheetName string, c, r int) string {
	col, _ := excelize.ColumnNumberToName(c)
	return fmt.Sprintf("%s!$%s$%d", quoteSheet(sheetName), col, r)
}
