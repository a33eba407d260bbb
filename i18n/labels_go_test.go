package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestParams reads pipeline/params.go as text (kam/pipeline imports this
// package, so it cannot be imported here) and wants param.<key> for every
// entry of DefaultParams.
func TestParams(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join("..", "pipeline", "params.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "DefaultParams" || len(vs.Values) != 1 {
			return true
		}
		list, ok := vs.Values[0].(*ast.CompositeLit)
		if !ok {
			t.Fatal("DefaultParams is not a composite literal")
		}
		for _, el := range list.Elts {
			p, ok := el.(*ast.CompositeLit)
			if !ok || len(p.Elts) == 0 {
				t.Fatalf("unexpected DefaultParams element at %s", fset.Position(el.Pos()))
			}
			first := p.Elts[0]
			for _, e := range p.Elts { // Param{Key: "…", …}
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Key" {
						first = kv.Value
					}
				}
			}
			lit, ok := first.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Fatalf("DefaultParams element at %s: no string key", fset.Position(el.Pos()))
			}
			k, _ := strconv.Unquote(lit.Value)
			keys = append(keys, k)
		}
		return false
	})
	if len(keys) < 50 {
		t.Fatalf("found only %d parameters in pipeline/params.go", len(keys))
	}
	for _, k := range keys {
		if !Has("param." + k) {
			t.Errorf("no description param.%s", k)
		}
	}
	for _, k := range Keys() {
		if p, ok := strings.CutPrefix(k, "param."); ok && !slices.Contains(keys, p) {
			t.Errorf("%s describes a parameter that pipeline/params.go does not have", k)
		}
	}
}

func TestSheetsAndSections(t *testing.T) {
	wantSheets := []string{"summary", "key_accounts", "profitability", "growth", "portfolio", "selection",
		"kams", "plan", "retention", "data_quality", "definitions"}
	wantSections := []string{"summary", "matrix", "profitability", "concentration", "growth", "plan",
		"kams", "retention", "data_quality"}
	if !slices.Equal(SheetIDs, wantSheets) {
		t.Errorf("SheetIDs = %v, reports.md orders %v", SheetIDs, wantSheets)
	}
	if !slices.Equal(SectionIDs, wantSections) {
		t.Errorf("SectionIDs = %v, reports.md orders %v", SectionIDs, wantSections)
	}
	for _, lang := range Languages {
		seen := map[string]string{}
		for _, id := range wantSheets {
			key := "sheet." + id
			if !Has(key) {
				t.Errorf("no %s", key)
				continue
			}
			name := T(lang, key)
			// Excel: 1–31 characters, none of []:*?/\, not starting or
			// ending with an apostrophe, unique ignoring case, not "History".
			if n := utf8.RuneCountInString(name); n == 0 || n > 31 {
				t.Errorf("%s (%s) %q: %d characters, Excel allows 1–31", key, lang, name, n)
			}
			if strings.ContainsAny(name, `[]:*?/\`) {
				t.Errorf("%s (%s) %q: Excel forbids []:*?/\\ in sheet names", key, lang, name)
			}
			if strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
				t.Errorf("%s (%s) %q: Excel forbids an apostrophe at either end", key, lang, name)
			}
			if strings.EqualFold(name, "History") {
				t.Errorf("%s (%s): History is reserved by Excel", key, lang)
			}
			if other, dup := seen[strings.ToLower(name)]; dup {
				t.Errorf("%s and %s (%s) are both %q", other, key, lang, name)
			}
			seen[strings.ToLower(name)] = key
		}
	}
	for _, id := range wantSections {
		if !Has("section." + id) {
			t.Errorf("no section.%s", id)
		}
	}
}

// labelFile tells the files of the label tables (col, val, kpi, ind,
// pillar, def, param, sheet, section, unavailable) from the others.
func labelFile(name string) bool {
	for _, p := range []string{"columns_", "definitions_", "params_", "values"} {
		if strings.HasPrefix(name, p) && !strings.HasSuffix(name, "_test.go") {
			return true
		}
	}
	return name == "names.go" || name == "scorecard.go" || name == "unavailable.go"
}

// TestEntriesSorted keeps the label files' entries sorted by key.
func TestEntriesSorted(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if !labelFile(name) {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if mt, ok := lit.Type.(*ast.MapType); !ok || types(mt) != "map[string]entry" {
				return true
			}
			prev := ""
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				bl, ok := kv.Key.(*ast.BasicLit)
				if !ok {
					continue
				}
				k, _ := strconv.Unquote(bl.Value)
				if k < prev {
					t.Errorf("%s: %q comes after %q; keep entries sorted by key", fset.Position(kv.Pos()), k, prev)
				}
				prev = k
			}
			return true
		})
	}
}

func types(m *ast.MapType) string {
	k, _ := m.Key.(*ast.Ident)
	v, _ := m.Value.(*ast.Ident)
	if k == nil || v == nil {
		return ""
	}
	return "map[" + k.Name + "]" + v.Name
}
