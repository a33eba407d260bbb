package schema

import "slices"

// cancelledStatuses are the order and line statuses that mean the sale did
// not happen, in the folded form of enumText. A cancelled order is loaded
// and accounted for (read = loaded + rejected + duplicate still holds) but
// its lines are kept out of revenue and shown apart
// (revenue_reconciliation.cancelled_revenue), never dropped silently.
//
// "x" is the cancelled code of SAP's reference data models (the EPM sales
// orders' LIFECYCLESTATUS, the flight model's TravelStatus and
// BookingStatus). It is a code, not a word, so the run's output always names
// the statuses it read as cancelled.
var cancelledStatuses = []string{
	"cancelled", "canceled", "cancellation", "cancelada", "cancelado", "anulada", "anulado",
	"anulacion", "void", "voided", "storno", "storniert", "annule", "annulee", "x",
}

// CancelledStatuses returns the folded status texts that mean cancelled.
func CancelledStatuses() []string { return slices.Clone(cancelledStatuses) }

// IsCancelledStatus reports whether a raw status text means cancelled.
func IsCancelledStatus(raw string) bool { return slices.Contains(cancelledStatuses, enumText(raw)) }

// StatusTextSQL folds a status text in DuckDB the way IsCancelledStatus
// does in Go.
func StatusTextSQL(col string) string { return enumSQLText(col) }
