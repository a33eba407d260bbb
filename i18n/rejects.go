package i18n

import "strings"

// Reject renders a stored reject reason with its detail in lang. The
// detail (an invoice number, a currency code) is shown with its invisible
// characters escaped: "F1\u200b" rather than an "F1" that seems to be there.
func Reject(lang, reason, detail string) string {
	if reason == "header_rejected" {
		// invoice, file, line, the header's own reason and detail, split
		// before escaping (the separator is a control character); each
		// part is escaped as it is shown.
		key := "reject." + reason
		p := strings.Split(detail, "\x1f")
		if len(p) != 5 {
			return T(lang, key, Printable(detail), "?", "?", "?")
		}
		return T(lang, key, Printable(p[0]), Printable(p[1]), p[2], Reject(lang, p[3], p[4]))
	}
	if reason == "currency_conflict" || reason == "currency_unsaid" {
		// the amount's currency and the row's, split on chr(31).
		p := strings.Split(detail, "\x1f")
		if len(p) != 2 {
			return T(lang, "reject."+reason, "?", "?")
		}
		return T(lang, "reject."+reason, Printable(p[0]), Printable(p[1]))
	}
	if reason == "total_row" || reason == "invoice_total_row" {
		// rows summed, first line, last line (numbers), split on chr(31).
		p := strings.Split(detail, "\x1f")
		if len(p) != 3 {
			return T(lang, "reject."+reason, "?", "?", "?")
		}
		return T(lang, "reject."+reason, p[0], p[1], p[2])
	}
	detail = Printable(detail)
	key := "reject." + reason
	if !Has(key) {
		return reason + " " + detail
	}
	switch reason {
	case "missing":
		if detail != "" {
			detail = " (" + detail + ")"
		}
		return T(lang, key, detail)
	case "date", "time_only":
		return T(lang, key, T(lang, "order."+detail))
	case "future":
		return T(lang, key, T(lang, "detail."+detail))
	case "no_header", "fx", "fields", "number", "bool", "period", "enum", "currency", "range", "too_large", "unknown_currency", "formula", "scientific_id":
		return T(lang, key, detail)
	}
	return T(lang, key)
}
