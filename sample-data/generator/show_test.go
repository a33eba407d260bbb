package generator

import (
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var (
	show       = flag.String("show", "", "generate a dataset into this folder and print the Summary as JSON")
	showLines  = flag.Int("lines", 0, "with -show: Options.Lines")
	showLocale = flag.String("locale", "", "with -show: Options.Locale")
)

// TestShow prints what Generate reports, for writing the README:
// go test -tags duckdb_arrow ./sample-data/generator -run TestShow -show /tmp/sample
func TestShow(t *testing.T) {
	if *show == "" {
		t.Skip("use -show DIR")
	}
	s, err := Generate(Options{Dir: *show, Lines: *showLines, Locale: *showLocale})
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.Encode(s)
}
