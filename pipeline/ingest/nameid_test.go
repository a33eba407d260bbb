package ingest

import (
	"strings"
	"testing"

	"kam/pipeline/ingest/schema"
)

// TestNameIsAccountID: a sales file that names its customers only makes
// the name the account id; not when a header that feeds nothing looks like
// a customer code, nor when a code is mapped.
func TestNameIsAccountID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		headers string
		want    string // the header that feeds account_id after, "" for none
	}{
		{"ORDERNUMBER,QUANTITYORDERED,PRICEEACH,ORDERLINENUMBER,SALES,ORDERDATE,STATUS,QTR_ID,MONTH_ID,YEAR_ID,PRODUCTCODE,CUSTOMERNAME,COUNTRY", "CUSTOMERNAME"},
		{"Order,Date,Cust No,Customer Name,Amount", "Cust No"},
		{"Order,Date,Buyer Ref,Customer Name,Amount", ""},
		{"Order,Date,Customer ID,Customer Name,Amount", "Customer ID"},
		{"Order,Date,Amount", ""},
	} {
		header := strings.Split(tc.headers, ",")
		m, _ := schema.Map("sales.csv", schema.Sales, header, nil)
		nameIsAccountID(&m, header)
		got := ""
		if i, ok := m.Columns["account_id"]; ok {
			got = header[i]
		}
		if got != tc.want {
			t.Errorf("%s: account_id from %q, want %q", tc.headers, got, tc.want)
		}
	}
}

// TestLedgerAccountIsNoCustomer: an "account" column whose one value
// stands for lines of several customers named beside it is the ledger
// account (Xero's AccountCode 200, QuickBooks' Account), not the customer:
// the name becomes the account id. A code that keeps to one name, or a
// configured account_id, stays.
func TestLedgerAccountIsNoCustomer(t *testing.T) {
	t.Parallel()
	xero := [][]string{
		{"Acme SA", "INV-1", "180.00", "200"},
		{"Acme SA", "INV-1", "50.00", "200"},
		{"Beta SL", "INV-2", "121.00", "200"},
		{"Beta SL", "INV-3", "60.00", "200"},
		{"Gamma", "INV-4", "10.00", "260"},
	}
	ids := [][]string{
		{"Acme SA", "INV-1", "180.00", "C1"},
		{"Acme SA", "INV-1", "50.00", "C1"},
		{"Beta SL", "INV-2", "121.00", "C2"},
		{"Beta SL", "INV-3", "60.00", "C2"},
	}
	for _, tc := range []struct {
		headers  string
		recs     [][]string
		explicit map[string]string
		want     string // the header that feeds account_id after
	}{
		{"ContactName,InvoiceNumber,LineAmount,AccountCode", xero, nil, "ContactName"},
		{"Customer Name,Invoice,Amount,Account", xero, nil, "Customer Name"},
		{"ContactName,InvoiceNumber,LineAmount,AccountCode", ids, nil, "AccountCode"},
		{"ContactName,InvoiceNumber,LineAmount,AccountCode", xero, map[string]string{"account_id": "AccountCode"}, "AccountCode"},
	} {
		header := strings.Split(tc.headers, ",")
		m, _ := schema.Map("sales.csv", schema.Sales, header, tc.explicit)
		ledgerAccountIsNoCustomer(&m, header, tc.explicit, tc.recs, strings.TrimSpace)
		got := ""
		if i, ok := m.Columns["account_id"]; ok {
			got = header[i]
		}
		if got != tc.want {
			t.Errorf("%s: account_id from %q, want %q", tc.headers, got, tc.want)
		}
	}
}
