package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportsSayWhatIsLeftOut: the fixture, plus a deal of 5,000, two
// activities and a plan target of 3,000 that name an account X9 the
// accounts file does not have. Each is left out of the figures it would
// feed (the pipeline, the accounts' cost to serve, the plan); the console
// said so, and now the part of each report that shows those figures says
// it too, in the workbook's sheet notes and the HTML section's notes.
// Hand-written: the counts and amounts are the rows added here.
func TestReportsSayWhatIsLeftOut(t *testing.T) {
	in := t.TempDir()
	entries, err := os.ReadDir(excelFixture)
	if err != nil {
		t.Fatal(err)
	}
	more := map[string]string{
		"opportunities.csv": "O99,X9,2026-12-20,open,5000,50\n",
		"activities.csv":    "2026-02-10,X9,K1,meeting,2,\n2026-02-11,X9,K1,call,1,\n",
		"targets.csv":       "X9,2026-Q1,3000,1000\n",
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(excelFixture, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, e.Name()), append(b, more[e.Name()]...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, _ := reportsOf(t, in, excelPeriod, "en", "en")
	want := map[string]string{
		"Growth":         "1 deal(s), €5,000 in amount, name an account that kam does not know: they are in no account's pipeline below",
		"KAMs":           "2 activit(ies) name an account that kam does not know: their time is charged to their KAM but to no account's cost to serve",
		"Plan vs actual": "1 plan target(s), €3,000 of revenue target, name an account or KAM that kam does not know: they are left out of the plan below",
	}
	b, err := os.ReadFile(pages["en"])
	if err != nil {
		t.Fatal(err)
	}
	page := strings.ReplaceAll(string(b), "&#39;", "'")
	for _, s := range want {
		if !strings.Contains(page, s) {
			t.Errorf("the HTML report does not say %q", s)
		}
	}
	sheetWant := map[string]string{
		"Growth":         "1 deal(s), 5,000.00 EUR in amount, name an account that kam does not know",
		"KAMs":           "2 activit(ies) name an account that kam does not know",
		"Plan vs actual": "1 plan target(s), 3,000.00 EUR of revenue target, name an account or KAM that kam does not know",
	}
	for sheet, s := range sheetWant {
		if lines := sheetLines(t, pages["xlsx"], sheet); !anyHas(lines[:min(len(lines), 12)], s) {
			t.Errorf("the workbook's %s sheet does not say %q:\n%v", sheet, s, lines[:min(len(lines), 6)])
		}
	}
}
