package ingest

import (
	"context"
	"fmt"
	"kam/i18n"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"kam/pipeline/config"
	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// column is one mapped column of a file and the decision on how to read it.
type column struct {
	Name   string // canonical or auxiliary column
	Col    schema.Column
	Index  int    // raw column cIndex
	Header string // the file's header
	// SQL over the raw table: the trimmed text (NULL when blank) and the
	// typed value (NULL when blank or unreadable).
	Raw, Value string
	// For Period columns, the first day and length in months.
	Start, Months string
	// What a reject of this column says.
	Code, Detail string
	Decision     i18n.Note // how the column was read, for the notes
	// The decisions behind Value, and Native: the DuckDB type the CSV
	// reader gives the column itself on the native path ("" when the
	// general grammar reads it).
	// Scale multiplies the value (configuration scale:), exact decimal
	// text; "" for none.
	Scale string
	// Divide divides the value as it is read, after Scale: 60 for a
	// duration without a unit whose values are minutes.
	Divide       string
	numberFormat parse.NumberFormat
	dateFormat   parse.DateFormat
	Native       string
	nativeDate   string // the strptime format of a natively read date column
	// percentByValues: a rate column read on the 0–100 scale because
	// some of its values are above 1 (not because its header says %).
	percentByValues bool
}

// typing is the plan to turn a raw table into rows of raw.<kind>.
type typing struct {
	kind    schema.Kind
	cols    map[string]*column
	order   []string // mapped column names in kind order
	notes   []i18n.Note
	mapping schema.Mapping
	// carryDown are the raw columns of a sales file's order (its id, date,
	// customer…) that rows continuing the order above leave blank; nil when
	// the file does not look like that (decideCarryDown).
	carryDown []int
	// carryNeeds are the product columns of such a file: a row continues
	// an order only when it names a product (not a subtotal line).
	carryNeeds []int
	// orderFill are the raw columns of a sales file's order that the
	// first line of each order fills and the order's other lines (the
	// same order id again) leave blank: a shop export that writes the
	// order's status and currency once (decideOrderFill).
	orderFill []int
	// markers are the money columns whose text is searched for the
	// currency it is written in (currencyMarkers), set by typedSQL.
	markers []string
	// reportCurrency is the configured reporting currency, "" when the
	// configuration names none (the data may then decide it).
	reportCurrency string
	// fallbackCurrency is the currency a row that names none is read in
	// when the data does not say otherwise: the configured reporting
	// currency, or kam's default.
	fallbackCurrency string
	// creditNotes: the file's name says it holds credit notes or returns
	// (schema.NamesCreditNotes): amounts and quantities are negative.
	creditNotes bool
	// namedOrders: the file's name says its documents are sales orders
	// (schema.NamesOrders): its rows are orders unless their document
	// type or status says otherwise.
	namedOrders bool
	// typeInNumber: the invoice numbers write the document's type before
	// the series and number, as Portugal's SAF-T has every invoicing
	// program do ("FT 2026/101", "NC A/7"; schema.TypeInNumber), and no
	// column gives the type: a credit note's (NC) lines count negative.
	typeInNumber bool
	// keyList: the file is a list of key accounts (keyAccountList), whose
	// rows need a code only: a blank name is no missing value.
	keyList bool
	// headerCurrency is the currency the file's money columns name in
	// their headers ("Importe (EUR)", "Amount (LCY)"): every line's,
	// over its currency column (decideHeaderCurrency); "" for none.
	headerCurrency string
	// saleSide is the side of a journal's debit/credit indicator that
	// holds the sales ("credit", or "debit" in a customer account's
	// ledger); the other side's lines count negative. "" without one.
	saleSide string
	// journalSide is the amount column of a journal's two (debit_amount,
	// credit_amount) that holds the sales: "credit", or "debit" in a
	// customer account's ledger.
	journalSide string
	// taxIncluded: the sales amount column is price × quantity plus the
	// tax column beside it (decideTaxIncluded): the net amount is the
	// amount less its tax.
	taxIncluded bool
	// beforeDiscount: the sales amount column is price × quantity before
	// the discount column beside it (decideBeforeDiscount): the net amount
	// is the amount less the discount.
	beforeDiscount bool
	// dolibarrStatus: the status column holds Dolibarr's invoice status
	// codes (0 draft, 1 validated, 2 paid, 3 abandoned), read as their
	// words (dolibarrStatus).
	dolibarrStatus bool
	// costType is the cost type of every row of a service-costs file
	// without a cost type column, named by its amount's header or its
	// file name ("Coste porte", "rappels_2026.csv"); "" for none.
	costType string
}

// sampleRows is how many values of a column decide its format.
var sampleRows = 2000

// planTyping decides, for every mapped column, how its text is read: the
// number format, date order, boolean style, from a sample of its values.
func (w *loader) planTyping(ctx context.Context, rt *rawTable, kind schema.Kind, m schema.Mapping, cfg config.Config, rule *config.FileRule, sample func(idx int) ([]string, error)) (*typing, error) {
	t := &typing{kind: kind, cols: map[string]*column{}, mapping: m}
	if cfg.CurrencySet {
		t.reportCurrency = cfg.Currency
	}
	t.fallbackCurrency = cfg.Currency
	var scaled []*column
	dateOrder := cfg.DateOrder
	if rule != nil && rule.DateOrder != "" {
		dateOrder = rule.DateOrder
	}
	// One export writes all its dates one way: a date column whose every
	// value fits day-first and month-first (From: 4/1/2025) follows the
	// order the file's other date columns show (To: 6/30/2025), not the
	// configured one.
	fileOrder, fileOrderFrom := "", ""
	if rule == nil || rule.DateOrder == "" {
		orders := map[string]string{}
		for _, c := range kind.Columns {
			idx, ok := m.Columns[c.Name]
			if !ok || c.Type != schema.Date {
				continue
			}
			samples, err := sample(idx)
			if err != nil {
				return nil, err
			}
			if f := parse.DetectDate(samples, dateOrder, rt.Serial); !f.Ambiguous && !f.Inverted && f.Order != "ymd" {
				orders[f.Order] = rt.Header[idx]
			} else if _, us := parse.USClock(samples); f.Ambiguous && us {
				orders["mdy"] = rt.Header[idx]
			}
		}
		if len(orders) == 1 {
			for o, h := range orders {
				fileOrder, fileOrderFrom = o, h
			}
		}
	}
	samplesOf := map[string][]string{}
	for _, c := range kind.Columns {
		idx, ok := m.Columns[c.Name]
		if !ok {
			continue
		}
		col := &column{Name: c.Name, Col: c, Index: idx, Header: rt.Header[idx]}
		col.Raw = rt.textSQL(rawCol(idx))
		if si, ok := m.Columns["invoice_series"]; ok && c.Name == "invoice_id" {
			col.Raw = seriesNumberSQL(rt.textSQL(rawCol(si)), col.Raw)
			t.notes = append(t.notes, i18n.N("note.invoice_series", rt.Header[si], col.Header))
		}
		// The typed expressions read the trimmed text computed once in an
		// earlier layer of the query (they refer to their input many times).
		ref := sqlIdent("r_" + c.Name)
		needsSample := c.Type == schema.Money || c.Type == schema.Number || c.Type == schema.Share ||
			c.Type == schema.Score || c.Type == schema.Date || c.Type == schema.Bool || c.Type == schema.Currency ||
			c.Name == "document_type" || c.Name == "debit_credit" || c.Type == schema.ID ||
			(c.Name == "status" && (kind.Name == schema.Sales || kind.Name == schema.Invoices))
		var samples []string
		if needsSample {
			var err error
			samples, err = sample(idx)
			if err != nil {
				return nil, err
			}
			samplesOf[c.Name] = samples
		}
		if c.Name == "document_type" && (kind.Name == schema.Sales || kind.Name == schema.Invoices) {
			if sys := schema.FiscalDocumentCodes(col.Header, rt.Header, samples); sys != "" {
				// A tax authority's codes (CFDI E, SII 61, AFIP 3):
				// read as the type's name, so a credit note written
				// positive counts negative as for any other type.
				col.Raw = schema.FiscalDocumentSQL(sys, col.Raw)
				named := make([]string, len(samples))
				for i, v := range samples {
					named[i] = schema.FiscalDocumentName(sys, v)
				}
				samples = named
				samplesOf[c.Name] = named
				t.notes = append(t.notes, i18n.N("note.fiscal_document_codes", col.Header, sys))
			}
		}
		if c.Type == schema.ID && apostrophed(samples) {
			// Codes written with Excel's text prefix ('00123), as some
			// tools export them: the apostrophe only told Excel to keep
			// the code as text. Only when every sampled code has it.
			example := samples[0]
			col.Raw = "(case when starts_with(" + col.Raw + ", chr(39)) then nullif(substr(" + col.Raw + ", 2), '') else " + col.Raw + " end)"
			for i := range samples {
				samples[i] = strings.TrimPrefix(samples[i], "'")
			}
			t.notes = append(t.notes, i18n.N("note.apostrophe_codes", col.Header, example, samples[0]))
		}
		switch c.Type {
		case schema.ID, schema.Text:
			col.Value = ref
			if c.Type == schema.ID && floatIDs(samples) {
				// Codes a float column wrote (pandas: 123.0 for 123): the
				// ".0" is no part of the code, which the other files
				// write without it.
				col.Value = "regexp_replace(" + ref + `, '\.0+$', '')`
				t.notes = append(t.notes, i18n.N("note.float_ids", col.Header, samples[0], strings.TrimRight(strings.TrimRight(samples[0], "0"), ".")))
			}
		case schema.Money, schema.Number, schema.Share, schema.Score:
			f := parse.NumberFormat{Decimal: '.'}
			if !rt.Numeric[idx] {
				f = parse.DetectNumber(samples, rt.NumberHint)
			}
			col.Code, col.Detail = "number", numberExample(f)
			col.Decision = i18n.N("note.numbers_like", numberExample(f))
			if f.Ambiguous {
				col.Decision = i18n.Join(col.Decision, i18n.N("note.separators_assumed", localeWord(rt.NumberHint)))
				t.notes = append(t.notes, i18n.N("note.column", col.Header, col.Decision))
			}
			if f.Conflicts > 0 {
				t.notes = append(t.notes, i18n.N("note.numbers_conflict", col.Header, f.Conflicts, numberExample(f)))
			}
			percent := false
			if c.Type == schema.Share {
				percent = shareIsPercent(samples, f) || slices.Contains(m.PercentDecided, idx)
				col.percentByValues = percent && !rt.Numeric[idx] && !schema.SaysPercent(col.Header)
				if !percent && !rt.Numeric[idx] && schema.SaysPercent(col.Header) {
					// "Dto %" 0,5 is half a percent: a text export writes a
					// fraction formatted as a percentage with its sign
					// (50%), so plain values under a % header are on the
					// 0–100 scale, however small. A workbook's cell holds
					// the fraction itself and is read by its values.
					percent = true
				} else if !percent && hasNonZero(samples, f) && !slices.Contains(m.RateDecided, idx) {
					t.notes = append(t.notes, i18n.N("note.share_fraction", col.Header))
				}
			}
			col.Value = numberSQL(c, f, ref, percent)
			col.numberFormat = f
			if kind.Name == schema.Activities && c.Name == "duration_hours" && !schema.SaysHours(col.Header) {
				t.decideDurationUnit(col, samples, f)
			}
			if kind.Name == schema.Activities && c.Name == "duration_hours" && !rt.Numeric[idx] {
				if ex := slices.IndexFunc(samples, isWrittenDuration); ex >= 0 {
					// "01:30", "0:45:00", "1h 30m", "90 min": a time
					// written with its units is read in them; a plain
					// number keeps the column's reading.
					num := col.Value
					if col.Divide != "" {
						num, col.Divide = "("+num+" / "+col.Divide+")", ""
					}
					col.Value = writtenDurationSQL(ref, num)
					t.notes = append(t.notes, i18n.N("note.duration_written", col.Header, samples[ex]))
				}
			}
			if c.Type == schema.Money || c.Type == schema.Number {
				// A scale of a column holds for the columns it is derived
				// from or written in parts of (unit_price of net_amount,
				// the month columns of revenue_target).
				for _, name := range []string{c.Part, c.Source, c.Name} {
					if name == "" {
						continue
					}
					if s := cfg.Scale[kind.Name][name]; s != "" {
						col.Scale = s
					}
					if rule != nil && rule.Scale[name] != "" {
						col.Scale = rule.Scale[name]
					}
				}
				if col.Scale != "" {
					col.Decision = i18n.Join(col.Decision, i18n.N("note.scaled", col.Scale))
					scaled = append(scaled, col)
				}
			}
			if c.Type == schema.Money && col.Scale == "" {
				// "Objetivo (miles €)", "Revenue (k€)", "Budget ('000)":
				// the name says the amounts are thousands (or millions).
				// A scale in the configuration wins (scale: 1 undoes it).
				if f := schema.HeaderScale(col.Header); f != "" {
					col.Scale = f
					col.Decision = i18n.Join(col.Decision, i18n.N("note.header_scale_decision", f))
					t.notes = append(t.notes, i18n.N("note.header_scale", col.Header, f))
				}
			}
			if kind.Name == schema.KAMs && c.Name == "annual_cost" && col.Scale == "" && schema.SaysMonthly(col.Header) {
				// "Coste mensual", "Monthly salary": a KAM's cost for a
				// month, twelve of which make the year's.
				col.Scale = "12"
				col.Decision = i18n.Join(col.Decision, i18n.N("note.header_scale_decision", "12"))
				t.notes = append(t.notes, i18n.N("note.monthly_cost", col.Header))
			}
			if kind.Name == schema.FXRates && c.Name == "rate" && slices.ContainsFunc(samples, func(v string) bool { return strings.HasPrefix(v, "-") }) {
				col.Decision = i18n.Join(col.Decision, i18n.N("note.indirect_rates_decision"))
				t.notes = append(t.notes, i18n.N("note.indirect_rates", col.Header))
			}
			if c.Type == schema.Share && percent {
				col.Decision = i18n.Join(col.Decision, i18n.N("note.share_percent"))
			}
		case schema.Date:
			f := parse.DetectDate(samples, dateOrder, rt.Serial)
			if !f.Serial && serialDates(samples) {
				// A date column of a text file holding only whole numbers
				// of Excel's date range (46298): a sheet's dates saved
				// without their format are Excel serial numbers.
				f.Serial = true
				t.notes = append(t.notes, i18n.N("note.serial_dates_text", col.Header, samples[0]))
			}
			// Times on a US 12-hour clock (10/03/2026 2:15 PM) are a US
			// export's: month-first, unless a files: rule says otherwise.
			// A 24-hour clock, or Spanish "p. m.", says nothing.
			usClock := ""
			if ex, us := parse.USClock(samples); f.Ambiguous && us && (rule == nil || rule.DateOrder == "") {
				f = parse.DetectDate(samples, "mdy", rt.Serial)
				f.Ambiguous, usClock = false, ex
			}
			siblingOrder := false
			if f.Ambiguous && fileOrder != "" && fileOrder != f.Order {
				f = parse.DetectDate(samples, fileOrder, rt.Serial)
				siblingOrder = true
			}
			col.Code, col.Detail = "date", f.Order
			col.Decision = i18n.N("note.dates", orderWord(f.Order))
			if f.YearFirst {
				// Year-first ISO dates and date-times say nothing about day
				// and month order; a reject in this column reads "year
				// first: yyyy-mm-dd".
				col.Decision = i18n.N("note.iso_dates")
				col.Detail = "ymd"
			}
			if usClock != "" {
				read := ""
				if d, ok, err := parse.ParseDate(usClock, f); ok && err == nil {
					read = d.Format("2006-01-02")
				}
				col.Decision = i18n.Join(col.Decision, i18n.N("note.order_us_clock", usClock, read))
				t.notes = append(t.notes, i18n.N("note.column", col.Header, col.Decision))
			}
			if f.Ambiguous && siblingOrder {
				col.Decision = i18n.Join(col.Decision, i18n.N("note.order_from_sibling", fileOrderFrom))
				t.notes = append(t.notes, i18n.N("note.column", col.Header, col.Decision))
			} else if f.Ambiguous {
				col.Decision = i18n.Join(col.Decision, i18n.N("note.order_ambiguous", orderSource(rule, dateOrder)))
				t.notes = append(t.notes, i18n.N("note.column", col.Header, col.Decision))
			}
			if f.Conflicts > 0 {
				t.notes = append(t.notes, i18n.N("note.dates_conflict", col.Header, f.Conflicts, orderWord(f.Order)))
			}
			if f.Inverted {
				col.Decision = i18n.N("note.sap_dates_decision")
				col.Detail = "ymd"
				t.notes = append(t.notes, i18n.N("note.sap_dates", col.Header))
			}
			f.Epoch1904 = rt.Date1904
			col.Value = dateSQL(f, ref)
			if c.Name == "valid_from" {
				// "Valid from" a day before 1900 (SAP's 1800-01-01) is valid
				// since always: from the first day kam reads.
				col.Value = fmt.Sprintf("coalesce(%s, case when %s then date '1900-01-01' end)", col.Value, beforeYearSQL(f, ref, 1900))
				col.Decision = i18n.Join(col.Decision, i18n.N("note.valid_from_1900"))
			}
			col.dateFormat = f
		case schema.Bool:
			f := parse.DetectBool(samples)
			col.Code, col.Detail = "bool", "yes/no"
			col.Value = f.SQL(ref)
		case schema.Period:
			col.Code, col.Detail = "period", "2026-10, 2026-Q4, 2026, FY2026"
			col.Value, col.Start, col.Months = parse.PeriodSQL(ref, cfg.FiscalYearStart)
		case schema.Enum:
			col.Code, col.Detail = "enum", strings.Join(c.Values, ", ")
			col.Value = schema.EnumSQL(kind.Name, c.Name, ref)
			if kind.Name == schema.Opportunities && c.Name == "status" {
				// A status in other words ("Closed - Lost", Copper's
				// "Abandoned") names its outcome as a stage does.
				col.Value = "coalesce(" + col.Value + ", " + schema.StageOutcomeSQL(ref) + ")"
			}
		case schema.Currency:
			col.Code, col.Detail = "currency", "ISO code such as EUR, USD, MXN"
			if slices.ContainsFunc(samples, func(v string) bool { return strings.EqualFold(strings.TrimSpace(v), "XXX") }) {
				// ISO 4217's XXX is "no currency": the CFDI writes it on
				// its payment and transfer receipts, whose amounts are
				// zero or no sale. A row that names no currency is read
				// as one that leaves its currency blank.
				col.Raw = "(case when upper(" + col.Raw + ") = 'XXX' then null else " + col.Raw + " end)"
				t.notes = append(t.notes, i18n.N("note.currency_none_xxx", col.Header))
			}
			col.Value = currencySQL(ref)
			if sign := t.sharedSignReporting(); sign != "" {
				// A currency column that writes a sign several
				// currencies share (AFIP's Moneda "$" for the peso)
				// names the reporting currency when it is one of the
				// sign's; else the row is rejected as not a code.
				col.Value = "(case when " + ref + " in (" + sign + ") then " + sqlString(t.reportCurrency) + " else " + col.Value + " end)"
			}
		}
		t.cols[c.Name] = col
		t.order = append(t.order, c.Name)
	}
	if kind.Name == schema.Activities && !t.has("duration_hours") && !t.has("duration_minutes") && !t.has("duration_seconds") && t.spanHours() != "" {
		from, to := t.cols["activity_date"].Header, ""
		if c, ok := t.cols["start_time"]; ok {
			from += " " + c.Header
		}
		for _, n := range []string{"end_date", "end_time"} {
			if c, ok := t.cols[n]; ok {
				to = strings.TrimSpace(to + " " + c.Header)
			}
		}
		t.notes = append(t.notes, i18n.N("note.duration_from_span", from, to))
	}
	if c, ok := t.cols["completed_date"]; ok && kind.Name == schema.Activities {
		t.notes = append(t.notes, i18n.N("note.completed_date", c.Header, t.cols["activity_date"].Header))
	}
	if c, ok := t.cols["is_all_day"]; ok && kind.Name == schema.Activities && !t.has("duration_hours") {
		t.notes = append(t.notes, i18n.N("note.all_day_no_duration", c.Header))
	}
	if c, ok := t.cols["modified_date"]; ok && kind.Name == schema.Opportunities && t.has("opportunity_id") {
		t.notes = append(t.notes, i18n.N("note.latest_change_wins", c.Header))
	}
	if kind.Name == schema.Opportunities && !t.has("opportunity_id") {
		t.notes = append(t.notes, i18n.N("note.no_opportunity_id"))
	}
	t.notes = append(t.notes, unsaidCurrencyNotes(t, samplesOf)...)
	if n, ok := t.cols["net_amount"]; ok && kind.Name == schema.Sales {
		var parts []string
		for _, c := range []string{"exempt_amount", "nontaxable_amount"} {
			if x, ok := t.cols[c]; ok {
				parts = append(parts, strconv.Quote(x.Header))
			}
		}
		if len(parts) > 0 {
			t.notes = append(t.notes, i18n.N("note.exempt_added", strings.Join(parts, " + "), n.Header))
		}
	}
	if r, ok := t.cols["adjusted_total"]; ok && kind.Name == schema.Sales && !t.has("refunded_amount") {
		tot := t.cols["order_total"]
		if tax := t.cols["tax_amount"]; tax != nil {
			t.notes = append(t.notes, i18n.N("note.adjusted_total_refund", r.Header, tot.Header, tax.Header))
		} else {
			t.notes = append(t.notes, i18n.N("note.adjusted_total_refund_share", r.Header, tot.Header))
		}
	}
	if r, ok := t.cols["refunded_amount"]; ok && kind.Name == schema.Sales {
		if tot, tax := t.cols["order_total"], t.cols["tax_amount"]; tot != nil && tax != nil {
			t.notes = append(t.notes, i18n.N("note.refunds_subtracted_before_tax", r.Header, tot.Header, tax.Header))
		} else if tot != nil {
			t.notes = append(t.notes, i18n.N("note.refunds_subtracted_share", r.Header, tot.Header))
		} else {
			t.notes = append(t.notes, i18n.N("note.refunds_subtracted", r.Header))
		}
	}
	if r, ok := t.cols["margin_pct"]; ok && kind.Name == schema.Sales {
		// A rate is no profit amount, and a cost made from a rounded rate
		// would be invented. It feeds nothing, so a value that does not
		// read (Excel's #DIV/0! on a line of 0) rejects no line.
		r.Code = ""
		t.notes = append(t.notes, i18n.N("note.margin_rate", r.Header))
	}
	if d, ok := t.cols["document_type"]; ok && (kind.Name == schema.Sales || kind.Name == schema.Invoices) {
		t.notes = append(t.notes, creditNote(kind.Name, d.Header, samplesOf["document_type"]))
		if n, ok := openOrders(d.Header, samplesOf["document_type"]); ok && kind.Name == schema.Sales {
			t.notes = append(t.notes, n)
		}
		if n, ok := noSaleDocuments(d.Header, samplesOf["document_type"]); ok {
			t.notes = append(t.notes, n)
		}
	}
	if id, ok := t.cols["invoice_id"]; ok && !t.has("document_type") && !t.has("invoice_series") && (kind.Name == schema.Sales || kind.Name == schema.Invoices) {
		if credit, ok := schema.TypeInNumber(samplesOf["invoice_id"]); ok {
			t.typeInNumber = true
			t.notes = append(t.notes, i18n.N("note.type_in_number", id.Header, credit))
		} else if credit, others, ok, unsure := schema.CreditPrefixInNumber(samplesOf["invoice_id"]); ok {
			// A credit note's number opens with its code (Siigo's
			// NC-1-57 beside FV-1-1024, Xero's CN-0001 beside INV-0001):
			// its lines count negative.
			t.typeInNumber = true
			t.notes = append(t.notes, i18n.N("note.credit_prefix_in_number", id.Header, credit, strings.Join(others, ", ")))
		} else if unsure {
			t.notes = append(t.notes, i18n.N("note.credit_prefix_unsure", id.Header, credit, strings.Join(others, ", ")))
		}
	}
	if d, c := t.cols["debit_amount"], t.cols["credit_amount"]; kind.Name == schema.Sales && d != nil && c != nil && !t.has("net_amount") {
		t.notes = append(t.notes, t.decideJournalSide(d, c, samplesOf["debit_amount"], samplesOf["credit_amount"]))
	}
	if st, ok := t.cols["status"]; ok && (kind.Name == schema.Sales || kind.Name == schema.Invoices) && dolibarrStatus(st.Header, rt.Header, samplesOf["status"]) {
		t.dolibarrStatus = true
		t.notes = append(t.notes, i18n.N("note.dolibarr_status", st.Header))
	}
	if kind.Name == schema.Sales {
		var bases []string
		for _, name := range schema.TaxBaseColumns {
			if c, ok := t.cols[name]; ok {
				bases = append(bases, c.Header)
			}
		}
		switch net, ok := t.cols["net_amount"]; {
		case len(bases) > 0 && ok:
			t.notes = append(t.notes, i18n.N("note.tax_bases_over", strings.Join(quoted(bases), " + "), net.Header))
		case len(bases) > 0:
			t.notes = append(t.notes, i18n.N("note.tax_bases", strings.Join(quoted(bases), " + ")))
		}
	}
	if d, ok := t.cols["debit_credit"]; ok && kind.Name == schema.Sales {
		t.notes = append(t.notes, t.decideSaleSide(d.Header, samplesOf["debit_credit"]))
	}
	if q, n := t.cols["quantity"], t.cols["net_amount"]; kind.Name == schema.Sales && q != nil && n != nil &&
		anyNegative(samplesOf["quantity"], q.numberFormat) && !anyNegative(samplesOf["net_amount"], n.numberFormat) {
		// Returns written with a negative quantity and the amount
		// unsigned (derive reads such a line's amount as negative).
		t.notes = append(t.notes, i18n.N("note.unsigned_returns", q.Header, n.Header))
	}
	if g, ok := t.cols["gross_amount"]; ok && t.has("tax_amount") && !m.NetFromGross() {
		// SAP's GROSSAMOUNT is NETAMOUNT + TAXAMOUNT: the difference is
		// tax, not a discount.
		t.notes = append(t.notes, i18n.N("note.gross_with_tax", g.Header, t.cols["tax_amount"].Header))
	}
	t.notes = append(t.notes, scaleNotes(scaled)...)
	t.decideHeaderCurrency(cfg.Currency, rt.bookedCurrency)
	return t, nil
}

// scaleNotes say which columns a configured scale multiplied, one note per
// factor ("M01" … "M12" of a targets sheet in thousands are one note).
func scaleNotes(cols []*column) []i18n.Note {
	var factors []string
	headers := map[string][]string{}
	for _, c := range cols {
		if headers[c.Scale] == nil {
			factors = append(factors, c.Scale)
		}
		headers[c.Scale] = append(headers[c.Scale], strconv.Quote(c.Header))
	}
	var out []i18n.Note
	for _, f := range factors {
		h := headers[f]
		if len(h) > 1 {
			out = append(out, i18n.N("note.columns_scaled", strings.Join(h, ", "), f))
		} else {
			out = append(out, i18n.N("note.column_scaled", h[0], f))
		}
	}
	return out
}

// sample takes up to sampleRows non-blank values of a column, spread over
// the whole file and always the same ones for the same file.
func (w *loader) sample(ctx context.Context, rt *rawTable, idx int) ([]string, error) {
	step := max(rt.Rows/int64(sampleRows), 1)
	c := rawCol(idx)
	q := fmt.Sprintf(`select %[1]s from %[2]s where %[1]s is not null and not contains(%[1]s, chr(0))
		and (rowid - %[5]d < 1000 or (rowid - %[5]d) %% %[3]d = 0) limit %[4]d`, rt.textSQL(c), rt.Name, step, sampleRows, rt.rowBase)
	rows, err := w.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("sample column %s: %w", c, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// numberSQL adds to the parsed number what its column type needs: shares on
// a 0–100 scale divided by 100, scores as whole numbers. Amounts and
// quantities are not percentages: a "12%" in an amount column is a value
// in the wrong column, rejected rather than read as 0.12.
func numberSQL(c schema.Column, f parse.NumberFormat, raw string, percent bool) string {
	v := f.SQL(raw)
	notPercent := func(e string) string {
		return "(case when contains(" + raw + ", '%') then null else " + e + " end)"
	}
	switch c.Type {
	case schema.Money:
		return fastNumber(f, raw, 4, notPercent("try_cast("+v+" as decimal(18,4))"))
	case schema.Number:
		return fastNumber(f, raw, 8, notPercent("try_cast("+v+" as decimal(18,8))"))
	case schema.Share:
		if percent {
			// Values written with a % sign are already fractions.
			v = "(case when contains(" + raw + ", '%') then " + v + " else " + v + " / 100 end)"
		}
		general := "try_cast(" + v + " as decimal(9,6))"
		// Plain values (no % sign) are the common case: read them with a
		// cast and scale them.
		plain := fastNumber(f, raw, 6, "null")
		if percent {
			plain = "(" + plain + " / 100)"
		}
		return "coalesce(try_cast(" + plain + " as decimal(9,6)), " + general + ")"
	case schema.Score:
		// A whole number is kept as written, so that a score outside 1–5
		// is rejected as out of range (load.go), not as unreadable.
		return "(case when abs(" + v + ") < 128 and " + v + " = round(" + v + ") then cast(" + v + " as tinyint) end)"
	}
	return v
}

// fastNumber reads the plain forms that make up nearly every value of a
// column (digits, the column's grouping and decimal separators, at most as
// many decimals as the stored type, an optional euro sign) with two string
// replacements and a cast; anything else goes through the general
// expression. Both give the same value for the plain forms: the decimals fit
// the type exactly.
func fastNumber(f parse.NumberFormat, raw string, scale int, general string) string {
	group, dec := `\.`, ","
	if f.Decimal == '.' {
		group, dec = ",", `\.`
	}
	pattern := fmt.Sprintf(`-?(?:\d{1,3}(?:%s\d{3})+|\d+)(?:%s\d{1,%d})?(?: ?€)?`, group, dec, scale)
	plain := fmt.Sprintf("rtrim(replace(replace(%s, '€', ''), %s, ''))", raw, sqlString(string(map[byte]byte{',': '.', '.': ','}[f.Decimal])))
	if f.Decimal == ',' {
		plain = "replace(" + plain + ", ',', '.')"
	}
	return fmt.Sprintf("(case when regexp_full_match(%s, %s) then try_cast(%s as decimal(18,%d)) else %s end)",
		raw, sqlString(pattern), plain, scale, general)
}

// dateSQL reads the column's usual form (ISO, or dd/mm/yyyy or mm/dd/yyyy
// with its order) with DuckDB's own date parsing, within the accepted
// years, and anything else through the general expression, which gives the
// same date for those forms.
func dateSQL(f parse.DateFormat, raw string) string {
	general := f.SQL(raw)
	if f.Inverted {
		return general
	}
	inRange := func(d string) string {
		return fmt.Sprintf("(case when %[1]s between date '1900-01-01' and date '2100-12-31' then %[1]s end)", d)
	}
	iso := inRange("try_cast(" + raw + " as date)")
	slashed := ""
	switch f.Order {
	case "dmy":
		slashed = inRange("cast(try_strptime(" + raw + ", '%d/%m/%Y') as date)")
	case "mdy":
		slashed = inRange("cast(try_strptime(" + raw + ", '%m/%d/%Y') as date)")
	}
	var b strings.Builder
	fmt.Fprintf(&b, `(case when regexp_full_match(%s, '\d{4}-\d{2}-\d{2}') then %s`, raw, iso)
	if slashed != "" {
		fmt.Fprintf(&b, ` when regexp_full_match(%s, '\d{2}/\d{2}/\d{4}') then %s`, raw, slashed)
	}
	fmt.Fprintf(&b, " else %s end)", general)
	return b.String()
}

// beforeYearSQL: the raw text is a date (ISO, or inverted for an inverted
// column) whose year is before year, which the date grammar rejects as out
// of range.
func beforeYearSQL(f parse.DateFormat, raw string, year int) string {
	if f.Inverted {
		return fmt.Sprintf("(regexp_full_match(%[1]s, '[0-9]{8}') and 99999999 - cast(%[1]s as bigint) between 10000101 and %[2]d)", raw, year*10000)
	}
	return fmt.Sprintf("(regexp_full_match(%[1]s, '[0-9]{4}-[0-9]{2}-[0-9]{2}') and %[1]s < '%04[2]d')", raw, year)
}

// shareIsPercent: a share column with any value above 1 is on a 0–100 scale.
func shareIsPercent(samples []string, f parse.NumberFormat) bool {
	one := big.NewRat(1, 1)
	for _, s := range samples {
		if strings.Contains(s, "%") {
			continue
		}
		dec, ok, err := parse.ParseNumber(s, f)
		if err != nil || !ok {
			continue
		}
		r, ok := new(big.Rat).SetString(dec)
		if ok && r.Abs(r).Cmp(one) > 0 {
			return true
		}
	}
	return false
}

// anyNegative reports whether a sampled value reads as a number below 0.
func anyNegative(samples []string, f parse.NumberFormat) bool {
	for _, s := range samples {
		if dec, ok, err := parse.ParseNumber(s, f); err == nil && ok && strings.HasPrefix(dec, "-") && strings.Trim(dec, "-0.") != "" {
			return true
		}
	}
	return false
}

// sampleMedian is the median of the sampled values that read as numbers;
// false when none does.
func sampleMedian(samples []string, f parse.NumberFormat) (float64, bool) {
	var xs []float64
	for _, s := range samples {
		dec, ok, err := parse.ParseNumber(s, f)
		if err != nil || !ok {
			continue
		}
		if r, ok := new(big.Rat).SetString(dec); ok {
			x, _ := r.Float64()
			xs = append(xs, x)
		}
	}
	if len(xs) == 0 {
		return 0, false
	}
	slices.Sort(xs)
	if n := len(xs); n%2 == 0 {
		return (xs[n/2-1] + xs[n/2]) / 2, true
	}
	return xs[len(xs)/2], true
}

// decideDurationUnit reads a duration whose header does not say hours.
// A header that says milliseconds is read so. Otherwise the typical value
// decides, as the longest unit in which it is a plausible activity: up to
// 8 hours (a timesheet's 1,5), up to 240 minutes (Dynamics' 30, 60), up
// to 28.800 seconds (eight hours: Close's call of 330), above that
// milliseconds (HubSpot's Call duration, 330000 for 5 min 30 s). Read as
// minutes, a call in milliseconds lasted thousands of hours, and the
// KAM's time × rate cost to serve with it. A column whose every value is
// a whole thousand is milliseconds too (20000: a call of 20 s, not 5 h
// 33 min). The note says which unit was read and how to say another.
func (t *typing) decideDurationUnit(col *column, samples []string, f parse.NumberFormat) {
	if schema.SaysMilliseconds(col.Header) {
		col.Divide = "3600000"
		col.Decision = i18n.Join(col.Decision, i18n.N("note.duration_milliseconds_decision"))
		t.notes = append(t.notes, i18n.N("note.duration_milliseconds_header", col.Header))
		return
	}
	med, ok := sampleMedian(samples, f)
	if !ok {
		return
	}
	// read divides the column into hours and says so: the decision's
	// note on the column, why's on the file.
	read := func(divide, decision, why string) {
		col.Divide = divide
		col.Decision = i18n.Join(col.Decision, i18n.N(decision))
		t.notes = append(t.notes, i18n.N(why, col.Header, formatMedian(med)))
	}
	switch {
	case med >= 1000 && wholeThousands(samples, f):
		read("3600000", "note.duration_milliseconds_decision", "note.duration_milliseconds_thousands")
	case med > 28800:
		read("3600000", "note.duration_milliseconds_decision", "note.duration_milliseconds")
	case med > 240:
		read("3600", "note.duration_seconds_decision", "note.duration_seconds")
	case med > 8:
		read("60", "note.duration_minutes_decision", "note.duration_minutes")
	default:
		t.notes = append(t.notes, i18n.N("note.duration_hours", col.Header, formatMedian(med)))
	}
}

// wholeThousands: every sampled value that reads as a number other than 0
// is a whole multiple of 1000, and at least one does.
func wholeThousands(samples []string, f parse.NumberFormat) bool {
	n := 0
	for _, s := range samples {
		dec, ok, err := parse.ParseNumber(s, f)
		if err != nil || !ok || dec == "0" {
			continue
		}
		r, ok := new(big.Rat).SetString(dec)
		if !ok {
			continue
		}
		if !r.IsInt() || new(big.Int).Rem(r.Num(), big.NewInt(1000)).Sign() != 0 {
			return false
		}
		n++
	}
	return n > 0
}

// formatMedian writes a median for a note: at most two decimals.
func formatMedian(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(x, 'f', 2, 64), "0"), ".")
}

// hasNonZero reports whether a sampled value without a % sign reads as a
// number other than 0: a column of zeros says nothing of its scale.
func hasNonZero(samples []string, f parse.NumberFormat) bool {
	for _, s := range samples {
		if strings.Contains(s, "%") {
			continue
		}
		if dec, ok, err := parse.ParseNumber(s, f); err == nil && ok && dec != "0" {
			return true
		}
	}
	return false
}

func numberExample(f parse.NumberFormat) string {
	if f.Decimal == ',' {
		return "1.234,56"
	}
	return "1,234.56"
}

func localeWord(hint string) i18n.Note {
	if hint == "en" {
		return i18n.N("note.decimal_point")
	}
	return i18n.N("note.decimal_comma")
}

// orderSource says where the order of an ambiguous date column came from
// and how to change it: a files: rule, or date_order (kam's default dmy
// unless kam.yaml sets it).
func orderSource(rule *config.FileRule, used string) i18n.Note {
	other := map[string]string{"dmy": "mdy", "mdy": "dmy", "ymd": "dmy"}[used]
	if rule != nil && rule.DateOrder != "" {
		return i18n.N("note.order_rule", used, rule.Glob)
	}
	return i18n.N("note.order_default", used, other, orderWord(other))
}

func orderWord(order string) i18n.Note {
	switch order {
	case "mdy":
		return i18n.N("note.order_mdy")
	case "ymd":
		return i18n.N("note.order_ymd")
	}
	return i18n.N("note.order_dmy")
}

// currencyNames are the spellings of the currencies seen in exports that are
// not ISO codes.
var currencyNames = map[string]string{
	"€": "EUR", "EURO": "EUR", "EUROS": "EUR",
	"US$": "USD", "US DOLLAR": "USD", "DOLAR": "USD", "DÓLAR": "USD", "DOLLAR": "USD", "USD$": "USD",
	"MX$": "MXN", "MXN$": "MXN", "PESO MEXICANO": "MXN", "MEXICAN PESO": "MXN",
	"£": "GBP", "POUND STERLING": "GBP", "LIBRA": "GBP",
	// Dollar signs a country prefix makes one currency's (R$ is the
	// Brazilian real: read as the reporting currency, 1.234,56 BRL was
	// taken for euros), and the symbols only one currency uses.
	"R$": "BRL", "A$": "AUD", "AU$": "AUD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD",
	"S$": "SGD", "NT$": "TWD", "₹": "INR", "₩": "KRW", "₺": "TRY", "₽": "RUB", "₪": "ILS",
	"₱": "PHP", "₫": "VND", "₴": "UAH", "₦": "NGN",
	// The rupee's abbreviation, as Indian software writes it before an
	// amount (Rs. 1,00,000): the Indian rupee, like ₹.
	"RS": "INR", "RS.": "INR",
	// The currencies written in letters after their amounts (letterSigns
	// in parse); "kr" is several crowns' (signCurrencies).
	"ZŁ": "PLN", "KČ": "CZK", "FT": "HUF", "LEI": "RON", "S/": "PEN", "S/.": "PEN",
}

// commonCurrencies are read without the general expression.
var commonCurrencies = []string{"EUR", "USD", "MXN", "GBP", "CHF", "JPY", "CNY", "BRL", "ARS", "CLP", "COP", "PEN", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "TRY", "MAD", "INR"}

func currencySQL(raw string) string {
	quoted := make([]string, len(commonCurrencies))
	for i, c := range commonCurrencies {
		quoted[i] = sqlString(c)
	}
	return "(case when " + raw + " in (" + strings.Join(quoted, ", ") + ") then " + raw + " else " + currencyGeneralSQL(raw) + " end)"
}

func currencyGeneralSQL(raw string) string {
	keys := make([]string, 0, len(currencyNames))
	for k := range currencyNames {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("(case upper(" + raw + ")")
	for _, k := range keys {
		fmt.Fprintf(&b, " when %s then %s", sqlString(k), sqlString(currencyNames[k]))
	}
	fmt.Fprintf(&b, " else case when regexp_full_match(upper(%s), '[A-Z]{3}') then upper(%s) end end)", raw, raw)
	return b.String()
}

// repeatedHeaderNotes say which copy of a header written more than once
// (gross and net both labelled "Importe") feeds which column, so the
// choice is never silent.
func repeatedHeaderNotes(header []string, m schema.Mapping) []i18n.Note {
	fed := map[int]string{}
	for name, i := range m.Columns {
		fed[i] = name
	}
	groups := map[string][]int{}
	var order []string
	for i, h := range header {
		n := schema.Normalize(h)
		if n == "" {
			continue
		}
		if len(groups[n]) == 0 {
			order = append(order, n)
		}
		groups[n] = append(groups[n], i)
	}
	var out []i18n.Note
	for _, n := range order {
		idx := groups[n]
		if len(idx) < 2 || !slices.ContainsFunc(idx, func(i int) bool { _, ok := fed[i]; return ok }) {
			continue
		}
		fates := make([]i18n.Note, len(idx))
		for k, i := range idx {
			fates[k] = i18n.N("note.header_unread", i+1)
			if c, ok := fed[i]; ok {
				fates[k] = i18n.N("note.header_feeds", i+1, c)
			}
		}
		out = append(out, i18n.N("note.repeated_header", header[idx[0]], len(idx), i18n.List(fates...)))
	}
	return out
}

// unsaidCurrencyNotes: amounts written with a currency sign that names no
// one currency ($ is the dollar of the US, Mexico, Chile, Colombia…, ¥ the
// yen and the yuan), in a kind with a currency column the file lacks, are
// read in the reporting currency when it is one of the sign's; kam cannot
// know better, so it says so. A sign the reporting currency is not one of
// rejects its rows instead (unsaidSignCheck). The sample decides, like the
// column's number format.
func unsaidCurrencyNotes(t *typing, samplesOf map[string][]string) []i18n.Note {
	if _, ok := t.kind.Column("currency"); !ok || t.has("currency") {
		return nil
	}
	var out []i18n.Note
	for _, name := range t.order {
		c := t.cols[name]
		if c.Col.Type != schema.Money {
			continue
		}
		var signs []string
		for _, s := range samplesOf[name] {
			if k := parse.CurrencyMarker(s); k != "" && markerCurrency(k) == "" && !slices.Contains(signs, k) && !signRejected(k, t.fallbackCurrency) {
				signs = append(signs, k)
			}
		}
		if len(signs) > 0 {
			out = append(out, i18n.N("note.currency_symbol_unsaid", c.Header, strings.Join(signs, " ")))
		}
	}
	return out
}

// markerCurrency is the ISO code a currency written beside an amount names,
// as currencySQL reads it: "" for a sign shared by several currencies.
func markerCurrency(k string) string {
	u := strings.ToUpper(k)
	if c, ok := currencyNames[u]; ok {
		return c
	}
	if len(u) == 3 && strings.Trim(u, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		return u
	}
	return ""
}

// creditNote says how a sales or invoices file's document type column is
// read: the sampled types that make a line or an invoice a credit note (its
// lines' amounts counted negative), or that none of those sampled does.
func creditNote(kind, header string, samples []string) i18n.Note {
	var credit []string
	for _, v := range samples {
		if len(credit) == 5 {
			break
		}
		if schema.IsCreditDocument(v) && !slices.Contains(credit, v) {
			credit = append(credit, v)
		}
	}
	if len(credit) == 0 {
		return i18n.N("note.credit_documents_none", header)
	}
	q := make([]string, len(credit))
	for i, v := range credit {
		q[i] = strconv.Quote(v)
	}
	if kind == schema.Invoices {
		return i18n.N("note.credit_invoices", header, strings.Join(q, ", "))
	}
	return i18n.N("note.credit_documents", header, strings.Join(q, ", "))
}

// openOrders notes a document type column whose sampled types hold orders
// beside invoices or credit notes: those orders are not invoiced yet and
// are kept out of revenue (schema.OpenOrderSQL decides it on every line).
func openOrders(header string, samples []string) (i18n.Note, bool) {
	var orders []string
	invoiced := false
	for _, v := range samples {
		switch {
		case schema.IsOrderDocument(v):
			if !slices.Contains(orders, v) && len(orders) < 5 {
				orders = append(orders, v)
			}
		case schema.IsInvoiceDocument(v) || schema.IsCreditDocument(v):
			invoiced = true
		}
	}
	if len(orders) == 0 || !invoiced {
		return i18n.Note{}, false
	}
	q := make([]string, len(orders))
	for i, v := range orders {
		q[i] = strconv.Quote(v)
	}
	return i18n.N("note.open_orders", header, strings.Join(q, ", ")), true
}

// noSaleDocuments notes a document type column whose sampled types hold
// documents that sell nothing (a payment, payroll or transfer receipt:
// schema.IsNoSaleDocument): their lines are loaded and kept out of revenue.
func noSaleDocuments(header string, samples []string) (i18n.Note, bool) {
	var types []string
	for _, v := range samples {
		if schema.IsNoSaleDocument(v) && !slices.Contains(types, v) && len(types) < 5 {
			types = append(types, v)
		}
	}
	if len(types) == 0 {
		return i18n.Note{}, false
	}
	q := make([]string, len(types))
	for i, v := range types {
		q[i] = strconv.Quote(v)
	}
	return i18n.N("note.no_sale_documents", header, strings.Join(q, ", ")), true
}

// seriesNumberSQL is an invoice's id from its series and its number
// ("A" and "1" → "A/1"), so that invoice 1 of series A and invoice 1 of
// the rectifying series R, or of the years 2025 and 2026, are two
// invoices. A number that already starts with its series ("F" and
// "F260001", "2026" and "2026/0001") is kept as it is; a blank series
// leaves the number alone.
func seriesNumberSQL(series, number string) string {
	return fmt.Sprintf("(case when %[1]s is null or %[2]s is null then %[2]s"+
		" when starts_with(%[2]s, %[1]s) and (regexp_matches(%[1]s, '[^0-9]') or not regexp_matches(%[2]s[length(%[1]s) + 1:], '^[0-9]')) then %[2]s"+
		" else %[1]s || '/' || %[2]s end)", series, number)
}

// floatIDs: every sampled code is a whole number written with a decimal
// zero (123.0), as a float column writes an integer code.
func floatIDs(samples []string) bool {
	if len(samples) == 0 {
		return false
	}
	for _, v := range samples {
		if !floatIDPattern.MatchString(v) {
			return false
		}
	}
	return true
}

var floatIDPattern = regexp.MustCompile(`^-?[0-9]+\.0+$`)

// serialDates: every sampled value is a whole number between 20000 and
// 80000, the Excel serial numbers of 1954-10-03 to 2119-01-11 (years,
// yyyymmdd numbers and amounts fall outside or are not all whole).
func serialDates(samples []string) bool {
	if len(samples) == 0 {
		return false
	}
	for _, v := range samples {
		n, err := strconv.Atoi(v)
		if err != nil || n < 20000 || n > 80000 {
			return false
		}
	}
	return true
}

// apostrophed: every sampled code opens with Excel's text prefix (').
func apostrophed(samples []string) bool {
	if len(samples) == 0 {
		return false
	}
	for _, v := range samples {
		if len(v) < 2 || v[0] != '\'' {
			return false
		}
	}
	return true
}

func quoted(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Quote(x)
	}
	return out
}

// dolibarrStatus: a status column of Dolibarr's invoice codes. Only its
// field's own name (fk_statut) or a Dolibarr export's third-party headers
// ("Third party ID", "Tiers") say the digits are its codes, and then only
// when every sampled value is one of them (0 draft, 1 validated, 2 paid, 3
// abandoned). Other systems' numeric statuses are left as written.
func dolibarrStatus(header string, headers, samples []string) bool {
	n := schema.Normalize(header)
	dolibarr := n == "fk statut" || n == "f fk statut"
	for _, h := range headers {
		hn := schema.Normalize(h)
		dolibarr = dolibarr || strings.HasPrefix(hn, "third party") || hn == "tiers" || strings.HasPrefix(hn, "tiers ") || hn == "fk soc"
	}
	if !dolibarr || len(samples) == 0 {
		return false
	}
	for _, v := range samples {
		switch strings.TrimSpace(v) {
		case "0", "1", "2", "3":
		default:
			return false
		}
	}
	return true
}

// dolibarrStatusSQL reads Dolibarr's invoice status codes as its words:
// a draft (0) was never issued, an abandoned invoice (3) is no sale.
func dolibarrStatusSQL(v string) string {
	c := "trim(cast(" + v + " as varchar))"
	return "(case " + c + " when '0' then 'Draft' when '1' then 'Validated' when '2' then 'Paid' when '3' then 'Abandoned' else cast(" + v + " as varchar) end)"
}
