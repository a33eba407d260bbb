package reports

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kam/i18n"
)

// writeBlock writes a block's title, notes, header and rows. Rows come from
// the marts as Arrow record batches and go out one at a time.
func (s *xlSheet) writeBlock(ctx context.Context, bl *xlBlock, put func(int, []any, float64) error) error {
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
		if c.formula == nil && !strings.HasPrefix(c.label, "xlsx.") {
			s.b.use(c.name, s.name)
		}
	}
	if err := put(bl.header, head, 15*float64(bl.headerLines)+3); err != nil {
		return err
	}
	if bl.shown == 0 {
		return nil
	}
	rr, err := s.b.src.ArrowQuery(ctx, bl.query, bl.args...)
	if err != nil {
		return fmt.Errorf("read %s: %w", bl.id, err)
	}
	defer rr.Release()
	idx := map[string]int{}
	for i, fld := range rr.Schema().Fields() {
		idx[fld.Name] = i
	}
	for _, c := range bl.cols {
		if _, ok := idx[c.name]; !ok && c.formula == nil && c.kind != kReject {
			return fmt.Errorf("read %s: the query has no column %s", bl.id, c.name)
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
			row := func(name string) any { return xlValue(rec.Column(idx[name]), i) }
			cells := make([]any, len(cols))
			for j, c := range cols {
				cells[j] = s.cellOf(c, row, r)
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
func (s *xlSheet) cellOf(c xlCol, row func(string) any, r int) excelize.Cell {
	st := s.b.st
	if c.formula != nil {
		return excelize.Cell{StyleID: st.style(c.kind), Formula: c.formula(r)}
	}
	v := row(c.name)
	k := c.kind
	switch k {
	case kUnit:
		u, _ := row(c.unit).(string)
		k = xlUnitKind(u)
	case kReject:
		reason, _ := row("reason").(string)
		detail, _ := row("detail").(string)
		return excelize.Cell{StyleID: st.style(k), Value: i18n.Reject(s.b.lang, reason, detail)}
	}
	out := excelize.Cell{StyleID: st.style(k)}
	if c.wrap {
		out.StyleID = st.style(kList)
	}
	if v == nil {
		return out
	}
	switch k {
	case kText:
		out.Value = fmt.Sprint(v)
	case kEnum:
		code := fmt.Sprint(v)
		switch {
		case c.prefixOf != "":
			p, _ := row(c.prefixOf).(string)
			out.Value = s.b.listItem(xlCol{prefix: "val." + p + "."}, code)
		case c.soft:
			out.Value = s.b.listItem(c, code)
		default:
			out.Value = s.b.t(c.valuePrefix() + code)
		}
	case kList:
		items, _ := v.([]string)
		for i, it := range items {
			items[i] = s.b.listItem(c, it)
		}
		out.Value = strings.Join(items, ", ")
	case kNotes:
		out.Value = xlJoinNotes(fmt.Sprint(v))
	case kBool:
		// Flags are 1 and 0 shown as yes and no, so that one conditional
		// format works everywhere: Excel does not match TRUE against a rule
		// on 1, and LibreOffice fails to print a sheet whose boolean cells
		// carry a rule equal to TRUE or a formula rule.
		out.Value = 0
		if b, _ := v.(bool); b {
			out.Value = 1
		}
	case kDate, kDateTime:
		if t, ok := v.(time.Time); ok {
			out.Value = t.UTC()
		}
	default:
		if n, ok := xlNumber(v); ok {
			out.Value = n
		} else {
			out.Value = fmt.Sprint(v)
		}
	}
	return out
}

// rowHeight is the height a row needs for its wrapped text (0: the
// default), since spreadsheets do not size rows when they open a file.
func (s *xlSheet) rowHeight(cols []xlCol, cells []any) float64 {
	lines := 1.0
	for j, c := range cols {
		if !c.wrap && c.kind != kList && c.kind != kReject {
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

// xlJoinNotes shows a JSON list of notes (data_quality.notes) as one text.
func xlJoinNotes(s string) string {
	var notes []string
	if json.Unmarshal([]byte(s), &notes) != nil {
		return s
	}
	return strings.Join(notes, "; ")
}

// listItem translates one code of a list column; a code without a
// translation shows as it is, being an identifier a reader can still follow.
func (b *xlBook) listItem(c xlCol, code string) string {
	key := c.valuePrefix() + code
	if i18n.Has(key) {
		return b.t(key)
	}
	return code
}
