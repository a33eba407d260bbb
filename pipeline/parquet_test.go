package pipeline

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"kam/pipeline/warehouse"
)

// TestMartsParquet: a run on the sample writes every public mart (schema
// main: the marts and the history models) as out/<period>/marts/<mart>.parquet,
// lists each in the manifest, and each file holds exactly the mart's rows
// (same count, no row differing either way); a money column reads back as a
// DECIMAL with its exact value.
func TestMartsParquet(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	db := runInput(t, "../sample-data/input", out, "2026-10", func(c *Config) {
		c.RejectLimit = DefaultConfig().RejectLimit
	})
	period := filepath.Join(out, "2026-10")
	b, err := os.ReadFile(filepath.Join(period, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Outputs []string `json:"outputs"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, o := range m.Outputs {
		listed[o] = true
	}
	marts, err := warehouse.PublicMarts()
	if err != nil {
		t.Fatal(err)
	}
	if len(marts) < 20 {
		t.Fatalf("only %d public marts: %v", len(marts), marts)
	}
	for _, name := range marts {
		file := filepath.Join(period, "marts", name+".parquet")
		if !listed[file] {
			t.Errorf("%s is not in the manifest's outputs", file)
		}
		if _, err := os.Stat(file); err != nil {
			t.Errorf("mart %s: %v", name, err)
			continue
		}
		pq := warehouse.QuoteString(file)
		if got, want := one(t, db, "select count(*) from read_parquet("+pq+")"), one(t, db, "select count(*) from main."+name); got != want {
			t.Errorf("%s.parquet holds %s rows, the mart %s", name, got, want)
		}
		for _, q := range []string{
			"select count(*) from (select * from main." + name + " except all select * from read_parquet(" + pq + "))",
			"select count(*) from (select * from read_parquet(" + pq + ") except all select * from main." + name + ")",
		} {
			if d := one(t, db, q); d != "0" {
				t.Errorf("%s.parquet differs from the mart in %s rows: %s", name, d, q)
			}
		}
	}
	// Money stays a decimal: the type survives, and the value is the mart's to the cent.
	pq := warehouse.QuoteString(filepath.Join(period, "marts", "account_profitability.parquet"))
	if typ := one(t, db, "select typeof(revenue) from read_parquet("+pq+") limit 1"); typ != one(t, db, "select typeof(revenue) from account_profitability limit 1") || typ[:7] != "DECIMAL" {
		t.Errorf("revenue in Parquet is %s, want the mart's DECIMAL", typ)
	}
	q := "select net_contribution::varchar from %s where time_window = 'ltm' and account_id = 'C10070'"
	if got, want := one(t, db, fmt.Sprintf(q, "read_parquet("+pq+")")), one(t, db, fmt.Sprintf(q, "account_profitability")); got != want || want == "" {
		t.Errorf("Grupo Peñalara net contribution from Parquet %q, mart %q", got, want)
	}
}
