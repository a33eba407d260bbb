package schema

import (
	"regexp"
	"strings"
)

// cancelledWords open an order status that says the order is no sale: it
// was cancelled, voided, reversed or returned ("Cancelled", "Anulada",
// "Returned", "Cancelled by customer"), or its payment failed. "return_pending" is not one: the
// return has not happened. SAP writes a cancelled document's status as the
// single letter X.
var cancelledWords = []string{
	"cancelled", "canceled", "cancellation", "cancelado", "cancelada", "anulado", "anulada",
	"anulacion", "void", "voided", "storno", "storniert", "reversed", "returned", "devuelto",
	"devuelta", "refunded", "reembolsado", "reembolsada",
	// A payment that failed, was declined or never captured (Stripe,
	// PayPal, a shop's payment export) took no money.
	"failed", "fallido", "fallida", "declined", "denied", "denegado", "denegada", "rechazado",
	"rechazada", "uncaptured", "expired", "caducado", "caducada",
}

var cancelledPattern = "^(" + strings.Join(cancelledWords, "|") + ")( |$)|^x$"

var cancelledRe = regexp.MustCompile(cancelledPattern)

// IsCancelledStatus reports whether an order status says the order is no
// sale (see cancelledWords).
func IsCancelledStatus(raw string) bool { return cancelledRe.MatchString(enumText(raw)) }

// CancelledStatusSQL is IsCancelledStatus in DuckDB over the VARCHAR
// expression col: NULL when the status is blank.
func CancelledStatusSQL(col string) string {
	v := enumSQLText(col)
	return "(case when coalesce(" + v + ", '') = '' then null else regexp_matches(" + v + ", " + sqlQuote(cancelledPattern) + ") end)"
}
