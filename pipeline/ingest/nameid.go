package ingest

import (
	"slices"
	"strings"

	"kam/pipeline/ingest/schema"
)

// customerWords name the customer in a header ("CUSTOMERNAME", "Cust No",
// "Código cliente").
var customerWords = []string{"customer", "cust", "client", "cliente", "account", "cuenta", "partner", "buyer", "debtor", "deudor", "comprador", "kunde"}

// idWords end or start the header of a code.
var idWords = []string{"id", "code", "codigo", "cod", "no", "nr", "num", "number", "numero", "key", "ref"}

// nameIsAccountID: a sales file without a customer code, whose lines name
// their customer only (Kaggle's sales_data_sample: CUSTOMERNAME beside
// ORDERNUMBER), and no invoice headers to take the code from: the
// customer's name is the account's id, as a register's "Cliente" holding
// names is. Not when a header that feeds nothing looks like a customer
// code (customer word and code word): that one is what the analyst must
// map, and the error's hint names it.
func nameIsAccountID(m *schema.Mapping, header []string) bool {
	if _, ok := m.Columns["account_id"]; ok {
		return false
	}
	name, ok := m.Columns["account_name"]
	if !ok {
		return false
	}
	used := map[int]bool{}
	for _, i := range m.Columns {
		used[i] = true
	}
	for i, h := range header {
		if used[i] {
			continue
		}
		words := strings.Fields(schema.Normalize(h))
		if slices.ContainsFunc(words, func(w string) bool { return slices.Contains(customerWords, w) }) &&
			slices.ContainsFunc(words, func(w string) bool { return slices.Contains(idWords, w) }) {
			return false
		}
	}
	m.Columns["account_id"] = name
	return true
}
