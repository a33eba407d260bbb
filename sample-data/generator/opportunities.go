package generator

import (
	"math"
	"math/rand/v2"
	"strconv"
)

// Salesforce's default opportunity stages with their default probabilities.
var openStages = []struct {
	name   string
	prob   int
	weight float64
}{
	{"Prospecting", 10, 1}, {"Qualification", 10, 1.2}, {"Needs Analysis", 20, 1.2},
	{"Value Proposition", 50, 1}, {"Id. Decision Makers", 60, .7}, {"Perception Analysis", 70, .6},
	{"Proposal/Price Quote", 75, 1}, {"Negotiation/Review", 90, .6},
}

var projects = []string{"Contrato marco", "Renovación parque de bombas", "Ampliación línea 3", "Stock en consigna",
	"Parada técnica de verano", "Mantenimiento preventivo", "Nueva planta", "Homologación como proveedor",
	"Sustitución de cilindros", "Plan de lubricación", "Retrofit de transmisiones", "Kit de seguridad para obra"}

// opp is one opportunity before rendering; close and created are days.
type opp struct {
	unit, account, fam, stage int     // stage: index in openStages, or -1 won, -2 lost
	amount                    float64 // EUR
	close, created            day
	project                   string
}

// oppTally is the weighted open pipeline closing in the next twelve months,
// per account, EUR.
type oppTally struct{ pipeline []float64 }

// writeOpportunities writes crm/Opportunity.csv: about one opportunity per
// fifty invoice lines, closing from 24 months before End to 12 after. Those
// closing after End are open; most of the rest are closed (won about half
// the time). The headroom account gets a strong open pipeline; the quiet
// account loses its framework contract the month it goes silent.
func (w *world) writeOpportunities(dir string) (File, oppTally, []BadRow, error) {
	r := newRand(w.o.Seed, streamOpportunities)
	tally := oppTally{pipeline: make([]float64, len(w.accounts))}
	t, err := createTable(dir, "crm/Opportunity.csv", "opportunities", w.loc.crm)
	if err != nil {
		return File{}, tally, nil, err
	}
	t.header("Id", "AccountId", "Name", "StageName", "Amount", "Probability", "CloseDate", "IsClosed", "IsWon",
		"CurrencyIsoCode", "CreatedDate", "Product_Line__c")
	var pk picker
	for ui := range w.units {
		u := &w.units[ui]
		if u.spec != nil && (u.spec.story == storyHeadroom || u.spec.story == storyQuiet) {
			continue
		}
		if w.accounts[u.members[0]].stop < w.cal.n-12 {
			continue
		}
		wgt := math.Sqrt(u.share)
		if u.key {
			wgt *= 3
		}
		pk.add(ui, wgt)
	}
	planted := w.plantedOpps()
	now := w.cal.now()
	total := max(60, w.o.Lines/50)
	var bad []BadRow
	next := 0 // planted deals are spread evenly among the random ones
	for i := range total + len(planted) {
		var o opp
		if next < len(planted) && i == (next+1)*(total+len(planted))/(len(planted)+1) {
			o = planted[next]
			next++
		} else {
			o = w.randomOpp(r, &pk, now)
		}
		a := &w.accounts[o.account]
		rate := w.fx.rate(a.cur, w.cal.n-1)
		amount := int64(math.Max(1500, math.Round(o.amount/rate/100)*100)) * 100
		prob, stage, closed, won := 0, "Closed Lost", true, false
		switch {
		case o.stage == -1:
			prob, stage, won = 100, "Closed Won", true
		case o.stage >= 0:
			prob, stage, closed = openStages[o.stage].prob, openStages[o.stage].name, false
		}
		line := t.line()
		t.str(sfid("006", i+1))
		t.str(a.sfid)
		t.str(short(w.accounts[w.units[o.unit].members[0]].name) + " - " + o.project)
		t.str(stage)
		t.money(amount, false, false)
		badProb := i == 37
		if badProb {
			t.str("abc")
		} else {
			t.int(int64(prob))
		}
		t.date(o.close)
		t.str(strconv.FormatBool(closed))
		t.str(strconv.FormatBool(won))
		t.str(a.cur)
		t.str(string(o.created.appendISO(nil)) + "T" + clock(r) + ":00.000Z")
		t.str(families[o.fam].name)
		if err := t.end(); err != nil {
			return File{}, tally, nil, err
		}
		if badProb {
			bad = append(bad, BadRow{File: t.path, Line: line, What: "opportunity with Probability \"abc\"", Expect: "rejected: malformed number"})
			continue
		}
		if !closed && o.close > now && o.close <= now+365 {
			tally.pipeline[o.account] += float64(amount) / 100 * rate * float64(prob) / 100
		}
	}
	return t.info(), tally, bad, t.finish()
}

func (w *world) randomOpp(r *rand.Rand, pk *picker, now day) opp {
	ui := pk.pick(r)
	u := &w.units[ui]
	o := opp{unit: ui, account: u.members[0], project: projects[r.IntN(len(projects))]}
	if len(u.members) > 1 && r.Float64() > .6 {
		o.account = u.members[1+r.IntN(len(u.members)-1)]
	}
	a := &w.accounts[o.account]
	if !a.buys {
		a = &w.accounts[u.members[len(u.members)-1]]
	}
	o.fam = pick(r, a.fams[:])
	o.close = now - 730 + day(r.IntN(1096))
	if a.cur == "USD" && w.cal.index(o.close) == w.fxGap {
		o.close += 31 // no USD opportunity in the month without a rate
	}
	o.stage = pick(r, stageWeights())
	if o.close <= now && r.Float64() > .06 {
		o.stage = -2
		if r.Float64() < .47 {
			o.stage = -1
		}
	}
	o.created = min(now-day(r.IntN(20)), o.close-day(intn(r, 20, 240)))
	o.amount = u.share * w.rLTM * between(r, .02, .15)
	return o
}

func stageWeights() []float64 {
	ws := make([]float64, len(openStages))
	for i, s := range openStages {
		ws[i] = s.weight
	}
	return ws
}

// plantedOpps are the story's deals: four open ones worth about three times
// the headroom account's yearly purchases, and the quiet account's history
// ending with the lost framework contract.
func (w *world) plantedOpps() []opp {
	now := w.cal.now()
	var out []opp
	if ui := w.storyUnit(storyHeadroom); ui >= 0 {
		y := w.units[ui].share * w.rLTM
		root := w.units[ui].members[0]
		for _, o := range []opp{
			{stage: 6, amount: 1.1 * y, close: now + 45, project: "Parque eólico de Borja: repuestos de multiplicadoras"},
			{stage: 7, amount: .8 * y, close: now + 100, project: "Contrato marco de mantenimiento 2027"},
			{stage: 3, amount: .6 * y, close: now + 160, project: "Nueva planta de hidrógeno verde"},
			{stage: 2, amount: .5 * y, close: now + 250, project: "Plan de lubricación de aerogeneradores"},
			{stage: -1, amount: .3 * y, close: now - 200, project: "Rodamientos para repotenciación"},
			{stage: -1, amount: .25 * y, close: now - 90, project: "Stock en consigna"},
		} {
			o.unit, o.account, o.fam = ui, root, famRodamientos
			o.created = min(o.close-120, now-10-day(len(out))*17)
			out = append(out, o)
		}
	}
	if ui := w.storyUnit(storyQuiet); ui >= 0 {
		y := w.units[ui].share * w.rLTM
		root := w.units[ui].members[0]
		for _, o := range []opp{
			{stage: -1, amount: .4 * y, close: now - 600, project: "Contrato marco 2025"},
			{stage: -1, amount: .2 * y, close: now - 400, project: "Renovación de transportadores"},
			{stage: -2, amount: .9 * y, close: w.quietCutoff - 5, project: "Contrato marco 2026-2027"},
		} {
			o.unit, o.account, o.fam = ui, root, famTransmision
			o.created = o.close - 90
			out = append(out, o)
		}
	}
	return out
}

// clock is a time of day in office hours, "hh:mm".
func clock(r *rand.Rand) string {
	h, m := intn(r, 7, 17), r.IntN(60)
	return string([]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)})
}
