package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"kam/pipeline/ingest/schema"
)

// Report-style exports (an Excel report saved as CSV, an ERP's printed
// list, a sheet a person summed) carry total lines: a grand total at the
// end, subtotals between groups. Loaded as records they would count the
// money twice. A row is taken for a total line when both hold:
//   - it names no record: the ids of the kind's key that the file writes
//     (every id it writes when it writes none of the key) are all blank,
//     or one of them starts with a word for total (Total, Subtotal, Grand
//     total, Totales, Suma, Summe, Gesamt, Totaal, Totale, Somme,
//     Sous-total);
//   - its amount (the kind's first money column) is exactly the sum of the
//     amounts of at least two loaded rows above it: those since the last
//     nameless row with an amount (a subtotal), or every one above it (a
//     grand total).
//
// A row that also says it is a total — a word for total in any of its id
// or text columns ("Total C2" under the customer, as an Excel report
// writes a customer's subtotal) — is one when it sums a single row: a
// customer with one invoice has a subtotal equal to it.
//
// An exact decimal sum of two or more rows on a row without a record's
// ids is not a coincidence. Such a row is rejected with reason total_row
// (the rows it sums and their lines say why), whatever else it had: it is
// listed in rejects.csv, and like a filler line it does not count towards
// the reject limit. Nested subtotals (a region's total of its customers'
// subtotals) are recognised only as a grand total.
const totalWordPattern = `(?i)^\s*(sub-?\s*|sous-?\s*|grand\s+)?(totale?s?|suma|summe|gesamt\w*|totaal|somme)(\W|$)`

// totalSpec is what the total-line check reads of a kind: the money column
// and the ids that must be blank or a word for total.
type totalSpec struct {
	money string
	ids   []string
	// labels are every id and text column the file writes but its
	// product's: a word for total in one of them lets a total of a single
	// row be one.
	labels []string
}

func totalSpecOf(k schema.Kind, mapped func(string) bool) (totalSpec, bool) {
	var s totalSpec
	stored := map[string]schema.Type{}
	for _, sc := range storedColumns(k) {
		stored[sc.Name] = sc.Col.Type
		if sc.Col.Type == schema.Money && s.money == "" && sc.Col.Part == "" {
			s.money = sc.Name
		}
	}
	// The ids the file writes: a derived one (line numbers counted
	// within an order) says nothing of the row.
	for _, c := range k.Key {
		if stored[c] == schema.ID && mapped(c) {
			s.ids = append(s.ids, c)
		}
	}
	if len(s.ids) == 0 {
		for _, sc := range storedColumns(k) {
			if sc.Col.Type == schema.ID && mapped(sc.Name) {
				s.ids = append(s.ids, sc.Name)
			}
		}
	}
	for _, sc := range storedColumns(k) {
		// A product named "Total Care" says nothing of the row.
		if (sc.Col.Type == schema.ID || sc.Col.Type == schema.Text) && mapped(sc.Name) && !isProductColumn(sc.Name) {
			s.labels = append(s.labels, sc.Name)
		}
	}
	return s, s.money != "" && len(s.ids) > 0
}

// worded is the SQL condition of a row that writes a word for total in one
// of its id or text columns.
func (s totalSpec) worded() string {
	var word []string
	for _, c := range s.labels {
		word = append(word, fmt.Sprintf("coalesce(regexp_matches(%s, %s), false)", sqlIdent(c), sqlString(totalWordPattern)))
	}
	if len(word) == 0 {
		return "false"
	}
	return "(" + strings.Join(word, " or ") + ")"
}

// summed is the SQL condition of a total line over rows whose count and sum
// are n and sum: two rows or more, or one when the row says total.
func summed(n, sum string) string {
	return "((" + n + " >= 2 or " + n + " >= 1 and worded) and m = " + sum + ")"
}

// nameless is the SQL condition of a row naming no record (spec above).
func (s totalSpec) nameless() string {
	var blank, word []string
	for _, c := range s.ids {
		blank = append(blank, sqlIdent(c)+" is null")
		word = append(word, fmt.Sprintf("coalesce(regexp_matches(%s, %s), false)", sqlIdent(c), sqlString(totalWordPattern)))
	}
	return "((" + strings.Join(blank, " and ") + ") or " + strings.Join(word, " or ") + ")"
}

// totalCaseLimit is the most nameless rows a file's check numbers the
// segments of with one CASE (a balanced tree of comparisons: no sort of
// the file's rows); a file with more is checked with window functions over
// its rows in line order.
var totalCaseLimit = 4096

// segmentOf is a balanced CASE giving a line's segment: how many of the
// sorted lines are before it.
func segmentOf(col string, lines []int64, base int) string {
	if len(lines) == 0 {
		return fmt.Sprint(base)
	}
	mid := len(lines) / 2
	return fmt.Sprintf("(case when %s < %d then %s else %s end)", col, lines[mid],
		segmentOf(col, lines[:mid], base), segmentOf(col, lines[mid+1:], base+mid+1))
}

// totalsBySegments is the select of the total lines among the nameless
// rows at lines (sorted): the rows in force between two nameless rows
// summed once each by segment, the sums above a row added up over the
// few segments.
func totalsBySegments(k schema.Kind, s totalSpec, lines []int64) string {
	m := sqlIdent(s.money)
	return fmt.Sprintf(`with cands as (
	select source_line, %[2]s as m, %[5]s as worded, row_number() over (order by source_line) - 1 as seg
	from raw.%[1]s where file_id = $1 and %[2]s is not null and %[3]s
),
segs as (
	select %[4]s as seg, sum(%[2]s) as s, count(*) as n, min(source_line) as f, max(source_line) as l
	from raw.%[1]s where file_id = $1 and %[8]s and %[2]s is not null and not %[3]s
	group by all
),
j as (
	select c.source_line, c.m, c.worded, coalesce(g.s, 0) as w_sum, coalesce(g.n, 0) as w_n, g.f as w_first, g.l as w_last,
		sum(coalesce(g.s, 0)) over up as a_sum, sum(coalesce(g.n, 0)) over up as a_n,
		min(g.f) over up as a_first, max(g.l) over up as a_last
	from cands as c left join segs as g on g.seg = c.seg
	window up as (order by c.seg rows between unbounded preceding and current row)
)
select source_line,
	case when %[6]s then w_n else a_n end as n,
	case when %[6]s then w_first else a_first end as first_line,
	case when %[6]s then w_last else a_last end as last_line
from j
where %[6]s or %[7]s`, k.Name, m, s.nameless(), segmentOf("source_line", lines, 0), s.worded(), summed("w_n", "w_sum"), summed("a_n", "a_sum"), loadsSQL)
}

// totalsByWindows is totalsBySegments for many nameless rows: running sums
// over the file's rows in line order.
func totalsByWindows(k schema.Kind, s totalSpec) string {
	return fmt.Sprintf(`select source_line,
	case when %[5]s then w_n else a_n end as n,
	case when %[5]s then w_first else a_first end as first_line,
	case when %[5]s then w_last else a_last end as last_line
from (
	select *,
		sum(case when not cand and ok then m end) over (partition by grp order by source_line rows between unbounded preceding and 1 preceding) as w_sum,
		count(case when not cand and ok then m end) over (partition by grp order by source_line rows between unbounded preceding and 1 preceding) as w_n,
		min(case when not cand and ok then source_line end) over (partition by grp order by source_line rows between unbounded preceding and 1 preceding) as w_first,
		max(case when not cand and ok then source_line end) over (partition by grp order by source_line rows between unbounded preceding and 1 preceding) as w_last,
		sum(case when not cand and ok then m end) over above as a_sum,
		count(case when not cand and ok then m end) over above as a_n,
		min(case when not cand and ok then source_line end) over above as a_first,
		max(case when not cand and ok then source_line end) over above as a_last
	from (
		select *, coalesce(sum(cand::int) over above, 0) as grp
		from (
			select source_line, m, worded, m is not null and nameless as cand, not nameless and m is not null and ok as ok
			from (select source_line, %[2]s as m, %[3]s as nameless, %[4]s as worded, %[7]s as ok from raw.%[1]s where file_id = $1)
		)
		window above as (order by source_line rows between unbounded preceding and 1 preceding)
	)
	window above as (order by source_line rows between unbounded preceding and 1 preceding)
)
where cand and (%[5]s or %[6]s)`, k.Name, sqlIdent(s.money), s.nameless(), s.worded(), summed("w_n", "w_sum"), summed("a_n", "a_sum"), loadsSQL)
}

// loadsSQL: a raw row that is loaded, or would be but for the currency
// its amount's sign leaves unsaid ($), which the folder's other files may
// still tell (resolveUnsaidSigns): a total among such rows is a total.
const loadsSQL = "(reject is null or reject.reason = 'currency_unsaid')"

// rejectTotalLines rejects the total lines of file id (see above) and
// returns how many.
func (w *loader) rejectTotalLines(ctx context.Context, t *typing, id int) (int64, error) {
	k := t.kind
	s, ok := totalSpecOf(k, t.has)
	if !ok {
		return 0, nil
	}
	rows, err := w.Query(ctx, fmt.Sprintf("select source_line from raw.%s where file_id = $1 and %s is not null and %s order by source_line limit %d",
		k.Name, sqlIdent(s.money), s.nameless(), totalCaseLimit+1), id)
	if err != nil {
		return 0, fmt.Errorf("look for total lines: %w", err)
	}
	var lines []int64
	for rows.Next() {
		var l int64
		if err := rows.Scan(&l); err != nil {
			rows.Close()
			return 0, err
		}
		lines = append(lines, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if len(lines) == 0 {
		return 0, nil
	}
	q := totalsByWindows(k, s)
	if len(lines) <= totalCaseLimit {
		q = totalsBySegments(k, s, lines)
	}
	err = w.Exec(ctx, fmt.Sprintf(`update raw.%s as r
set reject = {'column': cast(null as varchar), 'value': cast(null as varchar), 'reason': 'total_row',
	'detail': cast(t.n as varchar) || chr(31) || cast(t.first_line as varchar) || chr(31) || cast(t.last_line as varchar)}
from (%s) as t
where r.file_id = $1 and r.source_line = t.source_line`, k.Name, q), id)
	if err != nil {
		return 0, fmt.Errorf("look for total lines: %w", err)
	}
	var got int64
	err = w.QueryRow(ctx, fmt.Sprintf("select count(*) from raw.%s where file_id = $1 and reject.reason = 'total_row'", k.Name), id).Scan(&got)
	return got, err
}

// isProductColumn: the columns that say which product a sales line sold.
// A row that continues an order names one; a subtotal of the order does not.
func isProductColumn(name string) bool {
	return slices.Contains([]string{"product_id", "product_line"}, name)
}

// rejectInvoiceTotalRows rejects, in a sales file of file id, the rows
// that are an invoice's own row beside its lines (NetSuite's "main line":
// the invoice's total on a row with its number, without item or quantity,
// above the item rows): a row of an invoice that names no product and no
// quantity while other rows of the same invoice do, above them all, whose
// amount is exactly the sum of theirs (a fee line after the products, of
// the same amount as the one product, stays a line). Loaded, it counted every such invoice twice, silently.
// Rejected with reason invoice_total_row (how many lines it sums, the first
// and the last), which like total_row does not count towards the reject
// limit. A file that maps neither the product nor the quantity cannot tell
// such a row from a line, and is read as written.
func (w *loader) rejectInvoiceTotalRows(ctx context.Context, t *typing, id int) (int64, error) {
	if t.kind.Name != schema.Sales || !t.has("invoice_id") {
		return 0, nil
	}
	var named []string
	for _, c := range []string{"product_id", "quantity"} {
		if t.has(c) {
			named = append(named, sqlIdent(c)+" is not null")
		}
	}
	if len(named) == 0 {
		return 0, nil
	}
	line := "(" + strings.Join(named, " or ") + ")"
	q := fmt.Sprintf(`with rows as (
	select source_line, invoice_id, net_amount, %[1]s as is_line
	from raw.sales where file_id = $1 and %[2]s and invoice_id is not null and net_amount is not null
),
lines as (
	select invoice_id, sum(net_amount) as s, count(*) as n, min(source_line) as f, max(source_line) as l
	from rows where is_line group by all
)
select r.source_line, g.n, g.f, g.l
from rows as r join lines as g on g.invoice_id = r.invoice_id
where not r.is_line and r.net_amount = g.s and r.source_line < g.f`, line, loadsSQL)
	err := w.Exec(ctx, fmt.Sprintf(`update raw.sales as r
set reject = {'column': cast(null as varchar), 'value': cast(null as varchar), 'reason': 'invoice_total_row',
	'detail': cast(t.n as varchar) || chr(31) || cast(t.f as varchar) || chr(31) || cast(t.l as varchar)}
from (%s) as t
where r.file_id = $1 and r.source_line = t.source_line`, q), id)
	if err != nil {
		return 0, fmt.Errorf("look for invoices' own rows: %w", err)
	}
	var got int64
	err = w.QueryRow(ctx, "select count(*) from raw.sales where file_id = $1 and reject.reason = 'invoice_total_row'", id).Scan(&got)
	return got, err
}
