package schema

import (
	"slices"
	"testing"
)

func TestKindsFromName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path string
		want []string
	}{
		{"ventas_2023.csv.gz", []string{Sales}},
		{"2026-10/ventas.csv", []string{Sales}},
		{`export\2026\Ventas Octubre.xlsx`, []string{Sales}},
		{"sales.csv", []string{Sales}},
		{"SalesLines.parquet", []string{Sales}},
		{"lineas.csv", []string{Sales}},
		{"detalle_pedidos.txt", []string{Sales, Invoices}},
		{"facturas_lineas.csv", []string{Sales, Invoices}},
		{"invoice_lines.csv", []string{Sales, Invoices}},
		{"facturas.csv", []string{Invoices, Sales}},
		{"Pedidos 2026.xlsx", []string{Invoices, Sales}},
		{"Rechnungen_2026.csv", []string{Invoices, Sales}},
		{"Rechnungsausgangsbuch.csv", []string{Invoices, Sales}},
		{"factures.csv", []string{Invoices, Sales}},
		{"fatture_ottobre.xlsx", []string{Invoices, Sales}},
		{"facturen.csv", []string{Invoices, Sales}},
		{"cabecera.csv", []string{Invoices}},
		{"facturas_cabecera.csv", []string{Invoices}},
		{"invoice_headers.csv", []string{Invoices}},
		// Odoo names an export after its model.
		{"account.move.csv", []string{Invoices, Sales}},
		{"account.move.line.csv", []string{Sales, Invoices}},
		{"Account.csv", []string{Accounts}},
		{"cuentas.xlsx", []string{Accounts}},
		{"clientes.csv", []string{Accounts}},
		{"Clientes_Clave.csv", []string{Accounts}},
		{"companies.csv", []string{Accounts}},
		{"costumers.csv", []string{Accounts}},
		{"Opportunity.csv", []string{Opportunities}},
		{"oportunidades.csv", []string{Opportunities}},
		{"hubspot-deals-2026.csv", []string{Opportunities}},
		{"Task.csv", []string{Activities}},
		{"Event.csv", []string{Activities}},
		{"actividades.csv", []string{Activities}},
		{"interacciones_crm.csv", []string{Activities}},
		{"llamadas.csv", []string{Activities}},
		{"visitas_2026.xlsx", []string{Activities}},
		{"User.csv", []string{KAMs}},
		{"kams.csv", []string{KAMs}},
		{"gestores.xlsx", []string{KAMs}},
		{"comerciales.csv", []string{KAMs}},
		{"sales_reps.csv", []string{KAMs}},
		{"objetivos_2026.xlsx", []string{Targets}},
		{"objetivos_ventas_2026.xlsx", []string{Targets, Sales}},
		{"sales_targets.csv", []string{Targets, Sales}},
		{"presupuesto.csv", []string{Targets}},
		{"plan_cuentas_clave.xlsx", []string{Targets, Accounts}},
		{"quotas.csv", []string{Targets}},
		{"costes_servicio.csv", []string{ServiceCosts}},
		{"cost_to_serve.csv", []string{ServiceCosts}},
		{"service-costs.csv", []string{ServiceCosts}},
		{"tipos_cambio.csv", []string{FXRates}},
		{"fx.csv", []string{FXRates}},
		{"fx_rates_2026.csv", []string{FXRates}},
		{"exchange_rates.csv", []string{FXRates}},
		{"productos.csv", []string{Products}},
		{"artículos.csv", []string{Products}},
		{"items.csv", []string{Products}},
		{"lista_precios.csv", []string{Products}},
		{"product_lines.csv", []string{Products}},
		{"lineas_producto.csv", []string{Products}},
		{"SalesReps.csv", []string{KAMs}},
		{"ventas_clientes.csv", []string{Sales, Accounts}},
		{"OpportunityLineItem.csv", []string{Opportunities, Sales, Products}},
		{"readme.txt", nil},
		{"datos.csv", nil},
		{"2026.csv", nil},
		{"customers_costumes.csv", []string{Accounts}},
	}
	for _, tt := range tests {
		if got := KindsFromName(tt.path); !slices.Equal(got, tt.want) {
			t.Errorf("KindsFromName(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestKindFromHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		headers    []string
		candidates []string
		want       string
	}{
		{"sales lines", split("Nº Factura,Fecha,Cliente,Artículo,Cantidad,Importe"), nil, Sales},
		{"invoice headers", split("Nº Factura,Fecha,Cliente,Vendedor"), nil, Invoices},
		{"lines between sales and invoices", split("Factura,Fecha,Cliente,Base imponible"), []string{Invoices, Sales}, Sales},
		{"headers between sales and invoices", split("Factura,Fecha,Cliente,Comercial,Moneda"), []string{Sales, Invoices}, Invoices},
		{"only invoices allowed", split("Factura,Fecha,Cliente,Importe"), []string{Invoices}, Invoices},
		// Invoices and credit notes with their type beside their amount
		// are lines; the type alone is no sign of a header.
		{"a register with its document type", split("Rechnungsnummer,Rechnungsdatum,Kundennummer,Belegart,Nettobetrag"), []string{Invoices, Sales}, Sales},
		{"a header with its document type", split("Nº Factura,Fecha,Cliente,Tipo de documento"), []string{Sales, Invoices}, Invoices},
		// A register of issued invoices: the amount with tax beside the
		// tax is its sales (the net is their difference), not headers.
		{"de register gross and tax", split("Rechnungsnummer,Rechnungsdatum,Kundennummer,Kundenname,Bruttobetrag,MwSt-Betrag,Währung"), nil, Sales},
		{"fr register ttc and tva", split("Numéro de facture,Date,Code client,Client,Montant TTC,TVA"), nil, Sales},
		{"es register total and cuota", split("Número factura,Fecha,Cliente,Nombre,Total factura,Cuota IVA"), nil, Sales},
		{"it register totale documento", split("Numero documento,Data documento,Codice cliente,Cliente,Totale documento,IVA"), nil, Sales},
		{"en register gross and vat", split("Invoice number,Invoice date,Customer ID,Customer,Gross amount,VAT amount"), nil, Sales},
		// An amount with tax and no tax, in a file named as invoices: sales
		// that cannot be read (the error says why), not invoice headers.
		{"gross without its tax named", split("Rechnungsnummer,Rechnungsdatum,Kundennummer,Kundenname,Bruttobetrag,Währung"), []string{Invoices, Sales}, Sales},
		{"salesforce account", presetHeaders(t, "salesforce account with custom fields"), nil, Accounts},
		{"salesforce opportunity", presetHeaders(t, "salesforce opportunity"), nil, Opportunities},
		{"salesforce task", presetHeaders(t, "salesforce task"), nil, Activities},
		{"salesforce user", presetHeaders(t, "salesforce user"), nil, KAMs},
		{"hubspot deals", presetHeaders(t, "hubspot deals"), nil, Opportunities},
		{"dynamics accounts", presetHeaders(t, "dynamics accounts"), nil, Accounts},
		{"odoo invoice lines", presetHeaders(t, "odoo invoices with lines"), nil, Sales},
		{"spanish accounts", split("Código cliente,Razón social,Segmento,Zona,Gestor"), nil, Accounts},
		{"bare accounts", split("Código,Nombre,Segmento,Región"), nil, Accounts},
		{"kams", split("Código comercial,Nombre,Rol,Responsable,Coste anual"), nil, KAMs},
		{"products", split("Artículo,Descripción,Familia,Precio tarifa"), nil, Products},
		{"activities", split("Fecha actividad,Cliente,Comercial,Tipo,Duración (h)"), nil, Activities},
		{"opportunities", split("Oportunidad,Cliente,Etapa,Probabilidad (%),Importe,Fecha cierre"), nil, Opportunities},
		{"targets", split("Cliente,Periodo,Objetivo ventas"), nil, Targets},
		{"service costs", split("Cliente,Fecha,Tipo coste,Importe"), nil, ServiceCosts},
		{"fx rates", split("Divisa,Mes,Tipo de cambio"), nil, FXRates},
		{"nothing fits", split("foo,bar,baz"), nil, ""},
		{"no headers", nil, nil, ""},
		{"unknown candidate", split("Factura,Importe"), []string{"leads"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, score := KindFromHeader(tt.headers, tt.candidates)
			if got != tt.want {
				t.Errorf("kind = %q (score %.2f), want %q", got, score, tt.want)
			}
			if score < 0 || score > 1 || (got == "") != (score == 0) {
				t.Errorf("score = %v for kind %q", score, got)
			}
		})
	}
}

// A file whose every header is a specific match scores higher than one
// that fits through ambiguous words only.
func TestKindFromHeaderScore(t *testing.T) {
	t.Parallel()
	_, specific := KindFromHeader(split("Nº Factura,Fecha Factura,Código Cliente,Importe Neto"), nil)
	_, vague := KindFromHeader(split("Factura,Fecha,Cliente,Importe,Observaciones"), nil)
	if specific != 1 || vague >= specific {
		t.Errorf("specific %.2f, vague %.2f", specific, vague)
	}
}

func TestOtherEntity(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"Contacts.csv":          "contacts (people at accounts)",
		"crm/Contact.csv":       "contacts (people at accounts)",
		"Lead.csv":              "leads (prospects before they are accounts)",
		"Campaigns.csv":         "marketing campaigns",
		"campañas_2026.xlsx":    "marketing campaigns",
		"Territory.csv":         "sales territories",
		"Accounts.csv":          "",
		"customers.csv":         "",
		"contactless_sales.csv": "",
	} {
		if got := OtherEntity(name); got != want {
			t.Errorf("OtherEntity(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestBookingBatch(t *testing.T) {
	t.Parallel()
	datev := []string{"Umsatz (ohne Soll/Haben-Kz)", "Soll/Haben-Kennzeichen", "WKZ Umsatz", "Konto", "Gegenkonto (ohne BU-Schlüssel)", "Belegdatum", "Belegfeld 1"}
	if !BookingBatch(datev) {
		t.Errorf("DATEV Buchungsstapel header not recognised")
	}
	for _, h := range [][]string{
		{"Rechnungsnummer", "Rechnungsdatum", "Kundennummer", "Nettobetrag", "USt", "Bruttobetrag"},
		{"Umsatz", "Belegdatum", "Konto"},
		{"Umsatz (ohne Soll/Haben-Kz)", "Belegdatum"},
	} {
		if BookingBatch(h) {
			t.Errorf("%q read as a DATEV booking batch", h)
		}
	}
}

func TestGermanDatumIsTheInvoiceDate(t *testing.T) {
	t.Parallel()
	m, err := Map("umsatz.csv", Sales, []string{"Rechnungsnr.", "Datum", "Kundennr.", "Kunde", "Netto", "USt.", "Brutto"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if i, ok := m.Columns["invoice_date"]; !ok || i != 1 {
		t.Errorf("invoice_date = %d, %v; want column 1 (Datum)", i, ok)
	}
	// A Rechnungsdatum beside a Lieferdatum-like Datum wins.
	m, err = Map("umsatz.csv", Sales, []string{"Rechnungsnr.", "Datum", "Rechnungsdatum", "Kundennr.", "Netto"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if i := m.Columns["invoice_date"]; i != 2 {
		t.Errorf("invoice_date = column %d; want 2 (Rechnungsdatum)", i)
	}
}
