package generator

import (
	"fmt"
	"math"
	"slices"
	"strconv"
)

// badKind is a planted defect of an invoice line.
type badKind int

const (
	badNone   badKind = iota
	badDate           // 31/02: a date that does not exist
	badAmount         // 12,34,5: a number that cannot be read
	badNoID           // empty invoice number
	badNoRate         // USD line in the month whose rate was removed
	badWalkIn         // a customer code the CRM does not know: quarantined, not rejected
	badOrphan         // a line whose invoice header is missing
)

// walkInCode is the ERP's cash-sale customer, below the first real code so
// that it never collides with one.
const walkInCode = "C09999"

var walkInFams, walkInDisc = [8]float64{1, .5, .3, .3, 1, 1, .5, 0}, [8]float64{}

// injection plants one defect after the given number of invoices of a month.
type injection struct {
	month, after int
	kind         badKind
}

// injections places the defects relative to End, so any End works; for the
// default dataset they land in the months the README lists.
func (w *world) injections() []injection {
	n := w.cal.n
	at := func(m int) int { return max(0, min(n-2, m)) }
	feb := int(mkmonth(w.cal.end.year()-1, 2) - w.cal.start)
	if feb < 0 || feb > n-2 {
		feb = at(n - 2)
		for feb > 0 && w.cal.month(feb).moy() != 2 {
			feb--
		}
	}
	list := []injection{
		{at(n - 29), 7, badWalkIn},
		{feb, 5, badDate},
		{at(n - 19), 9, badWalkIn},
		{w.fxGap, 3, badNoRate},
		{at(n - 11), 11, badAmount},
		{at(n - 8), 4, badNoID},
		{at(n - 4), 6, badWalkIn},
		{n - 1, 5, badOrphan},
	}
	slices.SortStableFunc(list, func(a, b injection) int { return a.month - b.month })
	return list
}

// inject writes the defects due in month m once count invoices are out
// (math.MaxInt: at the end of the month, whatever is still due).
func (g *salesGen) inject(m, count int) error {
	for len(g.pending) > 0 && g.pending[0].month <= m && g.pending[0].after <= count {
		inj := g.pending[0]
		g.pending = g.pending[1:]
		days := g.w.cal.work[inj.month]
		d := days[g.r.IntN(len(days))]
		ai := -1
		switch {
		case inj.kind == badNoRate:
			ai = g.w.storyRoot(storyUSD)
		case inj.kind != badWalkIn && len(g.active) > 0:
			ai = g.active[g.r.IntN(len(g.active))]
		case inj.kind != badWalkIn:
			ai = g.w.storyRoot(storyNoPlan)
		}
		g.nextID(d, false)
		if err := g.line(ai, inj.month, d, 1, false, inj.kind); err != nil {
			return err
		}
	}
	return nil
}

// line writes one invoice line: an article of one of the account's
// families for about the account's mean line value, at its discount.
func (g *salesGen) line(ai, m int, d day, no int, credit bool, kind badKind) error {
	w, r, loc := g.w, g.r, g.w.loc
	var a *account
	value, disc, fams, cur := 300.0, &walkInDisc, &walkInFams, "EUR"
	if ai >= 0 {
		a = &w.accounts[ai]
		value, disc, fams, cur = a.value, &a.disc, &a.fams, a.cur
	}
	f := pick(r, fams[:])
	t := value * lognormal(r, .7)
	dpm := max(0, min(650, int64(math.Round((disc[f]+.02*r.NormFloat64())*200))*5)) // ‰, steps of 0.5 %
	keep := 1 - float64(dpm)/1000
	p := &w.cat.products[w.cat.choose(r, f, 150*t/keep)]
	q := t * 100 / (float64(p.price) * keep)
	q100 := max(100, int64(math.Round(q))*100)
	if p.hours {
		q100 = max(50, int64(math.Round(q*2))*50)
	}
	rate := w.fx.rate(cur, m)
	price := int64(math.Round(float64(p.price) / rate))
	gross := int64(math.Round(float64(q100) * float64(price) / 100))
	net := int64(math.Round(float64(gross) * keep))
	dto := gross - net
	cost := int64(math.Round(float64(q100) / 100 * p.cost / rate))
	hasCost := r.Float64() >= .01
	if credit {
		q100, net, dto, cost = -q100, -net, -dto, -cost
	}

	last := m == w.cal.n-1
	out := g.out
	if last {
		out = g.lin
	}
	at := out.line()
	if kind == badNoID {
		out.empty()
	} else {
		out.ascii(g.id)
	}
	out.int(int64(no))
	if !last {
		if kind == badDate {
			y, _, _ := d.civil()
			if loc.excel.iso {
				out.str(fmt.Sprintf("%d-02-31", y))
			} else {
				out.str(fmt.Sprintf("31/02/%d", y))
			}
		} else {
			out.date(d)
		}
		if a != nil {
			out.str(a.code)
			out.str(a.erp)
		} else {
			out.str(walkInCode)
			out.str(loc.walkIn)
		}
	}
	out.str(p.code)
	out.str(families[f].name)
	out.qty(q100)
	if !last {
		out.general(price)
		if dpm%10 == 0 {
			out.int(dpm / 10)
		} else {
			out.fixed(dpm, 1, false)
		}
		out.money(dto, true, false)
	}
	if kind == badAmount {
		out.str(malformed(loc))
	} else {
		out.money(net, true, credit && cur == "EUR")
	}
	if hasCost {
		out.money(cost, true, false)
	} else {
		out.empty()
	}
	if !last {
		if a != nil {
			out.str(w.kamCode(a.kam))
		} else {
			out.empty()
		}
		out.str(cur)
	}
	if kind == badNone && out.gz != nil {
		g.last.rec = append(g.last.rec[:0], out.rec...)
		g.last.id = append(g.last.id[:0], g.id...)
		g.last.file, g.last.line, g.last.no = out.path, at, no
	}
	if err := out.end(); err != nil {
		return err
	}
	eur := float64(net) / 100 * rate
	if kind != badNone {
		g.badRow(out.path, at, kind, d, eur)
		return nil
	}
	g.tally.lines++
	if credit {
		g.tally.credit++
	}
	switch {
	case w.cal.ltm(m):
		g.tally.revLTM[ai] += eur
		if hasCost {
			g.tally.cogsLTM[ai] += float64(cost) / 100 * rate
		} else {
			g.tally.noCost++
			g.tally.revNoCostLTM[ai] += eur
		}
	case w.cal.prior(m):
		g.tally.revPrior[ai] += eur
	}
	if !credit && d > g.tally.last[ai] {
		g.tally.last[ai] = d
	}
	return nil
}

func malformed(loc *locale) string {
	if loc.excel.decimal == ',' {
		return "12,34,5"
	}
	return "12.34.5"
}

func (t *table) qty(q100 int64) {
	if q100%100 == 0 {
		t.int(q100 / 100)
	} else {
		t.fixed(q100/10, 1, false)
	}
}

// badRow documents a planted defect for the Summary and the README.
func (g *salesGen) badRow(file string, line int, kind badKind, d day, eur float64) {
	loc, id := g.w.loc, string(g.id)
	b := BadRow{File: file, Line: line}
	switch kind {
	case badDate:
		y, _, _ := d.civil()
		b.What, b.Expect = fmt.Sprintf("invoice %s dated 31 February %d", id, y), "rejected: invalid date"
	case badAmount:
		b.What, b.Expect = fmt.Sprintf("invoice %s, net amount %q", id, malformed(loc)), "rejected: malformed number"
	case badNoID:
		b.What, b.Expect = "empty invoice number", "rejected: invoice_id is required"
	case badNoRate:
		b.What = fmt.Sprintf("invoice %s in USD dated %s; the USD rate of %s is missing from %s",
			id, d, g.w.cal.month(g.w.fxGap), loc.finPath(loc.fxFile))
		b.Expect = "rejected: no exchange rate"
	case badWalkIn:
		g.tally.walkIn += eur
		b.What = fmt.Sprintf("invoice %s to %s %q, a code Account.csv does not have (%s EUR)",
			id, walkInCode, loc.walkIn, strconv.FormatFloat(eur, 'f', 2, 64))
		b.Expect = "quarantined: unattributed revenue"
	case badOrphan:
		b.What = fmt.Sprintf("invoice %s has no header in %s", id, loc.headersFile)
		b.Expect = "rejected: invoice header missing"
	}
	g.bad = append(g.bad, b)
}
