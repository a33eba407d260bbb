package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportsMatchingNotes: an ERP's customer master with the NIF in a
// column of its own beside an e-invoicing platform's list naming the
// customers by their tax ids, two of them written another way
// (ESA87654321 for C002's A87654321, b-12.345.678 for C001's B12345678):
// kam reads them as those accounts, its own guess, and both reports'
// data quality say so per file, in their language — not only the
// console. Hand-written: the ids are the files', the wording the locales'.
func TestReportsMatchingNotes(t *testing.T) {
	in := t.TempDir()
	files := map[string]string{
		"clientes.csv": "Código;Razón social;NIF\nC001;Acme Iberia SL;B12345678\nC002;Bolt Logística SA;A87654321\n",
		"facturas.csv": "Nº factura;Fecha de emisión;NIF cliente;Base imponible\n" +
			"FE-1;02/10/2026;B12345678;1.000,00\nFE-2;05/10/2026;ESA87654321;2.000,00\nFE-3;07/10/2026;b-12.345.678;300,00\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, _ := reportsOf(t, in, "", "es", "en", "es")
	want := map[string][]string{
		"en": {"How the files&#39; customers were matched",
			"2 row(s) name an account by its tax id written another way (ESA87654321 → C002, b-12.345.678 → C001)"},
		"es": {"Cómo se cruzaron los clientes de los ficheros",
			"2 fila(s) nombran un cliente por su identificador fiscal escrito de otra forma (ESA87654321 → C002, b-12.345.678 → C001)"},
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
	lines := sheetLines(t, pages["xlsx"], "Calidad de datos")
	if !anyHas(lines, "facturas.csv|", "2 fila(s) nombran un cliente por su identificador fiscal escrito de otra forma (ESA87654321 → C002, b-12.345.678 → C001)") {
		t.Errorf("the workbook's Calidad de datos sheet does not say the matches kam made:\n%v", lines[:min(len(lines), 8)])
	}
}
