package packs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReportsLinkToPacks: the main HTML report links every KAM with a pack
// to it and every key account to its page (and every link of the page
// resolves); the workbook links the KAMs of its KAM sheet to their
// workbook packs and the key accounts of its Key accounts sheet to their
// pages.
func TestReportsLinkToPacks(t *testing.T) {
	r := sample(t)
	for lang, dir := range r.dirs {
		main := filepath.Join(dir, "portfolio-"+period+".html")
		linked := map[string]bool{}
		for _, h := range parse(t, main).links() {
			if strings.HasPrefix(h, "#") {
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(h))); err != nil {
				t.Errorf("%s report: link %q: %v", lang, h, err)
			}
			linked[h] = true
		}
		for _, k := range r.paths.KAMs() {
			if !linked[r.paths.KAMHTML(k)] {
				t.Errorf("%s report: no link to the pack of %s", lang, k)
			}
		}
		for _, a := range r.paths.Accounts() {
			if !linked[r.paths.Account(a)] {
				t.Errorf("%s report: no link to the page of key account %s", lang, a)
			}
		}
	}

	dir := r.dirs["en"]
	f, err := excelize.OpenFile(filepath.Join(dir, "portfolio-"+period+".xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Sheets streamed (Key accounts) and written cell by cell (KAMs) both
	// carry real hyperlinks; the names stay text.
	targets := func(sheet string) map[string]bool {
		cells, err := f.GetHyperLinkCells(sheet, "")
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, c := range cells {
			_, target, _ := f.GetCellHyperLink(sheet, c)
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
				t.Errorf("%s %s: %v", sheet, c, err)
			}
			if typ, _ := f.GetCellType(sheet, c); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s %s: a linked name is not text (type %v)", sheet, c, typ)
			}
			out[target] = true
		}
		return out
	}
	pages := targets("Key accounts")
	for _, a := range r.paths.Accounts() {
		if !pages[r.paths.Account(a)] {
			t.Errorf("Key accounts sheet: no link to the page of %s", a)
		}
	}
	packs := targets("KAMs")
	for _, k := range r.paths.KAMs() {
		if !packs[r.paths.KAMXLSX(k)] {
			t.Errorf("KAMs sheet: no link to the workbook pack of %s", k)
		}
	}
}
