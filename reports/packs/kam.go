package packs

import (
	"path"
	"slices"
)

// theirs are the KAM's portfolio units (account_profitability's kam_id),
// largest LTM revenue first: everything a pack shows is restricted to them.
// Their group holds them and the key accounts the KAM owns by
// account_health alone.
func (g *group) theirs() []row {
	var out []row
	for _, r := range g.accounts {
		if r.str("kam_id") == g.id {
			out = append(out, r)
		}
	}
	return out
}

// kamPage is a KAM's pack: their figures, their accounts' P&L with health,
// quadrant and pipeline, their plan and the decisions about them or their
// accounts. It lives in kams/; links go up one folder.
func (w *writer) kamPage(g *group) (page, error) {
	d, l, id, k := w.d, w.l, g.id, g.kam
	p := w.newPage("kam", d.paths.KAMHTML(id))
	name := g.kamName(id)
	p.Title = l.t("pack.kam_title", name, l.period(d.period))
	p.Heading = name
	p.Sub = []string{id, l.val("role", k.str("role"))}
	if m := k.str("manager_name"); m != "" {
		p.Sub = append(p.Sub, l.t("pack.manager", m))
	}
	p.Sub = append(p.Sub, l.period(d.period))
	p.Links = []link{{l.t("pack.back_report"), "../" + w.report}, {l.t("pack.workbook"), path.Base(d.paths.KAMXLSX(id))}}
	p.Tiles = []fig{
		{Label: l.t("col.accounts"), Text: l.count(k["accounts"]), Key: "accounts", Raw: raw(k["accounts"]),
			Note: l.t("pack.key_accounts_n", l.count(k["key_accounts"]))},
		w.money("col.revenue_ltm", "revenue_ltm", k["revenue_ltm"]),
		w.money("col.net_contribution", "net_contribution", k["net_contribution"]),
		{Label: l.t("col.kam_roi"), Text: l.ratio(k["kam_roi"]), Key: "kam_roi", Raw: raw(k["kam_roi"])},
		{Label: l.t("col.utilisation"), Text: l.pct(k["utilisation"]), Key: "utilisation", Raw: raw(k["utilisation"]),
			Class: map[bool]string{true: "bad"}[k.is("is_over_capacity")]},
		{Label: l.t("col.plan_attainment_pct"), Text: l.pct(k["plan_attainment_pct"]), Key: "plan_attainment_pct", Raw: raw(k["plan_attainment_pct"])},
	}
	accounts := g.theirs()
	c, err := w.accountsChart(accounts)
	if err != nil {
		return p, err
	}
	if c != nil {
		p.Charts = append(p.Charts, *c)
	}
	mine := map[string]bool{}
	var ids []string
	for _, r := range accounts {
		mine[r.str("account_id")] = true
		ids = append(ids, r.str("account_id"))
	}
	p.Boxes = append(p.Boxes, w.decisionsBox(g, func(r row) bool {
		if a := r.str("account_id"); a != "" {
			return mine[a]
		}
		return r.str("kam_id") == id
	}, true))
	p.Boxes = append(p.Boxes, w.accountsBox(g, accounts))
	var plan []row
	for _, a := range ids {
		plan = append(plan, g.plan[a]...)
	}
	pb := box{Title: l.t("pack.plan"), Span: 3, Empty: l.t("pack.no_plan")}
	if len(plan) > 0 {
		pb.Table = w.planTable(plan, true)
	}
	p.Boxes = append(p.Boxes, pb)
	p.Notes = w.unavailable(k.list("unavailable_inputs"))
	return p, nil
}

// accountsBox is the P&L of the KAM's accounts with health, quadrant and pipeline.
func (w *writer) accountsBox(g *group, accounts []row) box {
	l := w.l
	b := box{Title: l.t("pack.accounts"), Span: 3, Empty: l.t("pack.no_accounts")}
	if len(accounts) == 0 {
		return b
	}
	t := &table{Num: []bool{false, false, true, true, true, true, true, true, false, true}}
	for _, c := range []string{"account_name", "quadrant", "revenue_ltm", "gross_margin", "cost_to_serve", "net_contribution",
		"net_contribution_pct", "health_score", "health_band", "weighted_pipeline"} {
		t.Head = append(t.Head, l.t("col."+c))
	}
	for _, r := range accounts {
		a := r.str("account_id")
		h, gr, m := g.health[a], g.growth[a], g.matrix[a]
		name := w.accountCell(r)
		if r.is("is_key_account") {
			name.Text = "★ " + name.Text
		}
		t.Rows = append(t.Rows, []cell{name, {Text: l.val("quadrant", m.str("quadrant"))},
			{Text: l.money(r["revenue"]), Key: "revenue." + a, Raw: raw(r["revenue"])},
			{Text: l.money(r["gross_margin"])},
			{Text: l.money(r["cost_to_serve"])},
			{Text: l.money(r["net_contribution"]), Key: "net_contribution." + a, Raw: raw(r["net_contribution"]), Class: sign(r["net_contribution"])},
			{Text: l.pct(r["net_contribution_pct"])},
			{Text: l.score(h["health_score"])},
			{Text: l.val("health_band", h.str("health_band")), Class: bandClass(h.str("health_band"))},
			{Text: l.money(gr["weighted_pipeline"])}})
	}
	t.Note = l.t("pack.key_mark")
	b.Table = t
	return b
}

// accountsChart: LTM revenue and net contribution of the KAM's largest
// accounts (at most 15), as horizontal bars.
func (w *writer) accountsChart(accounts []row) (*chart, error) {
	l := w.l
	top := accounts[:min(15, len(accounts))]
	if len(top) == 0 {
		return nil, nil
	}
	var names []string
	var rev, nc []any
	for _, r := range slices.Backward(top) {
		names = append(names, first(r.str("account_name"), r.str("account_id")))
		rev = append(rev, nullable(r["revenue"]))
		nc = append(nc, nullable(r["net_contribution"]))
	}
	o := map[string]any{
		"grid":   map[string]any{"left": 8, "right": 16, "top": 24, "bottom": 4, "containLabel": true},
		"legend": map[string]any{"top": 0, "right": 0},
		"yAxis":  []any{map[string]any{"type": "category", "data": names, "axisLabel": map[string]any{"width": 200, "overflow": "truncate", "interval": 0}}},
		"xAxis":  map[string]any{"type": "value"},
		"series": []any{
			map[string]any{"name": l.t("col.revenue_ltm"), "type": "bar", "data": rev, "itemStyle": map[string]any{"color": "#7aa6d6"}},
			map[string]any{"name": l.t("col.net_contribution"), "type": "bar", "data": nc, "itemStyle": map[string]any{"color": "#1f4e79"}},
		},
	}
	js, err := options(o)
	if err != nil {
		return nil, err
	}
	return &chart{ID: "accounts", Title: l.t("pack.accounts_chart", l.count(len(top))), Options: js, Span: 3}, nil
}

func nullable(v any) any {
	if f, ok := toFloat(v); ok {
		return round2(f)
	}
	return nil
}
