package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReportsRevenueInDoubt: invoice lines (export1.csv) beside a register
// of the same invoices (datos.csv) whose amounts disagree with the lines
// for A-2 (215,00 against 200,00) and A-3 (95,00 against 80,00): kam
// cannot tell which file is right and counts both, so 310,00 of October's
// revenue may be counted twice. The HTML report leads with it, before the
// revenue it inflates, in both languages, its Data quality section shows
// it as a tile and per file, and the workbook's Summary says it above the
// KPIs. Hand-written: the amounts are the files', the wording the
// locales'.
func TestReportsRevenueInDoubt(t *testing.T) {
	in := t.TempDir()
	files := map[string]string{
		"export1.csv": "Invoice;Line;Date;Customer;Product;Qty;Amount\n" +
			"A-1;1;2026-10-02;C1;P1;1;60,00\nA-1;2;2026-10-02;C1;P2;1;40,00\n" +
			"A-2;1;2026-10-04;C2;P1;3;150,00\nA-2;2;2026-10-04;C2;P3;1;50,00\n" +
			"A-3;1;2026-10-06;C1;P1;1;80,00\n",
		"datos.csv": "Factura;Fecha;Cliente;Importe neto\nA-1;02/10/2026;C1;100,00\nA-2;04/10/2026;C2;215,00\nA-3;06/10/2026;C1;95,00\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The register is the newer file, as a register exported after its lines.
	old := time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(in, "export1.csv"), old, old); err != nil {
		t.Fatal(err)
	}
	pages, _ := reportsOf(t, in, "", "es", "en", "es")
	want := map[string][]string{
		"en": {"Up to €310 of the last twelve months&#39; revenue may be counted twice: 2 row(s) may be the same sales as another file&#39;s (an invoice register",
			"(€310 of it in October 2026)", "Revenue in doubt"},
		"es": {"Hasta 310 € de los ingresos de los últimos doce meses pueden estar contados dos veces: 2 fila(s) pueden ser las mismas ventas",
			"(310 € de ellos en octubre de 2026)", "Ingresos en duda"},
	}
	for lang, texts := range want {
		b, err := os.ReadFile(pages[lang])
		if err != nil {
			t.Fatal(err)
		}
		page := strings.ReplaceAll(string(b), "\u00a0", " ")
		for _, s := range texts {
			if !strings.Contains(page, s) {
				t.Errorf("%s report does not say %q", lang, s)
			}
		}
		// The doubt comes before the revenue it inflates.
		if d, r := strings.Index(page, texts[0]), strings.Index(page, map[string]string{"en": "Revenue in October 2026 was", "es": "Los ingresos de octubre de 2026"}[lang]); d < 0 || r >= 0 && r < d {
			t.Errorf("%s report: the revenue in doubt (at %d) does not lead the revenue (at %d)", lang, d, r)
		}
	}
	lines := sheetLines(t, pages["xlsx"], "Resumen")
	if !anyHas(lines, "Ingresos en duda|310,00 EUR de los ingresos de los últimos doce meses pueden estar contados dos veces: 2 fila(s) pueden ser las mismas ventas") {
		t.Errorf("the workbook's Resumen sheet does not say the revenue in doubt:\n%v", lines[:min(len(lines), 8)])
	}
}
