package generator

import (
	"math"
	"math/rand/v2"
)

// fillAttributes gives every account its commercial profile: margin and
// the discount that produces it, growth, product mix, CRM scores and wallet,
// cost-to-serve rates. Planted units take theirs from the spec.
func (w *world) fillAttributes(r *rand.Rand) {
	n := w.cal.n
	for ui := range w.units {
		u := &w.units[ui]
		s := u.spec
		var (
			margin, growth, walletX    float64
			fit, infl, stage           int
			logistics, rebate, support float64
			since                      int
			fams                       [8]float64
			filled                     = true
		)
		seg := &segments[w.accounts[u.members[0]].seg]
		if s != nil {
			margin, growth, walletX = s.margin, s.growth, s.wallet
			fit, infl, stage = s.fit, s.infl, s.stage
			logistics, rebate, support = s.logistics, s.rebate, s.support
			since = s.since
			if s.fams != nil {
				for _, f := range s.fams {
					fams[f] = between(r, .7, 1.3)
				}
			}
		} else {
			if u.key {
				margin, walletX = between(r, .21, .28), between(r, 1.3, 2.3)
				fit, infl = 3+pick(r, []float64{.45, .4, .15}), 2+pick(r, []float64{.2, .4, .3, .1})
				stage = 2 + r.IntN(3)
				rebate = between(r, .008, .022)
				filled = r.Float64() < .96
			} else {
				margin, walletX = between(r, .24, .34), between(r, 1.5, 5)
				fit, infl = 1+pick(r, []float64{.15, .3, .32, .17, .06}), 1+pick(r, []float64{.15, .3, .32, .17, .06})
				stage = pick(r, []float64{.2, .5, .3})
				if seg.channel && r.IntN(2) == 0 {
					rebate = between(r, .015, .03)
				}
				filled = r.Float64() < .86
			}
			growth = math.Max(-.25, math.Min(.4, .05+.08*r.NormFloat64()))
			logistics, support = between(r, .012, .03), between(r, .002, .008)
			since = w.cal.end.year() - int(r.ExpFloat64()*11)
			if start := w.accounts[u.members[0]].start; start > 0 {
				growth, stage, since = between(r, .1, .4), 0, w.cal.month(start).year()
			}
			since = max(since, 1972)
		}
		if fams == [8]float64{} {
			for f, p := range seg.buys {
				if r.Float64() < p {
					fams[f] = p * between(r, .5, 1.5)
				}
			}
			for f := 0; countNonZero(fams) < 2; f++ {
				fams[f%len(fams)] = .3
			}
		}
		if s != nil && s.story == storyHeadroom {
			for _, a := range u.members {
				w.accounts[a].start = max(0, n-28)
			}
		}
		if s != nil && s.story == storyQuiet {
			for _, a := range u.members {
				w.accounts[a].stop = w.quietStop
			}
		}
		for j, ai := range u.members {
			a := &w.accounts[ai]
			a.industry = seg.industries[r.IntN(len(seg.industries))]
			if s != nil {
				a.industry = seg.industries[0]
			}
			a.buys = a.share > 0
			a.margin = margin + .01*r.NormFloat64()
			a.growth = growth + .02*r.NormFloat64()
			a.fams = fams
			for f := range a.fams {
				a.fams[f] *= between(r, .8, 1.2)
			}
			a.disc = discountFor(a.margin)
			a.stage = stage
			a.logistics, a.rebate, a.support = logistics, rebate, support
			if filled {
				a.fit, a.infl = fit, infl
				if a.buys {
					a.wallet = roundTo(walletX*a.share*w.rLTM*between(r, .9, 1.1), 1000)
				}
			}
			y := since
			if j > 0 {
				y = min(w.cal.end.year(), since+r.IntN(6))
			}
			a.since = mkday(y, 1+r.IntN(12), 1+r.IntN(28))
			if a.start > 0 {
				a.since = w.cal.month(a.start).first() + day(r.IntN(20))
			}
			if root := w.accounts[u.members[0]].since; j > 0 && a.since < root {
				a.since = min(w.cal.now(), root+day(r.IntN(400))) // a subsidiary becomes a customer after its group
			}
			a.perInv = 1.6 + 2.4*r.Float64()
			if u.key {
				a.perInv *= 1.4
			}
		}
	}
}

// discountFor is the list-price discount per family that yields the
// account's target margin: margin = 1 − cost ÷ (1 − discount). Families with
// a richer list margin keep half of their advantage, so services earn more
// than lubricants, as they do in real price lists.
func discountFor(margin float64) (d [8]float64) {
	const meanCost = .52
	for f, fam := range families {
		m := margin + .5*(meanCost-fam.cost)
		d[f] = math.Max(0, math.Min(.6, 1-fam.cost/(1-m)))
	}
	return d
}

func countNonZero(v [8]float64) int {
	n := 0
	for _, x := range v {
		if x > 0 {
			n++
		}
	}
	return n
}

func roundTo(x, step float64) float64 { return math.Round(x/step) * step }

// shape is an account's monthly revenue before scaling: seasonality, growth
// towards End, a three-month ramp for new customers and month-to-month
// noise. It is a pure function of (account, month), so every pass — the
// calibration, the line allocation, the cost allocation — sees the same
// numbers without storing an accounts × months matrix.
func (w *world) shape(ai, m int) float64 {
	a := &w.accounts[ai]
	if !a.buys || m < a.start || m > a.stop || (a.cur == "USD" && m == w.fxGap) {
		return 0
	}
	x := float64(m - (w.cal.n - 1))
	v := season[w.cal.month(m).moy()-1] * math.Exp(math.Log1p(a.growth)*x/12)
	if a.start > 0 && m-a.start < 3 {
		v *= float64(m-a.start+1) / 3
	}
	return v * math.Exp(.22*normal(w.h.of(1, ai, m, 0))-.0242)
}

// expected is an account's expected revenue in a month, EUR.
func (w *world) expected(ai, m int) float64 { return w.accounts[ai].base * w.shape(ai, m) }

// calibrate scales each account so its twelve months (the LTM, or the twelve
// before it stopped buying) add up to its share of company revenue, then
// sets mean line values so that the expected line count is exactly
// o.Lines: bigger customers get bigger lines, not only more of them.
func (w *world) calibrate() {
	n := w.cal.n
	for ai := range w.accounts {
		a := &w.accounts[ai]
		if !a.buys {
			continue
		}
		lo, hi := n-12, n-1
		if a.stop < hi {
			lo, hi = a.stop-11, a.stop
		}
		s := 0.0
		for m := max(lo, 0); m <= hi; m++ {
			s += w.shape(ai, m)
		}
		if s == 0 {
			a.buys = false
			continue
		}
		a.base = a.share * w.rLTM / s
	}
	sum := 0.0
	for ai := range w.accounts {
		a := &w.accounts[ai]
		if !a.buys {
			continue
		}
		y := math.Pow(math.Max(a.share*w.rLTM, 500), .35)
		for m := range n {
			sum += w.expected(ai, m) / y
		}
	}
	k := sum / float64(w.o.Lines)
	for ai := range w.accounts {
		a := &w.accounts[ai]
		a.value = k * math.Pow(math.Max(a.share*w.rLTM, 500), .35)
	}
}
