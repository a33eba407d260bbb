package warehouse

import (
	"context"
	"fmt"

	"kam/i18n"
)

// ordersBesideInvoices fills in what became of the sales orders of a
// folder that also holds their invoices (stg_sales_lines_checked
// decides): the orders that invoice lines name are duplicates of those
// invoices, and the note says which file invoices them and how much of
// the orders invoiced in part is left (the order book's, not revenue);
// the orders no invoice names, once invoices name orders at all, are the
// order book. When no invoice names any order, an orders file and an
// invoices file of the same customers and months may be the same sales
// twice: kam cannot tell, so both count and both files say so loudly.
func (w *Warehouse) ordersBesideInvoices(ctx context.Context, acc []FileAccounting) error {
	byID := byFileID(acc)
	var currency string
	if err := w.QueryRow(ctx, `select param_text('currency')`).Scan(&currency); err != nil {
		return err
	}
	// The orders invoiced, per orders file: each order once per line
	// (an order line given twice is one), against what the invoice lines
	// naming it add up to, as written.
	rows, err := w.Query(ctx, `with naming as (
			select order_id, file_id, sum(net_amount_orig) as invoiced
			from staging.stg_sales_lines_checked
			where order_id is not null and not is_order and row_status = 'loaded' and not is_cancelled
			group by all
		),
		order_lines as (
			select file_id, invoice_id, line_no, count(*) as n, any_value(net_amount_orig) as orig, any_value(net_amount) as amount
			from staging.stg_sales_lines_checked
			where is_invoiced_order
			group by all
		),
		orders as (
			select l.file_id, l.invoice_id, sum(l.n) as n, sum(l.orig) as orig, sum(l.amount) as amount,
				(select sum(x.invoiced) from naming as x where x.order_id = l.invoice_id) as invoiced
			from order_lines as l
			group by all
		),
		files as (
			select o.file_id, string_agg(distinct m.path, ', ' order by m.path) as paths
			from orders as o
			inner join naming as x on x.order_id = o.invoice_id
			inner join meta.files as m on m.file_id = x.file_id
			group by o.file_id
		)
		select o.file_id, f.paths, count(*), sum(o.n),
			count(*) filter (where o.invoiced < o.orig - 0.005),
			cast(cast(coalesce(sum(o.amount * (o.orig - o.invoiced) / o.orig) filter (where o.invoiced < o.orig - 0.005 and o.orig <> 0), 0) as decimal(18, 2)) as varchar)
		from orders as o
		inner join files as f on f.file_id = o.file_id
		group by o.file_id, f.paths
		order by o.file_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var f FileAccounting
		if err := rows.Scan(&id, &f.OrdersInvoicedIn, &f.OrdersInvoiced, &f.OrderRowsInvoiced, &f.OrdersInvoicedInPart, &f.OrdersLeftAmount); err != nil {
			return err
		}
		a := byID[id]
		if a == nil {
			continue
		}
		a.OrdersInvoicedIn, a.OrdersInvoiced, a.OrderRowsInvoiced = f.OrdersInvoicedIn, f.OrdersInvoiced, f.OrderRowsInvoiced
		a.addOrderNote(i18n.T(i18n.Default, "note.orders_invoiced", fmt.Sprint(f.OrderRowsInvoiced), fmt.Sprint(f.OrdersInvoiced), f.OrdersInvoicedIn))
		if f.OrdersInvoicedInPart > 0 {
			a.OrdersInvoicedInPart, a.OrdersLeftAmount = f.OrdersInvoicedInPart, f.OrdersLeftAmount
			a.addOrderNote(i18n.T(i18n.Default, "note.orders_invoiced_in_part", fmt.Sprint(f.OrdersInvoicedInPart), f.OrdersLeftAmount, currency))
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()

	// The order book: orders no invoice names, in a folder whose invoices
	// name orders.
	rows, err = w.Query(ctx, `select file_id, count(distinct invoice_id), count(*), cast(round(sum(net_amount), 2) as varchar)
		from staging.stg_sales_lines_checked
		where is_order_book and row_status = 'loaded'
		group by file_id
		order by file_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var orders, lines int64
		var amount string
		if err := rows.Scan(&id, &orders, &lines, &amount); err != nil {
			return err
		}
		if a := byID[id]; a != nil {
			a.OrderBook, a.OrderBookAmount = orders, amount
			a.addOrderNote(i18n.T(i18n.Default, "note.order_book", fmt.Sprint(orders), fmt.Sprint(lines), amount, currency))
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()

	// No invoice names an order: a file of orders only and a file of no
	// order whose customers and months meet may be the same sales
	// (staging.stg_sales_in_doubt decides, for the reports too).
	rows, err = w.Query(ctx, `with pairs as (
			select file_id, unnest(other_file_ids) as other_id, invoice_date, net_amount
			from staging.stg_sales_in_doubt
			where doubt = 'orders'
		)
		select p.file_id, mo.path, p.other_id, mi.path,
			array_to_string(list_sort(list(distinct strftime(p.invoice_date, '%Y-%m'))), ', '),
			cast(round(sum(p.net_amount), 2) as varchar)
		from pairs as p
		inner join meta.files as mo on mo.file_id = p.file_id
		inner join meta.files as mi on mi.file_id = p.other_id
		group by all
		order by mo.path, mi.path`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var orderID, invoiceID int
		var orderPath, invoicePath, months, amount string
		if err := rows.Scan(&orderID, &orderPath, &invoiceID, &invoicePath, &months, &amount); err != nil {
			return err
		}
		note := i18n.T(i18n.Default, "note.orders_beside_invoices", orderPath, invoicePath, months, amount, currency, orderPath)
		for _, p := range []struct {
			id    int
			other string
		}{{orderID, invoicePath}, {invoiceID, orderPath}} {
			a := byID[p.id]
			if a == nil {
				continue
			}
			if a.OrdersBesideInvoices != "" {
				a.OrdersBesideInvoices += ", "
			}
			a.OrdersBesideInvoices += p.other
			if a.OverlapMonths == "" {
				a.OverlapMonths, a.OverlapRevenue = months, amount
			}
			a.addOrderNote(note)
		}
	}
	return rows.Err()
}

func (a *FileAccounting) addOrderNote(n string) {
	a.Notes = append(a.Notes, n)
	a.OrderNotes = append(a.OrderNotes, n)
}
