package ingest

import (
	"slices"
	"strings"

	"kam/pipeline/ingest/schema"
)

// taxAddedCurrencies are the currencies of the marketplaces whose prices
// are shown before the sales tax, which is added at checkout (the United
// States' and Canada's). Everywhere else a consumer's price includes the
// VAT or GST by law, so Amazon's item-price there includes its item-tax.
var taxAddedCurrencies = []string{"USD", "CAD"}

// marketplaceNet is the SQL of an Amazon order line's revenue: its
// item-price for the whole quantity less its promotion, less the tax the
// price includes. In a marketplace whose prices include the tax (told per
// line by its currency), item-tax is that tax, on the price before the
// promotion, and the promotion (written negative or positive) includes it
// in the same share: net = (price − promotion) × (price − tax) / price. In
// one whose tax is added on top (USD, CAD) the price is net already.
func (t *typing) marketplaceNet() string {
	gross, tax := t.v("gross_amount"), "coalesce("+t.v("tax_amount")+", 0)"
	promo := "0"
	if t.has("discount_amount") {
		promo = "coalesce(abs(" + t.v("discount_amount") + "), 0)"
	}
	cur := "''"
	if t.has("currency") {
		cur = "upper(trim(coalesce(cast(" + t.v("currency") + " as varchar), '')))"
	}
	added := "'" + strings.Join(taxAddedCurrencies, "', '") + "'"
	return "(case when " + gross + " is null then null" +
		" when " + cur + " in (" + added + ") then " + gross + " - " + promo +
		" when " + gross + " = 0 then -" + promo +
		" else round((" + gross + " - " + promo + ") * (" + gross + " - " + tax + ") / " + gross + ", 4) end)"
}

// marketplaceNoCustomer names, when a marketplace's order report (Amazon's,
// whose preset knows it names no buyer) lacks its customer, the column of
// the marketplace each order was sold on: the account the user can choose
// to count its sales under. Without it the report's revenue has no account.
func marketplaceNoCustomer(me *schema.MappingError, m schema.Mapping, header []string) {
	if m.Preset != "amazon" {
		return
	}
	ch := slices.IndexFunc(header, func(h string) bool { return schema.Normalize(h) == "sales channel" })
	if ch < 0 {
		return
	}
	for i := range me.Missing {
		if me.Missing[i].Column == "account_id" {
			me.Missing[i].Marketplace = header[ch]
			me.Missing[i].Closest = []string{header[ch]}
		}
	}
}
