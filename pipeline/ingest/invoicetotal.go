package ingest

import (
	"math/big"
	"slices"
	"strings"

	"kam/i18n"
	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// invoiceTotalAsLineAmount: the header read as the line's amount repeats one
// value on every line of each invoice, lines that differ otherwise (another
// product, quantity or price): it is the invoice's total written on each of
// its lines (Zoho Books' SubTotal beside Item Total), and read as the line
// amount it counted each invoice once per line, silently. The line amount is
// then the free money header whose values add up, over each invoice's
// lines, to that total; else the unit price × quantity when they do; else,
// seen on three invoices or more, the file fails saying so. Decided on the records sampled (first lines and
// short runs), where an invoice's lines follow each other; a configured
// net_amount is never second-guessed.
func invoiceTotalAsLineAmount(k schema.Kind, m *schema.Mapping, header []string, explicit map[string]string, recs [][]string, present func(string) string, hint string) ([]i18n.Note, error) {
	inv, okInv := m.Columns["invoice_id"]
	amt, okAmt := m.Columns["net_amount"]
	if k.Name != schema.Sales || !okInv || !okAmt || explicit["net_amount"] != "" {
		return nil, nil
	}
	val := func(r []string, i int) string {
		if i < len(r) {
			return present(strings.TrimSpace(r[i]))
		}
		return ""
	}
	// The invoices' runs of consecutive lines.
	type run struct{ rows [][]string }
	var runs []*run
	var last string
	for _, r := range recs {
		id := val(r, inv)
		if id == "" {
			last = ""
			continue
		}
		if id != last || len(runs) == 0 {
			runs = append(runs, &run{})
			last = id
		}
		runs[len(runs)-1].rows = append(runs[len(runs)-1].rows, r)
	}
	others := []int{}
	for _, c := range []string{"product_id", "quantity", "unit_price"} {
		if i, ok := m.Columns[c]; ok {
			others = append(others, i)
		}
	}
	var multi []*run
	varied := 0
	for _, ru := range runs {
		if len(ru.rows) < 2 {
			continue
		}
		first := val(ru.rows[0], amt)
		for _, r := range ru.rows {
			if v := val(r, amt); v != first || v == "" {
				return nil, nil // a line amount of its own: as mapped
			}
		}
		multi = append(multi, ru)
		if slices.ContainsFunc(others, func(i int) bool {
			return slices.ContainsFunc(ru.rows[1:], func(r []string) bool { return val(r, i) != val(ru.rows[0], i) })
		}) {
			varied++
		}
	}
	if varied == 0 {
		return nil, nil
	}
	format := func(i int) parse.NumberFormat {
		var s []string
		for _, r := range recs {
			if v := val(r, i); v != "" {
				s = append(s, v)
			}
		}
		return parse.DetectNumber(s, hint)
	}
	number := func(r []string, i int, f parse.NumberFormat) (*big.Rat, bool) {
		dec, ok, err := parse.ParseNumber(val(r, i), f)
		if err != nil || !ok {
			return nil, false
		}
		return new(big.Rat).SetString(dec)
	}
	amtF := format(amt)
	tol := big.NewRat(2, 100)
	// addsUp: over (nearly) every invoice, the lines' values add up to the
	// total repeated on them.
	addsUp := func(line func(r []string) (*big.Rat, bool)) bool {
		good := 0
		for _, ru := range multi {
			total, ok := number(ru.rows[0], amt, amtF)
			if !ok {
				return false
			}
			sum := new(big.Rat)
			for _, r := range ru.rows {
				v, ok := line(r)
				if !ok {
					return false
				}
				sum.Add(sum, v)
			}
			d := new(big.Rat).Sub(sum, total)
			if d.Abs(d).Cmp(tol) <= 0 {
				good++
			}
		}
		return good*10 >= len(multi)*9
	}
	used := map[int]bool{}
	for _, i := range m.Columns {
		used[i] = true
	}
	for i := range header {
		if used[i] {
			continue
		}
		f := format(i)
		if addsUp(func(r []string) (*big.Rat, bool) { return number(r, i, f) }) {
			m.Columns["net_amount"] = i
			m.Unused = append(slices.DeleteFunc(m.Unused, func(u int) bool { return u == i }), amt)
			return []i18n.Note{i18n.N("note.invoice_total_on_lines", header[amt], header[i])}, nil
		}
	}
	price, okP := m.Columns["unit_price"]
	qty, okQ := m.Columns["quantity"]
	if okP && okQ {
		pf, qf := format(price), format(qty)
		if addsUp(func(r []string) (*big.Rat, bool) {
			p, ok1 := number(r, price, pf)
			q, ok2 := number(r, qty, qf)
			if !ok1 || !ok2 {
				return nil, false
			}
			return new(big.Rat).Mul(p, q), true
		}) {
			delete(m.Columns, "net_amount")
			m.Unused = append(m.Unused, amt)
			return []i18n.Note{i18n.N("note.invoice_total_on_lines_price", header[amt], header[price], header[qty])}, nil
		}
	}
	if varied < 3 {
		// Too few invoices to tell a total from lines that happen to
		// cost the same: read as mapped.
		return nil, nil
	}
	return nil, &invoiceTotalError{header: header[amt]}
}

// invoiceTotalError: the line amount is an invoice's total and nothing in
// the file gives the line's own.
type invoiceTotalError struct{ header string }

func (e *invoiceTotalError) Error() string { return e.header }
