package reports

import (
	"context"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// xlCol is one column of a block: the query column it shows and how.
type xlCol struct {
	name     string           // column of the block's query
	kind     xlKind           // how values are written
	label    string           // i18n key of the header; "" means col.<name>
	prefix   string           // kEnum, kList: translation key prefix; "" means val.<name>.
	tones    string           // fill the codes through tones[tones]
	cf       xlCF             // a further conditional format
	unit     string           // kUnit: the column holding the row's unit
	formula  func(int) string // a live formula for the row instead of a value
	hidden   bool             // read for another column (unit, detail) but not shown
	soft     bool             // kEnum: a code without a translation shows as it is
	prefixOf string           // kEnum: the prefix is val.<value of this column>. (movers)
	wrap     bool             // long text that wraps
}

// xlCF is a conditional format on a column.
type xlCF int

const (
	cfNone        xlCF = iota
	cfBar              // data bar (revenue, scores)
	cfScale            // red–yellow–green colour scale (margins)
	cfLights           // traffic-light icons (health)
	cfSign             // green above zero, red below (changes)
	cfTrueRed          // a true flag is bad
	cfTrueAmber        // a true flag is a warning
	cfFalseRed         // a false flag is bad (a failed data test)
	cfPositiveRed      // any count above zero is bad (rejected rows)
)

func xc(name string, k xlKind) xlCol    { return xlCol{name: name, kind: k} }
func xe(name string) xlCol              { return xlCol{name: name, kind: kEnum, tones: name} }
func (c xlCol) bar() xlCol              { c.cf = cfBar; return c }
func (c xlCol) scale() xlCol            { c.cf = cfScale; return c }
func (c xlCol) with(cf xlCF) xlCol      { c.cf = cf; return c }
func (c xlCol) lab(key string) xlCol    { c.label = key; return c }
func (c xlCol) pre(prefix string) xlCol { c.prefix = prefix; return c }
func (c xlCol) tone(set string) xlCol   { c.tones = set; return c }
func (c xlCol) hide() xlCol             { c.hidden = true; return c }
func (c xlCol) softly() xlCol           { c.soft = true; return c }
func (c xlCol) wrapped() xlCol          { c.wrap = true; return c }

// translated reports whether a column's text is a translated code.
func (c xlCol) translated() bool { return c.kind == kEnum || c.kind == kList }

func (c xlCol) valuePrefix() string {
	if c.prefix != "" {
		return c.prefix
	}
	return "val." + c.name + "."
}

// xlBlock is one table of a sheet: a titled query over marts.
type xlBlock struct {
	id     string // the workbook name kam_<id> covers it; an Excel table is Tbl_<id>
	title  string // i18n key
	query  string
	args   []any
	cols   []xlCol
	main   bool   // the sheet's main table: frozen header, printed on every page
	filter bool   // on a streamed sheet, the secondary block that gets the sheet's autofilter
	limit  int    // show at most this many rows, saying so (0: as many as fit)
	group  string // remember the rows of each value of this column (chart series by group)
	freeze int    // columns to freeze left of a main table
	notes  []string
	note   string // i18n key of a note when rows are left out by limit (args: shown, total)

	count         int // rows the query returns
	shown         int // rows written
	titleRow      int
	header        int // header row
	first, last   int // data rows; last < first when empty
	spans         map[string][2]int
	widths        []float64
	headerLines   int
	shownCols     []xlCol
	enumsMeasured map[string][]string
}

// visible returns the columns the block writes.
func (bl *xlBlock) visible() []xlCol {
	if bl.shownCols == nil {
		for _, c := range bl.cols {
			if !c.hidden {
				bl.shownCols = append(bl.shownCols, c)
			}
		}
	}
	return bl.shownCols
}

// colIndex returns the 1-based sheet column of a block column (0 when absent).
func (bl *xlBlock) colIndex(name string) int {
	for i, c := range bl.visible() {
		if c.name == name {
			return i + 1
		}
	}
	return 0
}

func xlIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// measure counts the block's rows and sizes its columns with one aggregate
// over the query: text lengths, the codes of translated columns, the largest
// magnitudes. It reads the marts; it computes no business number.
func (bl *xlBlock) measure(ctx context.Context, b *xlBook) error {
	var sel []string
	type probe struct {
		c   xlCol
		pos int
	}
	var probes []probe
	sel = append(sel, "count(*)")
	for _, c := range bl.visible() {
		if c.formula != nil {
			continue
		}
		q := xlIdent(c.name)
		var e string
		switch c.kind {
		case kText, kNotes:
			e = "max(length(cast(" + q + " as varchar)))"
		case kEnum:
			e = "string_agg(distinct cast(" + q + " as varchar), chr(31))"
		case kList:
			e = "max(length(array_to_string(" + q + ", ', ')))"
		case kMoney, kMoney2, kInt, kNum1, kTimes, kScore, kNum, kUnit, kPct:
			e = "max(abs(cast(" + q + " as double)))"
		default:
			continue
		}
		probes = append(probes, probe{c, len(sel)})
		sel = append(sel, e)
	}
	q := "select " + strings.Join(sel, ", ") + " from (" + bl.query + ") as t"
	rows, err := b.src.Query(ctx, q, bl.args...)
	if err != nil {
		return fmt.Errorf("measure %s: %w", bl.id, err)
	}
	defer rows.Close()
	vals := make([]any, len(sel))
	ptrs := make([]any, len(sel))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	n, _ := xlToFloat(vals[0])
	bl.count = int(n)
	bl.enumsMeasured = map[string][]string{}
	measured := map[string]float64{}
	for _, p := range probes {
		v := vals[p.pos]
		switch p.c.kind {
		case kEnum:
			s, _ := v.(string)
			w := 0.0
			var codes []string
			if s != "" {
				codes = strings.Split(s, "\x1f")
			}
			bl.enumsMeasured[p.c.name] = codes
			for _, code := range codes {
				w = math.Max(w, float64(utf8.RuneCountInString(b.display(p.c, code))))
			}
			measured[p.c.name] = w
		case kText, kNotes:
			f, _ := xlToFloat(v)
			measured[p.c.name] = f
		case kList:
			f, _ := xlToFloat(v)
			measured[p.c.name] = f * 1.3
		default:
			f, _ := xlToFloat(v)
			measured[p.c.name] = xlNumberWidth(p.c.kind, f, b.cur)
		}
	}
	bl.widths = nil
	bl.headerLines = 1
	for _, c := range bl.visible() {
		w, ok := measured[c.name]
		if !ok && bl.count > 0 {
			w = xlFixedWidth(c.kind)
		}
		h := b.header(c)
		hw, lines := xlHeaderWidth(h, w)
		limit := 60.0
		if c.wrap || c.kind == kReject {
			limit = 70
		}
		w = math.Min(math.Max(math.Max(w, hw)+1.5, 6), limit)
		bl.headerLines = max(bl.headerLines, lines)
		bl.widths = append(bl.widths, w)
	}
	return nil
}

// display is how a code of a kEnum column reads.
func (b *xlBook) display(c xlCol, code string) string {
	switch {
	case c.prefixOf != "":
		return code + "      " // translated per row; leave room
	case c.soft:
		return b.listItem(c, code)
	}
	return b.t(c.valuePrefix() + code)
}

// header is a column's translated header text.
func (b *xlBook) header(c xlCol) string {
	if c.label != "" {
		return b.t(c.label)
	}
	return b.t("col." + c.name)
}

func xlToFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case int32:
		return float64(n), true
	case int:
		return float64(n), true
	case float64:
		return n, true
	case float32:
		return float64(n), true
	case uint64:
		return float64(n), true
	}
	return 0, false
}

// xlNumberWidth estimates the displayed width of a number column from its
// largest magnitude.
func xlNumberWidth(k xlKind, maxAbs float64, cur string) float64 {
	if k == kPct {
		maxAbs *= 100
	}
	digits := 1.0
	if maxAbs >= 1 {
		digits = math.Floor(math.Log10(maxAbs)) + 1
	}
	w := digits + math.Floor((digits-1)/3) + 1 // separators and sign
	switch k {
	case kMoney:
		w += float64(len(cur)) + 1
	case kMoney2:
		w += float64(len(cur)) + 4
	case kPct, kNum1, kScore:
		w += 3
	case kTimes:
		w += 4
	case kUnit:
		w += float64(len(cur)) + 3
	case kNum:
		w += 5
	}
	return w
}

func xlFixedWidth(k xlKind) float64 {
	switch k {
	case kDate:
		return 11
	case kDateTime:
		return 17
	case kBool:
		return 9
	case kReject:
		return 45
	case kMoney, kMoney2:
		return 14
	}
	return 10
}

// xlHeaderWidth is the width a header asks for when it may wrap over up to
// three lines, and the number of lines it then takes.
func xlHeaderWidth(h string, data float64) (float64, int) {
	words := strings.Fields(h)
	longest := 0.0
	for _, w := range words {
		longest = math.Max(longest, float64(utf8.RuneCountInString(w)))
	}
	n := float64(utf8.RuneCountInString(h))
	w := math.Max(longest, math.Max(data, math.Ceil(n/3)))
	w = math.Min(w, 40)
	lines := int(math.Ceil(n * 1.1 / (w + 1)))
	return w * 1.1, min(max(lines, 1), 4)
}
