package schema

// localeSynonyms are the headers of sales lines and customer lists in the
// other languages of the exports kam is given — French, German, Italian,
// Portuguese and Dutch ERPs and accounting packages (Sage, DATEV, SAP in
// German, Fatture in Cloud, TOTVS, Exact, Odoo) — for the columns every
// such export has. They apply to every kind, like commonSynonyms; without
// them a French or German export matched no kind. A word that says
// nothing of the tax ("Montant", "Bedrag") is weak and "Totale" or
// "Betrag" are not listed; a header with the tax in it
// ("Montant TTC", "Betrag brutto", "Bedrag incl. btw") is never the net
// amount (SaysTaxIncluded).
var localeSynonyms = map[string][]string{
	"invoice_id": {
		"n° facture", "numéro de facture", "numéro facture", "no facture", "réf facture", // fr
		"rechnungsnr", "rechnungsnummer", "rechnungs nr", "belegnr", "belegnummer", // de
		"fattura n", "numero fattura", "nr fattura", "n° fattura", "numero documento", // it
		"nº nota fiscal", "nota fiscal", "número da nota", "número da fatura", "número nf", // pt
		"factuurnummer", "factuurnr", "factuur nr", // nl
		// An order's number, when nothing names an invoice (an order
		// book): as "~~nº pedido" in Spanish.
		"~~n° commande", "~~numéro de commande", "~~no commande", "~~commande", // fr
		"~~auftragsnummer", "~~auftragsnr", "~~auftrag", "~~bestellnummer", // de
		"~~numero ordine", "~~n° ordine", "~~ordine", // it
		"~~número do pedido", "~~nº do pedido", // pt
		"~~ordernummer", "~~ordernr", // nl
	},
	"order_id": {
		"commande", "n° commande", "no commande", "numéro de commande", "numéro commande", "réf commande", "n° de commande", // fr
		"auftrag", "auftragsnr", "auftragsnummer", "auftrags nr", "kundenauftrag", "verkaufsauftrag", "bestellnummer", "bestellnr", // de
		"ordine", "n° ordine", "numero ordine", "nr ordine", "ordine cliente", // it
		"número do pedido", "nº do pedido", "pedido de venda", // pt
		"ordernummer", "ordernr", "order nr", "verkooporder", // nl
	},
	"invoice_date": {
		"date facture", "date de facture", "date de facturation", "date d'émission", // fr
		"rechnungsdatum", "belegdatum", "buchungsdatum", "~datum", // de (and nl)
		"data fattura", "data documento", "data emissione", // it
		"data de emissão", "data emissão", "data da fatura", "data fatura", "data da nota", // pt
		"factuurdatum", // nl
	},
	"account_id": {
		"code client", "n° client", "numéro client", "numéro de client", "id client", // fr
		"kundennr", "kundennummer", "kunden nr", "debitor", "debitorennr", "debitorennummer", // de
		"codice cliente",                      // it
		"código do cliente", "cod do cliente", // pt
		"klantnummer", "klantnr", "klant nr", "debiteurnummer", "debiteur", // nl
	},
	"account_name": {
		"raison sociale", "nom client", "nom du client", // fr
		"kundenname", "~kunde", // de
		"ragione sociale", "nome cliente", // it
		"nome do cliente", "razão social", // pt
		"klantnaam", "~klant", // nl
	},
	"product_id": {
		"article", "code article", "réf article", // fr
		"artikelnr", "artikelnummer", "artikel", "materialnr", "materialnummer", // de, nl
		"articolo", "codice articolo", // it
		"produto", "código do produto", "cod produto", // pt
	},
	"quantity": {
		"quantité", "qté", // fr
		"menge", "anzahl", // de
		"quantità", "qtà", // it
		"quantidade", "qtd", "qtde", // pt
		"aantal", // nl
	},
	"unit_price": {
		"prix unitaire",             // fr
		"einzelpreis", "stückpreis", // de
		"prezzo unitario", "prezzo", // it
		"preço unitário", "preço", // pt
		"stukprijs", "eenheidsprijs", "prijs", // nl
	},
	"net_amount": {
		"~montant", "montant net", "montant hors taxes", // fr ("Montant HT" reads as "Montant")
		"betrag netto", "nettobetrag", "netto", "nettoumsatz", "umsatz netto", "umsatz", // de
		"imponibile", "importo netto", "totale imponibile", // it
		"valor líquido", "valor liquido", "valor sem impostos", // pt
		"~bedrag", "netto bedrag", "omzet", // nl ("Bedrag excl. btw" reads as "Bedrag")
	},
	"tax_amount": {
		"tva", "montant tva", // fr
		"mwst", "ust", "mehrwertsteuer", "umsatzsteuer", // de
		"mwst betrag", "ust betrag", "steuerbetrag", "mehrwertsteuerbetrag", "umsatzsteuerbetrag",
		"imposta", "importo iva", // it
		"btw", "btw bedrag", // nl
	},
	// The document's type (Rechnung, Gutschrift, Stornorechnung): what
	// says a credit note written positive gives the money back.
	"document_type": {"belegart", "belegtyp", "rechnungstyp", "rechnungsart", "dokumententyp", "dokumenttyp"}, // de
	"currency":      {"devise", "währung", "valuta", "moeda"},
	"kam_id":        {"vendeur", "vertreter", "verkäufer", "venditore", "verkoper"},
}
