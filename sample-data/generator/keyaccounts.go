package generator

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// assignKAMs designates the key accounts (the planted ones, then the largest
// steady customers of the tail) and deals them out to the KAMs by quota.
func (w *world) assignKAMs(r *rand.Rand) {
	var tail []int
	planted := 0
	for i := range w.units {
		u := &w.units[i]
		if u.spec != nil {
			if u.key {
				planted++
			}
			continue
		}
		// A few customers are won or lost during the window; they are
		// never key accounts.
		switch x := r.Float64(); {
		case x < .06:
			u.fresh = true
			start := intn(r, 1, w.cal.n-3)
			for _, a := range u.members {
				w.accounts[a].start = start
			}
		case x < .11:
			u.fresh = true
			stop := intn(r, max(1, w.cal.n-30), w.cal.n-3)
			for _, a := range u.members {
				w.accounts[a].stop = stop
			}
		default:
			tail = append(tail, i)
		}
	}
	slices.SortStableFunc(tail, func(a, b int) int { return cmp.Compare(w.units[b].share, w.units[a].share) })
	tail = tail[:min(len(tail), w.keyCount-planted)]
	var slots []int
	for p, q := range keyQuota {
		for range q {
			slots = append(slots, p)
		}
	}
	for p := len(plantedPeople); len(slots) < len(tail); p++ {
		for range 5 {
			slots = append(slots, min(p, len(w.people)-1))
		}
	}
	slots = slots[:len(tail)]
	r.Shuffle(len(slots), func(i, j int) { slots[i], slots[j] = slots[j], slots[i] })
	for i, ui := range tail {
		w.units[ui].key, w.units[ui].kam = true, slots[i]
	}
	var owners picker
	for p := kamA; p < len(w.people); p++ {
		wgt := 1.0 // B and F own more of the small customers, A (busy with Peñalara) fewer
		switch p {
		case kamA:
			wgt = .7
		case kamB:
			wgt = 1.4
		case kamF:
			wgt = 1.2
		}
		owners.add(p, wgt)
	}
	for i := range w.units {
		u := &w.units[i]
		if u.spec == nil && !u.key {
			u.kam = owners.pick(r)
		}
		for _, a := range u.members {
			w.accounts[a].kam = u.kam
		}
		w.accounts[u.members[0]].key = u.key
	}
}

// assignCodes numbers customers in the ERP in the order they were won,
// with the gaps that deleted customers leave, and gives CRM ids in the order
// accounts were created in Salesforce.
func (w *world) assignCodes(r *rand.Rand) {
	order := make([]int, len(w.accounts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(w.accounts[a].since, w.accounts[b].since) })
	code := 10000
	for _, i := range order {
		code++
		if len(w.accounts) <= 30000 {
			code += r.IntN(3)
		}
		w.accounts[i].code = fmt.Sprintf("C%05d", code)
		w.accounts[i].erp = erpName(w.accounts[i].name)
	}
	for i := range w.accounts {
		w.accounts[i].sfid = sfid("001", i+1)
	}
}

// erpName is how the ERP spells a customer: upper case, accents kept.
func erpName(name string) string { return strings.ToUpper(name) }
