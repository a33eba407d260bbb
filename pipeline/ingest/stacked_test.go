package ingest

import (
	"slices"
	"testing"
)

func TestStackedHeader(t *testing.T) {
	header := []string{"Ejercicio", "Mes", "Nº factura", "Fecha", "Cliente", "Base imponible", "IVA"}
	for _, c := range []struct {
		rec  []string
		perm []int // nil: not a header
	}{
		// Another order, two columns fewer, one more: read by name.
		{[]string{"Nº Factura", "Fecha", "Cliente", "IVA", "Base imponible", "Observaciones"}, []int{-1, -1, 0, 1, 2, 4, 3}},
		// A row whose customer happens to be a column's name is a row.
		{[]string{"F-9", "05/10/2026", "Cliente", "100,00", "21,00"}, nil},
		// A footnote, a total.
		{[]string{"(1) Datos provisionales"}, nil},
		{[]string{"Total", "", "", "", "", "13.734,56", "2.884,26"}, nil},
	} {
		got := stackedHeader(header, c.rec, 5)
		switch {
		case c.perm == nil && got != nil:
			t.Errorf("%q read as a header (%v)", c.rec, got.perm)
		case c.perm != nil && got == nil:
			t.Errorf("%q not read as a header", c.rec)
		case c.perm != nil && !slices.Equal(got.perm, c.perm):
			t.Errorf("%q: columns %v, want %v", c.rec, got.perm, c.perm)
		}
	}
}
