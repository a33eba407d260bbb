package html

import (
	"strconv"
	"strings"
	"time"
)

// tile is one KPI: its value and its change against earlier months.
type tile struct {
	Key, Label, Value, Title string
	Changes                  []change
}

type change struct{ Label, Text, Class string }

// pillar is a card of the congruence scorecard.
type pillar struct {
	Key, Label, Score string
	Width             string // the score as a CSS width, 0–100 %
	Indicators        []indicator
}

type indicator struct {
	Label, Value, Target, Status, StatusText, Note string
}

// KPIOrder is the order of the summary tiles; quadrant counts are shown
// with the matrix.
var KPIOrder = []string{
	"revenue_month", "revenue_ltm", "net_contribution_ltm", "gross_margin_pct_ltm",
	"key_revenue_share", "key_contribution_share", "nrr", "grr", "hhi", "hhi_key",
	"key_accounts", "revenue_at_risk", "congruence_index", "unattributed_revenue_ltm",
}

// kpiBetter says which way a KPI is good: +1 up, −1 down, 0 neither.
var kpiBetter = map[string]int{
	"revenue_month": 1, "revenue_ltm": 1, "net_contribution_ltm": 1, "gross_margin_pct_ltm": 1,
	"key_contribution_share": 1, "nrr": 1, "grr": 1, "congruence_index": 1,
	"hhi": -1, "hhi_key": -1, "revenue_at_risk": -1, "unattributed_revenue_ltm": -1,
}

func (b *Builder) Summary(s *Section) error {
	kpis, err := b.q(`select * from main.kpi_summary`)
	if err != nil {
		return err
	}
	byKey := map[string]martRow{}
	for _, r := range kpis {
		byKey[r.str("kpi")] = r
	}
	var tiles []tile
	for _, k := range KPIOrder {
		if r, ok := byKey[k]; ok {
			tiles = append(tiles, b.kpiTile(r))
		}
	}
	s.Blocks = append(s.Blocks, block{Tiles: tiles})

	sc, err := b.q(`select * from main.congruence_scorecard order by pillar_order, indicator_order`)
	if err != nil {
		return err
	}
	if len(sc) == 0 {
		return nil
	}
	first := sc[0]
	heading := b.t("html.scorecard") + " · " + b.t("kpi.congruence_index") + " " + b.loc.Pct(first["congruence_index"])
	if w := first.str("weakest_pillar"); w != "" {
		heading += " · " + b.t("html.scorecard_rule", b.loc.Pct(first["congruence_mean"]),
			b.loc.Dec(b.param("congruence_weakest_margin")*100), b.t("pillar."+w), b.loc.Pct(first["weakest_score"]))
	}
	s.Blocks = append(s.Blocks, block{Heading: heading})
	var pillars, links []pillar
	for _, r := range sc {
		key := r.str("pillar")
		cards := &pillars
		if r.str("row_kind") == "link" {
			cards = &links
		}
		if len(*cards) == 0 || (*cards)[len(*cards)-1].Key != key {
			score, ok := r.num("pillar_score")
			*cards = append(*cards, pillar{Key: key, Label: b.t("pillar." + key), Score: b.loc.Pct(r["pillar_score"])})
			if ok {
				(*cards)[len(*cards)-1].Width = strconv.FormatFloat(score*100, 'f', 1, 64) + "%"
			}
		}
		c := &(*cards)[len(*cards)-1]
		status := r.str("status")
		ind := indicator{Label: b.t("ind." + r.str("indicator")), Status: status, StatusText: b.val("status", status),
			Value: b.indicatorValue(r.str("unit"), r["value"]), Target: b.target(r)}
		switch {
		case status == "unavailable" && r.str("missing_input") != "":
			ind.Note = b.t("unavailable." + r.str("missing_input"))
		case r.str("is_proxy") == "true":
			ind.Note = b.t("html.proxy_note")
		}
		c.Indicators = append(c.Indicators, ind)
	}
	s.Blocks = append(s.Blocks, block{Pillars: pillars})
	if len(links) > 0 {
		s.Blocks = append(s.Blocks, block{Heading: b.t("html.scorecard_links")}, block{Pillars: links})
	}
	if text := b.attention(sc); text != "" {
		s.Blocks = append(s.Blocks, block{Text: text})
	}
	s.Blocks = append(s.Blocks, block{Text: b.t("html.scorecard_defaults")})
	return nil
}

// attention names in words the three links that most need attention
// (attention_rank, set by the mart) with the indicators that miss their
// target.
func (b *Builder) attention(sc []martRow) string {
	var parts []string
	for rank := 1; rank <= 3; rank++ {
		var link string
		var score any
		var misses []string
		for _, r := range sc {
			if n, ok := r.num("attention_rank"); !ok || int(n) != rank {
				continue
			}
			link, score = r.str("pillar"), r["pillar_score"]
			if st := r.str("status"); (st == "red" || st == "amber") && r.str("is_proxy") != "true" {
				misses = append(misses, b.t("html.attention_miss", b.t("ind."+r.str("indicator")),
					b.indicatorValue(r.str("unit"), r["value"]), b.target(r)))
			}
		}
		if link == "" {
			break
		}
		parts = append(parts, b.t("html.attention_link", rank, b.t("pillar."+link), b.loc.Pct(score), strings.Join(misses, "; ")))
	}
	if len(parts) == 0 {
		return ""
	}
	return b.t("html.attention") + " " + strings.Join(parts, " ")
}

func (b *Builder) kpiTile(r martRow) tile {
	k, unit := r.str("kpi"), r.str("unit")
	t := tile{Key: k, Label: b.t("kpi." + k), Value: b.loc.format(unit, r["value"])}
	if r["value"] == nil && priorLTMKPIs[k] {
		if why := b.priorLTMNotComparable(); why != "" {
			// no value to compare either: the one line says why there is none
			t.Changes = []change{{Label: b.t("html.vs", b.val("time_window", "prior_ltm")), Text: b.notComparable(why), Class: "na"}}
			return t
		}
	}
	prior := func(months int) string {
		p, err := time.Parse("2006-01", b.run.Period)
		if err != nil {
			return ""
		}
		return b.loc.Month(p.AddDate(0, -months, 0))
	}
	for _, c := range []struct{ suffix, label string }{
		{"prior_month", b.t("html.vs", prior(1))}, {"prior_year", b.t("html.vs", prior(12))},
	} {
		if r.str("is_comparable_"+c.suffix) == "false" {
			t.Changes = append(t.Changes, change{Label: c.label, Text: b.notComparable(r.str("not_comparable_reason_" + c.suffix)), Class: "na"})
			continue
		}
		t.Changes = append(t.Changes, b.kpiChange(k, unit, c.label, r["change_"+c.suffix], r["change_pct_"+c.suffix]))
	}
	return t
}

// priorLTMKPIs compare the LTM with the prior LTM of the same period
// (portfolio_retention): NULL when the sales cover the two differently.
var priorLTMKPIs = map[string]bool{"nrr": true, "grr": true}

// priorLTMNotComparable is the input whose coverage of the prior LTM
// differs from the LTM's, as portfolio_retention says (sales.prior_ltm in
// unavailable_inputs), or "" when the two windows compare.
func (b *Builder) priorLTMNotComparable() string {
	rows, err := b.q(`select count(*) as n from main.portfolio_retention
		where scope = 'all' and list_contains(unavailable_inputs, 'sales.prior_ltm')`)
	if err != nil || len(rows) != 1 || rows[0].f("n") == 0 {
		return ""
	}
	return "sales"
}

// notComparable says why a change is not shown: the input (kind) whose
// coverage differs between the two windows.
func (b *Builder) notComparable(kind string) string {
	return b.t("html.not_comparable", b.inputSpan(kind))
}

// inputSpan names an input and the months it covers (input_coverage):
// "Service costs only from Jul 2025"; a partial last month of sales names
// its last day ("Sales only until 4 Dec 2026").
func (b *Builder) inputSpan(kind string) string {
	what := b.val("kind", kind)
	rows, err := b.q(`select strftime(first_month, '%Y-%m') as first_month, strftime(last_month, '%Y-%m') as last_month,
			strftime(end_month, '%Y-%m') as end_month, last_date, partial_month is not null as is_partial
		from main.input_coverage where kind = ? and time_window = 'ltm'`, kind)
	if err != nil || len(rows) != 1 || rows[0].str("first_month") == "" {
		return what
	}
	r := rows[0]
	if r.is("is_partial") && r.str("last_month") == r.str("end_month") {
		return b.t("html.input_until", what, b.loc.Date(r["last_date"]))
	}
	if r.str("last_month") < r.str("end_month") {
		return b.t("html.input_until", what, b.month(r.str("last_month")))
	}
	return b.t("html.input_from", what, b.month(r.str("first_month")))
}

// month writes a YYYY-MM month as the locale does (Jul 2025).
func (b *Builder) month(ym string) string {
	t, err := time.Parse("2006-01", ym)
	if err != nil {
		return ym
	}
	return b.loc.Month(t)
}

// kpiChange writes a change: money and counts in per cent of the earlier
// value, shares in percentage points, the HHI in points.
func (b *Builder) kpiChange(kpi, unit, label string, abs, pct any) change {
	d, ok := toFloat(abs)
	if !ok {
		return change{Label: label, Text: b.t("html.no_comparison"), Class: "flat"}
	}
	var text string
	switch p, hasPct := toFloat(pct); {
	case unit == "share":
		text = b.loc.PP(d)
	case (unit == "money" || unit == "count") && hasPct:
		text = signed(b.loc.Pct(p), p)
	default:
		text = signed(b.loc.format(unit, d), d)
	}
	class, arrow := "flat", "▬ "
	if d > 0 {
		arrow = "▲ "
	} else if d < 0 {
		arrow = "▼ "
	}
	switch dir := kpiBetter[kpi]; {
	case d == 0 || dir == 0:
	case (d > 0) == (dir > 0):
		class = "good"
	default:
		class = "bad"
	}
	return change{Label: label, Text: arrow + text, Class: class}
}

func (b *Builder) indicatorValue(unit string, v any) string {
	switch unit {
	case "share":
		return b.loc.Pct(v)
	case "flag":
		f, ok := toFloat(v)
		if !ok {
			return b.loc.NA
		}
		if f >= 1 {
			return b.t("html.yes")
		}
		return b.t("html.no")
	case "index":
		return b.loc.Count(v)
	case "ratio":
		return b.loc.Ratio(v)
	}
	return b.loc.Count(v)
}

// target writes an indicator's target: ≥ 70 %, ≤ 1.800, 15–35.
func (b *Builder) target(r martRow) string {
	unit := r.str("unit")
	if unit == "flag" {
		return "= " + b.t("html.yes")
	}
	lo, hi := b.indicatorValue(unit, r["target_min"]), b.indicatorValue(unit, r["target_max"])
	switch r.str("target_kind") {
	case "at least":
		return "≥ " + lo
	case "at most":
		return "≤ " + hi
	case "between":
		return lo + "–" + hi
	}
	return ""
}
