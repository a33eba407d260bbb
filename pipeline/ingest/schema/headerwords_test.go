package schema

import (
	"errors"
	"strings"
	"testing"
)

func TestSaysPercent(t *testing.T) {
	for h, want := range map[string]bool{
		"Dto %": true, "Probabilidad (%)": true, "Discount percent": true, "Porcentaje descuento": true,
		"discount_pct": true, "Descuento": false, "Discount rate": false, "Importe": false,
	} {
		if got := SaysPercent(h); got != want {
			t.Errorf("SaysPercent(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestSaysTaxIncluded(t *testing.T) {
	for h, want := range map[string]bool{
		"Importe (IVA incl.)": true, "Total incl. VAT": true, "Total con IVA": true, "Price including tax": true,
		"Montant TTC": true, "Importe IVA incluido": true,
		"Importe neto": false, "Cuota IVA": false, "Total sin IVA": false, "VAT amount": false, "Importe sin IVA": false,
	} {
		if got := SaysTaxIncluded(h); got != want {
			t.Errorf("SaysTaxIncluded(%q) = %v, want %v", h, got, want)
		}
	}
}

// A file whose only amount is with tax: the error never offers it as the
// net amount and says why the net amount is missing.
func TestMappingErrorNamesAmountsWithTax(t *testing.T) {
	headers := []string{"Invoice", "Date", "Customer", "Total incl. VAT"}
	_, err := Map("sales.csv", Sales, headers, nil)
	var me *MappingError
	if !errors.As(err, &me) {
		t.Fatalf("err %v, want a MappingError", err)
	}
	var missing []Missing
	for _, x := range me.Missing {
		if strings.Contains(x.Column, "net_amount") {
			missing = append(missing, x)
		}
	}
	if len(missing) != 1 {
		t.Fatalf("missing %+v, want net_amount or unit_price", me.Missing)
	}
	if len(missing[0].Closest) != 0 {
		t.Errorf("closest %q: an amount with tax offered for the net amount", missing[0].Closest)
	}
	if got := missing[0].WithTax; len(got) != 1 || got[0] != "Total incl. VAT" {
		t.Errorf("WithTax %q, want [Total incl. VAT]", got)
	}
	if e := err.Error(); !strings.Contains(e, `"Total incl. VAT": amounts with tax, which are not revenue`) {
		t.Errorf("error %q does not name the amount with tax", e)
	}
}
