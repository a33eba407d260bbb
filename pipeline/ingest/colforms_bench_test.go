package ingest

import (
	"os"
	"testing"
)

// BenchmarkDecodeForms: the scanner of the decode pass and the forms
// scanner beside it, on a file given by KAM_BENCH_CSV (a bench export).
func BenchmarkDecodeForms(b *testing.B) {
	path := os.Getenv("KAM_BENCH_CSV")
	if path == "" {
		b.Skip("KAM_BENCH_CSV not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
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
