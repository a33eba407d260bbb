package ingest

import (
	"bufio"
	"bytes"
	"io"
	"os"
)

// textCleaner drops from decoded text the bytes that are never data, in
// the caller's buffer, so both the native reader and the Go reader see the
// same clean text:
//
//   - byte order marks (U+FEFF) after the start: concatenating exports
//     (copy /b a.csv+b.csv) leaves one at the start of each part, where it
//     would stick to the first value of a line;
//   - zero bytes (NUL), with which old ERPs pad fixed-width fields;
//
// and, for a file whose line ends are CR only (old Mac software), turns
// carriage returns into line feeds. A block with neither the mark's first
// byte nor a zero byte costs two IndexByte calls.
type textCleaner struct {
	r    io.Reader
	held int   // bytes of a possible mark held back from the last block (EF or EF BB)
	out  int64 // bytes of clean text returned so far
	cleaned
}

// cleaned is what the cleaner did, for the manifest.
type cleaned struct {
	CROnly       bool  // carriage returns were the line ends, read as line feeds
	BOMs         int64 // byte order marks dropped after the start of the text
	NULs         int64 // zero bytes dropped
	FirstNULLine int64 // line of the first zero byte in the clean text
	firstNUL     int64 // offset of the first zero byte in the clean text
}

func (c *cleaned) notes(rt *rawTable) {
	if c.CROnly {
		rt.note("note.cr_only")
	}
	if c.BOMs > 0 {
		rt.note("note.inner_boms", c.BOMs)
	}
	if c.NULs > 0 {
		rt.note("note.nul_bytes", c.NULs, c.FirstNULLine)
	}
}

func (d *textCleaner) dropped() bool { return d.BOMs > 0 || d.NULs > 0 }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func (d *textCleaner) Read(p []byte) (int, error) {
	if len(p) < len(utf8BOM) {
		return 0, io.ErrShortBuffer // bufio reads in large blocks
	}
	for {
		h := copy(p, utf8BOM[:d.held])
		d.held = 0
		k, err := d.r.Read(p[h:])
		n := d.clean(p[:h+k], err == nil)
		d.out += int64(n)
		if n > 0 || err != nil {
			return n, err
		}
	}
}

// clean cleans b in place and returns the length left; a possible start of
// a mark at the end is held back when more text follows.
func (d *textCleaner) clean(b []byte, more bool) int {
	if d.CROnly {
		for i := bytes.IndexByte(b, '\r'); i >= 0; {
			b[i] = '\n'
			j := bytes.IndexByte(b[i+1:], '\r')
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	nextEF, nextNUL := bytes.IndexByte(b, utf8BOM[0]), bytes.IndexByte(b, 0)
	if nextEF < 0 && nextNUL < 0 {
		return len(b)
	}
	// next is the position of the next byte to look at from r on (the
	// positions found are kept until passed, so a block full of one kind
	// is not searched for the other again and again).
	next := func(r int) int {
		if nextEF >= 0 && nextEF < r {
			if nextEF = bytes.IndexByte(b[r:], utf8BOM[0]); nextEF >= 0 {
				nextEF += r
			}
		}
		if nextNUL >= 0 && nextNUL < r {
			if nextNUL = bytes.IndexByte(b[r:], 0); nextNUL >= 0 {
				nextNUL += r
			}
		}
		switch {
		case nextEF < 0 && nextNUL < 0:
			return len(b)
		case nextEF < 0:
			return nextNUL
		case nextNUL < 0:
			return nextEF
		}
		return min(nextEF, nextNUL)
	}
	w := next(0)
	r := w
	for r < len(b) {
		switch rest := b[r:]; {
		case rest[0] == 0:
			if d.NULs == 0 {
				d.firstNUL = d.out + int64(w)
			}
			d.NULs++
			r++
		case bytes.HasPrefix(rest, utf8BOM):
			d.BOMs++
			r += len(utf8BOM)
		case more && len(rest) < len(utf8BOM) && bytes.HasPrefix(utf8BOM, rest):
			d.held = len(rest)
			return w
		default:
			b[w] = b[r]
			w, r = w+1, r+1
		}
		j := next(r)
		w += copy(b[w:], b[r:j])
		r = j
	}
	return w
}

// lineAt is the line of a byte offset of a text file, counted from 1.
func lineAt(path string, offset int64) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := bufio.NewReader(io.LimitReader(f, offset))
	line := int64(1)
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Read(buf)
		line += int64(bytes.Count(buf[:n], []byte{'\n'}))
		if err == io.EOF {
			return line, nil
		}
		if err != nil {
			return 0, err
		}
	}
}
