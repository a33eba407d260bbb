package paths

import (
	"regexp"
	"strings"
	"testing"
)

// TestStems: every stem is a safe file name on every OS, and no two ids
// share one, even where only case or a dropped character sets them apart.
func TestStems(t *testing.T) {
	items := []Item{
		{"005Wx000000TP5IIAW", "Álvaro Núñez Beltrán"},
		{"C10489", "Frigoríficos de Urbión, S.A."},
		{"A/B", "Same"}, {"A_B", "Same"}, {"A B", "Same"}, // one slug before the hash
		{"abc", "Twin"}, {"ABC", "Twin"}, // apart only by case
		{"CON", ""}, {"nul", "  "}, {"COM1", "…"}, // Windows' reserved names
		{"東京", "株式会社"},                                 // nothing ASCII left
		{"../../etc/passwd", "..\\evil:name*?<>|\x00"}, // path tricks
		{strings.Repeat("9", 200), strings.Repeat("Ñandú ", 60)},
	}
	stems := Stems(items)
	safe := regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)
	seen := map[string]string{}
	for _, it := range items {
		s := stems[it.ID]
		if !safe.MatchString(s) || len(s) > 90 {
			t.Errorf("%q → %q: not a safe file name", it.ID, s)
		}
		if reserved(s) {
			t.Errorf("%q → %q: reserved on Windows", it.ID, s)
		}
		if other, ok := seen[strings.ToLower(s)]; ok {
			t.Errorf("%q and %q share the file %q", it.ID, other, s)
		}
		seen[strings.ToLower(s)] = it.ID
	}
	for id, want := range map[string]string{
		"005Wx000000TP5IIAW": "alvaro-nunez-beltran-005Wx000000TP5IIAW",
		"C10489":             "frigorificos-de-urbion-s-a-C10489",
		"CON":                "CON-",
	} {
		if stems[id] != want {
			t.Errorf("%q → %q, want %q", id, stems[id], want)
		}
	}
}

func TestPaths(t *testing.T) {
	p := New([]Item{{"K1", "Ana"}}, []Item{{"C1", "Uno"}})
	if p.KAMHTML("K1") != "kams/ana-K1.html" || p.KAMXLSX("K1") != "kams/ana-K1.xlsx" || p.Account("C1") != "accounts/uno-C1.html" {
		t.Fatalf("got %q %q %q", p.KAMHTML("K1"), p.KAMXLSX("K1"), p.Account("C1"))
	}
	if p.KAMHTML("K2") != "" || p.Account("C2") != "" {
		t.Fatal("an id without a pack has a path")
	}
}
