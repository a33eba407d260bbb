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
		"Montant TTC": true, "Importe IVA incluido": true, "Bruttobetrag": true, "Betrag brutto": true,
		"Nettobetrag": false, "MwSt-Betrag": false,
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

func TestHeaderScale(t *testing.T) {
	for h, want := range map[string]string{
		"Objetivo (miles €)": "1000", "Revenue target (k€)": "1000", "Budget ('000)": "1000", "Revenue ($000)": "1000",
		"Umsatz TEUR": "1000", "Amount in thousands": "1000", "Ventas (millones)": "1000000", "Importe (M€)": "1000000",
		"Sales (€m)": "1000000", "Revenue $M": "1000000",
		"Importe": "", "Importe (€)": "", "Amount EUR": "", "Mes": "", "Margin": "", "Monto": "", "Km recorridos": "",
	} {
		if got := HeaderScale(h); got != want {
			t.Errorf("HeaderScale(%q) = %q, want %q", h, got, want)
		}
	}
}

// A header that says thousands maps as the column it names.
func TestThousandsHeadersMap(t *testing.T) {
	for _, tc := range []mappingCase{
		{name: "miles", kind: Targets, headers: split("Cliente,Periodo,Objetivo (miles €)"),
			want: map[string]string{"account_id": "Cliente", "period": "Periodo", "revenue_target": "Objetivo (miles €)"}},
		{name: "k€", kind: Targets, headers: split("Account,Period,Revenue target (k€)"),
			want: map[string]string{"account_id": "Account", "period": "Period", "revenue_target": "Revenue target (k€)"}},
		{name: "in thousands", kind: Accounts, headers: split("Customer ID,Customer Name,Wallet estimate in thousands"),
			want: map[string]string{"account_id": "Customer ID", "account_name": "Customer Name", "wallet_estimate": "Wallet estimate in thousands"}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkMapping(t, tc) })
	}
}

func TestSaysWeighted(t *testing.T) {
	for h, want := range map[string]bool{
		"Expected Revenue": true, "ExpectedRevenue": true, "Ingresos esperados": true, "Weighted amount": true,
		"Deal - Weighted value": true, "Forecast amount": true, "Importe ponderado": true,
		"Amount": false, "Deal value": false, "Est. Revenue": false, "Importe estimado": false, "Revenue": false,
	} {
		if got := SaysWeighted(h); got != want {
			t.Errorf("SaysWeighted(%q) = %v, want %v", h, got, want)
		}
	}
}

// A deals file whose only amount is Expected Revenue (Salesforce, Zoho:
// Amount × Probability) was read as the amount and weighted again. It is
// never mapped or offered as the amount; the error says why it is missing.
func TestExpectedRevenueIsNoDealAmount(t *testing.T) {
	for _, headers := range [][]string{
		{"Opportunity ID", "Account ID", "Expected Revenue", "Probability (%)", "Close Date", "Stage"},
		{"ID oportunidad", "Cliente", "Ingresos esperados", "Probabilidad (%)", "Fecha de cierre", "Etapa"},
	} {
		_, err := Map("deals.csv", Opportunities, headers, nil)
		var me *MappingError
		if !errors.As(err, &me) || len(me.Missing) != 1 || me.Missing[0].Column != "amount" {
			t.Fatalf("%q: err %v, want the amount missing", headers, err)
		}
		if m := me.Missing[0]; len(m.Closest) != 0 || len(m.Weighted) != 1 || m.Weighted[0] != headers[2] {
			t.Errorf("%q: closest %q weighted %q, want none and [%s]", headers, m.Closest, m.Weighted, headers[2])
		}
		if e := err.Error(); !strings.Contains(e, "already weighted by probability") {
			t.Errorf("error %q does not say the amount is weighted", e)
		}
	}
	// Beside the amount it stays unread.
	m, err := Map("deals.csv", Opportunities, []string{"Opportunity ID", "Account ID", "Amount", "Expected Revenue", "Close Date", "Stage"}, nil)
	if err != nil || m.Columns["amount"] != 2 {
		t.Errorf("amount from header %d (err %v), want 2 (Amount)", m.Columns["amount"], err)
	}
}

// A register of issued invoices whose money columns are the amount with
// tax and the tax: the amount feeds gross_amount and nothing is missing
// (the net amount is their difference). A gross before a discount, an
// amount with tax and no tax, two amounts with tax, or a net amount beside
// them leave the mapping as it was.
func TestGrossBesideTax(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		headers, gross, tax string
	}{
		{"Rechnungsnummer,Rechnungsdatum,Kundennummer,Bruttobetrag,MwSt-Betrag", "Bruttobetrag", "MwSt-Betrag"},
		{"N° facture,Date facture,Code client,Montant TTC,TVA", "Montant TTC", "TVA"},
		{"Número factura,Fecha,Cliente,Total factura,Cuota IVA", "Total factura", "Cuota IVA"},
		{"Nº Factura,Fecha,Cliente,Importe total,Cuota IVA", "Importe total", "Cuota IVA"},
		{"Numero documento,Data documento,Codice cliente,Totale documento,IVA", "Totale documento", "IVA"},
		{"Factuurnummer,Factuurdatum,Klantnummer,Totaal incl. btw,BTW", "Totaal incl. btw", "BTW"},
		{"Invoice number,Invoice date,Customer ID,Total (incl. VAT),VAT amount", "Total (incl. VAT)", "VAT amount"},
		{"Invoice number,Invoice date,Customer ID,Gross amount,VAT amount", "Gross amount", "VAT amount"},
	} {
		h := split(tt.headers)
		m, err := Map("r.csv", Sales, h, nil)
		if err != nil {
			t.Errorf("%s: %v", tt.headers, err)
			continue
		}
		if i, ok := m.Columns["gross_amount"]; !ok || h[i] != tt.gross {
			t.Errorf("%s: gross_amount %v, want %q", tt.headers, m.Columns, tt.gross)
		}
		if i, ok := m.Columns["tax_amount"]; !ok || h[i] != tt.tax {
			t.Errorf("%s: tax_amount %v, want %q", tt.headers, m.Columns, tt.tax)
		}
		if !m.NetFromGross() {
			t.Errorf("%s: NetFromGross false", tt.headers)
		}
	}
	for _, headers := range []string{
		"Nº Factura,Fecha,Cliente,Importe bruto,Cuota IVA",                          // before the discount
		"Rechnungsnummer,Rechnungsdatum,Kundennummer,Bruttobetrag",                  // no tax to take off
		"Invoice,Date,Customer,Total incl. VAT,Amount incl. tax,VAT",                // which one?
		"Rechnungsnummer,Rechnungsdatum,Kundennummer,Bruttobetrag,MwSt,Nettobetrag", // the net is given
	} {
		h := split(headers)
		m, err := Map("r.csv", Sales, h, nil)
		if err == nil && m.NetFromGross() {
			t.Errorf("%s: net amount read as gross less tax (%v)", headers, m.Columns)
		}
	}
}
