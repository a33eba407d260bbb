package reports

import (
	"strconv"
	"strings"

	"kam/i18n"
)

// table is a sortable HTML table of mart rows. Columns are mart columns:
// the header is col.<column> and its tooltip def.<column> from the shared
// translation table, so the page and the workbook say the same.
type htmlTable struct {
	ID    string
	Cols  []htmlColumn
	Rows  [][]htmlCell
	Note  string // "showing the first n of m rows"
	Empty string // shown when there are no rows

	colSpecs []hcol
}

type htmlColumn struct {
	Label, Title string
	Num          bool
}

type htmlCell struct {
	Text  string
	Sort  string // numeric sort key; empty sorts as text
	Class string // badge colour or sign
	Badge bool
	Href  string // in-page link
}

// col describes how a column of a mart row is shown. Kind is a locale
// format (money, pct, score, count, index, dec, ratio, date), "text",
// "val" (translated as val.<column>.<value>), "vals" (a list of those),
// "bool" (yes / no) or "badge" (a translated value in a coloured badge).
type hcol struct {
	Key, Kind string
	Label     string // overrides col.<Key>
	Words     string // key prefix translating the values of "val" and "badge" (default val.<Key>.)
}

func (b *htmlBuilder) newTable(id string, cols ...hcol) *htmlTable {
	t := &htmlTable{ID: id, Empty: b.t("html.no_rows")}
	for _, c := range cols {
		label := c.Label
		if label == "" {
			label = b.t("col." + c.Key)
		}
		title := ""
		if i18n.Has("def." + c.Key) {
			title = b.t("def." + c.Key)
		}
		num := !(c.Kind == "text" || c.Kind == "val" || c.Kind == "vals" || c.Kind == "bool" || c.Kind == "badge" || c.Kind == "date")
		t.Cols = append(t.Cols, htmlColumn{Label: label, Title: title, Num: num})
	}
	t.colSpecs = cols
	return t
}

// add appends up to limit rows (0: all); the note says how many were left out.
func (t *htmlTable) add(b *htmlBuilder, rows []martRow, limit int) {
	n := len(rows)
	if limit > 0 && n > limit {
		rows = rows[:limit]
		t.Note = b.t("html.top_rows", b.loc.Count(limit), b.loc.Count(n))
	}
	for _, r := range rows {
		cells := make([]htmlCell, len(t.colSpecs))
		for i, c := range t.colSpecs {
			cells[i] = b.cellOf(c, r)
			if t.Cols[i].Num {
				cells[i].Class = strings.TrimSpace("num " + cells[i].Class)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
}

func (b *htmlBuilder) cellOf(c hcol, r martRow) htmlCell {
	v := r[c.Key]
	switch c.Kind {
	case "text":
		if v == nil {
			return htmlCell{Text: b.loc.NA}
		}
		return htmlCell{Text: r.str(c.Key)}
	case "val", "badge":
		if v == nil {
			return htmlCell{Text: b.loc.NA}
		}
		s := r.str(c.Key)
		text := b.val(c.Key, s)
		if c.Words != "" {
			text = b.t(c.Words + s)
		}
		return htmlCell{Text: text, Class: "b-" + s, Badge: c.Kind == "badge"}
	case "vals":
		items := r.list(c.Key)
		words := make([]string, len(items))
		for i, s := range items {
			words[i] = b.val(c.Key, s)
		}
		return htmlCell{Text: strings.Join(words, ", ")}
	case "bool":
		if v == nil {
			return htmlCell{Text: b.loc.NA}
		}
		if r.is(c.Key) {
			return htmlCell{Text: b.t("html.yes"), Sort: "1"}
		}
		return htmlCell{Text: b.t("html.no"), Sort: "0"}
	}
	out := htmlCell{Text: b.loc.format(c.Kind, v)}
	if f, ok := htmlFloat(v); ok {
		out.Sort = strconv.FormatFloat(f, 'g', -1, 64)
		if f < 0 && (c.Kind == "money" || c.Kind == "pct" || c.Kind == "ratio") {
			out.Class = "neg"
		}
	} else if c.Kind != "date" {
		out.Sort = "-1e308" // missing values sort below every number
	}
	return out
}

// val translates a categorical value of a column (val.<column>.<value>),
// showing the value itself when the table has no word for it.
func (b *htmlBuilder) val(column, value string) string {
	key := "val." + column + "." + value
	if i18n.Has(key) {
		return b.t(key)
	}
	return value
}
