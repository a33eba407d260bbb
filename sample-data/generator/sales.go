package generator

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
)

// salesTally is what the invoice lines add up to, per account, in EUR: the
// planted story is checked against the rows actually written.
type salesTally struct {
	revLTM, revPrior, cogsLTM []float64
	// revNoCostLTM: LTM revenue of lines without a cost, whose margin is
	// unknown (kam leaves it out of gross margin, as here)
	revNoCostLTM          []float64
	last                  []day
	lines, credit, noCost int
	walkIn                float64 // EUR of the quarantined walk-in lines
}

// salesGen streams the invoice lines month by month. Memory is per account
// (counters for the month being written), never per line: ten million lines
// take the same memory as ten thousand.
type salesGen struct {
	w     *world
	r     *rand.Rand
	dir   string
	tally salesTally
	files []File
	bad   []BadRow

	out      *table // the sales file of the current two-year span
	outSpan  int
	hdr, lin *table // End month: invoice headers and lines

	cum                   float64 // running expected line count over (month, account)
	cnt, remInv, per, inv []int32
	thr                   []uint64
	active                []int
	seqFV, seqAB          map[int]int // invoice numbers per year
	id                    []byte
	idWidth               int // digits of an invoice number: room for twice a year's invoices
	invInMonth            int
	pending               []injection
	last                  lastLine
}

// lastLine remembers the newest line of an archived span, which the next
// export repeats (the planted duplicate).
type lastLine struct {
	rec, id  []byte
	file     string
	line, no int
}

func newSalesGen(w *world, dir string) *salesGen {
	na := len(w.accounts)
	g := &salesGen{w: w, r: newRand(w.o.Seed, streamSales), dir: dir,
		cnt: make([]int32, na), remInv: make([]int32, na), per: make([]int32, na), inv: make([]int32, na),
		thr: make([]uint64, na), seqFV: map[int]int{}, seqAB: map[int]int{},
		idWidth: max(4, len(strconv.Itoa(w.o.Lines*12/w.o.Months/2)))}
	g.tally = salesTally{revLTM: make([]float64, na), revPrior: make([]float64, na),
		cogsLTM: make([]float64, na), revNoCostLTM: make([]float64, na), last: make([]day, na)}
	return g
}

func (g *salesGen) run() error {
	g.pending = g.w.injections()
	for m := range g.w.cal.n {
		if err := g.open(m); err != nil {
			return err
		}
		g.invInMonth = 0
		if err := g.month(m); err != nil {
			return err
		}
		if err := g.inject(m, math.MaxInt); err != nil {
			return err
		}
	}
	for _, t := range []*table{g.out, g.hdr, g.lin} {
		if t != nil {
			if err := t.finish(); err != nil {
				return err
			}
			g.files = append(g.files, t.info())
		}
	}
	return nil
}

// open switches files: a two-year span file per month before End, the
// header/line pair for End. Entering the newest span from an archived one
// repeats the archive's last line, as overlapping exports do.
func (g *salesGen) open(m int) error {
	w, loc := g.w, g.w.loc
	var err error
	if m == w.cal.n-1 {
		if g.out != nil {
			if err = g.out.finish(); err != nil {
				return err
			}
			g.files = append(g.files, g.out.info())
			g.out = nil
		}
		dir := loc.monthDir(w.cal.month(m))
		if g.hdr, err = createTable(g.dir, dir+loc.headersFile, "invoices", loc.erp); err != nil {
			return err
		}
		if g.lin, err = createTable(g.dir, dir+loc.linesFile, "sales", loc.erp); err != nil {
			return err
		}
		if err = g.hdr.header(loc.invoiceHeader...); err != nil {
			return err
		}
		return g.lin.header(loc.lineHeader...)
	}
	base := w.cal.end.year() - 1
	y := w.cal.month(m).year()
	span := base + 2*int(math.Floor(float64(y-base)/2))
	if g.out != nil && g.outSpan == span {
		return nil
	}
	wasGz := g.out != nil && g.out.gz != nil
	if g.out != nil {
		if err = g.out.finish(); err != nil {
			return err
		}
		g.files = append(g.files, g.out.info())
	}
	if g.out, err = createTableSized(g.dir, loc.salesFile(span, span < base), "sales", loc.excel, w.o.Lines > 1000000); err != nil {
		return err
	}
	g.outSpan = span
	if err = g.out.header(loc.salesHeader...); err != nil {
		return err
	}
	if wasGz && span == base && g.last.rec != nil {
		g.bad = append(g.bad, BadRow{File: g.out.path, Line: g.out.line(), Expect: "duplicate",
			What: "repeats " + g.last.file + " line " + strconv.Itoa(g.last.line) + " (invoice " + string(g.last.id) +
				" line " + strconv.Itoa(g.last.no) + "): the two exports overlap by one day"})
		return g.out.record(g.last.rec)
	}
	return nil
}

// month allocates the month's lines to accounts and writes its invoices in
// date order. An account's invoice days are the days whose hash ranks among
// its K smallest, so they are known without storing per-invoice state.
func (g *salesGen) month(m int) error {
	w := g.w
	days := w.cal.work[m]
	g.active = g.active[:0]
	var hs [32]uint64
	for ai := range w.accounts {
		a := &w.accounts[ai]
		before := g.cum
		if a.buys {
			g.cum += w.expected(ai, m) / a.value
		}
		c := int32(math.Floor(g.cum+.5) - math.Floor(before+.5))
		g.cnt[ai], g.remInv[ai] = c, 0
		if c == 0 {
			continue
		}
		g.active = append(g.active, ai)
		k := min(int(c), max(1, int(math.Round(float64(c)/a.perInv))))
		g.remInv[ai], g.per[ai], g.thr[ai] = int32(k), 1, math.MaxUint64
		if k <= len(days) {
			for di := range days {
				hs[di] = w.h.of(2, ai, m, di)
			}
			slices.Sort(hs[:len(days)])
			g.thr[ai] = hs[k-1]
		} else {
			g.per[ai] = int32((k + len(days) - 1) / len(days))
		}
	}
	for di, d := range days {
		// Start each day's run at a different customer, so that invoice
		// numbers do not always go to the same accounts first.
		off := 0
		if len(g.active) > 0 {
			off = int(w.h.of(3, m, di, 0) % uint64(len(g.active)))
		}
		for k := range g.active {
			ai := g.active[(off+k)%len(g.active)]
			if g.remInv[ai] == 0 || w.h.of(2, ai, m, di) > g.thr[ai] {
				continue
			}
			for j := int32(0); j < g.per[ai] && g.remInv[ai] > 0; j++ {
				if err := g.invoice(ai, m, d); err != nil {
					return err
				}
			}
		}
	}
	for _, ai := range g.active { // hash ties: whatever is left goes on the last day
		for g.remInv[ai] > 0 {
			if err := g.invoice(ai, m, days[len(days)-1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// invoice writes one invoice (or credit note) of an account.
func (g *salesGen) invoice(ai, m int, d day) error {
	rem, inv := int(g.cnt[ai]), int(g.remInv[ai])
	lines := rem
	if inv > 1 {
		lines = int(math.Round(float64(rem) / float64(inv) * between(g.r, .4, 1.6)))
		lines = max(1, min(lines, rem-(inv-1)))
	}
	credit := g.r.Float64() < .04
	if credit && inv > 1 {
		lines = min(lines, 1+g.r.IntN(2))
	}
	g.cnt[ai] -= int32(lines)
	g.remInv[ai]--
	g.nextID(d, credit)
	w := g.w
	if m == w.cal.n-1 {
		a := &w.accounts[ai]
		h := g.hdr
		h.ascii(g.id)
		h.date(d)
		h.str(a.code)
		h.str(w.kamCode(a.kam))
		h.str(a.cur)
		if err := h.end(); err != nil {
			return err
		}
	}
	for no := 1; no <= lines; no++ {
		if err := g.line(ai, m, d, no, credit, badNone); err != nil {
			return err
		}
	}
	g.invInMonth++
	return g.inject(m, g.invInMonth)
}

// nextID sets g.id to the next invoice (FV) or credit note (AB) number of
// the date's year.
func (g *salesGen) nextID(d day, credit bool) {
	y, _, _ := d.civil()
	seq, prefix, width := g.seqFV, "FV", 0
	if credit {
		seq, prefix, width = g.seqAB, "AB", -1
	}
	seq[y]++
	g.id = append(g.id[:0], prefix...)
	g.id = append(g.id, byte('0'+y/10%10), byte('0'+y%10), '-')
	s := strconv.Itoa(seq[y])
	for i := len(s); i < width+g.idWidth; i++ {
		g.id = append(g.id, '0')
	}
	g.id = append(g.id, s...)
}

func (w *world) kamCode(p int) string {
	if p < 0 {
		return ""
	}
	return w.people[p].code
}
