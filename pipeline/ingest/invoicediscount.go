package ingest

import (
	"context"
	"encoding/json"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"kam/i18n"
	"kam/pipeline/ingest/schema"
)

// percentWords say that an invoice discount's header holds a percentage
// ("Dto. P.P. %", "% pronto pago", "Skontosatz"); the others ("Invoice
// discount", "Skontobetrag") are read as amounts when nothing else tells.
var percentWords = []string{"p p", "pp", "pronto", "financiero", "satz", "pct", "percent", "porcentaje", "prozent"}

// percentHeader reports whether a discount header names a percentage.
func percentHeader(h string) bool {
	if strings.Contains(h, "%") {
		return true
	}
	n := " " + schema.Normalize(h) + " "
	if strings.Contains(n, "betrag") || strings.Contains(n, "importe") || strings.Contains(n, "amount") {
		return false
	}
	return slices.ContainsFunc(percentWords, func(w string) bool {
		return strings.Contains(n, " "+w+" ") || strings.HasSuffix(strings.TrimSpace(n), w)
	})
}

// noteInvoiceDiscounts: an invoice headers file that states a discount on
// the whole invoice (invoice_discount) says, once every file is loaded,
// what became of it. stg_sales_lines_checked takes it off the lines of the
// invoices whose base is their lines less it; on the others nothing tells
// whether the lines are before it, so they stay as written, and the note
// names the amount at stake (the discount read as a percentage of the
// lines when its header says so, else as an amount) and what to export.
func (w *loader) noteInvoiceDiscounts(ctx context.Context, loaded []LoadedFile) error {
	for i, lf := range loaded {
		header := lf.Mapping["invoice_discount"]
		if lf.Kind != schema.Invoices || header == "" || lf.Action == "unchanged" || lf.Action == "copy" {
			continue
		}
		stake := "abs(h.v)"
		if percentHeader(header) {
			stake = "abs(l.s) * abs(h.v) / 100"
		}
		q := `with h as (
				select invoice_id, any_value(invoice_discount) as v, any_value(invoice_base) as b
				from raw.invoices
				where file_id = $1 and reject is null and invoice_discount <> 0
				group by all
			),
			l as (
				select invoice_id, sum(net_amount) as s
				from raw.sales
				where reject is null and invoice_id in (select invoice_id from h)
				group by all
			),
			j as (
				select h.*, l.s, ` + stake + ` as stake,
					h.b is not null and l.s <> 0 and (
						abs(abs(l.s) * (100 - abs(h.v)) / 100 - abs(h.b)) < 0.01
						or abs(abs(l.s) - abs(h.v) - abs(h.b)) < 0.01
					) as applied,
					h.b is not null and abs(abs(l.s) - abs(h.b)) < 0.01 as already
				from h inner join l using (invoice_id)
			)
			select
				count(*) filter (where applied),
				coalesce(cast(round(sum(abs(s) - abs(b)) filter (where applied), 2) as varchar), '0'),
				count(*) filter (where not applied and not already),
				coalesce(cast(round(sum(stake) filter (where not applied and not already), 2) as varchar), '0'),
				coalesce(cast(min(v) filter (where not applied and not already) as varchar), '')
			from j`
		var applied, open int64
		var off, atStake, example string
		if err := w.QueryRow(ctx, q, lf.FileID).Scan(&applied, &off, &open, &atStake, &example); err != nil {
			return err
		}
		off, atStake, example = cents(off), cents(atStake), plainDecimal(example)
		var notes []i18n.Note
		if applied > 0 {
			notes = append(notes, i18n.N("note.invoice_discount_applied", header, strconv.FormatInt(applied, 10), off, lf.Mapping["invoice_base"]))
		}
		if open > 0 {
			how := i18n.N("note.invoice_discount_as_amount")
			if percentHeader(header) {
				how = i18n.N("note.invoice_discount_as_percent")
			}
			notes = append(notes, i18n.N("note.invoice_discount_not_applied", header, example, lf.Path, atStake, strconv.FormatInt(open, 10), how))
		}
		for _, note := range notes {
			js, err := json.Marshal(note)
			if err != nil {
				return err
			}
			if err := w.Exec(ctx, "update meta.files set notes = rtrim(notes, ']') || ',' || $2 || ']' where file_id = $1", lf.FileID, string(js)); err != nil {
				return err
			}
			loaded[i].Notes = append(loaded[i].Notes, i18n.Texts([]i18n.Note{note})...)
		}
	}
	return nil
}

// plainDecimal writes a stored decimal without its trailing zeros
// (2.00000000 is 2, 30.50000000 is 30.5).
func plainDecimal(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// cents writes a decimal amount with two decimals (40.0 is 40.00).
func cents(s string) string {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return s
	}
	return r.FloatString(2)
}
