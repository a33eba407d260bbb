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
