package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/xuri/excelize/v2"
)

// The layout scan must give what excelize gives by decoding the whole sheet:
// the same merged ranges and the same hidden columns, on a sheet long enough
// that the ranges lie past the first chunks read, with the word mergeCells
// written in cells' text.
func TestSheetLayoutMatchesExcelize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ventas.xlsx")
	f := excelize.NewFile()
	const sheet = "Datos"
	if _, err := f.NewSheet(sheet); err != nil {
		t.Fatal(err)
	}
	f.DeleteSheet("Sheet1")
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	// Columns must be set before the rows in a stream.
	for _, c := range []struct {
		min, max int
		hidden   bool
	}{{3, 3, true}, {5, 6, true}, {7, 7, false}} {
		if !c.hidden {
			if err := sw.SetColWidth(c.min, c.max, 30); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := sw.SetColVisible(c.min, c.max, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.SetRow("A1", []any{"Ventas <mergeCells> de octubre"}); err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A2", []any{"Factura", "Cliente", "Viejo", "Importe", "Aux1", "Aux2", "Notas mergeCells"}); err != nil {
		t.Fatal(err)
	}
	for r := 3; r < 4003; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{fmt.Sprintf("F-%d", r), "C1", 1, 10.5, "x", "y", `<x:mergeCells count="9"> not a tag`}); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A1", "D1"}, {"B10", "B12"}, {"E3999", "F4002"}} {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}

	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	l, err := readSheetLayout(x, path, sheet)
	if err != nil {
		t.Fatal(err)
	}
	if l.x != nil {
		t.Fatal("the sheet's part was not found: the layout was read through excelize")
	}
	// By hand: the three ranges merged above.
	want := [][4]int{{1, 1, 4, 1}, {2, 10, 2, 12}, {5, 3999, 6, 4002}}
	got := append([][4]int(nil), l.merged...)
	sort.Slice(got, func(i, j int) bool { return fmt.Sprint(got[i]) < fmt.Sprint(got[j]) })
	sort.Slice(want, func(i, j int) bool { return fmt.Sprint(want[i]) < fmt.Sprint(want[j]) })
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged ranges %v, want %v", got, want)
	}
	// And the same as excelize's own reading.
	list, err := x.GetMergeCells(sheet, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(l.merged) {
		t.Errorf("excelize finds %d merged ranges, the scan %d", len(list), len(l.merged))
	}
	for col := 1; col <= 9; col++ {
		name, _ := excelize.ColumnNumberToName(col)
		ev, err := x.GetColVisible(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		hidden := col == 3 || col == 5 || col == 6
		if l.colVisible(col) != !hidden || ev != !hidden {
			t.Errorf("column %s: scan visible=%v, excelize %v, want %v", name, l.colVisible(col), ev, !hidden)
		}
	}
}

// A workbook written with a namespace prefix on every element (as .NET's
// Open XML SDK writes it: <x:mergeCells>, <x:col>) has its layout read too.
func TestSheetLayoutPrefixedXML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prefixed.xlsx")
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Export" sheetId="1" r:id="R5"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="2" max="3" hidden="1" width="0"/><x:col min="4" max="4" width="12"/></x:cols><x:sheetData>` +
			`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>mergeCells</x:t></x:is></x:c></x:row>` +
			`</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A2:A3"/><x:mergeCell ref="C5:E5"/></x:mergeCells></x:worksheet>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := readSheetLayout(nil, path, "Export")
	if err != nil {
		t.Fatal(err)
	}
	if want := [][4]int{{1, 2, 1, 3}, {3, 5, 5, 5}}; !reflect.DeepEqual(l.merged, want) {
		t.Errorf("merged ranges %v, want %v", l.merged, want)
	}
	for col, want := range map[int]bool{1: true, 2: false, 3: false, 4: true, 5: true} {
		if l.colVisible(col) != want {
			t.Errorf("column %d visible=%v, want %v", col, l.colVisible(col), want)
		}
	}
}

// readUntil finds its word across the chunks it reads, with the tag's
// prefix, even when the reader gives one byte at a time.
func TestReadUntilAcrossReads(t *testing.T) {
	text := strings.Repeat("<c><v>1</v></c>", 30000) + `<ab:mergeCells count="1">`
	r := iotest.OneByteReader(strings.NewReader(text))
	head, f, err := readUntil(r, []byte("mergeCells"), 100)
	if err != nil || f == nil {
		t.Fatalf("not found (%v)", err)
	}
	rest, _ := io.ReadAll(r) // what the caller's decoder reads after f.after
	if !f.tag || string(f.after)+string(rest) != `ab:mergeCells count="1">` {
		t.Errorf("tag=%v after=%q rest=%q", f.tag, f.after, rest)
	}
	if string(head) != text[:100] {
		t.Errorf("head %q", head)
	}
	if _, f, _ := readUntil(strings.NewReader("<t>no such word</t>"), []byte("mergeCells"), 0); f != nil {
		t.Errorf("found %q in a text without it", f.after)
	}
}
