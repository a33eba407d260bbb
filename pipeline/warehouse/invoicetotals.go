package warehouse

import (
	"context"
	"fmt"

	"kam/i18n"
)

// invoiceTotals fills in, per file of one row per invoice, what became of
// its invoices whose lines another sales file gives (the same sales at two
// grains; stg_sales_lines_checked decides): those whose amount is the
// lines' sum are duplicates, said in a note; those whose amount is not are
// counted twice, and the note says so loudly, with the amounts and what to
// do, since kam cannot tell which file is right. A file beside the lines of
// several files has a note per file of lines.
func (w *Warehouse) invoiceTotals(ctx context.Context, acc []FileAccounting) error {
	rows, err := w.Query(ctx, `select c.file_id, m.path, param_text('currency'),
			count(*) filter (where c.is_invoice_total),
			count(*) filter (where not c.is_invoice_total),
			cast(round(coalesce(sum(c.net_amount_orig) filter (where not c.is_invoice_total), 0), 2) as varchar),
			cast(round(coalesce(sum(c.lines_amount) filter (where not c.is_invoice_total), 0), 2) as varchar),
			cast(round(coalesce(sum(c.net_amount) filter (
				where not c.is_invoice_total and c.row_status = 'loaded' and not c.is_cancelled and not c.is_not_issued), 0), 2) as varchar)
		from staging.stg_sales_lines_checked as c
		inner join meta.files as m on m.file_id = c.lines_file_id
		where c.lines_file_id is not null
		group by c.file_id, m.path
		order by c.file_id, m.path`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := byFileID(acc)
	for rows.Next() {
		var id int
		var f FileAccounting
		var currency string
		if err := rows.Scan(&id, &f.InvoiceLinesIn, &currency, &f.InvoiceTotals, &f.TotalsDisagreeing, &f.TotalsAmount, &f.LinesAmount, &f.RevenueAtStake); err != nil {
			return err
		}
		a := byID[id]
		if a == nil {
			continue
		}
		if a.InvoiceLinesIn != "" {
			a.InvoiceLinesIn += ", "
		}
		a.InvoiceLinesIn += f.InvoiceLinesIn
		a.InvoiceTotals += f.InvoiceTotals
		a.TotalsDisagreeing += f.TotalsDisagreeing
		var notes []string
		if f.InvoiceTotals > 0 {
			notes = append(notes, i18n.T(i18n.Default, "note.invoice_totals_of_lines", fmt.Sprint(f.InvoiceTotals), f.InvoiceLinesIn))
		}
		if f.TotalsDisagreeing > 0 {
			// The amounts of the first file of lines that disagrees: the
			// note of each other one names its own.
			if a.TotalsAmount == "" {
				a.TotalsAmount, a.LinesAmount, a.RevenueAtStake = f.TotalsAmount, f.LinesAmount, f.RevenueAtStake
			}
			notes = append(notes, i18n.T(i18n.Default, "note.invoice_totals_disagree", fmt.Sprint(f.TotalsDisagreeing), f.InvoiceLinesIn,
				f.TotalsAmount, f.LinesAmount, f.RevenueAtStake, currency, a.Path))
		}
		a.Notes = append(a.Notes, notes...)
		a.InvoiceTotalsNotes = append(a.InvoiceTotalsNotes, notes...)
	}
	return rows.Err()
}
