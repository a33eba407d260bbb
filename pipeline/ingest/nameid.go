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

// ledgerWords name a ledger account, which a sales line of an accounting
// package is booked to ("AccountCode" 200 Sales in Xero, "Account" in
// QuickBooks, "Cuenta" 70000000 in a Spanish journal) as well as, in other
// exports, the customer.
var ledgerWords = []string{"account", "acct", "cuenta", "konto", "gl", "ledger"}

// ledgerAccountIsNoCustomer: the column taken for the customer by its
// header alone ("AccountCode", "Account", "Cuenta") holds one value for
// lines of several customers named beside it (Xero's sales invoices:
// AccountCode 200, the revenue account, on every line, the customer in
// ContactName). That is the ledger account the line is booked to, and read
// as the customer it put every invoice on one account, silently. When
// most sampled lines share their code with a line of another customer's
// name, the name is the customer: it becomes the account id (as for a file
// that names its customers only, see nameIsAccountID), and the note says
// so. A header that also says customer ("Customer account") is the
// customer's, whatever its values; a configured account_id is never
// second-guessed. It returns the header no longer read as the customer.
func ledgerAccountIsNoCustomer(m *schema.Mapping, header []string, explicit map[string]string, recs [][]string, present func(string) string) string {
	id, ok1 := m.Columns["account_id"]
	name, ok2 := m.Columns["account_name"]
	if _, set := explicit["account_id"]; set || !ok1 || !ok2 || id == name {
		return ""
	}
	words := strings.Fields(schema.Normalize(header[id]))
	if !slices.ContainsFunc(words, func(w string) bool { return slices.Contains(ledgerWords, w) }) ||
		slices.ContainsFunc(words, func(w string) bool { return slices.Contains(customerWords, w) && !slices.Contains(ledgerWords, w) }) {
		return ""
	}
	names := map[string]map[string]bool{}
	rows := map[string]int{}
	total := 0
	for _, r := range recs {
		if id >= len(r) || name >= len(r) {
			continue
		}
		code, who := present(r[id]), present(r[name])
		if code == "" || who == "" {
			continue
		}
		if names[code] == nil {
			names[code] = map[string]bool{}
		}
		names[code][schema.Normalize(who)] = true
		rows[code]++
		total++
	}
	shared := 0
	for code, n := range names {
		if len(n) > 1 {
			shared += rows[code]
		}
	}
	if total < 3 || shared*2 <= total {
		return ""
	}
	m.Columns["account_id"] = name
	return header[id]
}

// transactionWords name a marketplace's transaction: one item sold.
var transactionWords = []string{"transaction id", "transaction no", "transaction number", "trans id", "trans no"}

// transactionIsLine: a sales file that numbers each row by a transaction
// ("Transaction ID") beside the number of the order the row belongs to
// ("Order ID", "Order Number"), and no line number: a marketplace's items
// sold (Etsy's Sold Order Items, eBay's orders report), each item a
// transaction of its order. The order is the document and the transaction
// its line: read with the transaction as the document, every item was a
// sale of its own that nothing could tell was the same order as the
// order's row in the shop's export of its orders (counted twice when both
// are in the folder). A configured invoice_id or line_no is kept. It
// returns the header now read as the line.
func transactionIsLine(m *schema.Mapping, header []string, explicit map[string]string) string {
	id, ok1 := m.Columns["invoice_id"]
	order, ok2 := m.Columns["order_id"]
	_, hasLine := m.Columns["line_no"]
	_, setID := explicit["invoice_id"]
	_, setLine := explicit["line_no"]
	if !ok1 || !ok2 || hasLine || setID || setLine || !slices.Contains(transactionWords, schema.Normalize(header[id])) {
		return ""
	}
	m.Columns["invoice_id"] = order
	m.Columns["line_no"] = id
	delete(m.Columns, "order_id")
	return header[id]
}
