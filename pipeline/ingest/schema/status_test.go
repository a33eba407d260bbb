package schema

import "testing"

func TestIsCancelledStatus(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]bool{
		"Cancelled": true, "CANCELED": true, "Anulada": true, "returned": true, "X": true,
		"Cancelled by customer": true, "Devuelto": true, " void ": true,
		"Shipped": false, "return_pending": false, "On Hold": false, "completed": false,
		"placed": false, "": false, "Disputed": false, "xx": false, "Not cancelled": false,
	} {
		if got := IsCancelledStatus(raw); got != want {
			t.Errorf("IsCancelledStatus(%q) = %v, want %v", raw, got, want)
		}
	}
}
