package schema

import (
	"slices"
	"strings"
)

// AmountCurrency is what a money column's header says of the currency its
// amounts are in. ERPs export the same amount twice, in the document's
// currency and in the company's (Dynamics NAV/BC "Amount" and "Amount
// (LCY)", SAP "Importe en moneda documento" and "Importe en moneda local",
// "Importe (divisa)" and "Importe (EUR)"), beside a currency column that
// gives the document's currency only.
type AmountCurrency struct {
	// Base is the normalised header without the words about its currency
	// ("importe"); the header itself when it says nothing of one.
	Base string
	// Local: in the company's own (local) currency (LCY, DL, moneda local,
	// Amount in LC), which kam reads as the reporting currency.
	Local bool
	// Document: in the currency of the document (divisa, DC, moneda
	// documento, transaction currency): the line's currency column says
	// which.
	Document bool
	// Code is the ISO code the header names (EUR in "Importe (EUR)",
	// "Importe €"), "" for none.
	Code string
}

// Named reports whether the header says anything about its currency.
func (a AmountCurrency) Named() bool { return a.Local || a.Document || a.Code != "" }

// Currency words of an amount header, as normalised words.
var (
	localCurrencyWords = [][]string{
		{"lcy"}, {"lc"}, {"dl"}, {"ml"},
		{"moneda", "local"}, {"divisa", "local"}, {"local", "currency"},
		{"company", "currency"}, {"moneda", "sociedad"}, {"moneda", "de", "la", "sociedad"},
		{"moneda", "interna"}, {"reporting", "currency"},
	}
	documentCurrencyWords = [][]string{
		{"dc"}, {"fcy"}, {"divisa"},
		{"moneda", "documento"}, {"moneda", "del", "documento"}, {"moneda", "de", "documento"},
		{"divisa", "documento"}, {"divisa", "del", "documento"}, {"document", "currency"},
		{"transaction", "currency"}, {"moneda", "transaccion"}, {"moneda", "original"},
		{"original", "currency"}, {"moneda", "extranjera"}, {"foreign", "currency"},
	}
	// currencyCodeWords are the codes (and names) a header may carry.
	currencyCodeWords = map[string]string{
		"eur": "EUR", "euro": "EUR", "euros": "EUR", "usd": "USD", "gbp": "GBP",
		"chf": "CHF", "mxn": "MXN", "clp": "CLP", "cop": "COP", "ars": "ARS",
		"brl": "BRL", "pen": "PEN", "uyu": "UYU", "jpy": "JPY", "cny": "CNY",
		"cad": "CAD", "aud": "AUD", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN",
	}
	// currencySigns are the signs a header may carry that name one currency.
	currencySigns = map[string]string{"€": "EUR", "£": "GBP", "us$": "USD"}
	// currencyLinks are the words left dangling once the currency words
	// are gone ("importe en", "amount in").
	currencyLinks = []string{"en", "in", "de", "del"}
)

// HeaderCurrency reads what a money header says of its currency.
func HeaderCurrency(header string) AmountCurrency {
	return headerCurrency(header, Normalize(header))
}

// headerCurrency is HeaderCurrency of a header already normalised.
func headerCurrency(header, norm string) AmountCurrency {
	words := strings.Fields(norm)
	out := AmountCurrency{Base: norm}
	lower := strings.ToLower(header)
	for _, sign := range []string{"us$", "€", "£"} {
		if strings.Contains(lower, sign) {
			out.Code = currencySigns[sign]
			break
		}
	}
	var kept []string
	for i := 0; i < len(words); {
		if n := matchWords(words[i:], localCurrencyWords); n > 0 {
			out.Local, i = true, i+n
			continue
		}
		if n := matchWords(words[i:], documentCurrencyWords); n > 0 {
			out.Document, i = true, i+n
			continue
		}
		if code, ok := currencyCodeWords[words[i]]; ok && i > 0 {
			if out.Code == "" {
				out.Code = code
			}
			i++
			continue
		}
		kept = append(kept, words[i])
		i++
	}
	for len(kept) > 0 && slices.Contains(currencyLinks, kept[len(kept)-1]) {
		kept = kept[:len(kept)-1]
	}
	if len(kept) == 0 {
		// The header is only currency words ("Divisa", "Moneda local"): a
		// currency column, not an amount.
		return AmountCurrency{Base: norm}
	}
	if out.Named() {
		out.Base = strings.Join(kept, " ")
	}
	return out
}

// matchWords is the length of the longest entry of list that words start
// with, 0 for none.
func matchWords(words []string, list [][]string) int {
	best := 0
	for _, e := range list {
		if len(e) > best && len(e) <= len(words) && slices.Equal(words[:len(e)], e) {
			best = len(e)
		}
	}
	return best
}

// Debit and credit indicators of an accounting journal (Spanish D/H
// Debe/Haber, English Dr/Cr, SAP's German S/H Soll/Haben).
var (
	journalDebitWords  = []string{"d", "debe", "dr", "db", "debit", "debito", "s", "soll", "cargo"}
	journalCreditWords = []string{"h", "haber", "cr", "credit", "credito", "haben", "abono"}
)

// DebitCreditSide reads an indicator: "debit", "credit" or "" for neither.
func DebitCreditSide(v string) string {
	w := strings.Trim(foldAccents(strings.ToLower(strings.TrimSpace(v))), ".")
	switch {
	case slices.Contains(journalDebitWords, w):
		return "debit"
	case slices.Contains(journalCreditWords, w):
		return "credit"
	}
	return ""
}

// DebitCreditSQL is the SQL condition that the VARCHAR expression col is an
// indicator of the given side ("debit" or "credit").
func DebitCreditSQL(col, side string) string {
	words := journalDebitWords
	if side == "credit" {
		words = journalCreditWords
	}
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = sqlQuote(w)
	}
	return "coalesce(trim(strip_accents(lower(" + col + ")), ' .') in (" + strings.Join(q, ", ") + "), false)"
}

// ownCurrencyAfter and ownCurrencyBefore are the words that make a header
// the currency of the money header they name: Salesforce's report exports
// give each currency field a column of its own ("Amount Currency" beside
// "Amount"), in Spanish before it ("Divisa de Importe").
var (
	ownCurrencyAfter  = []string{"currency", "currency code", "currency iso code", "divisa", "moneda"}
	ownCurrencyBefore = []string{"divisa de", "divisa del", "moneda de", "moneda del", "currency of"}
)

// CurrencyOf reports whether header is the currency column of the money
// column headed money ("Amount Currency" of "Amount", "Amount (converted)
// Currency" of "Amount (converted)").
func CurrencyOf(header, money string) bool {
	h, m := Normalize(header), Normalize(money)
	if m == "" || h == m {
		return false
	}
	for _, w := range ownCurrencyAfter {
		if h == m+" "+w {
			return true
		}
	}
	for _, w := range ownCurrencyBefore {
		if h == w+" "+m {
			return true
		}
	}
	return false
}

// convertedWords mark an amount a CRM has converted into the company's
// currency (Salesforce's "Amount (converted)", "Importe (convertido)").
var convertedWords = []string{"converted", "convertido", "convertida", "converti", "convertie", "umgerechnet", "convertito", "convertita"}

// ConvertedBase is the normalised header of the amount a converted amount
// header was converted from ("Amount (converted)" → "amount"); "" when
// header names no converted amount.
func ConvertedBase(header string) string {
	words := strings.Fields(Normalize(header))
	if len(words) < 2 || !slices.Contains(convertedWords, words[len(words)-1]) {
		return ""
	}
	return strings.Join(words[:len(words)-1], " ")
}
