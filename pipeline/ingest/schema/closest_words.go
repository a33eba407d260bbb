package schema

import (
	"slices"
	"strings"
)

// wordClass is what a header's own words say its values are, whatever
// column its spelling is near: "Qty Invoiced" counts, "shipping-price" is
// a charge, "is-business-order" a yes/no. A hint for a missing column is
// worth giving only when the header could hold that column's values.
type wordClass uint16

const (
	quantityWords wordClass = 1 << iota
	priceWords
	amountWords
	dateWords
	flagWords
	rateWords
	chargeWords
)

// classWords lists, per class, the normalised words that put a header in
// it (any word of the header, except flagStarts which must start it).
var classWords = map[wordClass][]string{
	quantityWords: {"qty", "quantity", "quantities", "cantidad", "cant", "cantidades", "units", "unidades", "uds", "pcs", "pieces", "piezas", "count", "hours", "horas", "minutes", "minutos", "seconds", "segundos", "duration", "duracion", "weight", "peso", "kg", "volume", "volumen"},
	priceWords:    {"price", "precio", "pvp", "tarifa", "msrp"},
	amountWords:   {"amount", "amt", "importe", "importes", "total", "subtotal", "sum", "suma", "cost", "coste", "costo", "costs", "costes", "revenue", "ingresos", "profit", "beneficio", "margin", "margen", "value", "valor", "balance", "saldo"},
	dateWords:     {"date", "fecha", "timestamp", "datetime", "fec"},
	rateWords:     {"rate", "ratio", "pct", "percent", "percentage", "porcentaje", "tasa", "probability", "probabilidad"},
	chargeWords:   {"shipping", "freight", "flete", "fletes", "portes", "envio", "carriage", "postage", "handling", "tax", "taxes", "vat", "iva", "igic", "gst", "hst", "impuesto", "impuestos", "cuota", "recargo", "surcharge", "fee", "fees", "duty", "duties", "withholding", "retencion", "irpf", "tip", "propina", "insurance", "seguro"},
}

// flagStarts begin the name of a yes/no ("is_closed", "has-invoice",
// "es_cliente", "tiene_contrato").
var flagStarts = []string{"is", "has", "es", "tiene", "flag", "was", "can"}

// headerClasses returns the classes a normalised header's words name. The
// words of "before tax" ("Importe sin IVA", "Amount Excl. VAT") are left
// out first: an amount before tax is no charge.
func headerClasses(norm string) wordClass {
	if rest := withoutTaxExcluded(norm); rest != "" {
		norm = rest
	}
	words := strings.Fields(norm)
	var c wordClass
	if len(words) > 1 && slices.Contains(flagStarts, words[0]) {
		c |= flagWords
	}
	for class, list := range classWords {
		if slices.ContainsFunc(words, func(w string) bool { return slices.Contains(list, w) }) {
			c |= class
		}
	}
	return c
}

// forbiddenClasses are the header classes that can never hold a column:
// an id or a name is no count, price, amount, date, yes/no or rate; a date
// no figure; a figure no date or yes/no; the money a sale is read from no
// shipping, tax or other charge on top of it.
func forbiddenClasses(kind string, col Column) wordClass {
	figures := quantityWords | priceWords | amountWords | rateWords
	switch col.Type {
	case ID, Text, Enum, Currency:
		return figures | dateWords | flagWords | chargeWords
	case Date, Period:
		return figures | flagWords | chargeWords
	case Bool:
		return figures | dateWords | chargeWords
	case Money:
		f := dateWords | flagWords | quantityWords | rateWords
		// Not a targets file's "Cuota" (a sales quota) nor a service cost's
		// freight, which are those very charges.
		if (kind == Sales || kind == Invoices || kind == Products || kind == Opportunities) && col.Name != "tax_amount" {
			f |= chargeWords
		}
		return f
	case Number, Share, Score:
		return dateWords | flagWords
	}
	return 0
}

// wrongType reports whether a header's own words rule it out for every
// one of cols: then it is no hint for them, however alike the spelling.
func (m *mapper) wrongType(norm string, cols []string) bool {
	hc := headerClasses(norm)
	if hc == 0 {
		return false
	}
	for _, c := range cols {
		col, ok := m.kind.Column(c)
		if !ok || hc&forbiddenClasses(m.kind.Name, col) == 0 {
			return false
		}
	}
	return true
}
