package ingest

import (
	"testing"

	"kam/pipeline/ingest/schema"
)

// TestUnderivablePerItem: a sales file with a price and no quantity is
// missing the quantity, and the error names the price as the amount of a
// row per item (order-item exports), so the analyst can map it.
func TestUnderivablePerItem(t *testing.T) {
	t.Parallel()
	k, ok := schema.KindByName(schema.Sales)
	if !ok {
		t.Fatal("no sales kind")
	}
	header := []string{"order_id", "order_item_id", "product_id", "price", "freight_value"}
	m := schema.Mapping{Columns: map[string]int{"invoice_id": 0, "line_no": 1, "product_id": 2, "unit_price": 3}}
	got := underivable(k, m, header, true)
	if len(got) != 1 {
		t.Fatalf("missing = %+v, want the quantity alone", got)
	}
	if got[0].Column != "quantity (to derive net_amount from unit_price)" || got[0].PerItem != "price" {
		t.Errorf("missing = %+v, want the quantity, with \"price\" as the amount per item", got[0])
	}
}
