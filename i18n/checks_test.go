package i18n

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every data test in queries/checks has its description in both languages.
func TestCheckDescriptions(t *testing.T) {
	files, err := filepath.Glob("../queries/checks/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no data tests found: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".sql")
		if _, err := os.Stat(f); err != nil {
			t.Fatal(err)
		}
		en, es := Both("check." + name)
		if en == "" || es == "" || en == es {
			t.Errorf("data test %s: no description in both languages (check.%s)", name, name)
		}
	}
}
