package packs

import (
	"math"
	"path"
	"slices"
	"time"
)

// accountPage is a key account's one-page plan: its figures, the 24-month
// trend, the P&L from revenue to net contribution, health, share of wallet
// and whitespace, plan vs actual, pipeline and the decisions about it. It
// lives in accounts/; links go up one folder.
func (w *writer) accountPage(gp *group, id string) (page, error) {
	d, l := w.d, w.l
	p := w.newPage("account", d.paths.Account(id))
	pr, h, g, m := gp.profit[id], gp.health[id], gp.growth[id], gp.matrix[id]
	name := first(pr.str("account_name"), h.str("account_name"), id)
	kam := first(pr.str("kam_id"), h.str("kam_id"))
	p.Title = l.t("pack.account_title", name, l.period(d.period))
	p.Heading = name
	p.Sub = []string{id}
	if kam != "" {
		p.Sub = append(p.Sub, l.t("pack.kam_is", gp.kamName(kam)))
	} else {
		p.Sub = append(p.Sub, l.t("pack.no_kam"))
	}
	if s := pr.str("segment"); s != "" {
		p.Sub = append(p.Sub, s)
	}
	if q := m.str("quadrant"); q != "" {
		p.Sub = append(p.Sub, l.val("quadrant", q))
	}
	p.Sub = append(p.Sub, l.period(d.period))
	p.Links = []link{{l.t("pack.back_report"), "../" + w.report}}
	if k := d.paths.KAMHTML(kam); k != "" {
		p.Links = append(p.Links, link{l.t("pack.back_kam", gp.kamName(kam)), "../" + k})
	}

	p.Tiles = []fig{
		w.money("col.revenue_ltm", "revenue_ltm", pr["revenue"]),
		{Label: l.t("col.growth_yoy_pct"), Text: l.signedPct(g["growth_yoy_pct"]), Key: "growth_yoy_pct", Raw: raw(g["growth_yoy_pct"]), Class: sign(g["growth_yoy_pct"])},
		{Label: l.t("col.gross_margin_pct"), Text: l.pct(pr["gross_margin_pct"]), Key: "gross_margin_pct", Raw: raw(pr["gross_margin_pct"])},
		w.money("col.net_contribution", "net_contribution", pr["net_contribution"]),
		{Label: l.t("col.health_score"), Text: l.score(h["health_score"]), Key: "health_score", Raw: raw(h["health_score"]),
			Note: l.val("health_band", h.str("health_band")), Class: bandClass(h.str("health_band"))},
		{Label: l.t("col.share_of_wallet"), Text: l.pct(g["share_of_wallet"]), Key: "share_of_wallet", Raw: raw(g["share_of_wallet"]),
			Note: l.val("sow_band", g.str("sow_band"))},
	}
	p.Tiles[3].Class = sign(pr["net_contribution"])

	trend, err := w.trendChart(gp.months[id])
	if err != nil {
		return p, err
	}
	p.Charts = append(p.Charts, trend)
	wf, err := w.waterfalls(pr)
	if err != nil {
		return p, err
	}
	p.Charts = append(p.Charts, wf...)

	p.Boxes = append(p.Boxes, w.healthBox(h), w.walletBox(gp.space[id], g), w.pipelineBox(g, h), w.planBox(gp.plan[id]),
		w.decisionsBox(gp, func(r row) bool { return r.str("account_id") == id }, false))
	p.Notes = w.unavailable(pr.list("unavailable_inputs"), g.list("unavailable_inputs"))
	return p, nil
}

func first(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func sign(v any) string {
	if f, ok := toFloat(v); ok && f < 0 {
		return "neg"
	}
	return ""
}

func bandClass(band string) string {
	switch band {
	case "healthy":
		return "good"
	case "at_risk", "critical":
		return "bad"
	case "attention", "watch":
		return "warn"
	}
	return ""
}

func (w *writer) money(label, key string, v any) fig {
	return fig{Label: w.l.t(label), Text: w.l.money(v), Key: key, Raw: raw(v), Class: sign(v)}
}

// trendChart: revenue bars and the net contribution line of the 24 months
// to the period, from account_months. A month without a row is 0 (nothing
// sold, no cost) once the data has begun, unknown before; a measure whose
// input is missing is NULL in every row and drawn as a gap.
func (w *writer) trendChart(months []row) (chart, error) {
	d, l := w.d, w.l
	byMonth := map[time.Time]row{}
	for _, r := range months {
		if t, ok := r.date("month"); ok {
			byMonth[time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)] = r
		}
	}
	known := map[string]bool{"revenue": false, "net_contribution": false}
	for _, r := range months {
		for k := range known {
			if _, ok := r.num(k); ok {
				known[k] = true
			}
		}
	}
	var cats []string
	series := map[string][]any{"revenue": nil, "net_contribution": nil}
	for t := d.start; !t.After(d.end); t = t.AddDate(0, 1, 0) {
		cats = append(cats, l.month(t))
		r, has := byMonth[t]
		for k := range series {
			var v any
			switch f, ok := r.num(k); {
			case has && ok:
				v = round2(f)
			case !has && known[k] && !t.Before(d.first):
				v = 0
			}
			series[k] = append(series[k], v)
		}
	}
	o := map[string]any{
		"grid":   map[string]any{"left": 8, "right": 8, "top": 26, "bottom": 4, "containLabel": true},
		"legend": map[string]any{"top": 0, "right": 0, "itemWidth": 12, "itemHeight": 8, "textStyle": map[string]any{"fontSize": 10}},
		"xAxis":  map[string]any{"type": "category", "data": cats, "axisLabel": map[string]any{"fontSize": 9, "interval": 2}},
		"yAxis":  []any{map[string]any{"type": "value", "axisLabel": map[string]any{"fontSize": 9}}},
		"series": []any{
			map[string]any{"name": l.t("col.revenue"), "type": "bar", "data": series["revenue"], "itemStyle": map[string]any{"color": "#7aa6d6"}},
			map[string]any{"name": l.t("col.net_contribution"), "type": "line", "data": series["net_contribution"], "connectNulls": false,
				"itemStyle": map[string]any{"color": "#1f4e79"}, "lineStyle": map[string]any{"width": 2}, "symbolSize": 4},
		},
	}
	js, err := options(o)
	if err != nil {
		return chart{}, err
	}
	return chart{ID: "trend", Title: l.t("pack.trend", l.month(d.start), l.month(d.end)), Options: js, Span: 3}, nil
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// step is one bar of a waterfall: a total from zero, or a change from the
// running total.
type step struct {
	label string
	v     any
	total bool
}

// waterfalls draws the LTM P&L in two charts, each on its own scale:
// revenue → COGS → gross margin, then gross margin → each cost to serve →
// net contribution, so cost to serve is not a sliver on a revenue axis.
func (w *writer) waterfalls(pr row) ([]chart, error) {
	l := w.l
	margin := []step{{l.t("col.revenue"), pr["revenue"], true}}
	// Gross margin is measured on lines with a cost: the revenue of the
	// others leaves the bridge as a step of its own, so the bars add up.
	if f, ok := pr.num("revenue_without_cost"); ok && f != 0 {
		margin = append(margin, step{l.t("pack.step_without_cost"), -f, false})
	}
	margin = append(margin, step{l.t("pack.step_cogs"), neg(pr["revenue_costed"], pr["gross_margin"]), false},
		step{l.t("col.gross_margin"), pr["gross_margin"], true})
	a, err := w.waterfall("pnl_margin", l.t("pack.waterfall_margin"), 1, margin)
	if err != nil {
		return nil, err
	}
	b, err := w.waterfall("pnl_contribution", l.t("pack.waterfall_contribution"), 2, []step{
		{l.t("col.gross_margin"), pr["gross_margin"], true},
		{l.t("pack.step_logistics"), negOf(pr["service_cost_logistics"]), false},
		{l.t("pack.step_support"), negOf(pr["service_cost_support"]), false},
		{l.t("pack.step_rebate"), negOf(pr["service_cost_rebate"]), false},
		{l.t("pack.step_marketing"), negOf(pr["service_cost_marketing"]), false},
		{l.t("pack.step_other"), negOf(pr["service_cost_other"]), false},
		{l.t("pack.step_activity"), negOf(pr["activity_cost"]), false},
		{l.t("col.net_contribution"), pr["net_contribution"], true},
	})
	if err != nil {
		return nil, err
	}
	return []chart{a, b}, nil
}

// neg is −(a − b): COGS as the fall from the costed revenue to the margin
// (gross margin is measured on lines with a cost).
func neg(a, b any) any {
	x, ok1 := toFloat(a)
	y, ok2 := toFloat(b)
	if !ok1 || !ok2 {
		return nil
	}
	return y - x
}

func negOf(a any) any {
	x, ok := toFloat(a)
	if !ok {
		return nil
	}
	return -x
}

func (w *writer) waterfall(id, title string, span int, steps []step) (chart, error) {
	var cats []string
	var bars, labels []any
	run := 0.0
	for _, s := range steps {
		cats = append(cats, s.label)
		v, ok := toFloat(s.v)
		if !ok {
			bars = append(bars, "-")
			labels = append(labels, map[string]any{"value": []any{s.label, 0}, "label": map[string]any{"formatter": na}})
			continue
		}
		lo, hi := run, run+v
		if s.total {
			lo, hi, run = 0, v, v
		} else {
			run += v
		}
		color := "#1f4e79"
		switch {
		case s.total && v < 0, !s.total && v < 0:
			color = "#b42318"
		case !s.total:
			color = "#1a7f37"
		}
		// candlestick: [open, close, lowest, highest]; a floating bar that may cross zero
		bars = append(bars, map[string]any{"value": []float64{round2(lo), round2(hi), round2(min(lo, hi)), round2(max(lo, hi))},
			"itemStyle": map[string]any{"color": color, "color0": color, "borderColor": color, "borderColor0": color}})
		labels = append(labels, map[string]any{"value": []any{s.label, round2(max(lo, hi))},
			"label": map[string]any{"formatter": w.l.money(v)}})
	}
	o := map[string]any{
		"grid":    map[string]any{"left": 8, "right": 8, "top": 16, "bottom": 4, "containLabel": true},
		"xAxis":   map[string]any{"type": "category", "data": cats, "axisLabel": map[string]any{"fontSize": 8, "interval": 0, "width": 44 * span, "overflow": "break"}},
		"yAxis":   []any{map[string]any{"type": "value", "scale": false, "axisLabel": map[string]any{"fontSize": 9}}},
		"tooltip": map[string]any{"show": false},
		"series": []any{
			map[string]any{"type": "candlestick", "data": bars, "barMaxWidth": 28},
			map[string]any{"type": "scatter", "data": labels, "symbolSize": 0, "silent": true,
				"label": map[string]any{"show": true, "position": "top", "fontSize": 8, "color": "#1f2a37"}},
		},
	}
	js, err := options(o)
	if err != nil {
		return chart{}, err
	}
	return chart{ID: id, Title: title, Options: js, Span: span}, nil
}

func (w *writer) healthBox(h row) box {
	l := w.l
	b := box{Title: l.t("pack.health"), Empty: l.t("pack.none")}
	if h == nil {
		return b
	}
	for _, c := range []string{"health_score", "revenue_trend_score", "margin_trend_score", "activity_score", "plan_score", "pipeline_score"} {
		b.Figs = append(b.Figs, fig{Label: l.t("col." + c), Text: l.score(h[c]), Key: c, Raw: raw(h[c])})
	}
	b.Figs = append(b.Figs,
		fig{Label: l.t("col.days_since_purchase"), Text: l.count(h["days_since_purchase"]), Key: "days_since_purchase", Raw: raw(h["days_since_purchase"])},
		fig{Label: l.t("col.days_since_activity"), Text: l.count(h["days_since_activity"]), Key: "days_since_activity", Raw: raw(h["days_since_activity"])},
	)
	if h.is("is_revenue_at_risk") {
		b.Figs = append(b.Figs, fig{Label: l.t("col.revenue_at_risk"), Text: l.money(h["revenue_at_risk"]), Key: "revenue_at_risk", Raw: raw(h["revenue_at_risk"]), Class: "bad"})
		for _, r := range h.list("risk_reasons") {
			b.Lines = append(b.Lines, "⚠ "+l.val("risk_reasons", r))
		}
	} else {
		b.Lines = append(b.Lines, l.t("pack.no_risk"))
	}
	return b
}

func (w *writer) walletBox(rows []row, g row) box {
	l := w.l
	b := box{Title: l.t("pack.wallet"), Empty: l.t("pack.none")}
	for _, c := range []string{"wallet_estimate", "share_of_wallet", "wallet_headroom", "whitespace_value"} {
		text := l.money(g[c])
		if c == "share_of_wallet" {
			text = l.pct(g[c])
		}
		b.Figs = append(b.Figs, fig{Label: l.t("col." + c), Text: text, Key: c, Raw: raw(g[c])})
	}
	if len(rows) == 0 {
		b.Lines = append(b.Lines, l.t("pack.no_whitespace"))
		return b
	}
	t := &table{Head: []string{l.t("col.product_line"), l.t("col.peer_share"), l.t("col.peer_median_spend")}, Num: []bool{false, true, true}}
	for i, r := range rows {
		if i == 4 {
			t.Note = l.t("pack.more", l.count(len(rows)-4))
			break
		}
		t.Rows = append(t.Rows, []cell{{Text: r.str("product_line")}, {Text: l.pct(r["peer_share"])},
			{Text: l.money(r["peer_median_spend"]), Key: "whitespace." + r.str("product_line"), Raw: raw(r["peer_median_spend"])}})
	}
	b.Table = t
	return b
}

func (w *writer) planBox(rows []row) box {
	l := w.l
	b := box{Title: l.t("pack.plan"), Span: 3, Empty: l.t("pack.no_plan")}
	if len(rows) == 0 {
		return b
	}
	shown := planRows(rows, maxPlanRows)
	b.Table = w.planTable(shown, false)
	if n := len(rows) - len(shown); n > 0 {
		b.Table.Note = l.t("pack.more", l.count(n))
	}
	return b
}

// maxPlanRows keeps the account page on one sheet.
const maxPlanRows = 6

// planRows picks at most n of an account's plan rows: periods already
// started before those not started, years and quarters before months, then
// the latest ending; shown in time order.
func planRows(rows []row, n int) []row {
	if len(rows) <= n {
		return rows
	}
	out := slices.Clone(rows)
	rank := func(r row) int {
		k := 0
		if r.str("status") == "not_started" {
			k += 2
		}
		if m, _ := r.num("months"); m < 3 {
			k++
		}
		return k
	}
	end := func(r row) time.Time { t, _ := r.date("period_end"); return t }
	slices.SortStableFunc(out, func(a, b row) int {
		if c := rank(a) - rank(b); c != 0 {
			return c
		}
		return end(b).Compare(end(a))
	})
	out = out[:n]
	slices.SortStableFunc(out, func(a, b row) int {
		sa, _ := a.date("period_start")
		sb, _ := b.date("period_start")
		if c := sa.Compare(sb); c != 0 {
			return c
		}
		return end(a).Compare(end(b))
	})
	return out
}

func (w *writer) planTable(rows []row, withAccount bool) *table {
	l := w.l
	t := &table{Head: []string{l.t("col.target_period"), l.t("col.target_to_date"), l.t("col.revenue_actual"), l.t("col.attainment_pct"), l.t("col.status")},
		Num: []bool{false, true, true, true, false}}
	if withAccount {
		t.Head = append([]string{l.t("col.account_name")}, t.Head...)
		t.Num = append([]bool{false}, t.Num...)
	}
	for _, r := range rows {
		key := "plan." + r.str("account_id") + "." + r.str("target_period")
		c := []cell{{Text: r.str("target_period")},
			{Text: l.money(r["target_to_date"])},
			{Text: l.money(r["revenue_actual"]), Key: key, Raw: raw(r["revenue_actual"])},
			{Text: l.pct(r["attainment_pct"])},
			{Text: l.val("status", r.str("status")), Class: statusClass(r.str("status"))}}
		if withAccount {
			c = append([]cell{w.accountCell(r)}, c...)
		}
		t.Rows = append(t.Rows, c)
	}
	return t
}

func statusClass(s string) string {
	switch s {
	case "off_track":
		return "bad"
	case "at_risk":
		return "warn"
	case "on_track", "achieved":
		return "good"
	}
	return ""
}

func (w *writer) pipelineBox(g, h row) box {
	l := w.l
	b := box{Title: l.t("pack.pipeline"), Empty: l.t("pack.none")}
	b.Figs = []fig{
		{Label: l.t("col.weighted_pipeline"), Text: l.money(g["weighted_pipeline"]), Key: "weighted_pipeline", Raw: raw(g["weighted_pipeline"])},
		{Label: l.t("col.open_opportunities"), Text: l.count(g["open_opportunities"]), Key: "open_opportunities", Raw: raw(g["open_opportunities"])},
		{Label: l.t("col.win_rate_amount"), Text: l.pct(g["win_rate_amount"]), Key: "win_rate_amount", Raw: raw(g["win_rate_amount"])},
		{Label: l.t("col.plan_remaining_gap"), Text: l.money(h["plan_remaining_gap"]), Key: "plan_remaining_gap", Raw: raw(h["plan_remaining_gap"])},
	}
	return b
}

// decisionsBox lists the decisions that match keep, with their next step.
func (w *writer) decisionsBox(g *group, keep func(row) bool, withAccount bool) box {
	l := w.l
	b := box{Title: l.t("pack.decisions"), Span: 3, Empty: l.t("pack.no_decisions")}
	t := &table{Head: []string{"#", l.t("col.decision_type"), l.t("col.amount_at_stake"), l.t("col.figures"), l.t("col.next_step")},
		Num: []bool{true, false, true, false, false}}
	if withAccount {
		t.Head = []string{"#", l.t("col.decision_type"), l.t("col.account_name"), l.t("col.amount_at_stake"), l.t("col.figures"), l.t("col.next_step")}
		t.Num = []bool{true, false, false, true, false, false}
	}
	for _, r := range g.decisions {
		if !keep(r) {
			continue
		}
		typ := r.str("decision_type")
		c := []cell{{Text: l.count(r["decision_rank"])}, {Text: l.val("decision_type", typ)},
			{Text: l.money(r["amount_at_stake"]), Key: "decision." + r.str("decision_rank"), Raw: raw(r["amount_at_stake"])},
			{Text: l.t("decision.figures."+typ, l.money(r["revenue_ltm"]), l.decisionMetric(typ, r["metric"]),
				l.val("detail", r.str("detail")), l.money(r["net_contribution"]))},
			{Text: l.t("decision.step." + typ)}}
		if withAccount {
			c = append(c[:2], append([]cell{w.accountCell(r)}, c[2:]...)...)
		}
		t.Rows = append(t.Rows, c)
	}
	if len(t.Rows) > 0 {
		b.Table = t
	}
	return b
}

// accountCell names the row's account, linked to its page when it has one.
func (w *writer) accountCell(r row) cell {
	id := r.str("account_id")
	c := cell{Text: first(r.str("account_name"), id)}
	if p := w.d.paths.Account(id); p != "" {
		c.Href = path.Join("..", p)
	}
	return c
}

// unavailable says which inputs would complete the page.
func (w *writer) unavailable(lists ...[]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, list := range lists {
		for _, k := range list {
			if !seen[k] {
				seen[k] = true
				out = append(out, w.l.t("pack.unavailable", w.l.val("unavailable_inputs", k)))
			}
		}
	}
	return out
}

// decisionMetric formats a decision's key figure by what it is, as the
// main report does: a score for selection and health, else a share.
func (l locale) decisionMetric(typ string, v any) string {
	switch typ {
	case "promote_key_account", "review_key_account", "rescue_revenue":
		return l.score(v)
	}
	return l.pct(v)
}
