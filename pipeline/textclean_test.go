package pipeline

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

// TestBOMDropper: every U+FEFF goes, wherever the blocks are cut, and every
// other byte stays, including the mark's first bytes when no mark follows.
func TestBOMDropper(t *testing.T) {
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
			d := &bomDropper{r: &chunkReader{[]byte(c.in), n}}
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
			if want := int64(len(c.in)-len(c.want)) / 3; d.dropped != want {
				t.Errorf("%q in blocks of %d: %d dropped, want %d", c.in, n, d.dropped, want)
			}
		}
	}
}
