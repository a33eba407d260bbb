package excel

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The workbook's links to the packs and pages are written as excelize
// writes an External hyperlink (a <hyperlink> of the sheet and a
// relationship of the sheet's part), but all of a sheet's at once, as the
// workbook's zip is written. excelize's SetCellHyperLink scans every
// relationship of the sheet for each new link (quadratic): it took 30 % of
// the workbook at 1 M lines, with 1,000 to 5,200 links per sheet
// (bench/results.md). The chart data sheet's very hidden state is set the
// same way (linkZip.veryHidden).

// hyperlink is a link of one cell to a file beside the workbook.
type hyperlink struct{ ref, target string }

// linkIDBase numbers the links' relationships (rId<linkIDBase+1>, …) above
// those excelize gives a sheet's tables and drawing, which are written
// before the links are known. The zip writer checks they stay below.
const linkIDBase = 100000

// addLink records that the cell ref of sheet links to target.
func (b *Book) addLink(sheet, ref, target string) error {
	if b.links == nil {
		b.links = map[string][]hyperlink{}
	}
	if len(b.links[sheet]) > excelize.TotalSheetHyperlinks { // as SetCellHyperLink
		return excelize.ErrTotalSheetHyperlinks
	}
	b.links[sheet] = append(b.links[sheet], hyperlink{ref, target})
	return nil
}

// zipWriter is the workbook's zip container (zipWriter) adding the links
// recorded by addLink to the parts of their sheets as excelize writes them,
// and the very hidden state of the chart data sheet to the workbook part.
func (b *Book) zipWriter(w io.Writer) excelize.ZipWriter {
	zw := zipWriter(w)
	if len(b.links) == 0 && b.charts == "" {
		return zw
	}
	lz := &linkZip{ZipWriter: zw, sheets: map[string][]hyperlink{}, rels: map[string][]hyperlink{}}
	for id, name := range b.f.GetSheetMap() {
		if l := b.links[name]; len(l) > 0 {
			part := "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml"
			lz.sheets[part] = l
			lz.rels["xl/worksheets/_rels/sheet"+strconv.Itoa(id)+".xml.rels"] = l
		}
	}
	if b.charts != "" {
		lz.veryHidden = []string{b.charts}
	}
	return lz
}

// linkZip passes every part through, splicing the <hyperlinks> element
// into the XML of a sheet with links and their relationships into the
// sheet's relationships part (written after the sheet, or made at Close
// when excelize has none).
type linkZip struct {
	excelize.ZipWriter
	sheets map[string][]hyperlink // sheet part → its links
	rels   map[string][]hyperlink // relationships part → the links of its sheet; deleted once written
	// veryHidden are the sheets the workbook part marks very hidden, as
	// SetSheetVisible does; SetSheetVisible reads every sheet back, and
	// re-parsed a streamed sheet (which excelize then marshals again, in
	// vain) when the chart data sheet was made after one was written.
	veryHidden []string
	open       interface{ finish() error }
}

func (z *linkZip) finish() error {
	if z.open == nil {
		return nil
	}
	err := z.open.finish()
	z.open = nil
	return err
}

func (z *linkZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	w, err := z.ZipWriter.Create(name)
	if err != nil {
		return nil, err
	}
	if l, ok := z.sheets[name]; ok {
		sf := &sheetLinks{w: w, part: name, links: l}
		z.open = sf
		return sf, nil
	}
	if l, ok := z.rels[name]; ok {
		delete(z.rels, name)
		rf := &splice{w: w, part: name, edit: func(data []byte) ([]byte, error) { return addRels(name, data, l) }}
		z.open = rf
		return rf, nil
	}
	if name == "xl/workbook.xml" && len(z.veryHidden) > 0 {
		rf := &splice{w: w, part: name, edit: func(data []byte) ([]byte, error) { return hide(data, z.veryHidden) }}
		z.open = rf
		return rf, nil
	}
	return w, nil
}

func (z *linkZip) AddFS(fsys fs.FS) error {
	if err := z.finish(); err != nil {
		return err
	}
	return z.ZipWriter.AddFS(fsys)
}

func (z *linkZip) Close() error {
	err := z.finish()
	for name, l := range z.rels { // sheets excelize gave no relationships
		if err != nil {
			break
		}
		var w io.Writer
		if w, err = z.ZipWriter.Create(name); err == nil {
			rf := &splice{w: w, part: name, edit: func(data []byte) ([]byte, error) { return addRels(name, data, l) }}
			if _, err = io.WriteString(rf, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
				`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`); err == nil {
				err = rf.finish()
			}
		}
	}
	if cerr := z.ZipWriter.Close(); err == nil {
		err = cerr
	}
	return err
}

// sheetLinks writes a sheet part, inserting its <hyperlinks> where the
// schema places it: after the sheet data, its conditional formats and data
// validations, before the first of the elements that follow (pageMargins is
// always there: every sheet sets its margins).
type sheetLinks struct {
	w     io.Writer
	part  string
	links []hyperlink
	state int    // 0: in the sheet data, 1: after it, 2: links written
	tail  []byte // the end of what was written, which may begin a marker
	buf   []byte
}

var (
	sheetDataEnd = [][]byte{[]byte("</sheetData>"), []byte("<sheetData/>")}
	// The elements that follow <hyperlinks> in CT_Worksheet (extLst aside:
	// a conditional format's rule holds one too), and <hyperlinks> itself.
	afterLinks = func() [][]byte {
		var out [][]byte
		for _, e := range []string{"hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
			"rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
			"drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
			"webPublishItems", "tableParts", "/worksheet"} {
			out = append(out, []byte("<"+e))
		}
		return out
	}()
	maxMarker = 20
)

func (s *sheetLinks) Write(p []byte) (int, error) {
	n := len(p)
	if s.state == 2 {
		_, err := s.w.Write(p)
		return n, err
	}
	data := p
	if len(s.tail) > 0 {
		s.buf = append(append(s.buf[:0], s.tail...), p...)
		data = s.buf
		s.tail = s.tail[:0]
	}
	for s.state < 2 {
		markers := sheetDataEnd
		if s.state == 1 {
			markers = afterLinks
		}
		i, m := firstMarker(data, markers)
		if i < 0 {
			// Keep what could begin a marker for the next write.
			keep := min(len(data), maxMarker)
			if _, err := s.w.Write(data[:len(data)-keep]); err != nil {
				return n, err
			}
			s.tail = append(s.tail[:0], data[len(data)-keep:]...)
			return n, nil
		}
		if s.state == 0 {
			i += len(m)
			if _, err := s.w.Write(data[:i]); err != nil {
				return n, err
			}
			data = data[i:]
			s.state = 1
			continue
		}
		if bytes.Equal(m, afterLinks[0]) {
			return n, fmt.Errorf("%s: the sheet has hyperlinks of its own", s.part)
		}
		if _, err := s.w.Write(data[:i]); err != nil {
			return n, err
		}
		if _, err := s.w.Write(linksXML(s.links)); err != nil {
			return n, err
		}
		data = data[i:]
		s.state = 2
	}
	_, err := s.w.Write(data)
	return n, err
}

// firstMarker finds the first occurrence in data of one of the element
// markers followed by the end of its name.
func firstMarker(data []byte, markers [][]byte) (int, []byte) {
	best, which := -1, []byte(nil)
	for _, m := range markers {
		from := 0
		for {
			i := bytes.Index(data[from:], m)
			if i < 0 {
				break
			}
			i += from
			if e := i + len(m); e < len(data) && (m[len(m)-1] == '>' || strings.IndexByte(" />", data[e]) >= 0) {
				if best < 0 || i < best {
					best, which = i, m
				}
				break
			}
			from = i + 1
		}
	}
	return best, which
}

func (s *sheetLinks) finish() error {
	if s.state != 2 {
		return fmt.Errorf("%s: no place found for the hyperlinks", s.part)
	}
	return nil
}

// linksXML is the <hyperlinks> element of links, numbered from linkIDBase.
func linksXML(links []hyperlink) []byte {
	var b bytes.Buffer
	b.Grow(len(links) * 48)
	b.WriteString(`<hyperlinks xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	for i, l := range links {
		b.WriteString(`<hyperlink ref="`)
		b.WriteString(l.ref)
		b.WriteString(`" r:id="rId`)
		b.WriteString(strconv.Itoa(linkIDBase + i + 1))
		b.WriteString(`"></hyperlink>`)
	}
	b.WriteString(`</hyperlinks>`)
	return b.Bytes()
}

// splice collects a part as excelize writes it and writes it edited.
type splice struct {
	w    io.Writer
	part string
	edit func([]byte) ([]byte, error)
	buf  bytes.Buffer
}

func (r *splice) Write(p []byte) (int, error) { return r.buf.Write(p) }

func (r *splice) finish() error {
	data, err := r.edit(r.buf.Bytes())
	if err != nil {
		return err
	}
	_, err = r.w.Write(data)
	return err
}

var relIDRe = regexp.MustCompile(`\bId="rId(\d+)"`)

var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;", "\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")

// addRels adds the links' relationships to a sheet's relationships part.
func addRels(part string, data []byte, links []hyperlink) ([]byte, error) {
	end := bytes.LastIndex(data, []byte("</Relationships>"))
	if end < 0 {
		return nil, fmt.Errorf("%s: no end of the relationships", part)
	}
	for _, m := range relIDRe.FindAllSubmatch(data, -1) {
		if id, _ := strconv.Atoi(string(m[1])); id > linkIDBase {
			return nil, fmt.Errorf("%s: relationship rId%d is in the range of the links", part, id)
		}
	}
	var b bytes.Buffer
	b.Grow(len(data) + len(links)*160)
	b.Write(data[:end])
	for i, l := range links {
		b.WriteString(`<Relationship Id="rId`)
		b.WriteString(strconv.Itoa(linkIDBase + i + 1))
		b.WriteString(`" Target="`)
		attrEscaper.WriteString(&b, l.target)
		b.WriteString(`" Type="` + excelize.SourceRelationshipHyperLink + `" TargetMode="External"></Relationship>`)
	}
	b.Write(data[end:])
	return b.Bytes(), nil
}

// hide marks the named sheets of the workbook part very hidden.
func hide(data []byte, sheets []string) ([]byte, error) {
	for _, name := range sheets {
		tag := []byte(`<sheet name="` + attrEscaper.Replace(name) + `"`)
		i := bytes.Index(data, tag)
		if i < 0 {
			return nil, fmt.Errorf("xl/workbook.xml: no sheet %s", name)
		}
		at := i + len(tag)
		if end := bytes.IndexByte(data[at:], '>'); end < 0 || bytes.Contains(data[at:at+end], []byte(" state=")) {
			return nil, fmt.Errorf("xl/workbook.xml: the state of sheet %s is already set", name)
		}
		data = slices.Concat(data[:at], []byte(` state="veryHidden"`), data[at:])
	}
	return data, nil
}
