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
		// Latin America: Mexico's CFDI (Serie and Folio), Chile's SII
		// registers (Folio), Argentina's AFIP (Número Desde, the number
		// of a single comprobante), Colombia's Siigo and Alegra and
		// Argentina's Tango (the Comprobante's number).
		"folio", "nro folio", "número de folio", "folio factura", "folio documento",
		"número desde", "nro comprobante", "número de comprobante", "número comprobante",
		"n° comprobante", "nro cbte", "número cbte", "~comprobante",
		"número do documento", "nº do documento", // pt
		"fakturanr", "fakturanummer", "faktura nr", "fakturanumber", // sv, da, no
		"laskun numero", "laskunumero", "laskun nro", "lasku nro", // fi
		"numer faktury", "numer dokumentu", "nr faktury", "nr dokumentu", // pl
		"nº expediente", "número de expediente", "expediente", "nº de expediente", "número expediente", // public contracts
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
		"fecha docto", "fecha elaboración", "fecha de elaboración", "fecha comprobante", "fecha de comprobante", // es (Latin America)
		"fecha de adjudicación", "fecha adjudicación", "fecha del acuerdo", "fecha de acuerdo", // public contracts: the award is the sale (PLACSP: the award's "acuerdo")
		"~data", "data documento", "data do documento", "data doc", // pt
		"fakturadatum", "fakturadato", "~dato", // sv, da, no
		"laskun päivämäärä", "laskun pvm", "laskupäivä", "laskutuspäivä", "~päivämäärä", "~pvm", // fi
		"data wystawienia", "data dokumentu", "~~data sprzedaży", // pl
		"date facture", "date de facture", "date de facturation", "date d'émission", // fr
		"rechnungsdatum", "belegdatum", "buchungsdatum", "~datum", // de (and nl)
		"data fattura", "data documento", "data emissione", // it
		"data de emissão", "data emissão", "data da fatura", "data fatura", "data da nota", // pt
		"factuurdatum", // nl
	},
	"account_id": {
		// The customer's tax id, which Latin American registers key
		// customers by (weak alone, as NIF and CIF are: a customer's
		// code beside it is the account): Mexico's RFC, Chile's RUT, Argentina's CUIT (Nro.
		// Doc. Receptor), Peru's RUC, Colombia's NIT, Brazil's CNPJ.
		"~rfc", "rfc receptor", "rfc cliente", "rfc del receptor", "rfc del cliente", "receptor rfc",
		"~rut", "rut cliente", "rut receptor", "rut del cliente", "~cuit", "cuit cliente", "cuit receptor",
		"nro doc receptor", "número de documento del receptor", "nro documento receptor",
		"~ruc", "ruc cliente", "~nit", "nit cliente", "~identificación", "nit tercero", "identificación tercero",
		"~cnpj", "~cnpj cpf", "~cpf cnpj", "cnpj do cliente", "cnpj cliente", "nif do cliente", "~contribuinte", "nº contribuinte",
		"kundnr", "kundnummer", "kund nr", "kundenr", "kundenummer", "kunde nr", // sv, da, no
		"asiakasnumero", "asiakasnro", "asiakas nro", "asiakkaan numero", // fi
		"kod kontrahenta", "akronim", "~kontrahent", "nip kontrahenta", // pl
		"nif adjudicatario", "cif adjudicatario", "nif cif adjudicatario", "adjudicatario nif", "identificador adjudicatario", // public contracts
		"code client", "n° client", "numéro client", "numéro de client", "id client", // fr
		"kundennr", "kundennummer", "kunden nr", "debitor", "debitorennr", "debitorennummer", // de
		"codice cliente",                      // it
		"código do cliente", "cod do cliente", // pt
		"klantnummer", "klantnr", "klant nr", "debiteurnummer", "debiteur", // nl
	},
	"account_name": {
		"nombre receptor", "nombre del receptor", "razón social receptor", "denominación receptor", "receptor nombre", "nombre del tercero",
		"~nome",                                        // pt
		"kundnamn", "~kund", "kundenavn", "kunde navn", // sv, da, no
		"asiakkaan nimi", "asiakasnimi", "~asiakas", // fi
		"nazwa kontrahenta", "~nazwa", // pl
		"~naam",                                                                                                                      // nl (Exact's debtor name)
		"adjudicatario", "nombre adjudicatario", "razón social adjudicatario", "empresa adjudicataria", "denominación adjudicatario", // public contracts
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
		"antal", "antall", "määrä", "ilość", // sv, da, no, fi, pl
		"quantité", "qté", // fr
		"menge", "anzahl", // de
		"quantità", "qtà", // it
		"quantidade", "qtd", "qtde", // pt
		"aantal", // nl
	},
	"unit_price": {
		"á pris", "a pris", "enhetspris", "stykpris", "à pris", "yksikköhinta", "cena jednostkowa", "cena netto", // sv, da, no, fi, pl
		"prix unitaire",             // fr
		"einzelpreis", "stückpreis", // de
		"prezzo unitario", "prezzo", // it
		"preço unitário", "preço", // pt
		"stukprijs", "eenheidsprijs", "prijs", // nl
	},
	"net_amount": {
		"monto neto", "neto gravado", "imp neto gravado", "importe neto gravado", "neto gravado total", "imp neto gravado total", // es (Latin America)
		"valor s iva", "total s iva", "valor sem iva", "incidência", "valor tributável", // pt ("Valor s/ IVA")
		// Brazil's NF-e: the products' value (vProd), before the IPI, the
		// ICMS-ST and the freight the note's total adds.
		"valor dos produtos", "valor produtos", "total dos produtos", "valor das mercadorias", "valor total dos produtos",
		"belopp exkl moms", "summa exkl moms", "nettobelopp", "belopp exklusive moms", // sv
		"beløb ekskl moms", "beløb eksl moms", "nettobeløb", "beløb uden moms", // da
		"beløp eks mva", "beløp ekskl mva", "sum eks mva", "nettobeløp", "beløp uten mva", // no
		"veroton summa", "veroton", "summa ilman alv", "veroton määrä", "arvo ilman alv", // fi
		"wartość netto", "kwota netto", "razem netto", // pl
		"importe de adjudicación sin iva", "importe adjudicación sin iva", "importe adjudicado sin iva", "importe de adjudicación", "importe adjudicación", // public contracts
		"~montant", "montant net", "montant hors taxes", // fr ("Montant HT" reads as "Montant")
		"betrag netto", "nettobetrag", "netto", "nettoumsatz", "umsatz netto", "umsatz", // de
		"imponibile", "importo netto", "totale imponibile", // it
		"valor líquido", "valor liquido", "valor sem impostos", // pt
		"~bedrag", "netto bedrag", "omzet", // nl ("Bedrag excl. btw" reads as "Bedrag")
	},
	"tax_amount": {
		"iva trasladado", "iva traslado", "impuesto trasladado", "impuestos trasladados", "total impuestos trasladados", "monto iva", "total iva", // es (Latin America)
		"valor iva", "valor do iva", // pt
		"moms", "momsbelopp", "momsbeløb", "mva", "mva beløp", "merverdiavgift", // sv, da, no
		"alv", "alv summa", "alv määrä", "arvonlisävero", // fi
		"kwota vat", "wartość vat", "podatek vat", // pl
		"tva", "montant tva", // fr
		"mwst", "ust", "mehrwertsteuer", "umsatzsteuer", // de
		"mwst betrag", "ust betrag", "steuerbetrag", "mehrwertsteuerbetrag", "umsatzsteuerbetrag",
		"imposta", "importo iva", // it
		"btw", "btw bedrag", // nl
	},
	// The document's type (Rechnung, Gutschrift, Stornorechnung): what
	// says a credit note written positive gives the money back.
	"document_type": {
		"belegart", "belegtyp", "rechnungstyp", "rechnungsart", "dokumententyp", "dokumenttyp", // de
		// Mexico's CFDI (TipoDeComprobante, the SAT's EfectoComprobante),
		// Chile's Tipo DTE, Argentina's and Peru's comprobante types:
		// codes, read by FiscalDocumentCodes.
		"tipo de comprobante", "tipo comprobante", "efecto comprobante", "efecto del comprobante", "tipo cfdi", "tipo de cfdi", "tipo dte", "tipo cbte",
		"natureza da operação", "natureza operação", "tipo de nota", "tipo de operação", // pt (Brazil's NF-e)
		"fakturatyp", "fakturatype", "laskutyyppi", "rodzaj dokumentu", "typ dokumentu", "factuurtype", // sv, da/no, fi, pl, nl
	},
	"status": {"situação", "situação da nota", "status da nota", "estatus", "estatus cfdi", "estado cfdi", "estado sat", "status cfdi"},
	"exempt_amount": {
		"monto exento", "importe exento", "imp op exentas", "op exentas", "operaciones exentas",
		"importe operaciones exentas", "ventas exentas", "base exenta",
		"valor isento", // pt
		"exempt amount", "exempt sales", "tax exempt amount",
	},
	"nontaxable_amount": {
		"imp neto no gravado", "neto no gravado", "importe no gravado", "importe neto no gravado",
		"monto no gravado", "non taxable amount", "nontaxable amount",
	},
	// Argentina's AFIP numbers each point of sale from 1, as a series.
	"invoice_series": {"punto de venta", "pto venta", "pto vta", "punto venta"},
	"currency":       {"devise", "währung", "valuta", "moeda", "waluta", "valuutta"},
	"kam_id":         {"vendeur", "vertreter", "verkäufer", "venditore", "verkoper", "säljare", "sælger", "selger", "myyjä", "handlowiec", "sprzedawca"},
}
