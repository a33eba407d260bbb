package schema

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestExplicitMappingWins(t *testing.T) {
	t.Parallel()
	tests := []mappingCase{
		{
			name: "explicit beats a more specific synonym", kind: Sales,
			headers:  split("Nº Factura,Fecha,Fecha Factura,Cliente,Importe"),
			explicit: map[string]string{"invoice_date": "Fecha"},
			want: map[string]string{
				"invoice_id": "Nº Factura", "invoice_date": "Fecha", "account_id": "Cliente", "net_amount": "Importe",
			},
			unused: split("Fecha Factura"),
		},
		{
			name: "explicit header matched after normalising", kind: Sales,
			headers:  split("Doc,Importe Neto,Total"),
			explicit: map[string]string{"invoice_id": "doc", "net_amount": "importe_neto"},
			want:     map[string]string{"invoice_id": "Doc", "net_amount": "Importe Neto"},
			unused:   split("Total"),
		},
		{
			name: "explicit exact text before a normalised twin", kind: Sales,
			headers:  split("Importe neto,IMPORTE NETO,Factura"),
			explicit: map[string]string{"net_amount": "IMPORTE NETO"},
			want:     map[string]string{"net_amount": "IMPORTE NETO", "invoice_id": "Factura"},
			unused:   split("Importe neto"),
		},
		{
			name: "explicit beats a preset", kind: Accounts, preset: "salesforce",
			headers:  split("Id,Name,OwnerId,AccountNumber,CurrencyIsoCode"),
			explicit: map[string]string{"account_id": "Id"},
			want: map[string]string{
				"account_id": "Id", "account_name": "Name", "kam_id": "OwnerId", "currency": "CurrencyIsoCode",
			},
			unused: split("AccountNumber"),
		},
		{
			name: "explicit auxiliary column", kind: Activities,
			headers:  split("Día,Cliente,Tiempo"),
			explicit: map[string]string{"activity_date": "Día", "duration_minutes": "Tiempo"},
			want:     map[string]string{"activity_date": "Día", "account_id": "Cliente", "duration_minutes": "Tiempo"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkMapping(t, tc) })
	}
}

func TestExplicitMappingErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		kind     string
		headers  []string
		explicit map[string]string
		want     []string // substrings of the error
	}{
		{
			name: "header not in file", kind: Sales,
			headers:  split("Factura,Fecha,Importe"),
			explicit: map[string]string{"invoice_date": "Fecha Fra"},
			want:     []string{"ventas.csv", `"Fecha Fra"`, "invoice_date", `headers found: "Factura", "Fecha", "Importe"`},
		},
		{
			name: "column not of the kind", kind: Sales,
			headers:  split("Factura,Importe"),
			explicit: map[string]string{"close_date": "Factura"},
			want:     []string{"ventas.csv", "kind sales has no column", `"close_date"`},
		},
		{
			name: "one header for two columns", kind: Sales,
			headers:  split("Factura,Importe"),
			explicit: map[string]string{"invoice_id": "Factura", "line_no": "Factura"},
			want:     []string{`"Factura"`, "invoice_id", "line_no", "one column only"},
		},
		{
			name: "dynamics bookkeeping header", kind: Accounts,
			headers:  []string{"(Do Not Modify) Account", "Account Name", "Account Number"},
			explicit: map[string]string{"account_alias": "(Do Not Modify) Account"},
			want:     []string{`"(Do Not Modify) Account"`, "is not in the file"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Map("ventas.csv", tt.kind, tt.headers, tt.explicit)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestMissingColumnError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		file    string
		kind    string
		headers []string
		column  string
		closest string
		text    string
	}{
		{
			name: "closest candidate", file: "facturas.csv", kind: Invoices,
			headers: split("Num Factura,Cliente,Fech Fact"),
			column:  "invoice_date", closest: "Fech Fact",
			text: `facturas.csv: no column for invoice_date (kind invoices); headers found: "Num Factura", "Cliente", "Fech Fact"; closest: "Fech Fact" — map it in kam.yaml under columns: invoices: invoice_date: "Fech Fact"`,
		},
		{
			name: "no close candidate", file: "2026-10/ventas.csv", kind: Sales,
			headers: split("Nº Factura,Cliente,Zona"),
			column:  "net_amount or unit_price",
			text:    `2026-10/ventas.csv: no column for net_amount or unit_price (kind sales); headers found: "Nº Factura", "Cliente", "Zona"; no close candidate — map it in kam.yaml under columns: sales: net_amount: "<header>"`,
		},
		{
			name: "one-of group hints the member the header resembles", file: "ventas.csv", kind: Sales,
			headers: split("Factura,Preci unitari"),
			column:  "net_amount or unit_price", closest: "Preci unitari",
			text: `ventas.csv: no column for net_amount or unit_price (kind sales); headers found: "Factura", "Preci unitari"; closest: "Preci unitari" — map it in kam.yaml under columns: sales: unit_price: "Preci unitari"`,
		},
		{
			name: "sales without a document number", file: "ventas_por_mes.csv", kind: Sales,
			headers: split("Mes,Cliente,Importe"),
			column:  "invoice_id",
			text: `ventas_por_mes.csv: no column for invoice_id (kind sales); headers found: "Mes", "Cliente", "Importe"; no close candidate; ` +
				`the file has no invoice or document number: kam counts each sale once by its document (the same line in two exports, or in two files whose months overlap, is one sale), so it needs one — ` +
				`export the sales with their invoice, order or receipt numbers (a summary by customer and month has none), or, if a column holds them under a name kam does not know` +
				` — map it in kam.yaml under columns: sales: invoice_id: "<header>"`,
		},
		{
			name: "a used header is never the closest", file: "opps.csv", kind: Opportunities,
			headers: split("ID oportunidad,Cliente,Importe,Estado"),
			column:  "close_date",
			text:    `opps.csv: no column for close_date (kind opportunities); headers found: "ID oportunidad", "Cliente", "Importe", "Estado"; no close candidate — map it in kam.yaml under columns: opportunities: close_date: "<header>"`,
		},
		{
			name: "empty header row", file: "x.csv", kind: Targets,
			column: "account_id or kam_id",
			text:   `x.csv: no column for account_id or kam_id, period or period_from and revenue_target or month_01 … month_12 (kind targets); headers found: none; for account_id no close candidate; for period no close candidate; for revenue_target no close candidate — map them in kam.yaml under columns: targets: {account_id: "<header>", period: "<header>", revenue_target: "<header>"}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Map(tt.file, tt.kind, tt.headers, nil)
			var me *MappingError
			if !errors.As(err, &me) {
				t.Fatalf("error %v is not a *MappingError", err)
			}
			var closest []string
			if tt.closest != "" {
				closest = []string{tt.closest}
			}
			if me.File != tt.file || me.Kind != tt.kind || len(me.Missing) == 0 || me.Missing[0].Column != tt.column ||
				!slices.Equal(me.Missing[0].Closest, closest) || !slices.Equal(me.Found, tt.headers) {
				t.Errorf("got %+v", *me)
			}
			if err.Error() != tt.text {
				t.Errorf("error text\n got: %s\nwant: %s", err, tt.text)
			}
		})
	}
}

func TestMapUnknownKind(t *testing.T) {
	t.Parallel()
	if _, err := Map("a.csv", "leads", split("a,b"), nil); err == nil || !strings.Contains(err.Error(), `unknown kind "leads"`) {
		t.Errorf("err = %v", err)
	}
}

// Sales lines need neither date nor account (an invoices header may give
// them) but do need an invoice and an amount or a price.
func TestSalesRequirements(t *testing.T) {
	t.Parallel()
	if _, err := Map("l.csv", Sales, split("Factura,Precio,Cantidad"), nil); err != nil {
		t.Errorf("lines with a price: %v", err)
	}
	_, err := Map("l.csv", Sales, split("Fecha,Cliente,Importe"), nil)
	var me *MappingError
	if !errors.As(err, &me) || len(me.Missing) != 1 || me.Missing[0].Column != "invoice_id" {
		t.Errorf("lines without invoice: %v", err)
	}
}

func BenchmarkMap(b *testing.B) {
	h := synonymCases[0].headers
	for b.Loop() {
		if _, err := Map("b.csv", Sales, h, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKindFromHeader(b *testing.B) {
	h := synonymCases[0].headers
	for b.Loop() {
		KindFromHeader(h, nil)
	}
}

func BenchmarkMapError(b *testing.B) {
	h := split("Num Factura,Cliente,Fech Fact,Observaciones,Zona,Otro campo,Más cosas")
	for b.Loop() {
		Map("b.csv", Invoices, h, nil)
	}
}

// Closest serves checks made after Map succeeded, such as sales lines
// without a date when there is no invoices file.
func TestClosest(t *testing.T) {
	t.Parallel()
	headers := split("Factura,Fech,Cliente,Importe")
	m, err := Map("ventas.csv", Sales, headers, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Columns["invoice_date"]; ok {
		t.Fatalf("Fech should not map on its own: %v", m.Columns)
	}
	tests := []struct {
		column string
		want   []string
	}{
		{"invoice_date", []string{"Fech"}},
		{"quantity (to derive net_amount from unit_price)", nil},
		{"account_id", nil}, // "Cliente" is already used
		{"quantity or invoice_date", []string{"Fech"}},
	}
	for _, tt := range tests {
		if got := Closest(Sales, tt.column, headers, m); !slices.Equal(got, tt.want) {
			t.Errorf("Closest(%q) = %q, want %q", tt.column, got, tt.want)
		}
	}
	if got := Closest("leads", "x", headers, m); got != nil {
		t.Errorf("unknown kind: %q", got)
	}
	e := &MappingError{File: "ventas.csv", Kind: Sales, Found: headers,
		Missing: []Missing{{Column: "quantity (to derive net_amount from unit_price)", Closest: []string{"Cant"}}}}
	want := `ventas.csv: no column for quantity (to derive net_amount from unit_price) (kind sales); headers found: "Factura", "Fech", "Cliente", "Importe"; closest: "Cant" — map it in kam.yaml under columns: sales: quantity: "Cant"`
	if e.Error() != want {
		t.Errorf("got  %s\nwant %s", e, want)
	}
	// A price without a quantity in an export of one row per item sold:
	// the price is the line's amount, which the message offers.
	e.Missing[0].Closest, e.Missing[0].PerItem = nil, "price"
	want = `ventas.csv: no column for quantity (to derive net_amount from unit_price) (kind sales); headers found: "Factura", "Fech", "Cliente", "Importe"; no close candidate; if each row is one item sold (one row per unit, as order-item exports write), "price" is the line's amount: map net_amount: "price" instead — map it in kam.yaml under columns: sales: quantity: "<header>"`
	if e.Error() != want {
		t.Errorf("got  %s\nwant %s", e, want)
	}
}

// TestRateOrAmountUndecided: a header that names a discount rate and a
// discount amount alike is left to the values (Mapping.Undecided); a header
// that says which, a second discount header or the configuration decides.
func TestRateOrAmountUndecided(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		headers  []string
		explicit map[string]string
		want     map[string]string // Undecided
	}{
		{"bare english", split("invoice_id,invoice_date,account_id,unit_price,quantity,discount"), nil,
			map[string]string{"discount_amount": "discount_pct"}},
		{"spanish", split("Factura,Fecha,Cliente,Precio,Cantidad,Descuento"), nil,
			map[string]string{"discount_amount": "discount_pct"}},
		{"abbreviation with a dot", split("Factura,Fecha,Cliente,Precio,Cantidad,Dto."), nil,
			map[string]string{"discount_amount": "discount_pct"}},
		{"percent sign", split("Factura,Fecha,Cliente,Precio,Cantidad,% Dto."), nil, nil},
		{"amount words", split("Factura,Fecha,Cliente,Importe,Importe descuento"), nil, nil},
		{"rate words", split("Factura,Fecha,Cliente,Precio,Cantidad,Discount rate"), nil, nil},
		{"both present", split("Factura,Fecha,Cliente,Precio,Cantidad,Descuento,Dto %"), nil, nil},
		{"configured", split("Factura,Fecha,Cliente,Precio,Cantidad,Descuento"),
			map[string]string{"discount_pct": "Descuento"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Map("ventas.csv", Sales, tc.headers, tc.explicit)
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Undecided) != len(tc.want) {
				t.Fatalf("Undecided = %v, want %v", m.Undecided, tc.want)
			}
			for k, v := range tc.want {
				if m.Undecided[k] != v {
					t.Errorf("Undecided = %v, want %v", m.Undecided, tc.want)
				}
			}
		})
	}
}

// TestAllMissingColumnsAtOnce: a file that lacks several required columns
// is told all of them in one error, each with its closest headers.
func TestAllMissingColumnsAtOnce(t *testing.T) {
	t.Parallel()
	headers := split("Nº Fact,Fech,Fecha venc,Importe")
	_, err := Map("cab.csv", Invoices, headers, nil)
	var me *MappingError
	if !errors.As(err, &me) {
		t.Fatalf("error %v is not a *MappingError", err)
	}
	want := []Missing{
		{Column: "invoice_id", Closest: []string{"Nº Fact"}},
		{Column: "invoice_date", Closest: []string{"Fecha venc", "Fech"}}, // best first
		{Column: "account_id"},
	}
	if len(me.Missing) != len(want) {
		t.Fatalf("missing = %+v, want %+v", me.Missing, want)
	}
	for i, w := range want {
		if me.Missing[i].Column != w.Column || !slices.Equal(me.Missing[i].Closest, w.Closest) {
			t.Errorf("missing[%d] = %+v, want %+v", i, me.Missing[i], w)
		}
	}
	text := `cab.csv: no column for invoice_id, invoice_date and account_id (kind invoices); headers found: "Nº Fact", "Fech", "Fecha venc", "Importe"; ` +
		`for invoice_id closest: "Nº Fact"; for invoice_date closest: "Fecha venc", "Fech"; for account_id no close candidate — ` +
		`map them in kam.yaml under columns: invoices: {invoice_id: "Nº Fact", invoice_date: "Fecha venc", account_id: "<header>"}`
	if err.Error() != text {
		t.Errorf("error text\n got: %s\nwant: %s", err, text)
	}
}

// TestIDServesAsName: a customer list of only "account, sector" names its
// accounts by the key, a reps list of "sales_agent, manager" its people by
// theirs, and a list of names only keys them by name; the configuration
// may say so too. Other columns never share a header.
func TestIDServesAsName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		kind     string
		headers  []string
		explicit map[string]string
		want     map[string]string
	}{
		{"account is id and name", Accounts, split("account,sector"), nil,
			map[string]string{"account_id": "account", "account_name": "account", "industry": "sector"}},
		{"sales agent is id and name", KAMs, split("sales_agent,manager"), nil,
			map[string]string{"kam_id": "sales_agent", "kam_name": "sales_agent", "manager_id": "manager"}},
		{"a name is the key", Accounts, split("Account Name,Industry"), nil,
			map[string]string{"account_id": "Account Name", "account_name": "Account Name", "industry": "Industry"}},
		{"configured both", Accounts, split("Empresa,Zona"), map[string]string{"account_id": "Empresa", "account_name": "Empresa"},
			map[string]string{"account_id": "Empresa", "account_name": "Empresa", "region": "Zona"}},
		{"id and name apart stay apart", Accounts, split("Código,Nombre"), nil,
			map[string]string{"account_id": "Código", "account_name": "Nombre"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Map("x.csv", tc.kind, tc.headers, tc.explicit)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for col, i := range m.Columns {
				got[col] = tc.headers[i]
			}
			if !maps.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			checkInvariants(t, tc.headers, m)
		})
	}
	if _, err := Map("x.csv", Sales, split("Factura,Importe"), map[string]string{"invoice_id": "Factura", "line_no": "Factura"}); err == nil {
		t.Error("invoice_id and line_no share a header")
	}
}
