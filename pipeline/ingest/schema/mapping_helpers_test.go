package schema

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// mappingCase is a header row of a real export and what it must map to.
type mappingCase struct {
	name     string
	kind     string
	headers  []string
	explicit map[string]string
	preset   string
	want     map[string]string // column → header text
	unused   []string          // headers that must feed nothing; nil: not checked
}

// checkMapping runs Map and compares the whole column mapping, so a
// header that drifts to another column fails as loudly as a missing one.
func checkMapping(t *testing.T, tc mappingCase) Mapping {
	t.Helper()
	m, err := Map("test.csv", tc.kind, tc.headers, tc.explicit)
	if err != nil {
		t.Fatalf("Map: %v", err)
	}
	got := map[string]string{}
	for col, i := range m.Columns {
		got[col] = tc.headers[i]
	}
	if !maps.Equal(got, tc.want) {
		for _, col := range slices.Sorted(maps.Keys(mergeKeys(got, tc.want))) {
			if got[col] != tc.want[col] {
				t.Errorf("%s: got %q, want %q", col, got[col], tc.want[col])
			}
		}
	}
	if m.Preset != tc.preset {
		t.Errorf("preset = %q, want %q", m.Preset, tc.preset)
	}
	if m.Kind != tc.kind {
		t.Errorf("kind = %q, want %q", m.Kind, tc.kind)
	}
	if tc.unused != nil {
		var unused []string
		for _, i := range m.Unused {
			unused = append(unused, tc.headers[i])
		}
		if !slices.Equal(unused, tc.unused) {
			t.Errorf("unused = %q, want %q", unused, tc.unused)
		}
	}
	checkInvariants(t, tc.headers, m)
	return m
}

// checkInvariants holds for every mapping: indexes in range, each header
// used once, and Unused exactly the headers that feed nothing.
func checkInvariants(t testing.TB, headers []string, m Mapping) {
	t.Helper()
	seen := make([]bool, len(headers))
	fed := map[int]string{}
	for _, col := range slices.Sorted(maps.Keys(m.Columns)) {
		i := m.Columns[col]
		if i < 0 || i >= len(headers) {
			t.Fatalf("column %s maps to index %d of %d headers", col, i, len(headers))
		}
		if other, twice := fed[i]; twice {
			if isIDNamePair(m.Kind, other, col) {
				continue
			}
			t.Fatalf("header %d (%q) mapped twice", i, headers[i])
		}
		fed[i] = col
		seen[i] = true
		if isDoNotModify(headers[i]) {
			t.Fatalf("column %s maps to Dynamics bookkeeping header %q", col, headers[i])
		}
	}
	for _, i := range m.Unused {
		if i < 0 || i >= len(headers) || seen[i] {
			t.Fatalf("unused index %d is out of range or mapped", i)
		}
		seen[i] = true
	}
	for i, s := range seen {
		if !s {
			t.Fatalf("header %d (%q) is neither mapped nor unused", i, headers[i])
		}
	}
}

func mergeKeys(a, b map[string]string) map[string]string {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}

func split(s string) []string { return strings.Split(s, ",") }
