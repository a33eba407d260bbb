package schema

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzMap feeds random header rows to every kind: Map must not panic, and
// whatever it maps must hold the invariants the loader relies on (indexes
// in range, each header used once, Unused the rest). The seeds are the
// header rows of the table tests.
func FuzzMap(f *testing.F) {
	for i, tc := range slices.Concat(salesforceCases, crmPresetCases, synonymCases, kindSynonymCases) {
		f.Add(uint8(i), uint8(0), strings.Join(tc.headers, "\n"))
	}
	f.Add(uint8(3), uint8(1), "Factura\nFactura\n\nImporte")
	f.Add(uint8(1), uint8(3), "(Do Not Modify) Account\nAccount Name\nAccount Number")
	f.Fuzz(func(t *testing.T, kindIdx, explicitIdx uint8, joined string) {
		headers := strings.Split(joined, "\n")
		k := Kinds[int(kindIdx)%len(Kinds)]
		var explicit map[string]string
		if explicitIdx%2 == 1 && len(headers) > 0 {
			col := k.Columns[int(explicitIdx/2)%len(k.Columns)].Name
			explicit = map[string]string{col: headers[int(explicitIdx)%len(headers)]}
		}
		m, err := Map("fuzz.csv", k.Name, headers, explicit)
		// The same headers always map the same way (no map iteration
		// order leaks into the result), and blank space around the
		// headers changes nothing.
		again, errAgain := Map("fuzz.csv", k.Name, headers, explicit)
		if !reflect.DeepEqual(m, again) || fmt.Sprint(err) != fmt.Sprint(errAgain) {
			t.Fatalf("Map is not deterministic: %+v, %v then %+v, %v", m, err, again, errAgain)
		}
		if explicit == nil {
			padded := make([]string, len(headers))
			for i, h := range headers {
				padded[i] = " " + h + "\u00a0 "
			}
			pm, perr := Map("fuzz.csv", k.Name, padded, nil)
			if !reflect.DeepEqual(m, pm) || (err == nil) != (perr == nil) {
				t.Fatalf("padded headers map differently: %+v, %v then %+v, %v", m, err, pm, perr)
			}
		}
		if err != nil {
			var me *MappingError
			if errors.As(err, &me) {
				for _, ms := range me.Missing {
					for _, c := range ms.Closest {
						if !slices.Contains(headers, c) {
							t.Fatalf("closest %q is not a header", c)
						}
					}
				}
			}
			_ = err.Error()
		} else {
			checkInvariants(t, headers, m)
			if col, ok := explicitColumn(explicit); ok {
				if i, mapped := m.Columns[col]; !mapped || Normalize(headers[i]) != Normalize(explicit[col]) {
					t.Fatalf("explicit %s: %q not honoured: %v", col, explicit[col], m.Columns)
				}
			}
		}
		for _, h := range headers {
			n := Normalize(h)
			if Normalize(n) != n {
				t.Fatalf("Normalize not idempotent on %q: %q then %q", h, n, Normalize(n))
			}
		}
		if kind, score := KindFromHeader(headers, nil); score < 0 || score > 1 || (kind == "") != (score == 0) {
			t.Fatalf("KindFromHeader = %q, %v", kind, score)
		}
		_ = KindsFromName(joined)
	})
}

func explicitColumn(explicit map[string]string) (string, bool) {
	for col := range explicit {
		return col, true
	}
	return "", false
}
