package ingest

import (
	"strings"

	"kam/pipeline/ingest/schema"
)

// pivotLabels are the headings a spreadsheet's pivot table writes over
// its row and column fields in compact layout (Excel in English, Spanish,
// German, French, Italian, Portuguese).
var pivotLabels = []string{
	"row labels", "column labels", "etiquetas de fila", "etiquetas de columna",
	"zeilenbeschriftungen", "spaltenbeschriftungen", "etiquettes de lignes",
	"etiquettes de colonnes", "etichette di riga", "etichette di colonna",
	"rotulos de linha", "rotulos de coluna",
}

// pivotValuePrefixes start the heading of a pivot table's value field: the
// summary and the field summed ("Suma de Importe", "Sum of Amount",
// "Cuenta de Factura", "Summe von Betrag").
var pivotValuePrefixes = []string{
	"suma de ", "sum of ", "cuenta de ", "count of ", "promedio de ", "average of ",
	"max de ", "min de ", "max of ", "min of ", "summe von ", "anzahl von ",
	"mittelwert von ", "somme de ", "nombre de ", "moyenne de ", "somma di ",
	"conteggio di ", "media di ", "soma de ", "contagem de ", "media de ",
}

// pivotHeaders are the headers that make a header row a pivot table's:
// its row or column labels' heading, or a value field's ("Suma de
// Importe"). A pivot's rows are sums, not the records they sum; nil when
// the row has none.
func pivotHeaders(header []string) []string {
	var out []string
	for _, h := range header {
		n := schema.Normalize(h)
		for _, l := range pivotLabels {
			if n == l {
				out = append(out, h)
			}
		}
		for _, p := range pivotValuePrefixes {
			if strings.HasPrefix(n, p) && len(n) > len(p) {
				out = append(out, h)
				break
			}
		}
	}
	return out
}
