package html

import (
	"encoding/json"
	"fmt"
	"testing"

	"kam/reports/report"
)

// TestMatrixLabels: on the portfolio matrix every key account and the
// largest others (matrixLabelled of them) carry their name; every other
// bubble is faded and unnamed, so the names that matter read in print.
func TestMatrixLabels(t *testing.T) {
	b := &Builder{lang: "en", loc: newLocale("en", "EUR"), rm: report.Meta{Params: map[string]float64{"matrix_split": 50}}}
	var rows []martRow
	for i := range 20 {
		rows = append(rows, martRow{
			"account_name": fmt.Sprintf("A%02d", i), "quadrant": "streamline", "relative_strength": 30.0, "attractiveness": 30.0,
			"revenue_ltm": float64(1000 - i), "is_key_account": i%5 == 3, // A03, A08, A13, A18 are key
		})
	}
	ch, err := b.matrixChart(rows, len(rows), 1000) // rows come largest revenue first, as the section reads them
	if err != nil {
		t.Fatal(err)
	}
	var opt struct {
		Series []struct {
			Data []struct {
				Name      string         `json:"name"`
				Label     map[string]any `json:"label"`
				ItemStyle struct {
					Opacity float64 `json:"opacity"`
				} `json:"itemStyle"`
			} `json:"data"`
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(ch.Option), &opt); err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	for _, s := range opt.Series {
		for _, d := range s.Data {
			if d.Label["show"] == true {
				named[d.Name] = true
				if d.ItemStyle.Opacity < 0.5 {
					t.Errorf("%s is named but faded (opacity %v)", d.Name, d.ItemStyle.Opacity)
				}
			} else if d.ItemStyle.Opacity > 0.3 {
				t.Errorf("%s is neither named nor faded (opacity %v)", d.Name, d.ItemStyle.Opacity)
			}
		}
	}
	// The 8 largest others: A00–A02, A04–A07, A09; the key accounts: A03, A08, A13, A18.
	want := []string{"A00", "A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A13", "A18"}
	if len(named) != len(want) {
		t.Errorf("named %v, want %v", named, want)
	}
	for _, n := range want {
		if !named[n] {
			t.Errorf("%s is not named", n)
		}
	}
}
