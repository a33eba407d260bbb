package html

import (
	"strconv"
	"strings"

	"kam/i18n"
	"kam/reports/report"
)

// table is a sortable HTML table of mart rows. Columns are mart columns:
// the header is col.<column> and its tooltip def.<column> from the shared
// translation table, so the page and the workbook say the same.
type table struct {
	ID    string
	Cols  []column
	Rows  [][]cell
	Note  string // "showing the first n of m rows"
	Empty string // shown when there are no rows

	colSpecs []report.Col
}

type column struct {
	Label, Title string
	Num          bool
}

type cell struct {
	Text  string
	Sort  string // numeric sort key; empty sorts as text
	Class string // badge colour or sign
	Badge bool
	Href  string // a link: a key account's page, a KAM's pack
}

// newTable starts a table of the columns; see report.Col for how each is
// shown.
func (b *Builder) newTable(id string, cols ...report.Col) *table {
	t := &table{ID: id, Empty: b.t("html.no_rows")}
	for _, c := range cols {
		title := ""
		if i18n.Has("def." + c.Name) {
			title = b.t("def." + c.Name)
		}
		t.Cols = append(t.Cols, column{Label: b.t(c.LabelKey()), Title: title, Num: c.Kind.Numeric()})
	}
	t.colSpecs = cols
	return t
}

// add appends up to limit rows (0: all); the note says how many were left out.
func (t *table) add(b *Builder, rows []martRow, limit int) {
	t.addTop(b, rows, limit, len(rows))
}

// addTop appends up to limit rows of a query of total rows that read only
// its first ones (Builder.top); the note says how many were left out.
func (t *table) addTop(b *Builder, rows []martRow, limit, total int) {
	if limit > 0 && total > limit {
		rows = rows[:min(limit, len(rows))]
		t.Note = b.t("html.top_rows", b.loc.Count(limit), b.loc.Count(total))
	}
	for _, r := range rows {
		cells := make([]cell, len(t.colSpecs))
		for i, c := range t.colSpecs {
			cells[i] = b.cellOf(c, r)
			cells[i].Href = b.rm.Link(c.Name, "html", func(col string) any { return r[col] })
			if t.Cols[i].Num {
				cells[i].Class = strings.TrimSpace("num " + cells[i].Class)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
}

func (b *Builder) cellOf(c report.Col, r martRow) cell {
	v := r[c.Name]
	switch c.Kind {
	case report.Text:
		if v == nil {
			return cell{Text: b.loc.NA}
		}
		return cell{Text: r.str(c.Name)}
	case report.Enum:
		if v == nil {
			return cell{Text: b.loc.NA}
		}
		s := r.str(c.Name)
		text := b.val(c.Name, s)
		if c.Prefix != "" {
			text = b.t(c.Prefix + s)
		}
		return cell{Text: text, Class: "b-" + s, Badge: c.Badge}
	case report.List:
		items := r.list(c.Name)
		words := make([]string, len(items))
		for i, s := range items {
			words[i] = b.val(c.Name, s)
		}
		return cell{Text: strings.Join(words, ", ")}
	case report.Bool:
		if v == nil {
			return cell{Text: b.loc.NA}
		}
		if r.is(c.Name) {
			return cell{Text: b.t("html.yes"), Sort: "1"}
		}
		return cell{Text: b.t("html.no"), Sort: "0"}
	}
	out := cell{Text: b.loc.format(formatOf[c.Kind], v)}
	if f, ok := toFloat(v); ok {
		out.Sort = strconv.FormatFloat(f, 'g', -1, 64)
		if f < 0 && (c.Kind == report.Money || c.Kind == report.Pct || c.Kind == report.Times) {
			out.Class = "neg"
		}
	} else if c.Kind != report.Date {
		out.Sort = "-1e308" // missing values sort below every number
	}
	return out
}

// formatOf is the locale format of a column kind.
var formatOf = map[report.Kind]string{
	report.Money: "money", report.Money2: "money", report.Pct: "pct", report.Score: "score", report.Int: "count",
	report.Num1: "dec", report.Times: "ratio", report.Date: "date",
}

// val translates a categorical value of a column (val.<column>.<value>),
// showing the value itself when the table has no word for it.
func (b *Builder) val(column, value string) string {
	key := "val." + column + "." + value
	if i18n.Has(key) {
		return b.t(key)
	}
	return value
}
