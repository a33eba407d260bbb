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
