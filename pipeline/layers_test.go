package pipeline

import (
	"encoding/json"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// layers says, for every package of the module, which packages of kam it
// may import. Imports run down the layers
// only: the command → the reports' catalogue → the per-KAM packs and
// account pages (reports/packs) → the writers (reports/excel, reports/html) → what they share (reports/report) → the pipeline's orchestration → its
// stages (the ingest above the warehouse) → their leaves (the data contract
// in ingest/schema, the value grammar in ingest/parse, the configuration,
// the SQL in queries, the translation table in i18n). A stage never imports
// the orchestration or the reports, and the reports see the pipeline only
// through its root.
var layers = map[string][]string{
	"kam/cmd/kam":                {"kam/reports", "kam/pipeline", "kam/pipeline/ingest/schema", "kam/i18n", "kam/sample-data/generator"},
	"kam/reports":                {"kam/reports/excel", "kam/reports/html", "kam/reports/packs", "kam/reports/report"},
	"kam/reports/packs":          {"kam/reports/excel", "kam/reports/html", "kam/reports/report", "kam/reports/packs/paths", "kam/i18n"},
	"kam/reports/excel":          {"kam/reports/report", "kam/pipeline", "kam/i18n"},
	"kam/reports/html":           {"kam/reports/report", "kam/i18n"},
	"kam/reports/report":         {"kam/pipeline", "kam/reports/packs/paths"}, // the links to the packs
	"kam/reports/packs/paths":    {},                                          // the packs' file names, shared by the writers and the links
	"kam/pipeline":               {"kam/pipeline/ingest", "kam/pipeline/warehouse", "kam/pipeline/config", "kam/i18n"},
	"kam/pipeline/ingest":        {"kam/pipeline/ingest/parse", "kam/pipeline/ingest/schema", "kam/pipeline/warehouse", "kam/pipeline/config", "kam/i18n"},
	"kam/pipeline/warehouse":     {"kam/pipeline/ingest/schema", "kam/pipeline/config", "kam/queries", "kam/i18n"},
	"kam/pipeline/ingest/parse":  {},
	"kam/pipeline/ingest/schema": {"kam/i18n"}, // its mapping errors speak the run's language
	"kam/pipeline/config":        {},
	"kam/queries":                {},
	"kam/i18n":                   {},
	"kam/sample-data/generator":  {},
	"kam/bench":                  {},
	"kam/bench/baseline":         {},
	"kam/bench/render":           {},
}

// TestLayers fails when an import runs back up the layers (or a package is
// not placed in them), from the imports go list reports.
func TestLayers(t *testing.T) {
	t.Parallel()
	cmd := exec.Command("go", "list", "-tags", "duckdb_arrow", "-json", "./...")
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		allowed, ok := layers[p.ImportPath]
		if !ok {
			t.Errorf("%s is in no layer: add it to layers with the packages it may import", p.ImportPath)
			continue
		}
		seen++
		for _, imp := range p.Imports {
			if imp != "kam" && !strings.HasPrefix(imp, "kam/") {
				continue
			}
			if !slices.Contains(allowed, imp) {
				t.Errorf("%s imports %s, which runs back up the layers (it may import %v)", p.ImportPath, imp, allowed)
			}
		}
	}
	if seen < 10 {
		t.Fatalf("go list named only %d packages of kam (run from %s)", seen, filepath.Clean(".."))
	}
}
