package i18n

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLeaf keeps i18n a leaf: the pipeline, the reports and the command all
// import it, so an import of any kam package from here would run back up
// the layers (once, it made the pipeline import the reports).
func TestLeaf(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p != "kam/i18n" && (p == "kam" || strings.HasPrefix(p, "kam/")) {
			t.Errorf("i18n imports %s; it must import nothing of kam", p)
		}
	}
}
