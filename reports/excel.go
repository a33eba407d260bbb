package reports

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"kam/i18n"
)

// ErrNotBuilt marks a report writer that does not exist yet.
var ErrNotBuilt = errors.New("not built yet")

// xlBook is one workbook being written: the excelize file, the language and
// currency of the run, the styles, and what one sheet tells another (the
// ranges Summary charts and sums over, the columns Definitions explains).
type xlBook struct {
	f         *excelize.File
	src       Source
	run       Run
	lang      string
	cur       string // reporting currency code
	st        *xlStyles
	names     map[string]string // sheet id → sheet name
	inputs    map[string]bool   // file kind → loaded (intermediate.int_inputs)
	params    map[string]float64
	used      []string          // mart columns shown, in order of first appearance
	usedSheet map[string]string // column → the sheet it first appears on
	whale     *xlWhale          // Profitability's whale-curve columns
	part      part              // the part being written
}

// WriteExcel writes portfolio-<period>.xlsx into dir and returns its path.
// The workbook is written under a temporary name in dir and renamed once
// complete, so a reader never sees half a file.
func WriteExcel(ctx context.Context, src Source, run Run, dir string) (string, error) {
	b, err := xlNewBook(ctx, src, run)
	if err != nil {
		return "", err
	}
	defer b.f.Close()
	for _, p := range sheetWriteOrder() {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		enterPart(p.id)
		b.part = p
		if err := p.sheet(ctx, b); err != nil {
			return "", fmt.Errorf("workbook sheet %s: %w", b.names[p.id], err)
		}
	}

	final := filepath.Join(dir, "portfolio-"+run.Period+".xlsx")
	tmp, err := os.CreateTemp(dir, ".portfolio-*.xlsx.tmp")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := b.f.WriteTo(tmp); err != nil {
		tmp.Close()
		return "", fmt.Errorf("write the workbook: %w", err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return "", err
	}
	return final, nil
}

func xlNewBook(ctx context.Context, src Source, run Run) (*xlBook, error) {
	lang := i18n.Lang(run.Language)
	f := excelize.NewFile()
	f.SetZipWriter(xlZipWriter)
	b := &xlBook{f: f, src: src, run: run, lang: lang,
		names: map[string]string{}, usedSheet: map[string]string{}}
	if err := b.readMeta(ctx); err != nil {
		b.f.Close()
		return nil, err
	}
	st, err := xlNewStyles(b.f, lang, b.cur)
	if err != nil {
		b.f.Close()
		return nil, err
	}
	b.st = st
	for i, p := range sheets() {
		name := xlSheetName(b.t("sheet."+p.id), b.names)
		b.names[p.id] = name
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
func (b *xlBook) readMeta(ctx context.Context) error {
	m, err := readMeta(ctx, b.src)
	if err != nil {
		return err
	}
	b.params, b.cur, b.inputs = m.params, m.currency, m.inputs
	return nil
}

// t translates a key into the workbook's language.
func (b *xlBook) t(key string, args ...any) string { return i18n.T(b.lang, key, args...) }

// use records that a mart column appears in the workbook (for Definitions).
func (b *xlBook) use(col, sheetName string) {
	if _, ok := b.usedSheet[col]; !ok {
		b.usedSheet[col] = sheetName
		b.used = append(b.used, col)
	}
}

// xlSheetName makes a translated name a valid, unique Excel sheet name: at
// most 31 characters, none of []:*?/\, not starting or ending with '.
func xlSheetName(s string, taken map[string]string) string {
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
