package generator

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Finding is one planted fact that the models must find, with the figures
// the generator measured on the rows it wrote.
type Finding struct {
	Story  string // loss-maker, headroom, over-capacity, going-quiet, concentration, few-key-accounts, director-reviews, no-kam, no-plan
	ID     string // ERP customer code of the portfolio unit, or the KAM's ERP rep code
	CRMID  string // Salesforce Id
	Name   string
	Expect string
	Facts  []Fact
}

// Fact is a named figure of a finding.
type Fact struct{ Name, Value string }

// tallies are the per-file sums the findings are computed from.
type tallies struct {
	sales *salesTally
	acts  activityTally
	costs costTally
	opps  oppTally
}

// unitFigures sums an ultimate parent's members.
type unitFigures struct {
	rev, prior, cogs, service, kamCost, expense, hours, wallet, pipeline float64
	revNoCost                                                            float64 // LTM revenue of lines without cost
	last, lastActivity                                                   day
}

func (w *world) figures(t *tallies, ui int) unitFigures {
	var f unitFigures
	for _, ai := range w.units[ui].members {
		f.rev += t.sales.revLTM[ai]
		f.prior += t.sales.revPrior[ai]
		f.cogs += t.sales.cogsLTM[ai]
		f.revNoCost += t.sales.revNoCostLTM[ai]
		f.service += t.costs.ltm[ai]
		f.kamCost += t.acts.acctCost[ai]
		f.expense += t.acts.expense[ai]
		f.hours += t.acts.acctHours[ai]
		f.wallet += w.accounts[ai].wallet
		f.pipeline += t.opps.pipeline[ai]
		f.last = max(f.last, t.sales.last[ai])
		f.lastActivity = max(f.lastActivity, t.acts.last[ai])
	}
	return f
}

// margin is the LTM gross margin as kam measures it: on the lines that have
// a cost, so the revenue of lines without one adds no margin (its margin is
// unknown, not 100 %).
func (f unitFigures) margin() float64 { return f.rev - f.revNoCost - f.cogs }

// net is the LTM net contribution: gross margin minus cost-to-serve.
func (f unitFigures) net() float64 { return f.margin() - f.service - f.kamCost - f.expense }

// hhi is the Herfindahl–Hirschman index of LTM revenue over ultimate parents.
func (w *world) hhi(t *tallies) (hhi float64, ranks []int) {
	revs := make([]float64, len(w.units))
	total := 0.0
	for ui := range w.units {
		for _, ai := range w.units[ui].members {
			revs[ui] += t.sales.revLTM[ai]
		}
		total += revs[ui]
		ranks = append(ranks, ui)
	}
	for _, r := range revs {
		s := r / total * 100
		hhi += s * s
	}
	slices.SortStableFunc(ranks, func(a, b int) int { return cmp.Compare(revs[b], revs[a]) })
	return hhi, ranks
}

func (w *world) findings(t *tallies) []Finding {
	var out []Finding
	now := w.cal.now()
	hhi, ranks := w.hhi(t)
	unitFinding := func(story, expect string) (Finding, unitFigures, int) {
		ui := w.storyUnit(story)
		root := &w.accounts[w.units[ui].members[0]]
		return Finding{Story: story, ID: root.code, CRMID: root.sfid, Name: root.name, Expect: expect}, w.figures(t, ui), ui
	}

	f, fig, ui := unitFinding(storyLossMaker, "key account group in the top 3 by revenue whose net contribution after cost-to-serve is negative over the LTM")
	f.Facts = []Fact{
		{"revenue rank", strconv.Itoa(slices.Index(ranks, ui) + 1)},
		{"revenue_ltm", eur(fig.rev)}, {"revenue_without_cost", eur(fig.revNoCost)},
		{"gross_margin_pct", pct(fig.margin() / (fig.rev - fig.revNoCost))},
		{"service_cost", eur(fig.service)}, {"kam_hours", num(fig.hours)},
		{"activity_cost", eur(fig.kamCost + fig.expense)}, {"net_contribution", eur(fig.net())},
	}
	out = append(out, f)

	f, fig, _ = unitFinding(storyHeadroom, "not a key account; wallet far above its revenue, growing, strong pipeline, fit and influence 5: selection score ≥ 60, recommendation promote")
	f.Facts = []Fact{
		{"wallet_estimate", eur(fig.wallet)}, {"revenue_ltm", eur(fig.rev)}, {"share_of_wallet", pct(fig.rev / fig.wallet)},
		{"growth_yoy_pct", pct(fig.rev/fig.prior - 1)}, {"weighted_pipeline", eur(fig.pipeline)},
		{"strategic_fit", "5"}, {"market_influence", "5"},
	}
	out = append(out, f)

	a := &w.people[kamA]
	keys := w.keyAccountsOf(kamA)
	out = append(out, Finding{Story: "over-capacity", ID: a.code, CRMID: a.sfid, Name: a.name,
		Expect: "KAM with utilisation > 100 % and more than 10 key accounts",
		Facts: []Fact{{"hours_ltm", num(t.acts.hours[kamA])}, {"utilisation", pct(t.acts.hours[kamA] / 1600)},
			{"key_accounts", strconv.Itoa(keys)}}})

	f, fig, _ = unitFinding(storyQuiet, "key account with no purchase and no activity in the last 90 days, revenue down more than 20 % YoY")
	f.Facts = []Fact{
		{"last_purchase", fig.last.String()}, {"days_since_purchase", strconv.Itoa(int(now - fig.last))},
		{"last_activity", fig.lastActivity.String()}, {"days_since_activity", strconv.Itoa(int(now - fig.lastActivity))},
		{"growth_yoy_pct", pct(fig.rev/fig.prior - 1)},
	}
	out = append(out, f)

	out = append(out, Finding{Story: "concentration", Expect: "HHI of LTM revenue over ultimate parents between 1,000 and 1,800 (moderate)",
		Facts: []Fact{{"hhi", num(hhi)}}})

	b := &w.people[kamB]
	out = append(out, Finding{Story: "few-key-accounts", ID: b.code, CRMID: b.sfid, Name: b.name,
		Expect: "KAM with fewer than 3 key accounts (and utilisation under 50 %)",
		Facts:  []Fact{{"key_accounts", strconv.Itoa(w.keyAccountsOf(kamB))}, {"utilisation", pct(t.acts.hours[kamB] / 1600)}}})

	// The director covers the key account without a KAM and the largest
	// groups, top management the top three: most key accounts get neither a
	// director's review nor a contact from top management (issue 18).
	keyUnits, reviewed, exec := 0, 0, 0
	for ui, u := range w.units {
		if !u.key {
			continue
		}
		keyUnits++
		if t.acts.directorReview[ui] {
			reviewed++
		}
		if t.acts.execContact[ui] {
			exec++
		}
	}
	dir := &w.people[personDirector]
	out = append(out, Finding{Story: "director-reviews", ID: dir.code, CRMID: dir.sfid, Name: dir.name,
		Expect: "the key account director reviews few key accounts and top management meets fewer: both shares below their targets (organisation ↔ people)",
		Facts: []Fact{{"key_accounts", strconv.Itoa(keyUnits)}, {"reviewed_by_director", strconv.Itoa(reviewed)},
			{"director_review_share", pct(float64(reviewed) / float64(keyUnits))},
			{"with_top_management", strconv.Itoa(exec)}, {"top_management_share", pct(float64(exec) / float64(keyUnits))}}})

	f, _, _ = unitFinding(storyNoKAM, "key account without a KAM (blank OwnerId)")
	out = append(out, f)
	f, _, _ = unitFinding(storyNoPlan, "key account without a plan target for this year or last")
	out = append(out, f)
	return out
}

func (w *world) keyAccountsOf(p int) int {
	n := 0
	for _, u := range w.units {
		if u.key && u.kam == p {
			n++
		}
	}
	return n
}

// storyUnit is the unit planted for a story, storyRoot its ultimate parent.
func (w *world) storyUnit(story string) int {
	for ui := range w.units {
		if s := w.units[ui].spec; s != nil && s.story == story {
			return ui
		}
	}
	return -1
}

func (w *world) storyRoot(story string) int { return w.units[w.storyUnit(story)].members[0] }

func eur(x float64) string { return group(fmt.Sprintf("%.0f", x)) + " EUR" }
func num(x float64) string { return group(fmt.Sprintf("%.0f", x)) }
func pct(x float64) string { return fmt.Sprintf("%.1f %%", x*100) }

// group puts thousands separators into an integer: "-1234567" → "-1,234,567".
func group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
