package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// What kam reads of a sheet besides its cells: the ranges merged and the
// columns hidden. excelize gives them only by decoding the whole sheet into
// memory (GetMergeCells, GetColVisible): a workbook of 300,000 rows took 2 GB
// and half a minute, twice (once to find the sheets' headers, once to read).
// Both lie outside the rows, the columns before <sheetData> and the merged
// ranges after it, so they are read here from the sheet's XML by a scan that
// decodes only them; the rows themselves are streamed by excelize's Rows.

// sheetLayout is a sheet's merged ranges and column spans.
type sheetLayout struct {
	merged [][4]int  // c1, r1, c2, r2: 1-based, inclusive
	cols   []colSpan // in the sheet's order; a later span wins, as in excelize
	// x and sheet answer through excelize when the sheet's part could not
	// be found in the zip (a workbook laid out unusually).
	x     *excelize.File
	sheet string
}

type colSpan struct {
	min, max int
	hidden   bool
}

// readSheetLayout reads the layout of sheet in the workbook at path; x is
// the open workbook, used only when the sheet's XML part cannot be found.
func readSheetLayout(x *excelize.File, path, sheet string) (*sheetLayout, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	part, err := sheetPart(&z.Reader, sheet)
	if err != nil || part == nil {
		return layoutFromExcelize(x, sheet)
	}
	l := &sheetLayout{}
	if l.cols, err = partCols(part); err != nil {
		return nil, err
	}
	if l.merged, err = partMerges(part); err != nil {
		return nil, err
	}
	return l, nil
}

func layoutFromExcelize(x *excelize.File, sheet string) (*sheetLayout, error) {
	list, err := x.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	l := &sheetLayout{x: x, sheet: sheet}
	for _, mc := range list {
		if r, ok := rangeRef(mc.GetStartAxis() + ":" + mc.GetEndAxis()); ok {
			l.merged = append(l.merged, r)
		}
	}
	return l, nil
}

// colVisible says whether the sheet shows column col (1-based).
func (l *sheetLayout) colVisible(col int) bool {
	if l.x != nil {
		name, err := excelize.ColumnNumberToName(col)
		if err != nil {
			return true
		}
		v, _ := l.x.GetColVisible(l.sheet, name)
		return v
	}
	visible := true
	for _, c := range l.cols {
		if c.min <= col && col <= c.max {
			visible = !c.hidden
		}
	}
	return visible
}

// rangeRef reads a merged range's reference ("B2:D3", or one cell).
func rangeRef(ref string) ([4]int, bool) {
	a, b, found := strings.Cut(ref, ":")
	if !found {
		b = a
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return [4]int{}, false
	}
	return [4]int{c1, r1, c2, r2}, true
}

// partCols reads the <col> spans of a sheet part: they come before its
// <sheetData>, so only the head of the part is read.
func partCols(part *zip.File) ([]colSpan, error) {
	rc, err := part.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	head, _, err := readUntil(rc, []byte("sheetData"), 16<<20)
	if err != nil {
		return nil, err
	}
	var out []colSpan
	dec := xml.NewDecoder(bytes.NewReader(head))
	for {
		tok, err := dec.Token()
		if err != nil {
			return out, nil // the head ends inside <sheetData …: done
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "col" {
			var c colSpan
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "min":
					c.min = atoiOr(a.Value, 0)
				case "max":
					c.max = atoiOr(a.Value, 0)
				case "hidden":
					c.hidden = a.Value == "1" || a.Value == "true"
				}
			}
			out = append(out, c)
		}
	}
}

// partMerges reads the <mergeCell> references of a sheet part. They come
// after its <sheetData>: the part is scanned for the <mergeCells> element (a
// '<' cannot be in the text of a cell, so the tag cannot be cell text) and
// only that element is decoded.
func partMerges(part *zip.File) ([][4]int, error) {
	rc, err := part.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	for {
		_, rest, err := readUntil(rc, []byte("mergeCells"), 0)
		if err != nil || rest == nil {
			return nil, err
		}
		// rest starts at the name; it is the tag if a '<' (and maybe a
		// namespace prefix) comes right before it, which readUntil keeps.
		if !rest.tag { // the word in an attribute's value: look further
			rc = io.NopCloser(io.MultiReader(bytes.NewReader(rest.after[len("mergeCells"):]), rc))
			continue
		}
		var out [][4]int
		dec := xml.NewDecoder(io.MultiReader(bytes.NewReader([]byte("<")), bytes.NewReader(rest.after), rc))
		for {
			tok, err := dec.Token()
			if err != nil {
				return out, nil // a damaged end: the ranges read so far
			}
			switch t := tok.(type) {
			case xml.StartElement:
				if t.Name.Local != "mergeCell" {
					continue
				}
				for _, a := range t.Attr {
					if a.Name.Local == "ref" {
						if r, ok := rangeRef(a.Value); ok {
							out = append(out, r)
						}
					}
				}
			case xml.EndElement:
				if t.Name.Local == "mergeCells" {
					return out, nil
				}
			}
		}
	}
}

// found is where readUntil met its word: after holds the word and the bytes
// read past it; tag says whether a '<' or '<prefix:' came right before it.
type found struct {
	after []byte
	tag   bool
}

// readUntil reads r up to the first occurrence of word. It returns the bytes
// before it when keep > 0 (at most keep of them) and where the word was met
// (nil at the end of r).
func readUntil(r io.Reader, word []byte, keep int) ([]byte, *found, error) {
	var head []byte
	buf := make([]byte, 256<<10)
	var carry []byte
	for {
		n, err := r.Read(buf)
		chunk := append(carry, buf[:n]...)
		if i := bytes.Index(chunk, word); i >= 0 {
			if keep > 0 {
				head = appendCapped(head, chunk[:i], keep)
			}
			f := &found{after: append([]byte(nil), chunk[i:]...), tag: tagBefore(chunk[:i])}
			// The name (with its prefix) is re-read by the caller's
			// decoder from after, so after starts with the prefix too.
			if f.tag {
				p := prefixLen(chunk[:i])
				f.after = append(append([]byte(nil), chunk[i-p:i]...), f.after...)
			}
			return head, f, nil
		}
		cut := len(chunk) - len(word) - 64 // room for a prefix before the word
		if cut < 0 {
			cut = 0
		}
		if keep > 0 {
			head = appendCapped(head, chunk[:cut], keep)
		}
		carry = append(carry[:0:0], chunk[cut:]...)
		if err == io.EOF {
			return head, nil, nil
		}
		if err != nil {
			return head, nil, err
		}
	}
}

func appendCapped(dst, b []byte, limit int) []byte {
	if room := limit - len(dst); room < len(b) {
		if room <= 0 {
			return dst
		}
		b = b[:room]
	}
	return append(dst, b...)
}

// prefixLen is the length of a namespace prefix with its colon ("x:") at the
// end of b, 0 when there is none.
func prefixLen(b []byte) int {
	if len(b) == 0 || b[len(b)-1] != ':' {
		return 0
	}
	i := len(b) - 1
	for i > 0 && isNameByte(b[i-1]) {
		i--
	}
	return len(b) - i
}

// tagBefore says whether b ends with '<' or '<prefix:'.
func tagBefore(b []byte) bool {
	b = b[:len(b)-prefixLen(b)]
	return len(b) > 0 && b[len(b)-1] == '<'
}

func isNameByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}
