package excel

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// The workbook's zip container, with klauspost's deflate in place of the
// standard library's, must still be a zip that archive/zip (and so Excel's
// readers) opens: every part deflated, its bytes and CRC intact.
func TestExcelZipWriterRoundTrip(t *testing.T) {
	var sheet strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Cliente %d</t></is></c><c r="B%d"><v>%d.25</v></c></row>`, i+1, i+1, i%977, i+1, i*37)
	}
	parts := map[string]string{"xl/worksheets/sheet1.xml": sheet.String(), "[Content_Types].xml": "<Types/>", "empty.xml": ""}
	var buf bytes.Buffer
	zw := zipWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/worksheets/sheet1.xml", "empty.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > sheet.Len()/5 {
		t.Errorf("zip is %d bytes for %d bytes of sheet XML: the parts are not compressed", buf.Len(), sheet.Len())
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(z.File) != len(parts) {
		t.Fatalf("zip holds %d parts, want %d", len(z.File), len(parts))
	}
	for _, f := range z.File {
		if f.Method != zip.Deflate {
			t.Errorf("%s stored with method %d, want deflate", f.Name, f.Method)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC at the end
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if string(got) != parts[f.Name] {
			t.Errorf("%s: %d bytes read back, want %d", f.Name, len(got), len(parts[f.Name]))
		}
	}
}

// The compressors are reused between parts and workbooks: a reused one
// must write the same bytes as a new one, whatever it compressed before.
func TestExcelZipWriterReuse(t *testing.T) {
	write := func(parts ...string) []byte {
		var buf bytes.Buffer
		zw := zipWriter(&buf)
		for i, p := range parts {
			w, err := zw.Create(fmt.Sprintf("part%d.xml", i))
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, p)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a := strings.Repeat("<row><c>Cliente 1</c><v>10.25</v></row>", 3000)
	b := strings.Repeat("<row><c>Otro cliente</c><v>7</v></row>", 5000)
	first := write(a)
	for range 3 {
		write(b, a, b)
		if again := write(a); !bytes.Equal(again, first) {
			t.Fatalf("the same part zipped again with a reused compressor is %d bytes, first %d, or differs", len(again), len(first))
		}
	}
	if got := write(a, b)[:len(first)/2]; !bytes.Equal(got, first[:len(first)/2]) {
		t.Error("a reused compressor started a part with other bytes than a new one")
	}
}
