package pipeline

import (
	"testing"
	"unicode/utf8"
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
		if err != nil {
			return
		}
		if s.Fields < 1 || len(s.Header) != s.Fields || s.HeaderLine < 1 {
			t.Fatalf("inconsistent layout %+v", s)
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
			whole.bareQuotes != parts.bareQuotes || whole.footerLines != parts.footerLines {
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
	})
}
