package ingest

import (
	"strings"
	"testing"
)

// TestDecideKindFitFloor pins the 25 % floor of a kind decided by the
// columns alone: a payments file whose headers are an order id and an
// amount beside two others fits sales lines at exactly 25 % and is taken
// (jaffle_shop's raw_payments.csv); with one more unrelated column it fits
// 20 % and is skipped with its best guess.
func TestDecideKindFitFloor(t *testing.T) {
	kind, how, skip := decideKind(InputFile{Rel: "raw_payments.csv"}, []string{"id", "order_id", "payment_method", "amount"})
	if kind != "sales" || skip != "" || !strings.Contains(how.Text, "fit 25 %") {
		t.Errorf("4 headers, 2 fitting: kind %q how %q skip %q; want sales at 25 %%", kind, how, skip)
	}
	kind, _, skip = decideKind(InputFile{Rel: "raw_payments.csv"}, []string{"id", "order_id", "payment_method", "amount", "note"})
	if kind != "" || !strings.Contains(skip, "fits no kind well: the closest is sales, but only 20 %") {
		t.Errorf("5 headers, 2 fitting: kind %q skip %q; want skipped at 20 %%", kind, skip)
	}
	// One strong and five weak matches among 12 headers fit exactly a
	// quarter, but the float sum (in the map order fit() happens to use)
	// gives 0.24999999999999997: still taken.
	sum := 1.0
	for range 5 {
		sum += 0.4
	}
	if sum/12 >= minHeaderFit {
		t.Fatalf("the float case is gone: %v", sum/12)
	}
	if !fitEnough(sum/12) || fitEnough(0.2499) {
		t.Error("the floor is exactly a quarter, whatever the float sum")
	}
}
