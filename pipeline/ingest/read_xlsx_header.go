package ingest

import "strings"

// A workbook's header is often written over two rows: a heading over a
// group of columns ("Importe" over "Bruto" and "Neto"; the AEAT register's
// "Identificación de la Factura" over "Serie", "Número", "Número-Final"),
// merged or only written above the group's first column, and the names of
// the group's columns on the row below. Read as one row, the group's first
// column took the heading's name (Importe read the gross amount) and its
// other columns had none; the lower row was read as a line.

// headerGroups gives, for each column of the header row, the first column
// of the group it belongs to: a range merged across columns on the header
// row, else a named cell and the blank cells to its right. -1: a blank cell
// with no name to its left.
func headerGroups(head []string, width int, merged [][2]int) []int {
	group := make([]int, width)
	last := -1
	for j := range width {
		if j < len(head) && strings.TrimSpace(head[j]) != "" {
			last = j
		}
		group[j] = last
	}
	for _, m := range merged {
		for j := m[0]; j <= m[1] && j < width; j++ {
			group[j] = m[0]
		}
	}
	return group
}

// subHeader reads the row below a header as the lower row of a two-row
// header: every filled cell of it is a name (no number, date or other
// value) under a group of two or more columns, and it names at least two
// columns. A data row fills columns of their own too, so it is never one.
// It gives the header read over both rows, or nil: a column the lower row
// names is named by its group's heading and that name ("Importe Neto",
// "Cobro Fecha": a payment's date is no invoice date), the others by the
// upper row.
func subHeader(head, below []string, merged [][2]int) []string {
	width := max(len(head), len(below))
	group := headerGroups(head, width, merged)
	size := map[int]int{}
	for _, g := range group {
		size[g]++
	}
	filled := 0
	for j, c := range below {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if !looksLikeName(c) || dataLikeCell.MatchString(c) || group[j] < 0 || size[group[j]] < 2 {
			return nil
		}
		filled++
	}
	if filled < 2 {
		return nil
	}
	cell := func(row []string, j int) string {
		if j < len(row) {
			return cleanHeader(row[j])
		}
		return ""
	}
	out := make([]string, width)
	for j := range width {
		sub, top := cell(below, j), cell(head, j)
		out[j] = top
		if sub != "" {
			out[j] = sub
			if g := cell(head, group[j]); !strings.EqualFold(g, sub) {
				out[j] = g + " " + sub
			}
		}
	}
	return out
}

// headerMerges are the ranges merged across columns on the header row, as
// 0-based column spans.
func headerMerges(l *sheetLayout, row int64) [][2]int {
	if l == nil {
		return nil
	}
	var out [][2]int
	for _, m := range l.merged {
		if int64(m[1]) == row && m[2] > m[0] {
			out = append(out, [2]int{m[0] - 1, m[2] - 1})
		}
	}
	return out
}
