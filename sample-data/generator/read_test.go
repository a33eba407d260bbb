package generator

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// Test helpers that read the files back the way a loader would, so that
// the tests check the data on disk, not the generator's intentions.

// readBytes returns a file's bytes, decompressed when it is .gz.
func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	return b
}

// readCSV parses a file into records (header included), transcoding
// Windows-1252 and dropping a BOM.
func readCSV(t *testing.T, path string, comma rune, cp1252 bool) [][]string {
	t.Helper()
	b := readBytes(t, path)
	if cp1252 {
		var err error
		if b, err = charmap.Windows1252.NewDecoder().Bytes(b); err != nil {
			t.Fatal(err)
		}
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.Comma, r.FieldsPerRecord = comma, -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// esNumber parses "1.234,56", "-1.234,56 €", "28,5" or "690".
func esNumber(s string) (float64, bool) {
	s = strings.TrimSuffix(s, " €")
	if strings.Count(s, ",") > 1 {
		return 0, false
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// esDate parses dd/mm/yyyy, rejecting dates that do not exist.
func esDate(s string) (day, bool) {
	if len(s) != 10 || s[2] != '/' || s[5] != '/' {
		return 0, false
	}
	d, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:5])
	y, err3 := strconv.Atoi(s[6:])
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 || d < 1 {
		return 0, false
	}
	dd := mkday(y, m, d)
	if _, mm, _ := dd.civil(); mm != m {
		return 0, false
	}
	return dd, true
}

// isoDate parses yyyy-mm-dd (and the date of an ISO timestamp).
func isoDate(s string) (day, bool) {
	if len(s) < 10 {
		return 0, false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 || d < 1 || y < 1900 {
		return 0, false
	}
	dd := mkday(y, m, d)
	if _, mm, _ := dd.civil(); mm != m {
		return 0, false
	}
	return dd, true
}

// column returns the index of a header, failing the test when it is absent.
func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if strings.TrimPrefix(h, "\ufeff") == name {
			return i
		}
	}
	t.Fatalf("no column %q in %q", name, header)
	return -1
}

// xlsxCells lists every cell of every sheet as "sheet!A1 type value format",
// which is what two workbooks must agree on (never their bytes).
func xlsxCells(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := f.GetCellType(sheet, cell)
				format := ""
				if id, err := f.GetCellStyle(sheet, cell); err == nil && id > 0 {
					if st, err := f.GetStyle(id); err == nil && st.CustomNumFmt != nil {
						format = *st.CustomNumFmt
					}
				}
				out = append(out, sheet+"!"+cell+" "+strconv.Itoa(int(typ))+" "+v+" "+format)
			}
		}
	}
	return out
}

// generated lists the files Generate wrote, relative and slash-separated.
func generated(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
