package schema

import (
	"slices"
	"testing"
)

// TestPeriodPartIsNoIDHint: "YEAR_ID", "QTR_ID", "MONTH_ID" number a
// period, and are never offered as a missing customer code.
func TestPeriodPartIsNoIDHint(t *testing.T) {
	t.Parallel()
	headers := split("ORDERNUMBER,SALES,ORDERDATE,QTR_ID,MONTH_ID,YEAR_ID,CLIENT_IDS")
	got := Closest(Sales, "account_id", headers, Mapping{Columns: map[string]int{"invoice_id": 0, "net_amount": 1, "invoice_date": 2}})
	for _, h := range []string{"QTR_ID", "MONTH_ID", "YEAR_ID"} {
		if slices.Contains(got, h) {
			t.Errorf("Closest offers %q for account_id: %q", h, got)
		}
	}
	if !slices.Contains(got, "CLIENT_IDS") {
		t.Errorf("Closest = %q, want CLIENT_IDS among the hints", got)
	}
}
