package ingest

import (
	"slices"

	"kam/pipeline/ingest/schema"
)

// typeNamesAsNumber reads as the document type a sales or invoices file's
// column the headers mapped to the invoice number when its values name
// kinds of documents instead ("FV - Factura de venta", "NC - Nota
// crédito": a register's Comprobante, which Siigo and Tango also use for
// the number). Taken for the number, every invoice of a type was one
// invoice (its lines numbered down the file) and a credit note written
// positive counted as a sale. The file is mapped again with that column as
// the document type, so another column (Número) numbers the invoices; the
// configuration's columns win over both; when no other column can number
// them, the column stays the number as well. It returns the column's
// header, "" when nothing changed.
func typeNamesAsNumber(k schema.Kind, file string, m *schema.Mapping, header []string, explicit map[string]string, sample func(int) ([]string, error)) (string, error) {
	if k.Name != schema.Sales && k.Name != schema.Invoices {
		return "", nil
	}
	i, ok := m.Columns["invoice_id"]
	if _, typed := m.Columns["document_type"]; !ok || typed || explicit["invoice_id"] != "" || explicit["document_type"] != "" {
		return "", nil
	}
	vals, err := sample(i)
	if err != nil || len(vals) == 0 {
		return "", err
	}
	if slices.ContainsFunc(vals, func(v string) bool { return !schema.NamesDocumentType(v) }) {
		return "", nil
	}
	again := map[string]string{"document_type": header[i]}
	for c, h := range explicit {
		again[c] = h
	}
	remapped, err := schema.Map(file, k.Name, header, again)
	if err != nil {
		// No other column numbers the documents: the column stays the
		// number too (each type's lines one document, as before), and
		// the note says so; the type is read all the same.
		m.Columns["document_type"] = i
		return header[i], nil
	}
	*m = remapped
	return header[i], nil
}
