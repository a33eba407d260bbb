package generator

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// fxTable holds EUR per unit of USD and MXN for every month of the window
// plus twelve more: finance publishes a budget rate for next year, which is
// what open opportunities closing next year are converted with.
type fxTable struct {
	cur   []string
	dec   []int
	rates [][]float64 // per currency, per month index 0 … n+11
}

func newFX(r *rand.Rand, cal calendar) fxTable {
	specs := []struct {
		cur                     string
		start, sigma, low, high float64
		dec                     int
	}{
		{"USD", .93, .012, .82, 1.02, 4},
		{"MXN", .052, .02, .043, .06, 5},
	}
	var f fxTable
	for _, s := range specs {
		rates := make([]float64, cal.n+12)
		v := s.start
		for m := range rates {
			if m < cal.n {
				v = math.Max(s.low, math.Min(s.high, v*math.Exp(s.sigma*r.NormFloat64())))
				p := math.Pow(10, float64(s.dec))
				rates[m] = math.Round(v*p) / p
			} else {
				rates[m] = rates[cal.n-1]
			}
		}
		f.cur, f.dec, f.rates = append(f.cur, s.cur), append(f.dec, s.dec), append(f.rates, rates)
	}
	return f
}

// rate is EUR per unit of cur in month index m (clamped to the table).
func (f *fxTable) rate(cur string, m int) float64 {
	for i, c := range f.cur {
		if c == cur {
			return f.rates[i][max(0, min(m, len(f.rates[i])-1))]
		}
	}
	return 1
}

// writeFX writes the rates file without the USD rate of w.fxGap: the
// planted USD line of that month must be rejected, never converted at 1.0.
func (w *world) writeFX(dir string) (File, error) {
	loc := w.loc
	t, err := createTable(dir, loc.finPath(loc.fxFile), "fx_rates", loc.finance)
	if err != nil {
		return File{}, err
	}
	t.header(loc.fxHeader...)
	for i, cur := range w.fx.cur {
		for m, v := range w.fx.rates[i] {
			if cur == "USD" && m == w.fxGap {
				continue
			}
			t.str(cur)
			t.str(w.cal.month(m).String())
			t.fixed(int64(math.Round(v*math.Pow(10, float64(w.fx.dec[i])))), w.fx.dec[i], false)
			if err := t.end(); err != nil {
				return File{}, err
			}
		}
	}
	return t.info(), t.finish()
}

// Cost types, indexes into locale.costTypes.
const (
	costLogistics = iota
	costSupport
	costRebate
	costMarketing
)

// costTally is the cost-to-serve written per account over the LTM, EUR.
type costTally struct{ ltm []float64 }

// writeCosts allocates cost-to-serve the way a controller does once the
// project starts (with the CRM, w.crmStart): logistics monthly for key
// accounts and quarterly for the rest, with a fixed
// cost per month with deliveries; support tickets now and then; rebates
// (rappel) quarterly on the group's parent; marketing twice a year.
func (w *world) writeCosts(dir string) (File, costTally, error) {
	loc, n, r := w.loc, w.cal.n, newRand(w.o.Seed, streamCosts)
	tally := costTally{ltm: make([]float64, len(w.accounts))}
	t, err := createTable(dir, loc.finPath(loc.costsFile), "service_costs", loc.finance)
	if err != nil {
		return File{}, tally, err
	}
	t.header(loc.costsHeader...)
	emit := func(ai, m, kind int, eur float64) error {
		cents := int64(math.Round(eur * 100))
		if cents <= 0 {
			return nil
		}
		if w.cal.ltm(m) {
			tally.ltm[ai] += float64(cents) / 100
		}
		t.str(w.accounts[ai].code)
		t.date(w.cal.month(m).last())
		t.str(loc.costTypes[kind])
		t.money(cents, true, false)
		return t.end()
	}
	quarter := make([]float64, len(w.accounts))
	for m := w.crmStart; m < n; m++ {
		moy := w.cal.month(m).moy()
		for ui := range w.units {
			u := &w.units[ui]
			story := u.spec != nil && u.spec.story == storyLossMaker
			for _, ai := range u.members {
				a := &w.accounts[ai]
				e := w.expected(ai, m)
				if e == 0 {
					continue
				}
				logi := e*a.logistics*between(r, .85, 1.15) + 45
				if u.key {
					if err := emit(ai, m, costLogistics, logi); err != nil {
						return File{}, tally, err
					}
				} else {
					quarter[ai] += logi
				}
				p := .03 // chance of a support ticket in a month; its cost makes up for the months without
				switch {
				case story:
					p = 1
				case u.key:
					p = .2
				}
				if r.Float64() < p {
					if err := emit(ai, m, costSupport, e*a.support*between(r, .8, 1.2)/p); err != nil {
						return File{}, tally, err
					}
				}
			}
			root := u.members[0]
			if moy%3 == 0 || m == n-1 {
				for _, ai := range u.members {
					if err := emit(ai, m, costLogistics, quarter[ai]); err != nil {
						return File{}, tally, err
					}
					quarter[ai] = 0
				}
			}
			if rb := w.accounts[root].rebate; rb > 0 && (moy%3 == 0 || m == n-1) {
				if err := emit(root, m, costRebate, w.quarterRevenue(u, m)*rb); err != nil {
					return File{}, tally, err
				}
			}
			if u.key && (moy == 3 || moy == 10) {
				rate := .002
				if story {
					rate = .006
				}
				if err := emit(root, m, costMarketing, u.share*w.rLTM*rate*between(r, .8, 1.2)); err != nil {
					return File{}, tally, err
				}
			}
		}
	}
	return t.info(), tally, t.finish()
}

// quarterRevenue is a unit's expected revenue over the quarter (or part of
// it) ending with month m.
func (w *world) quarterRevenue(u *unit, m int) float64 {
	s := 0.0
	for k := m; k >= 0 && k > m-3; k-- {
		if k < m && w.cal.month(k).moy()%3 == 0 {
			break
		}
		for _, ai := range u.members {
			s += w.expected(ai, k)
		}
	}
	return s
}

// writeProducts writes the ERP's article master. It is an Excel save like
// the sales files: Windows-1252, and the service descriptions carry "€".
func (w *world) writeProducts(dir string) (File, error) {
	loc := w.loc
	t, err := createTable(dir, loc.productsFile, "products", loc.excel)
	if err != nil {
		return File{}, err
	}
	t.header(loc.productsHeader...)
	for _, p := range w.cat.products {
		t.str(p.code)
		t.str(p.desc)
		t.str(families[p.fam].name)
		t.money(p.price, true, false)
		if err := t.end(); err != nil {
			return File{}, err
		}
	}
	return t.info(), t.finish()
}

// writeConfig writes kam.yaml: language and currency, nothing else.
func (w *world) writeConfig(dir string) (File, error) {
	text := "# El resto de la configuración toma los valores por defecto.\nlanguage: es\ncurrency: EUR\n"
	if w.loc.lang == "en" {
		text = "# Everything else takes the defaults.\nlanguage: en\ncurrency: EUR\n"
	}
	err := os.WriteFile(filepath.Join(dir, "kam.yaml"), []byte(text), 0o644)
	return File{Path: "kam.yaml", Kind: "config", Format: "yaml", Encoding: "UTF-8", LineEnd: "LF"}, err
}
