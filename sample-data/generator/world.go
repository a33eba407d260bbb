package generator

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// person is a CRM user; KAMs are also sales reps in the ERP (code).
type person struct {
	personSpec
	sfid, code string
	manager    int
	hourly     float64 // annual cost ÷ 1,600 h capacity
}

// account is one customer as both systems know it.
type account struct {
	code, sfid, name, erp      string
	parent, root, unit         int
	seg, region                int
	industry, cur              string
	kam                        int
	key, buys                  bool
	fit, infl, stage           int     // fit and influence 0: not filled in the CRM
	wallet                     float64 // EUR a year; 0: not filled
	since                      day
	share                      float64 // of the company's LTM revenue
	growth, margin             float64
	disc                       [8]float64 // list-price discount per family
	fams                       [8]float64 // purchase weight of each product family
	start, stop                int        // first and last month index with purchases
	logistics, rebate, support float64
	base, value, perInv        float64 // revenue scale, mean line value (EUR), lines per invoice
}

// unit is a portfolio unit: an ultimate parent with its members.
type unit struct {
	members []int // account indexes; members[0] is the ultimate parent
	spec    *unitSpec
	share   float64
	key     bool
	kam     int
	fresh   bool // a customer won during the window or lost in it
}

// world holds everything that is decided before any file is written.
type world struct {
	o        Options
	loc      *locale
	cal      calendar
	h        hasher
	fx       fxTable
	cat      catalog
	people   []person
	accounts []account
	units    []unit
	rLTM     float64 // company revenue over the LTM, EUR

	fxGap       int // month index whose USD rate is missing from the rates file
	crmStart    int // activities and cost allocations start here (CRM roll-out)
	quietStop   int // the quiet account's last month with purchases
	quietCutoff day // and its last CRM activity
	keyCount    int
}

var season = [12]float64{.92, .98, 1.08, 1, 1.06, 1.08, 1, .55, 1.02, 1.1, 1.06, .85}

func newWorld(o Options, loc *locale) *world {
	end, _ := parseMonth(o.End)
	w := &world{o: o, loc: loc, h: hasher(mix(o.Seed ^ streamHash))}
	w.cal = newCalendar(end, o.Months)
	n := w.cal.n
	w.fxGap, w.crmStart, w.quietStop = max(0, n-15), max(0, n-16), n-6
	w.quietCutoff = w.cal.month(n-5).first() + 14
	w.rLTM = 20e6 * float64(o.Accounts) / 300
	w.keyCount = max(30, o.Accounts/10)
	r := newRand(o.Seed, streamWorld)
	w.fx = newFX(newRand(o.Seed, streamFX), w.cal)
	w.cat = newCatalog(r)
	w.buildPeople(r)
	w.buildAccounts(r)
	w.assignKAMs(r)
	w.fillAttributes(r)
	w.assignCodes(r)
	w.calibrate()
	return w
}

func (w *world) buildPeople(r *rand.Rand) {
	extra := (w.keyCount - 30 + 4) / 5
	used := map[string]bool{}
	for i := range len(plantedPeople) + extra {
		var p person
		if i < len(plantedPeople) {
			p.personSpec = plantedPeople[i]
		} else {
			name := personName(r)
			for used[name] {
				name = personName(r)
			}
			p.personSpec = personSpec{name, "Key Account Manager", "kam", math.Round(between(r, 60000, 95000)/500) * 500, between(r, 950, 1350)}
		}
		used[p.name] = true
		p.sfid = sfid("005", i+1)
		switch i {
		case personExec:
			p.code, p.manager = "DG01", -1
		case personDirector:
			p.code, p.manager = "DC01", personExec
		default:
			p.code, p.manager = fmt.Sprintf("V%02d", i-1), personDirector
		}
		p.hourly = p.cost / 1600
		w.people = append(w.people, p)
	}
}

// buildAccounts lays out the planted units, then a random tail of groups and
// independent customers until o.Accounts accounts exist.
func (w *world) buildAccounts(r *rand.Rand) {
	nm := &namer{used: map[string]bool{}}
	planted := 0.0
	for i := range plantedUnits {
		spec := &plantedUnits[i]
		u := unit{spec: spec, share: spec.share, key: spec.key, kam: spec.kam}
		total := 0.0
		for _, m := range spec.members {
			total += m.weight
		}
		for _, m := range spec.members {
			nm.unique(m.name)
			parent := -1
			if m.parent >= 0 {
				parent = u.members[m.parent]
			}
			u.members = append(u.members, w.newAccount(m.name, spec.seg, regionByName(m.region), parent, len(w.units)))
			w.accounts[len(w.accounts)-1].share = spec.share * m.weight / total
		}
		planted += spec.share
		w.units = append(w.units, u)
	}
	first := len(w.units)
	segW := make([]float64, len(segments))
	for i, s := range segments {
		segW[i] = s.weight
	}
	regW, spainW := make([]float64, len(regions)), make([]float64, len(regions))
	for i, g := range regions {
		regW[i] = g.weight
		if g.country == &spain {
			spainW[i] = g.weight
		}
	}
	for len(w.accounts) < w.o.Accounts {
		seg, reg := pick(r, segW), pick(r, regW)
		size, rem := 1, w.o.Accounts-len(w.accounts)
		if rem >= 2 && regions[reg].country == &spain && r.Float64() < 0.12 {
			size = min(rem, 2+r.IntN(4))
		}
		u := unit{share: math.Exp(1.4*r.NormFloat64()) * (1 + 0.5*float64(size-1))}
		if size == 1 {
			u.members = []int{w.newAccount(nm.company(r, &segments[seg], regions[reg].country), seg, reg, -1, len(w.units))}
		} else {
			w.randomGroup(r, nm, &u, seg, reg, size, spainW)
		}
		weights := make([]float64, len(u.members))
		total := 0.0
		for j := range weights {
			if j > 0 || size == 1 || r.IntN(2) == 0 {
				weights[j] = between(r, .5, 1.5)
			}
			total += weights[j]
		}
		for j, a := range u.members {
			w.accounts[a].share = weights[j] / total // × the unit's share below
		}
		w.units = append(w.units, u)
	}
	total := 0.0
	for _, u := range w.units[first:] {
		total += u.share
	}
	for i := first; i < len(w.units); i++ {
		u := &w.units[i]
		u.share *= (1 - planted) / total
		for _, a := range u.members {
			w.accounts[a].share *= u.share
		}
	}
}

// randomGroup names a group "Grupo X" with subsidiaries "Prefix X" and,
// sometimes, a plant under the first subsidiary (depth 3).
func (w *world) randomGroup(r *rand.Rand, nm *namer, u *unit, seg, reg, size int, spainW []float64) {
	var stem, root string
	for try := 0; ; try++ {
		if stem = nm.stem(r, try); strings.HasPrefix(stem, "d") {
			stem = surnames[r.IntN(len(surnames))] // "Grupo del Ebro" reads as a river, not a family
		}
		if root = "Grupo " + stem + ", " + legalForms[r.IntN(len(legalForms))]; nm.unique(root) {
			break
		}
	}
	ui := len(w.units)
	u.members = []int{w.newAccount(root, seg, reg, -1, ui)}
	prefixes := segments[seg].prefixes
	for j := 1; j < size; j++ {
		mreg := reg
		if r.IntN(3) == 0 {
			mreg = pick(r, spainW) // subsidiaries elsewhere in Spain
		}
		if j >= 2 && r.Float64() < .35 {
			first := w.accounts[u.members[1]]
			name := short(first.name) + " – Planta " + regions[first.region].cities[r.IntN(len(regions[first.region].cities))]
			if nm.unique(name) {
				u.members = append(u.members, w.newAccount(name, seg, first.region, u.members[1], ui))
				continue
			}
		}
		for try := 0; ; try++ {
			name := prefixes[r.IntN(len(prefixes))] + " " + stem
			if try > 3 {
				name += " " + regions[mreg].cities[r.IntN(len(regions[mreg].cities))]
			}
			if name += ", " + legalForms[r.IntN(len(legalForms))]; nm.unique(name) {
				u.members = append(u.members, w.newAccount(name, seg, mreg, u.members[0], ui))
				break
			}
		}
	}
}

func (w *world) newAccount(name string, seg, reg, parent, u int) int {
	i := len(w.accounts)
	a := account{name: name, seg: seg, region: reg, parent: parent, root: i, unit: u, kam: noKAM,
		cur: regions[reg].country.currency, start: 0, stop: w.cal.n - 1}
	if parent >= 0 {
		a.root = w.accounts[parent].root
	}
	w.accounts = append(w.accounts, a)
	return i
}
