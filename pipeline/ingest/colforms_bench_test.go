package ingest

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkDecodeForms: the scanner of the decode pass and the forms
// scanner beside it (on the other core), on a file given by KAM_BENCH_CSV
// (a bench export), else on 200,000 generated sales lines.
func BenchmarkDecodeForms(b *testing.B) {
	var data []byte
	if path := os.Getenv("KAM_BENCH_CSV"); path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			b.Fatal(err)
		}
	} else {
		var s strings.Builder
		s.WriteString("Invoice No,Line,Invoice Date,Customer Code,Customer Name,Item,Quantity,Unit Price,Net Amount,Currency\n")
		for i := 0; i < 200000; i++ {
			fmt.Fprintf(&s, "FV25-%06d,%d,2025-%02d-%02d,C%d,\"NAME %d, S.L.\",ITEM-%d,%d,%d.5,%d.25,EUR\n", i/3, 1+i%3, 1+i%12, 1+i%28, i%5000, i%5000, i%300, 1+i%9, i%700, i%2000)
		}
		data = []byte(s.String())
	}
	sn, err := sniff(data[:headSize], false, false)
	if err != nil {
		b.Fatal(err)
	}
	feed := func(write func([]byte)) {
		for p := data; len(p) > 0; {
			n := min(len(p), 1<<20)
			write(p[:n])
			p = p[n:]
		}
	}
	b.Run("scanner", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sc := newScanner(sn.Delim, sn.HeaderLine, sn.Fields)
			feed(sc.write)
			sc.finish()
		}
	})
	b.Run("forms", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fs := newFormScanner(sn.Delim, sn.HeaderLine, sn.Fields, []string{"NULL", "-"})
			feed(fs.write)
			cf := fs.close()
			if i == 0 {
				b.Logf("records %d unsure %v forms %v", cf.records, cf.unsure, cf.forms)
			}
		}
	})
}
