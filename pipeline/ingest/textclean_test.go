package ingest

import (
	"bytes"
	"io"
	"testing"
)

// chunkReader returns at most n bytes a read, to cut marks between blocks.
type chunkReader struct {
	b []byte
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	k := copy(p, c.b[:min(c.n, len(c.b))])
	c.b = c.b[k:]
	return k, nil
}

// TestCleanerBOM: every U+FEFF goes, wherever the blocks are cut, and every
// other byte stays, including the mark's first bytes when no mark follows.
func TestCleanerBOM(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"a;b\n1;2\n", "a;b\n1;2\n"},
		{"\ufeffa;b\n\ufeff1;2\n", "a;b\n1;2\n"},
		{"x\ufeff\ufeffy", "xy"},
		{"\ufeff", ""},
		{"caf\u00e9 \uf8ff \uffee", "caf\u00e9 \uf8ff \uffee"}, // other characters starting with EF
		{"a\xef", "a\xef"},                                     // a cut mark at the end of the text
		{"a\xef\xbb", "a\xef\xbb"},
		{"\xef\xbb\xef\xbb\xbf\xbf", "\xef\xbb\xbf"}, // what is left after a mark is no mark again
		{"\xef\xef\xbb\xbf!", "\xef!"},
	}
	for _, c := range cases {
		for n := 1; n <= 8; n++ {
			d := &textCleaner{r: &chunkReader{[]byte(c.in), n}}
			var out bytes.Buffer
			buf := make([]byte, 3+n%3)
			for {
				k, err := d.Read(buf)
				out.Write(buf[:k])
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if out.String() != c.want {
				t.Errorf("%q in blocks of %d: %q, want %q", c.in, n, out.String(), c.want)
			}
			if want := int64(len(c.in)-len(c.want)) / 3; d.BOMs != want {
				t.Errorf("%q in blocks of %d: %d dropped, want %d", c.in, n, d.BOMs, want)
			}
		}
	}
}

// TestCleanerNULAndCR: zero bytes go wherever they are, with the offset of
// the first in the clean text; CR-only line ends become line feeds.
func TestCleanerNULAndCR(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, want string
		crOnly   bool
		nuls     int64
		first    int64
	}{
		{"a;b\n1\x00\x00;2\n", "a;b\n1;2\n", false, 2, 5},
		{"\x00\ufeffa\x00\ufeff", "a", false, 2, 0},
		{"\ufeff\x00\xef\x00\xbb\xbf", "\xef\xbb\xbf", false, 2, 0},
		{"a;b\r1;2\r3;4", "a;b\n1;2\n3;4", true, 0, 0},
		{"a\r\r\x00b", "a\n\nb", true, 1, 3},
	}
	for _, c := range cases {
		for n := 1; n <= 5; n++ {
			d := &textCleaner{r: &chunkReader{[]byte(c.in), n}}
			d.CROnly = c.crOnly
			got, err := io.ReadAll(struct{ io.Reader }{d})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want || d.NULs != c.nuls || (c.nuls > 0 && d.firstNUL != c.first) {
				t.Errorf("%q in blocks of %d: %q, %d NULs first at %d; want %q, %d at %d", c.in, n, got, d.NULs, d.firstNUL, c.want, c.nuls, c.first)
			}
		}
	}
}
