package excel

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/xuri/excelize/v2"

	"kam/i18n"
	"kam/reports/report"
)

// writeBlock writes a block's title, notes, header and rows. Rows come from
// the marts as Arrow record batches and go out one at a time.
func (s *worksheet) writeBlock(ctx context.Context, bl *block, put func(int, []any, float64) error) error {
	st := s.b.st
	if bl.title != "" {
		if err := put(bl.titleRow, []any{excelize.Cell{StyleID: st.block, Value: s.b.t(bl.title)}}, 18); err != nil {
			return err
		}
	}
	for i, n := range bl.notes {
		if err := put(bl.titleRow+1+i, []any{excelize.Cell{StyleID: st.note, Value: n}}, 0); err != nil {
			return err
		}
	}
	cols := bl.visible()
	head := make([]any, len(cols))
	seen := map[string]int{}
	for i, c := range cols {
		h := s.b.header(c)
		// Table headers must be unique.
		if n := seen[h]; n > 0 {
			seen[h]++
			h = fmt.Sprintf("%s (%d)", h, n+1)
		} else {
			seen[h] = 1
		}
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
		if !strings.HasPrefix(c.Label, "xlsx.") {
			s.b.use(c.Name, s.name)
		}
	}
	if err := put(bl.header, head, 15*float64(bl.headerLines)+3); err != nil {
		return err
	}
	if bl.shown == 0 {
		return nil
	}
	var rr array.RecordReader
	var err error
	if bl.part != nil {
		rr, err = bl.part.reader()
	} else {
		q := bl.query
		if bl.shown < bl.count {
			// Only the first rows are shown (sheet_max_rows): the engine
			// keeps the top ones instead of sorting and handing over all.
			q += "\nlimit " + strconv.Itoa(bl.shown)
		}
		rr, err = s.b.src.ArrowQuery(ctx, q, bl.args...)
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", bl.id, err)
	}
	defer rr.Release()
	idx := map[string]int{}
	for i, fld := range rr.Schema().Fields() {
		idx[fld.Name] = i
	}
	for _, c := range bl.cols {
		if _, ok := idx[c.Name]; !ok && c.Kind != report.Reject {
			return fmt.Errorf("read %s: the query has no column %s", bl.id, c.Name)
		}
	}
	bl.spans = map[string][2]int{}
	r := bl.first
	for rr.Next() && r <= bl.last {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec := rr.RecordBatch()
		for i := 0; i < int(rec.NumRows()) && r <= bl.last; i++ {
			row := func(name string) any { return cellValue(rec.Column(idx[name]), i) }
			cells := make([]any, len(cols))
			known := func(name string) any { // the row's value of a column the query may not have
				if _, ok := idx[name]; !ok {
					return nil
				}
				return row(name)
			}
			for j, c := range cols {
				cells[j] = s.cellOf(c, row, r)
				if c.Kind == report.Text {
					if h := s.b.meta.Link(c.Name, "xlsx", known); h != "" {
						cell, err := s.link(cells[j].(excelize.Cell), h, j+1, r)
						if err != nil {
							return err
						}
						cells[j] = cell
					}
				}
			}
			if bl.group != "" {
				g := fmt.Sprint(row(bl.group))
				sp, ok := bl.spans[g]
				if !ok {
					sp[0] = r
				}
				sp[1] = r
				bl.spans[g] = sp
			}
			if bl.keep {
				bl.kept = append(bl.kept, cells)
			}
			if err := put(r, cells, s.rowHeight(cols, cells)); err != nil {
				return err
			}
			r++
		}
	}
	if err := rr.Err(); err != nil {
		return fmt.Errorf("read %s: %w", bl.id, err)
	}
	bl.last = r - 1 // the mart may have changed size between measure and read: never claim rows not written
	return nil
}

// cellOf turns a row's value into a styled cell. Text is always a string
// cell, so an account named =HYPERLINK(...) stays a name.
func (s *worksheet) cellOf(c report.Col, row func(string) any, r int) excelize.Cell {
	st := s.b.st
	v := row(c.Name)
	k := c.Kind
	switch k {
	case report.Unit:
		u, _ := row(c.Unit).(string)
		k = unitKind(u)
	case report.Reject:
		reason, _ := row("reason").(string)
		detail, _ := row("detail").(string)
		return excelize.Cell{StyleID: st.style(k), Value: i18n.Reject(s.b.lang, reason, detail)}
	}
	out := excelize.Cell{StyleID: st.style(k)}
	if c.Wrap {
		out.StyleID = st.style(report.List)
	}
	if v == nil {
		return out
	}
	switch k {
	case report.Text:
		out.Value = fmt.Sprint(v)
	case report.Enum:
		code := fmt.Sprint(v)
		switch {
		case c.PrefixOf != "":
			p, _ := row(c.PrefixOf).(string)
			out.Value = s.b.listItem(report.Col{Prefix: "val." + p + "."}, code)
		case c.Soft:
			out.Value = s.b.listItem(c, code)
		default:
			out.Value = s.b.t(c.ValuePrefix() + code)
		}
	case report.List:
		items, _ := v.([]string)
		for i, it := range items {
			items[i] = s.b.listItem(c, it)
		}
		out.Value = strings.Join(items, ", ")
	case report.Notes:
		out.Value = strings.Join(i18n.Notes(s.b.lang, fmt.Sprint(v)), "; ")
	case report.Bool:
		// Flags are 1 and 0 shown as yes and no, so that one conditional
		// format works everywhere: Excel does not match TRUE against a rule
		// on 1, and LibreOffice fails to print a sheet whose boolean cells
		// carry a rule equal to TRUE or a formula rule.
		out.Value = 0
		if b, _ := v.(bool); b {
			out.Value = 1
		}
	case report.Date, report.DateTime:
		if t, ok := v.(time.Time); ok {
			out.Value = t.UTC()
		}
	default:
		if n, ok := asNumber(v); ok {
			out.Value = n
		} else {
			out.Value = fmt.Sprint(v)
		}
	}
	return out
}

// rowHeight is the height a row needs for its wrapped text (0: the
// default), since spreadsheets do not size rows when they open a file.
func (s *worksheet) rowHeight(cols []report.Col, cells []any) float64 {
	lines := 1.0
	for j, c := range cols {
		if !c.Wrap && c.Kind != report.List && c.Kind != report.Reject {
			continue
		}
		txt, _ := cells[j].(excelize.Cell).Value.(string)
		w := 10.0
		if j < len(s.widths) {
			w = s.widths[j]
		}
		n := 0.0
		for _, part := range strings.Split(txt, "\n") {
			// A column of width w holds about 1.2 w characters of average text.
			n += math.Max(1, math.Ceil(float64(utf8.RuneCountInString(part))/math.Max(1.2*w-2, 1)))
		}
		lines = math.Max(lines, n)
	}
	if lines <= 1 {
		return 0
	}
	return math.Min(14.5*lines+3, 409)
}

// listItem translates one code of a list column; a code without a
// translation shows as it is, being an identifier a reader can still follow.
func (b *Book) listItem(c report.Col, code string) string {
	key := c.ValuePrefix() + code
	if i18n.Has(key) {
		return b.t(key)
	}
	return code
}

// link makes a cell a link to a pack or a page (report.Meta.Link),
// relative to the workbook: a hyperlink, the cell's text staying text. The
// links are written with the workbook's zip (links.go).
func (s *worksheet) link(cell excelize.Cell, target string, col, r int) (excelize.Cell, error) {
	ref, _ := excelize.CoordinatesToCellName(col, r)
	return cell, s.b.addLink(s.name, ref, s.b.linkBase+target)
}
