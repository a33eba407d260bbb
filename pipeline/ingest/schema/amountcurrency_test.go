package schema

import "testing"

func TestHeaderCurrency(t *testing.T) {
	cases := []struct {
		header string
		want   AmountCurrency
	}{
		{"Amount", AmountCurrency{Base: "amount"}},
		{"Amount (LCY)", AmountCurrency{Base: "amount", Local: true}},
		{"Sales Amount (LCY)", AmountCurrency{Base: "sales amount", Local: true}},
		{"Importe en moneda local", AmountCurrency{Base: "importe", Local: true}},
		{"Importe en moneda documento", AmountCurrency{Base: "importe", Document: true}},
		{"Importe (DL)", AmountCurrency{Base: "importe", Local: true}},
		{"Amount in LC", AmountCurrency{Base: "amount", Local: true}},
		{"Amount in DC", AmountCurrency{Base: "amount", Document: true}},
		{"Importe (divisa)", AmountCurrency{Base: "importe", Document: true}},
		{"Importe (EUR)", AmountCurrency{Base: "importe", Code: "EUR"}},
		{"Importe neto €", AmountCurrency{Base: "importe neto", Code: "EUR"}},
		{"Importe (USD)", AmountCurrency{Base: "importe", Code: "USD"}},
		// Only currency words: a currency column, not an amount.
		{"Divisa", AmountCurrency{Base: "divisa"}},
		{"Moneda local", AmountCurrency{Base: "moneda local"}},
		{"EUR", AmountCurrency{Base: "eur"}},
	}
	for _, c := range cases {
		if got := HeaderCurrency(c.header); got != c.want {
			t.Errorf("HeaderCurrency(%q) = %+v, want %+v", c.header, got, c.want)
		}
	}
}

func TestDebitCreditSide(t *testing.T) {
	for v, want := range map[string]string{
		"D": "debit", "h": "credit", "Debe": "debit", "HABER": "credit", "Dr": "debit", "Cr.": "credit",
		"S": "debit", "Soll": "debit", "Haben": "credit", "Débito": "debit", "Crédito": "credit",
		"": "", "X": "", "Factura": "",
	} {
		if got := DebitCreditSide(v); got != want {
			t.Errorf("DebitCreditSide(%q) = %q, want %q", v, got, want)
		}
	}
}
