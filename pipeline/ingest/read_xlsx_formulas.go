package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// A workbook written by a program that does not calculate (a report tool,
// a script) can hold formulas without their values: Excel computes them on
// opening, a reader sees an empty cell. kam cannot compute them; such a cell
// is neither blank nor a value, and its row is rejected saying so (once it
// read "required value missing", or a blank was loaded for an optional one).

// formulaMarker starts the raw text of a formula cell without a saved
// value: a zero byte cannot be in a workbook's text.
const formulaMarker = "\x00formula\x00"

// formulaMarkerSQL is the marker in SQL (a zero byte cannot be written in a
// query's text).
const formulaMarkerSQL = "(chr(0) || 'formula' || chr(0))"

// unsavedFormulas finds the cells of a sheet that hold a formula and no
// saved value: cell reference → formula text. It reads the sheet's XML from
// the workbook's zip, and only decodes it when it holds a formula at all.
func unsavedFormulas(workbook, sheet string) (map[string]string, error) {
	z, err := zip.OpenReader(workbook)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	part, err := sheetPart(&z.Reader, sheet)
	if err != nil || part == nil {
		return nil, err
	}
	if has, err := partHasFormula(part); err != nil || !has {
		return nil, err
	}
	rc, err := part.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	out := map[string]string{}
	shared := map[string]string{} // si → the master's text
	dec := xml.NewDecoder(bufio.NewReader(rc))
	var ref, formula, si string
	var inCell, hasF, hasV, inF bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, nil // a damaged sheet: the reader reports it
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				inCell, hasF, hasV, ref, formula, si = true, false, false, "", "", ""
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						ref = a.Value
					}
				}
			case "f":
				if inCell {
					hasF, inF = true, true
					for _, a := range t.Attr {
						if a.Name.Local == "si" {
							si = a.Value
						}
					}
				}
			case "v":
				// A saved value, even empty (a formula that gives "").
				hasV = hasV || inCell
			}
		case xml.CharData:
			if inF {
				formula += string(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "f":
				inF = false
				if si != "" && formula != "" {
					shared[si] = formula
				}
			case "c":
				if hasF && !hasV && ref != "" {
					text := formula
					if text == "" && si != "" {
						text = shared[si]
					}
					if text == "" {
						text = "a shared formula"
					} else {
						text = "=" + text
					}
					out[ref] = text
				}
				inCell = false
			}
		}
	}
	return out, nil
}

// sheetPart finds the zip part of a sheet by its name, through the
// workbook and its relationships.
func sheetPart(z *zip.Reader, sheet string) (*zip.File, error) {
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXMLPart(files["xl/workbook.xml"], &wb); err != nil {
		return nil, err
	}
	if err := readXMLPart(files["xl/_rels/workbook.xml.rels"], &rels); err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID != s.ID {
				continue
			}
			target := r.Target
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join("xl", target)
			}
			return files[target], nil
		}
	}
	return nil, nil
}

func readXMLPart(f *zip.File, v any) error {
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// partHasFormula scans the part's bytes for a formula element (<f> or a
// prefixed <x:f>), cheaply, without decoding the XML.
func partHasFormula(f *zip.File) (bool, error) {
	rc, err := f.Open()
	if err != nil {
		return false, err
	}
	defer rc.Close()
	buf := make([]byte, 256<<10)
	var carry []byte
	for {
		n, err := rc.Read(buf)
		chunk := append(carry, buf[:n]...)
		if bytes.Contains(chunk, []byte("<f>")) || bytes.Contains(chunk, []byte("<f ")) || bytes.Contains(chunk, []byte(":f>")) ||
			bytes.Contains(chunk, []byte(":f ")) || bytes.Contains(chunk, []byte("<f/")) {
			return true, nil
		}
		if len(chunk) > 8 {
			carry = append(carry[:0], chunk[len(chunk)-8:]...)
		} else {
			carry = append(carry[:0], chunk...)
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
}
