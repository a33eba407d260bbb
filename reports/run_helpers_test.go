package reports

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kam/pipeline"
)

// reportsOf runs kam on the input folder in (for period, "" for the
// latest month with sales) and writes the workbook in xlsxLang and the
// HTML page in each of htmlLangs: it returns the files by "xlsx" and by
// language, and the run's manifest.
func reportsOf(t *testing.T, in, period, xlsxLang string, htmlLangs ...string) (map[string]string, *pipeline.Manifest) {
	t.Helper()
	out := t.TempDir()
	pages := map[string]string{}
	m, err := pipeline.Run(context.Background(), pipeline.RunOptions{Command: "run", Input: in, Out: out, Period: period,
		DB: filepath.Join(out, "kam.duckdb"), Config: pipeline.DefaultConfig(),
		Reports: func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, _ string) ([]string, error) {
			x, err := WriteExcel(ctx, w, Run{Period: m.Period, Language: xlsxLang, Manifest: m}, out)
			if err != nil {
				return nil, err
			}
			pages["xlsx"] = x
			for _, lang := range htmlLangs {
				dir := filepath.Join(out, lang)
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return nil, err
				}
				p, err := WriteHTML(ctx, w, Run{Period: m.Period, Language: lang, Manifest: m}, dir)
				if err != nil {
					return nil, err
				}
				pages[lang] = p
			}
			return nil, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	return pages, m
}

// sheetLines reads a workbook's sheet as lines, each row's cells joined by
// "|", for a test to look for a sentence in.
func sheetLines(t *testing.T, path, sheet string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.Join(r, "|")
	}
	return lines
}

// anyHas reports whether a line holds every one of texts.
func anyHas(lines []string, texts ...string) bool {
	for _, l := range lines {
		all := true
		for _, s := range texts {
			all = all && strings.Contains(l, s)
		}
		if all {
			return true
		}
	}
	return false
}
