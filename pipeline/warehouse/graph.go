package warehouse

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// The model graph: a model's upstreams are the schema-qualified names its
// SQL reads (staging.x, intermediate.y, main.z) plus any its header
// declares (-- reads: schema.name, …). Raw tables (raw.*, meta.*) are the
// ingest's; main.history_<mart> is the history a mart declares it keeps.

// sources are the schemas the ingest fills; models never write them.
var sources = map[string]bool{"raw": true, "meta": true}

// MartReads lists the marts each mart may read. A mart reads intermediate
// and staging models freely; every read of another mart is an edge listed
// here, so a new one is a decision, not an accident. Shared scores belong
// in intermediate models (growth potential and whitespace are:
// int_growth_potential, int_whitespace); the reads left are of
// account_profitability, portfolio_matrix (attractiveness and strength),
// account_health and the marts congruence_scorecard sums up and decisions ranks.
var MartReads = map[string][]string{
	"account_resources":       {"account_profitability", "portfolio_matrix"},
	"account_selection":       {"account_profitability"},
	"congruence_links":        {"account_selection", "congruence_quadrant_fit", "kam_performance", "promotion_capacity"},
	"congruence_quadrant_fit": {"account_profitability", "account_resources", "portfolio_matrix"},
	"congruence_scorecard":    {"account_profitability", "account_resources", "account_selection", "congruence_links", "data_quality", "kam_capabilities", "kam_performance", "plan_vs_actual", "portfolio_concentration"},
	"congruence_service_gaps": {"account_profitability", "account_resources", "portfolio_matrix"},
	// decisions, like the scorecard, ranks what the other marts found
	"decisions":               {"account_growth", "account_health", "account_profitability", "account_resources", "account_selection", "kam_performance", "plan_vs_actual"},
	"health_distribution":     {"account_health"},
	"kam_performance":         {"account_profitability"},
	"portfolio_matrix":        {"account_profitability"},
	"portfolio_mix":           {"account_profitability", "portfolio_matrix"},
	"portfolio_profitability": {"account_profitability"},
	"portfolio_retention":     {"account_health"},
	"promotion_capacity":      {"account_selection", "kam_performance"},
	"revenue_pareto":          {"account_profitability"},
	"revenue_reconciliation":  {"account_profitability"},
	"whale_curve":             {"account_profitability"},
}

var (
	refRe    = regexp.MustCompile(`\b(raw|meta|staging|intermediate|main)\.([A-Za-z_][A-Za-z0-9_]*)\b`)
	stringRe = regexp.MustCompile(`'(?:[^']|'')*'`)
	headerRe = regexp.MustCompile(`^--\s*(period|history|reads|materialized):\s*(.*?)\s*$`)
)

// code is a model's SQL without comments and string literals: what it
// reads, not what it says.
func code(sqlText string) string {
	return stringRe.ReplaceAllString(commentRe.ReplaceAllString(sqlText, ""), "''")
}

// parseHeader reads the declarations of the model's opening comment block.
func parseHeader(m *Model) error {
	for _, line := range strings.Split(m.SQL, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "--") {
			break
		}
		g := headerRe.FindStringSubmatch(line)
		if g == nil {
			continue
		}
		switch g[1] {
		case "period", "history":
			if g[2] != "yes" && g[2] != "no" {
				return fmt.Errorf("model %s/%s: header %q: say yes or no", m.Layer, m.Name, line)
			}
			if g[1] == "period" {
				m.Period = g[2] == "yes"
			} else {
				m.History = g[2] == "yes"
			}
		case "reads":
			for _, r := range strings.Split(g[2], ",") {
				if r = strings.TrimSpace(r); r != "" {
					m.Refs = append(m.Refs, r)
				}
			}
		case "materialized":
			m.View = g[2] == "view"
			m.Temp = strings.HasPrefix(g[2], "temp")
			m.TempView = g[2] == "temp view"
			m.Incremental = g[2] == "incremental"
		}
	}
	for _, r := range refRe.FindAllString(code(m.SQL), -1) {
		m.Refs = append(m.Refs, r)
	}
	m.Refs = uniqueSorted(m.Refs)
	return nil
}

func uniqueSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// ReadsPeriod reports whether the model's own SQL reads the period
// parameter.
func (m Model) ReadsPeriod() bool {
	return strings.Contains(commentRe.ReplaceAllString(m.SQL, ""), "param_text('period')")
}

// resolve turns each model's references into the names of the models it
// reads (Reads) and checks the graph: every reference names a model or a
// source, each layer reads only what its rule allows, history reads only
// the history of marts that keep one, there is no cycle, and the period
// declarations agree with the SQL. It returns the models in run order:
// layer by layer, each after the models it reads, else by name.
func resolve(ms []Model) ([]Model, error) {
	byRef := map[string]int{}
	for i, m := range ms {
		if _, dup := byRef[m.Schema()+"."+m.Name]; dup {
			return nil, fmt.Errorf("two models are called %s.%s", m.Schema(), m.Name)
		}
		byRef[m.Schema()+"."+m.Name] = i
	}
	var errs []string
	// A model named without its schema would be a read the graph misses
	// (or a CTE shadowing a model): both are refused.
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = regexp.QuoteMeta(m.Name)
	}
	bare := regexp.MustCompile(`(^|[^.\w])(` + strings.Join(names, "|") + `)\b`)
	for i := range ms {
		m := &ms[i]
		m.Reads = nil
		for _, g := range bare.FindAllStringSubmatch(code(m.SQL), -1) {
			errs = append(errs, fmt.Sprintf("%s/%s names %s without its schema: write staging., intermediate. or main. before it", m.Layer, m.Name, g[2]))
		}
		for _, ref := range m.Refs {
			schema, name, _ := strings.Cut(ref, ".")
			if sources[schema] {
				if m.Layer != "staging" {
					errs = append(errs, fmt.Sprintf("%s/%s reads %s: only staging reads what the ingest loaded", m.Layer, m.Name, ref))
				}
				continue
			}
			if m.Layer == "history" && schema == "main" && strings.HasPrefix(name, "history_") {
				j, ok := byRef["main."+strings.TrimPrefix(name, "history_")]
				if !ok || ms[j].Layer != "marts" || !ms[j].History {
					errs = append(errs, fmt.Sprintf("%s/%s reads %s, but no mart declares -- history: yes for it", m.Layer, m.Name, ref))
					continue
				}
				m.Reads = append(m.Reads, ms[j].Name)
				continue
			}
			j, ok := byRef[ref]
			if !ok {
				errs = append(errs, fmt.Sprintf("%s/%s reads %s, which is no model", m.Layer, m.Name, ref))
				continue
			}
			if ms[j].Name == m.Name {
				continue
			}
			if err := layerRule(*m, ms[j]); err != "" {
				errs = append(errs, err)
			}
			m.Reads = append(m.Reads, ms[j].Name)
		}
		m.Reads = uniqueSorted(m.Reads)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("the model graph is broken:\n  %s", strings.Join(errs, "\n  "))
	}
	order, err := topoOrder(ms)
	if err != nil {
		return nil, err
	}
	period := map[string]bool{}
	for _, m := range order {
		need := m.ReadsPeriod()
		why := "reads param_text('period')"
		for _, r := range m.Reads {
			if period[r] && !need {
				need, why = true, "reads "+r+", which depends on the period"
			}
		}
		switch {
		case need && !m.Period:
			errs = append(errs, fmt.Sprintf("%s/%s %s: declare -- period: yes", m.Layer, m.Name, why))
		case !need && m.Period:
			errs = append(errs, fmt.Sprintf("%s/%s declares -- period: yes but neither reads the period nor a model that does", m.Layer, m.Name))
		}
		if m.History && m.Layer != "marts" {
			errs = append(errs, fmt.Sprintf("%s/%s declares -- history: yes; only marts keep history", m.Layer, m.Name))
		}
		period[m.Name] = m.Period
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("the model graph is broken:\n  %s", strings.Join(errs, "\n  "))
	}
	return order, nil
}

// layerRule says what is wrong with model m reading model in, "" if
// nothing: staging reads raw and staging; intermediate reads staging and
// intermediate; marts read intermediate, staging and the marts MartReads
// allows; history reads the history tables only.
func layerRule(m, in Model) string {
	ok := false
	switch m.Layer {
	case "staging":
		ok = in.Layer == "staging"
	case "intermediate":
		ok = in.Layer == "staging" || in.Layer == "intermediate"
	case "marts":
		ok = in.Layer == "staging" || in.Layer == "intermediate"
		if in.Layer == "marts" {
			for _, allowed := range MartReads[m.Name] {
				ok = ok || allowed == in.Name
			}
			if !ok {
				return fmt.Sprintf("marts/%s reads the mart %s, which warehouse.MartReads does not allow: move what they share into an intermediate model", m.Name, in.Name)
			}
		}
	}
	if ok {
		return ""
	}
	return fmt.Sprintf("%s/%s reads %s/%s: the %s layer may not read the %s layer", m.Layer, m.Name, in.Layer, in.Name, m.Layer, in.Layer)
}

// topoOrder sorts the models so each comes after those it reads: layer by
// layer, then by name where the graph leaves the order open.
func topoOrder(ms []Model) ([]Model, error) {
	rank := func(m Model) string {
		for i, l := range layers {
			if l == m.Layer {
				return fmt.Sprintf("%d/%s", i, m.Name)
			}
		}
		return "9/" + m.Name
	}
	sorted := append([]Model(nil), ms...)
	sort.Slice(sorted, func(i, j int) bool { return rank(sorted[i]) < rank(sorted[j]) })
	byName := map[string]int{}
	for i, m := range sorted {
		byName[m.Name] = i
	}
	var out []Model
	state := map[string]int{} // 1 visiting, 2 done
	var path []string
	var visit func(i int) error
	visit = func(i int) error {
		m := sorted[i]
		switch state[m.Name] {
		case 1:
			k := 0
			for path[k] != m.Name {
				k++
			}
			return fmt.Errorf("the model graph is broken: models read each other in a cycle: %s → %s", strings.Join(path[k:], " → "), m.Name)
		case 2:
			return nil
		}
		state[m.Name] = 1
		path = append(path, m.Name)
		deps := append([]string(nil), m.Reads...)
		sort.Slice(deps, func(a, b int) bool { return rank(sorted[byName[deps[a]]]) < rank(sorted[byName[deps[b]]]) })
		for _, d := range deps {
			if err := visit(byName[d]); err != nil {
				return err
			}
		}
		path = path[:len(path)-1]
		state[m.Name] = 2
		out = append(out, m)
		return nil
	}
	for i := range sorted {
		if err := visit(i); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// GraphText is the graph as text: one line per model in run order, its
// declarations and the models it reads.
func GraphText(ms []Model) string {
	var b strings.Builder
	for _, m := range ms {
		var flags []string
		if m.Period {
			flags = append(flags, "period")
		}
		if m.History {
			flags = append(flags, "history")
		}
		fmt.Fprintf(&b, "%s/%s", m.Layer, m.Name)
		if len(flags) > 0 {
			fmt.Fprintf(&b, " [%s]", strings.Join(flags, ", "))
		}
		if len(m.Reads) > 0 {
			fmt.Fprintf(&b, " <- %s", strings.Join(m.Reads, ", "))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Mermaid is the graph as a Mermaid flowchart, one subgraph per layer;
// models that depend on the period are drawn with a thick border, the
// marts that keep history with a double one.
func Mermaid(ms []Model) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	for _, l := range layers {
		fmt.Fprintf(&b, "  subgraph %s\n", l)
		for _, m := range ms {
			if m.Layer != l {
				continue
			}
			shape := "[" + m.Name + "]"
			if m.History {
				shape = "[[" + m.Name + "]]"
			}
			fmt.Fprintf(&b, "    %s%s\n", m.Name, shape)
		}
		b.WriteString("  end\n")
	}
	for _, m := range ms {
		for _, r := range m.Reads {
			fmt.Fprintf(&b, "  %s --> %s\n", r, m.Name)
		}
	}
	var period []string
	for _, m := range ms {
		if m.Period {
			period = append(period, m.Name)
		}
	}
	if len(period) > 0 {
		b.WriteString("  classDef period stroke-width:3px\n")
		fmt.Fprintf(&b, "  class %s period\n", strings.Join(period, ","))
	}
	return b.String()
}

// Readme markers around the generated graph in queries/README.md.
const (
	graphBegin = "<!-- graph: generated by kam graph --readme; do not edit -->"
	graphEnd   = "<!-- end of graph -->"
)

// WithGraph returns readme with the Mermaid graph between its markers
// replaced by ms's, and the table of marts (marttable.go) by theirs; an
// error when the markers are missing.
func WithGraph(readme string, ms []Model) (string, error) {
	i, j := strings.Index(readme, graphBegin), strings.Index(readme, graphEnd)
	if i < 0 || j < i {
		return "", fmt.Errorf("the README has no %q … %q section for the graph", graphBegin, graphEnd)
	}
	return withMartTable(readme[:i]+graphBegin+"\n```mermaid\n"+Mermaid(ms)+"```\n"+readme[j:], ms)
}
