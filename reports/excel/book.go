package excel

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"kam/i18n"
	"kam/reports/report"
)

// Book is one workbook being written: the excelize file, the language and
// currency of the run, the styles, and what one sheet tells another (the
// ranges Summary charts and sums over, the columns Definitions explains).
type Book struct {
	f         *excelize.File
	src       report.Source
	run       report.Run
	lang      string
	cur       string // reporting currency code
	st        *styles
	names     map[string]string // sheet id → sheet name
	inputs    map[string]bool   // file kind → loaded (main.input_kinds)
	params    map[string]float64
	used      []string               // mart columns shown, in order of first appearance
	usedSheet map[string]string      // column → the sheet it first appears on
	whale     *whale                 // Profitability's whale-curve columns
	part      Sheet                  // the sheet being written
	meta      report.Meta            // what was read before any sheet (links to the packs and pages)
	linkBase  string                 // "../" for a workbook below the period folder
	charts    string                 // the hidden sheet of chart data, once made
	chartCol  int                    // its first free column
	links     map[string][]hyperlink // sheet name → its links (addLink), written with the zip
}

// Sheet is one sheet of the workbook as the report catalogue declares it:
// the part's id (sheet.<id> names it), the marts it reads, its writer.
type Sheet struct {
	ID    string
	Marts []string
	Write func(context.Context, *Book) error
	Late  bool // it reads what the other sheets wrote: written after them
	// Stream writes its table through excelize's StreamWriter whatever
	// its size (see StreamFrom): for a sheet of one table, as each KAM's
	// pack, where the cell-by-cell sheet cost excelize's XML encoding of
	// the whole worksheet for a few rows, 2,000 times at 10 M lines.
	Stream bool
}

// WriteOrder is the order the sheets are written in: the late ones
// (Summary charts ranges of later sheets, Definitions lists the columns
// every other sheet showed) after the others, each group in tab order.
func WriteOrder(sheets []Sheet) []Sheet {
	s := slices.Clone(sheets)
	slices.SortStableFunc(s, func(a, b Sheet) int {
		switch {
		case a.Late == b.Late:
			return 0
		case a.Late:
			return 1
		}
		return -1
	})
	return s
}

// Write writes portfolio-<period>.xlsx into dir and returns its path.
func Write(ctx context.Context, src report.Source, run report.Run, dir string, sheets []Sheet) (string, error) {
	return WriteFile(ctx, src, run, dir, "portfolio-"+run.Period+".xlsx", sheets)
}

// WriteFile writes a workbook of sheets as dir/name (name may lie in a
// sub-folder, as a KAM's pack in kams/: the links to the packs and pages
// are then made relative to it) and returns its path. dir is the run's
// staging folder (see writeFile): a failed workbook is removed.
func WriteFile(ctx context.Context, src report.Source, run report.Run, dir, name string, sheets []Sheet) (string, error) {
	return writeFile(ctx, src, run, nil, dir, name, sheets)
}

// WriteFileMeta is WriteFile with the run's Meta read before
// (report.ReadMeta), for many workbooks of one run: it reads nothing of
// its own, so the sheets of a Split are written without a query.
func WriteFileMeta(ctx context.Context, src report.Source, run report.Run, meta report.Meta, dir, name string, sheets []Sheet) (string, error) {
	return writeFile(ctx, src, run, &meta, dir, name, sheets)
}

func writeFile(ctx context.Context, src report.Source, run report.Run, meta *report.Meta, dir, name string, sheets []Sheet) (string, error) {
	b, err := newBook(ctx, src, run, meta, sheets)
	if err != nil {
		return "", err
	}
	defer b.f.Close()
	b.linkBase = strings.Repeat("../", strings.Count(name, "/"))
	for _, p := range WriteOrder(sheets) {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		b.part = p
		if err := p.Write(ctx, b); err != nil {
			return "", fmt.Errorf("workbook sheet %s: %w", b.names[p.ID], err)
		}
	}

	final := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return "", err
	}
	// Written in place: the period folder is a staging folder the run
	// publishes whole (pipeline/publish.go), so no reader sees a workbook
	// half written; a failed one is removed.
	out, err := os.OpenFile(final, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return "", err
	}
	if err := out.Chmod(0o644); err != nil { // whatever the umask
		out.Close()
		os.Remove(final)
		return "", err
	}
	if err := writeOut(b.f, out); err != nil {
		out.Close()
		os.Remove(final)
		return "", fmt.Errorf("write the workbook: %w", err)
	}
	if err := out.Close(); err != nil {
		os.Remove(final)
		return "", err
	}
	return final, nil
}

func newBook(ctx context.Context, src report.Source, run report.Run, meta *report.Meta, sheets []Sheet) (*Book, error) {
	lang := i18n.Lang(run.Language)
	f := excelize.NewFile()
	b := &Book{f: f, src: src, run: run, lang: lang,
		names: map[string]string{}, usedSheet: map[string]string{}}
	f.SetZipWriter(b.zipWriter)
	if meta != nil {
		b.setMeta(*meta)
	} else if err := b.readMeta(ctx); err != nil {
		b.f.Close()
		return nil, err
	}
	st, err := newStyles(b.f, lang, b.cur)
	if err != nil {
		b.f.Close()
		return nil, err
	}
	b.st = st
	for i, p := range sheets {
		name := validSheetName(b.t("sheet."+p.ID), b.names)
		b.names[p.ID] = name
		if i == 0 {
			err = b.f.SetSheetName("Sheet1", name)
		} else {
			_, err = b.f.NewSheet(name)
		}
		if err != nil {
			b.f.Close()
			return nil, err
		}
	}
	title := b.t("xlsx.title", run.Period)
	full := true
	if err := b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		b.f.Close()
		return nil, err
	}
	if err := b.f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "kam", Language: lang}); err != nil {
		b.f.Close()
		return nil, err
	}
	return b, nil
}

// readMeta reads the parameters in force, the currency and which input
// kinds are loaded.
func (b *Book) readMeta(ctx context.Context) error {
	m, err := report.ReadMeta(ctx, b.src)
	if err != nil {
		return err
	}
	b.setMeta(m)
	return nil
}

func (b *Book) setMeta(m report.Meta) {
	b.params, b.cur, b.inputs, b.meta = m.Params, m.Currency, m.Inputs, m
}

// t translates a key into the workbook's language.
func (b *Book) t(key string, args ...any) string { return i18n.T(b.lang, key, args...) }

// money writes an amount in the reporting currency into a sentence, with
// the language's separators and two decimals (a cell would carry its own
// format; a sentence cannot).
func (b *Book) money(v float64) string { return i18n.FormatOf(b.lang).Number(v, 2) + " " + b.cur }

// count writes a whole number into a sentence with the language's separators.
func (b *Book) count(v float64) string { return i18n.FormatOf(b.lang).Number(v, 0) }

// use records that a mart column appears in the workbook (for Definitions).
func (b *Book) use(col, sheetName string) {
	if _, ok := b.usedSheet[col]; !ok {
		b.usedSheet[col] = sheetName
		b.used = append(b.used, col)
	}
}

// validSheetName makes a translated name a valid, unique Excel sheet name: at
// most 31 characters, none of []:*?/\, not starting or ending with '.
func validSheetName(s string, taken map[string]string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	s = strings.Trim(s, "' ")
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if s == "" {
		s = "-"
	}
	base := s
	for n := 2; ; n++ {
		dup := false
		for _, v := range taken {
			if strings.EqualFold(v, s) {
				dup = true
			}
		}
		if !dup {
			return s
		}
		suffix := fmt.Sprintf(" %d", n)
		r := []rune(base)
		if len(r)+len(suffix) > 31 {
			r = r[:31-len(suffix)]
		}
		s = string(r) + suffix
	}
}
