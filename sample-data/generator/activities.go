package generator

import (
	"cmp"
	"math"
	"slices"
)

// activityType is a kind of CRM interaction: calls and emails are Salesforce
// Tasks, the rest Events. Durations include travel, as KAMs log them.
type activityType struct {
	event          bool
	subtype, label string // TaskSubtype (tasks) and Type picklist value
	minLo, minHi   float64
	expenseP       float64
	expLo, expHi   float64
	subjects       []string
	kam, dir, exec float64 // mix weights by role
}

var activityTypes = []activityType{
	{true, "", "Visita", 300, 660, .65, 25, 420, []string{"Visita a planta", "Visita técnica: revisión de consumos", "Visita con técnico de aplicaciones", "Visita a obra", "Auditoría de almacén en planta"}, .34, .20, 0},
	{true, "", "Reunión", 120, 240, .15, 15, 70, []string{"Reunión con compras", "Reunión de seguimiento", "Reunión con dirección de mantenimiento", "Negociación de condiciones"}, .27, .35, 1},
	{true, "", "Propuesta", 180, 420, 0, 0, 0, []string{"Presentación de oferta", "Propuesta de contrato marco", "Oferta de stock en consigna"}, .09, .05, 0},
	{true, "", "Revisión", 120, 240, 0, 0, 0, []string{"Revisión trimestral de cuenta (QBR)", "Revisión del plan de cuenta", "Revisión anual de rappel"}, .08, .20, 0},
	{false, "Call", "Llamada", 5, 45, 0, 0, 0, []string{"Llamada seguimiento pedido", "Llamada incidencia de entrega", "Llamada de seguimiento de oferta"}, .15, .12, 0},
	{false, "Email", "Email", 0, 0, 0, 0, 0, []string{"Envío de tarifa", "Confirmación de pedido", "Envío de catálogo", "Reclamación de plazo de entrega"}, .07, .08, 0},
}

// monthLoad spreads a person's year: little in August, less in December.
var monthLoad = [12]float64{.95, 1.05, 1.1, 1, 1.1, 1.05, .9, .4, 1.05, 1.1, 1.1, .8}

// activityTally is what the activities add up to over the LTM.
type activityTally struct {
	hours               []float64 // per person
	acctHours, acctCost []float64 // per account: hours, and hours × the logger's hourly cost
	expense             []float64 // per account, EUR
	last                []day     // per account, any date
	// Per unit, over the LTM: a review (Revisión) by the key account
	// director, and any activity by the executive (top management).
	directorReview, execContact []bool
}

// writeActivities logs, month by month from the CRM roll-out, each person's
// planned hours as visits, meetings, calls …, mostly on their key accounts.
func (w *world) writeActivities(dir string) ([]File, activityTally, []BadRow, error) {
	r, loc := newRand(w.o.Seed, streamActivities), w.loc
	na := len(w.accounts)
	tally := activityTally{hours: make([]float64, len(w.people)), acctHours: make([]float64, na),
		acctCost: make([]float64, na), expense: make([]float64, na), last: make([]day, na),
		directorReview: make([]bool, len(w.units)), execContact: make([]bool, len(w.units))}
	var bad []BadRow
	tasks, err := createTable(dir, "crm/Task.csv", "activities", loc.crm)
	if err != nil {
		return nil, tally, nil, err
	}
	events, err := createTable(dir, "crm/Event.csv", "activities", loc.crm)
	if err != nil {
		return nil, tally, nil, err
	}
	tasks.header("Id", "AccountId", "ActivityDate", "OwnerId", "TaskSubtype", "Type", "CallDurationInSeconds", "Subject")
	events.header("Id", "AccountId", "ActivityDate", "OwnerId", "Type", "DurationInMinutes", "Expense__c", "Subject")
	pickers := w.activityPickers()
	quiet := w.storyUnit(storyQuiet)
	mean := 0.0
	for _, v := range monthLoad {
		mean += v / 12
	}
	for m := w.crmStart; m < w.cal.n; m++ {
		days := w.cal.work[m]
		for pi := range w.people {
			p := &w.people[pi]
			if pickers[pi].empty() {
				continue
			}
			weights := make([]float64, len(activityTypes))
			for i := range activityTypes {
				weights[i] = activityTypes[i].weight(p.role)
			}
			target := p.hours / 12 * monthLoad[w.cal.month(m).moy()-1] / mean
			if !w.cal.ltm(m) {
				target *= .7 // the CRM habit was still settling in
			}
			for h := 0.0; h < target; {
				ui := pickers[pi].pick(r)
				d := days[r.IntN(len(days))]
				if ui == quiet && d > w.quietCutoff {
					continue
				}
				u := &w.units[ui]
				ai := u.members[0]
				if len(u.members) > 1 && r.Float64() > .55 {
					ai = u.members[1+r.IntN(len(u.members)-1)]
				}
				at := &activityTypes[pick(r, weights)]
				minutes := math.Round(between(r, at.minLo, at.minHi)/15) * 15
				expense := 0.0
				if r.Float64() < at.expenseP {
					expense = math.Round(between(r, at.expLo, at.expHi)*100) / 100
				}
				subject := at.subjects[r.IntN(len(at.subjects))]
				t := events
				if !at.event {
					t = tasks
					if at.subtype == "Call" {
						minutes = math.Round(between(r, at.minLo, at.minHi)*60) / 60 // seconds precision
					}
				}
				// One subject of each file has what real exports have: a
				// comma, quotes and a line break inside the field.
				if t.rows == 60 {
					subject = "Reunión con compras, revisión del \"rappel\" anual\nAcordado: nueva propuesta antes del viernes"
					if !at.event {
						subject = "Llamada a \"Mantenimiento\", sin respuesta\nReintentar el lunes"
					}
				}
				badDate := !at.event && t.rows == 25
				at0 := t.line()
				if at.event {
					t.str(sfid("00U", t.rows+1))
				} else {
					t.str(sfid("00T", t.rows+1))
				}
				t.str(w.accounts[ai].sfid)
				if badDate {
					t.str("0000-00-00")
				} else {
					t.date(d)
				}
				t.str(p.sfid)
				if !at.event {
					t.str(at.subtype)
				}
				t.str(at.label)
				switch {
				case at.event:
					t.int(int64(minutes))
				case at.subtype == "Call":
					t.int(int64(math.Round(minutes * 60)))
				default:
					t.empty()
				}
				if at.event {
					if expense > 0 {
						t.money(int64(math.Round(expense*100)), false, false)
					} else {
						t.empty()
					}
				}
				t.str(subject)
				if err := t.end(); err != nil {
					return nil, tally, nil, err
				}
				if badDate {
					bad = append(bad, BadRow{File: t.path, Line: at0, What: "task with ActivityDate \"0000-00-00\"", Expect: "rejected: invalid date"})
					continue
				}
				hours := minutes / 60
				h += hours
				if w.cal.ltm(m) {
					tally.hours[pi] += hours
					tally.acctHours[ai] += hours
					tally.acctCost[ai] += hours * p.hourly
					tally.expense[ai] += expense
					switch {
					case p.role == "director" && at.label == "Revisión":
						tally.directorReview[ui] = true
					case p.role == "executive":
						tally.execContact[ui] = true
					}
				}
				tally.last[ai] = max(tally.last[ai], d)
			}
		}
	}
	if err := firstErr(tasks.finish(), events.finish()); err != nil {
		return nil, tally, nil, err
	}
	return []File{tasks.info(), events.info()}, tally, bad, nil
}

// activityPickers says, per person, which units they spend time on: a KAM
// 85 % on their key accounts (the loss-making group takes a large share of
// A's week) and 15 % on their other customers; the director on the key
// account without a KAM and the largest groups; the executive on the top
// three.
func (w *world) activityPickers() []picker {
	pk := make([]picker, len(w.people))
	keyW := make([]float64, len(w.people))
	otherW := make([]float64, len(w.people))
	for _, u := range w.units {
		if u.kam < 0 {
			continue
		}
		if u.key {
			keyW[u.kam] += timeWeight(&u)
		} else {
			otherW[u.kam] += timeWeight(&u)
		}
	}
	var keys []int
	for ui := range w.units {
		u := &w.units[ui]
		if u.key {
			keys = append(keys, ui)
		}
		if u.kam < 0 {
			continue
		}
		wgt := timeWeight(u)
		if u.key {
			pk[u.kam].add(ui, .85*wgt/keyW[u.kam])
		} else {
			pk[u.kam].add(ui, .15*wgt/otherW[u.kam])
		}
	}
	slices.SortStableFunc(keys, func(a, b int) int { return cmp.Compare(w.units[b].share, w.units[a].share) })
	pk[personDirector].add(w.storyUnit(storyNoKAM), .45)
	for i, ui := range keys[:min(8, len(keys))] {
		pk[personDirector].add(ui, .55/8)
		if i < 3 {
			pk[personExec].add(ui, 1)
		}
	}
	return pk
}

func (at *activityType) weight(role string) float64 {
	switch role {
	case "kam":
		return at.kam
	case "director":
		return at.dir
	case "executive":
		return at.exec
	}
	return 0
}

// timeWeight is how much of its owner's time a unit draws: the square root
// of its size, tripled for the loss-making group, which eats A's week.
func timeWeight(u *unit) float64 {
	wgt := math.Sqrt(u.share)
	if u.spec != nil && u.spec.story == storyLossMaker {
		wgt *= 3
	}
	return wgt
}
