package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// A line without a currency takes its account's only from an accounts
// file. With accounts derived from the lines, C1's newest line is in USD
// and says nothing of its euro lines in the file without a currency
// column; once an accounts file gives C1 in USD, those lines are in USD,
// and a re-run that restages only what changed must see it as a run from
// scratch does (rates: USD 0.9).
func TestLineCurrencyFromTheAccountsFileOnly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(in, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("tipos_cambio.csv", csvLines("moneda;periodo;tipo de cambio", "USD;2026-10;0,9"))
	write("ventas.csv", csvLines("factura;fecha;cliente;artículo;importe neto",
		"F1;01/10/2026;C1;A;1.000,00", "F2;02/10/2026;C1;A;500,00", "F3;02/10/2026;C2;A;300,00"))
	write("ventas_export.csv", csvLines("factura;fecha;cliente;artículo;importe neto;moneda",
		"E1;20/10/2026;C1;A;100,00;USD", "E2;21/10/2026;C2;A;100,00;EUR"))
	const lines = "select string_agg(invoice_id || '=' || currency || ' ' || cast(net_amount as varchar), ',' order by invoice_id) from staging.stg_sales_lines"

	db := runInput(t, in, filepath.Join(dir, "out"), "", nil)
	if got, want := one(t, db, lines), "E1=USD 90.000000,E2=EUR 100.000000,F1=EUR 1000.000000,F2=EUR 500.000000,F3=EUR 300.000000"; got != want {
		t.Errorf("derived accounts: %s, want %s", got, want)
	}
	db.Close()

	write("clientes.csv", csvLines("código cliente;nombre;moneda", "C1;Cliente Uno;USD", "C2;Cliente Dos;EUR"))
	want := "E1=USD 90.000000,E2=EUR 100.000000,F1=USD 900.000000,F2=USD 450.000000,F3=EUR 300.000000"
	again := runInput(t, in, filepath.Join(dir, "out"), "", nil)
	if got := one(t, again, lines); got != want {
		t.Errorf("re-run with the accounts file: %s, want %s", got, want)
	}
	scratch := runInput(t, in, filepath.Join(dir, "scratch"), "", nil)
	if got := one(t, scratch, lines); got != want {
		t.Errorf("scratch run with the accounts file: %s, want %s", got, want)
	}
}
