package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLPartialMonth: sales exported on the 4th of November, after four
// months that run to their ends. The report of November (the default
// period) leads with its being partial and the last complete month, in
// both languages, and its month-on-month change says why it is not shown;
// the workbook's Summary says it in its lines above the KPIs.
// Hand-written: the wording is the locales', the dates the file's.
func TestHTMLPartialMonth(t *testing.T) {
	in := t.TempDir()
	sales := "Factura;Fecha;Cliente;Importe\n" +
		"F1;02/07/2026;A1;1.000,00\nF2;30/07/2026;A1;1.000,00\n" +
		"F3;03/08/2026;A1;1.000,00\nF4;28/08/2026;A1;1.000,00\n" +
		"F5;01/09/2026;A1;1.000,00\nF6;29/09/2026;A1;1.000,00\n" +
		"F7;05/10/2026;A1;1.000,00\nF8;27/10/2026;A1;1.000,00\n" +
		"F9;04/11/2026;A1;200,00\n"
	if err := os.WriteFile(filepath.Join(in, "ventas.csv"), []byte(sales), 0o644); err != nil {
		t.Fatal(err)
	}
	pages, m := reportsOf(t, in, "", "es", "en", "es")
	if m.Period != "2026-11" || m.PartialMonth == nil || m.PartialMonth.LastSale != "2026-11-04" || m.PartialMonth.LastCompleted != "2026-10" {
		t.Fatalf("period %s, partial month %+v; want 2026-11, partial until 2026-11-04, last complete 2026-10", m.Period, m.PartialMonth)
	}
	want := map[string][]string{
		"en": {"November 2026 is a partial month: its sales run only until 4 Nov 2026", "the last complete month is October 2026 (--period 2026-10)", "not comparable — Sales lines only until 4 Nov 2026"},
		"es": {"noviembre de 2026 es un mes incompleto: sus ventas solo llegan hasta el 04/11/2026", "el último mes completo es octubre de 2026 (--period 2026-10)", "no comparable — Líneas de venta solo hasta 04/11/2026"},
	}
	lines := sheetLines(t, pages["xlsx"], "Resumen")
	if !anyHas(lines, "Mes incompleto|ventas solo hasta el 2026-11-04: sus cifras cubren parte del mes", "el último mes completo es 2026-10") {
		t.Errorf("the workbook's Resumen sheet does not say the month is partial:\n%v", lines[:min(len(lines), 8)])
	}
	for lang, texts := range want {
		b, err := os.ReadFile(pages[lang])
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		for _, s := range texts {
			if !strings.Contains(page, s) {
				t.Errorf("%s report does not say %q", lang, s)
			}
		}
	}
}
