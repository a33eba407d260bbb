package ingest

import (
	"bytes"
	"io"
	"reflect"
	"slices"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

var sniffSeeds = []string{
	"a;b;c\n1;2;3\n",
	"\"Id\",\"Name\"\n\"1\",\"Acme, Inc.\"\n",
	"id\tname\n1\tx\n",
	"Informe\n\nCliente;Fecha\nC1;01/02/2026\n",
	"a,b\n\"x\ny\",2\n3,4\n",
	"a;b\nTubo 12\" acero;2\n",
	"\"A\",\"B\"\n\"1\",\"2\"\n\n\"Confidential\"\n",
	"a;b\n\"open;2\n3;4\n",
	"a;b\n1;2;\n3;4;\n",
	"",
	"\x00\x01\x02",
}

// FuzzSniff: any text gives a layout or an error, never a panic, and a
// layout is consistent with itself.
func FuzzSniff(f *testing.F) {
	for _, s := range sniffSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := sniff(data, true, false)
		again, errAgain := sniff(data, true, false)
		if !reflect.DeepEqual(s, again) || (err == nil) != (errAgain == nil) {
			t.Fatalf("sniff is not deterministic: %+v, %v then %+v, %v", s, err, again, errAgain)
		}
		// A head cut anywhere (the first 256 KB of a longer file) gives
		// a layout or an error too.
		_, _ = sniff(data[:len(data)/2], false, true)
		if err != nil {
			return
		}
		if s.Fields < 1 || len(s.Header) != s.Fields || s.HeaderLine < 1 || !slices.Contains(delimiters, s.Delim) {
			t.Fatalf("inconsistent layout %+v", s)
		}
		if lines := int64(bytes.Count(data, []byte{'\n'})) + 1; s.HeaderLine > lines {
			t.Fatalf("header on line %d of %d", s.HeaderLine, lines)
		}
	})
}

// FuzzScanner: the structure found does not depend on how the text is cut
// into chunks, and counts stay consistent.
func FuzzScanner(f *testing.F) {
	for _, s := range sniffSeeds {
		f.Add([]byte(s), uint8(1), byte(';'))
		f.Add([]byte(s), uint8(7), byte(','))
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8, delim byte) {
		if delim == '"' || delim == '\n' || delim == '\r' {
			return
		}
		whole := newScanner(delim, 1, 2)
		whole.write(data)
		whole.finish()
		n := int(chunk)%64 + 1
		parts := newScanner(delim, 1, 2)
		for b := data; len(b) > 0; {
			k := min(n, len(b))
			parts.write(b[:k])
			b = b[k:]
		}
		parts.finish()
		if whole.records != parts.records || whole.irregularCount != parts.irregularCount ||
			whole.quotedNewlines != parts.quotedNewlines || whole.blankLines != parts.blankLines ||
			whole.bareQuotes != parts.bareQuotes || whole.footerLines != parts.footerLines ||
			whole.regular() != parts.regular() {
			t.Fatalf("chunked scan differs: whole %+v parts %+v", summary(whole), summary(parts))
		}
		if whole.records < 0 || whole.irregularCount > whole.records || whole.footerLines < 0 {
			t.Fatalf("counts out of range: %+v", summary(whole))
		}
	})
}

func summary(s *scanner) [6]int64 {
	return [6]int64{s.records, s.irregularCount, s.quotedNewlines, s.blankLines, s.bareQuotes, s.footerLines}
}

// FuzzMixedDecoder: the output is always valid UTF-8 and keeps valid UTF-8
// input as it is.
func FuzzMixedDecoder(f *testing.F) {
	f.Add([]byte("Código \x80 caf\xe9"))
	f.Add([]byte("plain"))
	f.Add([]byte{0xff, 0xfe, 0xc3})
	f.Fuzz(func(t *testing.T, data []byte) {
		dst := make([]byte, len(data)*3+8)
		n, _, err := mixedDecoder{}.Transform(dst, data, true)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(dst[:n]) {
			t.Fatalf("invalid output %q", dst[:n])
		}
		if utf8.Valid(data) && string(dst[:n]) != string(data) {
			t.Fatalf("valid UTF-8 changed: %q → %q", data, dst[:n])
		}
		// Fed a byte at a time, as a stream cuts characters between
		// blocks, the output is the same.
		streamed, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(bytes.NewReader(data)), mixedDecoder{}))
		if err != nil || string(streamed) != string(dst[:n]) {
			t.Fatalf("streamed %q, %v; whole %q", streamed, err, dst[:n])
		}
	})
}

// FuzzCleaner: however the text is cut into blocks, the cleaner gives what
// one plain left-to-right pass over the whole text gives: zero bytes and
// byte order marks dropped (CR turned into LF first for CR-only text), with
// the offset of the first zero byte in the clean text.
func FuzzCleaner(f *testing.F) {
	f.Add([]byte("a;b\n\ufeff1;2\x00\n"), uint8(1), false)
	f.Add([]byte("\xef\xbb\xef\xbb\xbf\xbf\x00\xef"), uint8(2), false)
	f.Add([]byte("a;b\r1;2\r"), uint8(3), true)
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8, crOnly bool) {
		var want []byte
		var nuls, boms, first int64
		in := bytes.Clone(data)
		if crOnly {
			in = bytes.ReplaceAll(in, []byte{'\r'}, []byte{'\n'})
		}
		for i := 0; i < len(in); {
			switch {
			case in[i] == 0:
				if nuls == 0 {
					first = int64(len(want))
				}
				nuls++
				i++
			case bytes.HasPrefix(in[i:], utf8BOM):
				boms++
				i += len(utf8BOM)
			default:
				want = append(want, in[i])
				i++
			}
		}
		d := &textCleaner{r: &chunkReader{bytes.Clone(data), int(chunk)%16 + 1}}
		d.CROnly = crOnly
		got, err := io.ReadAll(struct{ io.Reader }{d})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) || d.NULs != nuls || d.BOMs != boms || (nuls > 0 && d.firstNUL != first) || d.out != int64(len(want)) {
			t.Fatalf("blocks of %d: %q (%d NULs from %d, %d marks); want %q (%d from %d, %d)", int(chunk)%16+1, got, d.NULs, d.firstNUL, d.BOMs, want, nuls, first, boms)
		}
	})
}

// FuzzScannerRuns: taking runs of bytes at once leaves the scanner exactly
// as the byte-by-byte loop does, whatever the chunking.
func FuzzScannerRuns(f *testing.F) {
	for _, s := range sniffSeeds {
		f.Add([]byte(s), uint8(3), byte(';'))
	}
	f.Add([]byte("a,b,c\nFV1,\"PANIFICADORA ÁLVAREZ, S.A.\",3\r\n\"x\"\"y\",\"multi\nline\",z\n\"ab\"c,d,e\r\n\n"), uint8(5), byte(','))
	f.Add([]byte("h;h\n\"open;quote\n\"\"\";1\r\r\n;\"\"\n"), uint8(1), byte(';'))
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8, delim byte) {
		if delim == '"' || delim == '\n' || delim == '\r' {
			return
		}
		n := int(chunk)%64 + 1
		scan := func(byteByByte bool) *scanner {
			s := newScanner(delim, 1, 3)
			s.byteByByte = byteByByte
			for b := data; len(b) > 0; {
				k := min(n, len(b))
				s.write(b[:k])
				b = b[k:]
			}
			s.finish()
			s.byteByByte = false
			return s
		}
		slow, fast := scan(true), scan(false)
		if !reflect.DeepEqual(slow, fast) {
			t.Fatalf("runs taken at once change the scan:\nbyte by byte %+v\nruns         %+v", *slow, *fast)
		}
	})
}
