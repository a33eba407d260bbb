package excel

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"kam/reports/report"
)

// block is one table of a sheet: a titled query over marts.
type block struct {
	id     string // the workbook name kam_<id> covers it; an Excel table is Tbl_<id>
	title  string // i18n key
	query  string
	args   []any
	cols   []report.Col
	main   bool   // the sheet's main table: frozen header, printed on every page
	filter bool   // on a streamed sheet, the secondary block that gets the sheet's autofilter
	limit  int    // show at most this many rows, saying so (0: as many as fit)
	group  string // remember the rows of each value of this column (chart series by group)
	keep   bool   // keep the written cells: a chart copies them to the chart data (Book.chartData)
	freeze int    // columns to freeze left of a main table
	notes  []string
	note   string // i18n key of a note when rows are left out by limit (args: shown, total)
	mart   string // the mart a table cut at sheet_max_rows is read from (the note names its Parquet file)

	count         int // rows the query returns
	shown         int // rows written
	titleRow      int
	header        int // header row
	first, last   int // data rows; last < first when empty
	spans         map[string][2]int
	kept          [][]any // the cells written, per data row, when keep
	widths        []float64
	headerLines   int
	shownCols     []report.Col
	enumsMeasured map[string][]string

	part *Part // the rows were read once for every key (Split): this block shows one key's
}

// martRe finds the marts a block's query reads.
var martRe = regexp.MustCompile(`\bfrom main\.([a-z_]+)`)

// mainMart is the mart of the query's own from clause (not of a
// subquery): the one a table cut at sheet_max_rows points the reader to.
func mainMart(query string) string {
	for _, m := range martRe.FindAllStringSubmatchIndex(query, -1) {
		depth := strings.Count(query[:m[0]], "(") - strings.Count(query[:m[0]], ")")
		if depth == 0 {
			return query[m[2]:m[3]]
		}
	}
	return ""
}

// visible returns the columns the block writes.
func (bl *block) visible() []report.Col {
	if bl.shownCols == nil {
		for _, c := range bl.cols {
			if !c.Hidden {
				bl.shownCols = append(bl.shownCols, c)
			}
		}
	}
	return bl.shownCols
}

// colIndex returns the 1-based sheet column of a block column (0 when absent).
func (bl *block) colIndex(name string) int {
	for i, c := range bl.visible() {
		if c.Name == name {
			return i + 1
		}
	}
	return 0
}

func ident(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// probe is one measured column: its place in the measure row.
type probe struct {
	c   report.Col
	pos int
}

// measures is the select list that measures cols (count(*) first) and
// where each column's figure is in it.
func measures(cols []report.Col) ([]string, []probe) {
	sel := []string{"count(*)"}
	var probes []probe
	for _, c := range cols {
		q := ident(c.Name)
		var e string
		switch c.Kind {
		case report.Text, report.Notes:
			e = "max(length(cast(" + q + " as varchar)))"
		case report.Enum:
			e = "string_agg(distinct cast(" + q + " as varchar), chr(31))"
		case report.List:
			e = "max(length(array_to_string(" + q + ", ', ')))"
		case report.Money, report.Money2, report.Int, report.Num1, report.Times, report.Score, report.Num, report.Unit, report.Pct:
			e = "max(abs(cast(" + q + " as double)))"
		default:
			continue
		}
		probes = append(probes, probe{c, len(sel)})
		sel = append(sel, e)
	}
	return sel, probes
}

// measure counts the block's rows and sizes its columns with one aggregate
// over the query: text lengths, the codes of translated columns, the largest
// magnitudes. It reads the marts; it computes no business number. A block
// of a Split's part takes its key's row of the aggregate the split ran once.
func (bl *block) measure(ctx context.Context, b *Book) error {
	sel, probes := measures(bl.visible())
	if bl.part != nil {
		bl.apply(b, bl.part.measure, probes)
		return nil
	}
	// The measures do not depend on the rows' order (see unordered).
	q := "select " + strings.Join(sel, ", ") + " from (" + unordered(bl.query) + ") as t"
	args := bl.args
	if n := int(b.params["sheet_max_rows"]); bl.limit == 0 && n > 0 && mainMart(bl.query) != "" {
		// A long per-account table shows its first sheet_max_rows rows
		// (see layout): its columns are sized to those, as the rows are
		// read (rows.go), and only the count reads the whole table.
		// Sizing them over every row was most of the workbook's queries
		// at 100,000 accounts.
		sel[0] = "(select count(*) from (" + unordered(bl.query) + "))"
		q = "select " + strings.Join(sel, ", ") + " from (" + bl.query + "\nlimit " + strconv.Itoa(n) + ") as t"
		args = append(append([]any{}, bl.args...), bl.args...)
	}
	rows, err := b.src.Query(ctx, q, args...)
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
	bl.apply(b, vals, probes)
	return nil
}

// apply reads a measure row: the count, and each column's width.
func (bl *block) apply(b *Book, vals []any, probes []probe) {
	n, _ := toFloat(vals[0])
	bl.count = int(n)
	bl.enumsMeasured = map[string][]string{}
	measured := map[string]float64{}
	for _, p := range probes {
		v := vals[p.pos]
		switch p.c.Kind {
		case report.Enum:
			s, _ := v.(string)
			w := 0.0
			var codes []string
			if s != "" {
				codes = strings.Split(s, "\x1f")
			}
			bl.enumsMeasured[p.c.Name] = codes
			for _, code := range codes {
				w = math.Max(w, float64(utf8.RuneCountInString(b.display(p.c, code))))
			}
			measured[p.c.Name] = w
		case report.Text, report.Notes:
			f, _ := toFloat(v)
			measured[p.c.Name] = f
		case report.List:
			f, _ := toFloat(v)
			measured[p.c.Name] = f * 1.3
		default:
			f, _ := toFloat(v)
			measured[p.c.Name] = numberWidth(p.c.Kind, f, b.cur)
		}
	}
	bl.widths = nil
	bl.headerLines = 1
	for _, c := range bl.visible() {
		w, ok := measured[c.Name]
		if !ok && bl.count > 0 {
			w = fixedWidth(c.Kind)
		}
		h := b.header(c)
		hw, lines := headerWidth(h, w)
		limit := 60.0
		if c.Wrap || c.Kind == report.Reject {
			limit = 70
		}
		w = math.Min(math.Max(math.Max(w, hw)+1.5, 6), limit)
		bl.headerLines = max(bl.headerLines, lines)
		bl.widths = append(bl.widths, w)
	}
}

// display is how a code of a report.Enum column reads.
func (b *Book) display(c report.Col, code string) string {
	switch {
	case c.PrefixOf != "":
		return code + "      " // translated per row; leave room
	case c.Soft:
		return b.listItem(c, code)
	}
	return b.t(c.ValuePrefix() + code)
}

// header is a column's translated header text.
func (b *Book) header(c report.Col) string {
	if c.Label != "" {
		return b.t(c.Label)
	}
	return b.t("col." + c.Name)
}

func toFloat(v any) (float64, bool) {
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

// numberWidth estimates the displayed width of a number column from its
// largest magnitude.
func numberWidth(k report.Kind, maxAbs float64, cur string) float64 {
	if k == report.Pct {
		maxAbs *= 100
	}
	digits := 1.0
	if maxAbs >= 1 {
		digits = math.Floor(math.Log10(maxAbs)) + 1
	}
	w := digits + math.Floor((digits-1)/3) + 1 // separators and sign
	switch k {
	case report.Money:
		w += float64(len(cur)) + 1
	case report.Money2:
		w += float64(len(cur)) + 4
	case report.Pct, report.Num1, report.Score:
		w += 3
	case report.Times:
		w += 4
	case report.Unit:
		w += float64(len(cur)) + 3
	case report.Num:
		w += 5
	}
	return w
}

func fixedWidth(k report.Kind) float64 {
	switch k {
	case report.Date:
		return 11
	case report.DateTime:
		return 17
	case report.Bool:
		return 9
	case report.Reject:
		return 45
	case report.Money, report.Money2:
		return 14
	}
	return 10
}

// headerWidth is the width a header asks for when it may wrap over up to
// three lines, and the number of lines it then takes.
func headerWidth(h string, data float64) (float64, int) {
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
