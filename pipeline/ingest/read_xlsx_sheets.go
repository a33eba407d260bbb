package ingest

import (
	"fmt"
	"kam/i18n"
	"slices"

	"github.com/xuri/excelize/v2"

	"kam/pipeline/ingest/schema"
)

// A workbook often holds several tables: a month per sheet, or the invoice
// lines beside the customers. Every visible sheet whose header fits a kind
// is read as a source of its own; the other sheets are listed as skipped
// with the reason, so that no sheet is left out silently. The first sheet
// read keeps the workbook's name (a one-table workbook stays what it
// always was); the others are named workbook#sheet.

// sheetPeek is what a glance at a sheet tells: its header, if it has one.
type sheetPeek struct {
	name    string
	visible bool
	header  []string // nil: no header row in the first rows
}

// expandWorkbooks replaces each workbook with more than one visible sheet
// (and no configured sheet) by one source per sheet that fits a kind, and
// lists the sheets that are not read.
func expandWorkbooks(files []InputFile) ([]InputFile, []Skipped) {
	var out []InputFile
	var skipped []Skipped
	for _, f := range files {
		if f.Container != "xlsx" || (f.Rule != nil && f.Rule.Sheet != "") {
			out = append(out, f)
			continue
		}
		sheets, err := peekSheets(f.Abs)
		visible := 0
		for _, s := range sheets {
			if s.visible {
				visible++
			}
		}
		if err != nil || visible <= 1 {
			out = append(out, f) // the reader reports what is wrong with it
			continue
		}
		var sources []InputFile
		var notRead []Skipped
		for _, s := range sheets {
			path := f.Rel + "#" + s.name
			kind, how := sheetKind(f, s)
			switch {
			case !s.visible:
				notRead = append(notRead, Skipped{Path: path, Reason: "hidden sheet: not read (name it with sheet: in a files: rule of kam.yaml if it is data)"})
			case s.header == nil:
				notRead = append(notRead, Skipped{Path: path, Reason: "sheet without a table (no header row in its first 50 rows)"})
			case kind == "" && len(pivotHeaders(s.header)) > 0:
				notRead = append(notRead, Skipped{Path: path, Reason: i18n.T(i18n.Default, "mapping.pivot_table", quoteList(pivotHeaders(s.header)))})
			case kind == "":
				notRead = append(notRead, Skipped{Path: path, Reason: fmt.Sprintf("sheet whose columns fit no kind (headers: %s); "+
					"name its kind in kam.yaml (files: - match: %q, sheet: %q, kind: …) if it is data", quoteList(s.header), f.Rel, s.name)})
			default:
				src := f
				src.Sheet, src.Kind, src.KindHow = s.name, kind, how
				if len(sources) > 0 {
					src.Rel = path
				}
				sources = append(sources, src)
			}
		}
		if len(sources) == 0 {
			out = append(out, f) // no sheet fits: read as one table, which fails or skips it with the reason
			continue
		}
		out = append(out, sources...)
		skipped = append(skipped, notRead...)
	}
	return out, skipped
}

// sheetKind decides the kind of one sheet: the configuration's, else the
// kinds its name and the workbook's name suggest, else any kind, each only
// when the header fits it (its required columns map).
func sheetKind(f InputFile, s sheetPeek) (string, i18n.Note) {
	if s.header == nil {
		return "", i18n.Note{}
	}
	if f.Rule != nil && f.Rule.Kind != "" {
		if k, _ := schema.KindFromHeader(s.header, []string{f.Rule.Kind}); k != "" {
			return k, i18n.N("note.sheet_kind_config", s.name, k, f.Rule.Glob)
		}
		return "", i18n.Note{}
	}
	var named []string
	for _, k := range append(schema.KindsFromName(s.name), f.NameKinds...) {
		if !slices.Contains(named, k) {
			named = append(named, k)
		}
	}
	if len(named) > 0 {
		if k, _ := schema.KindFromHeader(s.header, named); k != "" {
			return k, i18n.N("note.sheet_kind_name", s.name, k, andList(named))
		}
	}
	// The columns alone decide only a good fit, as for files (minHeaderFit).
	if k, score := schema.KindFromHeader(s.header, nil); k != "" && fitEnough(score) {
		return k, i18n.N("note.sheet_kind_columns", s.name, k, percent(score))
	}
	return "", i18n.Note{}
}

// peekSheets lists a workbook's sheets with their header rows.
func peekSheets(path string) ([]sheetPeek, error) {
	x, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	var out []sheetPeek
	for _, name := range x.GetSheetList() {
		s := sheetPeek{name: name}
		s.visible, _ = x.GetSheetVisible(name)
		if head, _, err := sheetHeader(x, path, name); err == nil {
			s.header = head
		}
		out = append(out, s)
	}
	return out, nil
}

// sheetHeader finds a sheet's header: the first row with at least two
// filled cells that are mostly names, within the first 50 rows. It gives the
// header's cells (cleaned, blanks dropped) and its row number.
func sheetHeader(x *excelize.File, path, sheet string) ([]string, int64, error) {
	rows, err := x.Rows(sheet)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for row := int64(1); row <= 50 && rows.Next(); row++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, 0, err
		}
		if isHeaderRow(cells) {
			if rows.Next() {
				below, err := rows.Columns(excelize.Options{RawCellValue: true})
				if err != nil {
					return nil, 0, err
				}
				layout, err := readSheetLayout(x, path, sheet)
				if err != nil {
					return nil, 0, err
				}
				if two := subHeader(cells, below, headerMerges(layout, row)); two != nil {
					cells, row = two, row+1
				}
			}
			var head []string
			for _, c := range cells {
				if c = cleanHeader(c); c != "" {
					head = append(head, c)
				}
			}
			return head, row, nil
		}
	}
	return nil, 0, fmt.Errorf("sheet %q has no header row in its first 50 rows", sheet)
}
