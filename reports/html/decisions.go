package html

import (
	"strings"

	"kam/reports/report"
)

// decisions is the page's first screen: a headline of a few sentences
// generated from the marts (what moved and why), then the actions of the
// month from the decisions mart, each with its figures and next step.
func (b *Builder) Decisions(s *Section) error {
	missing, err := unavailable(b.ctx, b.src, "decisions")
	if err != nil {
		return err
	}
	s.Notes = b.notes(missing)
	rows, err := b.q(`select *, array_to_string(also_decision_types, ',') as also_types from main.decisions order by decision_rank`)
	if err != nil {
		return err
	}
	head, err := b.headline(rows)
	if err != nil {
		return err
	}
	if head != "" {
		s.Blocks = append(s.Blocks, block{Text: head})
	}
	// Three actions or fewer take well under half a printed page (a row
	// prints in two or three lines): the summary follows on page 1.
	s.Short = len(rows) <= 3
	if len(rows) == 0 {
		s.Blocks = append(s.Blocks, block{Text: b.t("html.decisions_none")})
		return nil
	}
	for _, r := range rows {
		typ := r.str("decision_type")
		if r.str("account_name") == "" { // a KAM's decision
			r["account_name"] = ""
		}
		if r.str("kam_name") == "" {
			r["kam_name"] = r.str("kam_id")
		}
		if to := r.str("to_kam_name"); to != "" { // a rebalance between two KAMs
			r["kam_name"] = r.str("kam_name") + " → " + to
		}
		r["next_step"] = b.t("decision.step." + typ)
		if also := r.str("also_types"); also != "" { // the other actions on the same money
			var names []string
			for _, a := range strings.Split(also, ",") {
				names = append(names, b.val("decision_type", a))
			}
			r["next_step"] = r.str("next_step") + " " + b.t("decision.also", strings.Join(names, ", "))
		}
		r["figures"] = b.t("decision.figures."+typ, b.loc.Money(r["revenue_ltm"]), b.decisionMetric(typ, r["metric"]),
			b.val("detail", r.str("detail")), b.loc.Money(r["net_contribution"]))
	}
	t := b.newTable("decisions", report.C("decision_rank", report.Int), report.C("decision_type", report.Enum),
		report.C("account_name", report.Text), report.C("kam_name", report.Text),
		report.C("amount_at_stake", report.Money), report.C("figures", report.Text), report.C("next_step", report.Text))
	t.add(b, rows, len(rows))
	if n := rows[0].f("cases_left_out"); n > 0 {
		t.Note = b.t("html.decisions_left_out", b.loc.Count(n), b.loc.Money(b.materiality()), b.loc.Count(b.param("decision_max_rows")))
	}
	s.Blocks = append(s.Blocks, block{Table: t})
	return nil
}

// decisionMetric formats a decision's key figure by what it is.
func (b *Builder) decisionMetric(typ string, v any) string {
	switch typ {
	case "promote_key_account", "review_key_account", "rescue_revenue":
		return b.loc.Score(v)
	}
	return b.loc.Pct(v)
}

// materiality is the smallest stake listed: the floor, or the share of the
// LTM portfolio revenue when that is larger.
func (b *Builder) materiality() float64 {
	floor := b.param("decision_min_amount")
	rows, err := b.q(`select sum(revenue) as revenue from main.account_profitability where time_window = 'ltm'`)
	if err != nil || len(rows) == 0 {
		return floor
	}
	return max(floor, b.param("decision_min_share")*rows[0].f("revenue"))
}

// headline is 3–5 sentences from the marts: the month's and the LTM's
// revenue and their change, the accounts that moved it, the contribution
// and who loses money, the revenue at risk, and the decisions. A sentence
// whose figures are missing is left out.
func (b *Builder) headline(decisions []martRow) (string, error) {
	var out []string
	kpis, err := b.q(`select * from main.kpi_summary`)
	if err != nil {
		return "", err
	}
	k := map[string]martRow{}
	for _, r := range kpis {
		k[r.str("kpi")] = r
	}
	// A partial month leads: every figure of the month covers part of it.
	partial, err := b.q(`select last_date, strftime(last_complete_month, '%Y-%m') as last_complete from main.input_coverage
		where kind = 'sales' and time_window = 'month' and partial_month = start_month`)
	if err != nil {
		return "", err
	}
	if len(partial) == 1 {
		p := partial[0]
		out = append(out, b.t("html.headline_partial", b.loc.Period(b.run.Period), b.loc.Date(p["last_date"]),
			b.loc.Period(p.str("last_complete")), p.str("last_complete")))
	}
	// Revenue that may be counted twice (an invoice register beside the
	// lines of the same invoices, with other amounts) comes next: the
	// figures below include it.
	doubt, err := b.q(`select time_window, lines_in_doubt, revenue_in_doubt from main.revenue_reconciliation
		where time_window in ('month', 'ltm') and lines_in_doubt > 0 order by time_window = 'ltm'`)
	if err != nil {
		return "", err
	}
	if len(doubt) > 0 {
		in := map[string]martRow{}
		for _, r := range doubt {
			in[r.str("time_window")] = r
		}
		month, ltm := in["month"], in["ltm"]
		monthAmount := any(0)
		if month != nil {
			monthAmount = month["revenue_in_doubt"]
		}
		out = append(out, b.t("html.headline_doubt", b.loc.Money(ltm["revenue_in_doubt"]), b.loc.Count(ltm["lines_in_doubt"]),
			b.loc.Money(monthAmount), b.loc.Period(b.run.Period)))
	}
	if m, l := k["revenue_month"], k["revenue_ltm"]; m != nil && l != nil && m["value"] != nil && l["value"] != nil {
		out = append(out, b.t("html.headline_revenue", b.loc.Period(b.run.Period), b.loc.Money(m["value"]), b.comparedPct(m, "prior_year"),
			b.loc.MoneyShort(l["value"]), b.comparedPct(l, "prior_year")))
	}
	movers, err := b.q(`select
			arg_max(account_name, revenue_ltm - revenue_prior_ltm) as up_name, max(revenue_ltm - revenue_prior_ltm) as up,
			arg_min(account_name, revenue_ltm - revenue_prior_ltm) as down_name, min(revenue_ltm - revenue_prior_ltm) as down
		from main.account_growth where revenue_prior_ltm is not null`)
	if err != nil {
		return "", err
	}
	if len(movers) == 1 && movers[0]["up"] != nil && movers[0].f("up") > 0 && movers[0].f("down") < 0 {
		r := movers[0]
		out = append(out, b.t("html.headline_movers", r.str("up_name"), b.signedMoney(r["up"]), r.str("down_name"), b.signedMoney(r["down"])))
	}
	loss, err := b.q(`select
			sum(net_contribution) as nc, sum(net_contribution) / nullif(sum(revenue), 0) as pct,
			count(*) filter (where net_contribution < 0) as losers,
			arg_min(account_name, net_contribution) as worst, min(net_contribution) as worst_nc
		from main.account_profitability where time_window = 'ltm'`)
	if err != nil {
		return "", err
	}
	if len(loss) == 1 && loss[0]["nc"] != nil && loss[0].f("losers") > 0 {
		r := loss[0]
		out = append(out, b.t("html.headline_contribution", b.loc.MoneyShort(r["nc"]), b.loc.Pct(r["pct"]), b.loc.Count(r["losers"]), r.str("worst"), b.loc.MoneyShort(r["worst_nc"])))
	}
	risk, err := b.q(`select sum(revenue_at_risk) as amount, count(*) as accounts from main.account_health where is_revenue_at_risk`)
	if err != nil {
		return "", err
	}
	if len(risk) == 1 && risk[0].f("accounts") > 0 {
		out = append(out, b.t("html.headline_risk", b.loc.MoneyShort(risk[0]["amount"]), b.loc.Count(risk[0]["accounts"])))
	}
	if len(decisions) > 0 {
		total := decisions[0]["amount_at_stake_listed"] // each euro once (the mart's sum)
		first := decisions[0]
		who := first.str("account_name")
		if who == "" {
			who = first.str("kam_name") // a rebalance: "from → to" already
		}
		what := b.val("decision_type", first.str("decision_type"))
		if who != "" {
			what += " — " + who
		}
		out = append(out, b.t("html.headline_decisions", b.loc.Count(len(decisions)), b.loc.MoneyShort(total), what))
	}
	return strings.Join(out, " "), nil
}

// comparedPct is a KPI's change against an earlier period (prior_month,
// prior_year) with its sign, or why it is not comparable.
func (b *Builder) comparedPct(r martRow, than string) string {
	if r.str("is_comparable_"+than) == "false" {
		return b.notComparable(r.str("not_comparable_reason_" + than))
	}
	return b.signedPct(r["change_pct_"+than])
}

// signedPct is a change with its sign (+5.6 %); n/a when unknown.
func (b *Builder) signedPct(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return "–"
	}
	if f > 0 {
		return "+" + b.loc.Pct(f)
	}
	return b.loc.Pct(f)
}

func (b *Builder) signedMoney(v any) string {
	f, ok := toFloat(v)
	if !ok {
		return "–"
	}
	if f > 0 {
		return "+" + b.loc.MoneyShort(f)
	}
	return b.loc.MoneyShort(f)
}
