package warehouse

import (
	"os"
	"strings"
	"testing"
)

// The real models form a valid graph: every reference names a model or a
// source, no cycle, the layer rule holds, and every period and history
// declaration agrees with the SQL. Any of these broken makes AllModels, and
// so every run, fail.
func TestGraph(t *testing.T) {
	ms, err := AllModels()
	if err != nil {
		t.Fatal(err)
	}
	pos := map[string]int{}
	for i, m := range ms {
		pos[m.Name] = i
	}
	for _, m := range ms {
		for _, r := range m.Reads {
			if pos[r] >= pos[m.Name] {
				t.Errorf("%s runs before %s, which it reads", m.Name, r)
			}
		}
	}
	if len(HistoryMarts(ms)) == 0 {
		t.Fatal("no mart declares -- history: yes")
	}
}

// MartReads lists only edges the SQL has: a stale allowance would hide a
// new mart→mart read behind an old one.
func TestMartReadsUsed(t *testing.T) {
	ms, err := AllModels()
	if err != nil {
		t.Fatal(err)
	}
	reads := map[string]bool{}
	for _, m := range ms {
		for _, r := range m.Reads {
			reads[m.Name+"→"+r] = true
		}
	}
	for mart, allowed := range MartReads {
		for _, in := range allowed {
			if !reads[mart+"→"+in] {
				t.Errorf("MartReads allows %s → %s, which the SQL no longer reads: remove it", mart, in)
			}
		}
	}
}

// A model whose own SQL reads the period parameter is period-dependent
// whatever it reads: the declaration is checked against the SQL itself.
func TestPeriodDeclaredWhereRead(t *testing.T) {
	ms, err := AllModels()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range ms {
		if m.ReadsPeriod() {
			n++
			if !m.Period {
				t.Errorf("%s/%s reads param_text('period') but does not declare -- period: yes", m.Layer, m.Name)
			}
		}
	}
	if n == 0 {
		t.Fatal("no model reads the period: the check checks nothing")
	}
}

// Each way to break the graph is caught, with a message naming the model
// and the fault.
func TestGraphRejects(t *testing.T) {
	model := func(layer, name, sql string) Model {
		m := Model{Layer: layer, Name: name, SQL: sql}
		if err := parseHeader(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	base := func() []Model {
		return []Model{
			model("staging", "stg_a", "select * from raw.sales"),
			model("intermediate", "int_w", "-- period: yes\nselect param_text('period')"),
			model("intermediate", "int_b", "select * from staging.stg_a"),
			model("marts", "account_profitability", "-- period: yes\n-- history: yes\nselect * from intermediate.int_w"),
			model("marts", "whale_curve", "-- period: yes\nselect * from main.account_profitability"),
			model("history", "kpi", "-- period: yes\nselect * from main.history_account_profitability"),
		}
	}
	if _, err := resolve(base()); err != nil {
		t.Fatalf("the valid base graph: %v", err)
	}
	cases := []struct {
		name, want string
		m          Model
	}{
		{"unknown model", "stg_gone, which is no model", model("intermediate", "int_x", "select * from staging.stg_gone")},
		{"staging reads intermediate", "the staging layer may not read the intermediate layer", model("staging", "stg_x", "select * from intermediate.int_b")},
		{"intermediate reads a mart", "the intermediate layer may not read the marts layer", model("intermediate", "int_x", "-- period: yes\nselect * from main.whale_curve")},
		{"intermediate reads raw", "only staging reads what the ingest loaded", model("intermediate", "int_x", "select * from raw.sales")},
		{"mart reads a mart not allowed", "which warehouse.MartReads does not allow", model("marts", "portfolio_trend", "-- period: yes\nselect * from main.whale_curve")},
		{"period read, not declared", "int_x reads param_text('period'): declare -- period: yes", model("intermediate", "int_x", "select param_text('period')")},
		{"period upstream, not declared", "int_x reads int_w, which depends on the period", model("intermediate", "int_x", "select * from intermediate.int_w")},
		{"period declared, not read", "declares -- period: yes but neither", model("intermediate", "int_x", "-- period: yes\nselect * from staging.stg_a")},
		{"history of a mart that keeps none", "no mart declares -- history: yes", model("history", "h", "-- period: yes\nselect * from main.history_whale_curve")},
		{"history outside the marts", "only marts keep history", model("intermediate", "int_x", "-- history: yes\nselect 1")},
		{"model named without schema", "names stg_a without its schema", model("intermediate", "int_x", "select * from stg_a")},
		{"declared read of an unknown model", "stg_gone, which is no model", model("intermediate", "int_x", "-- reads: staging.stg_gone\nselect 1")},
	}
	for _, c := range cases {
		_, err := resolve(append(base(), c.m))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to say %q", c.name, err, c.want)
		}
	}
	// A cycle, through models of one layer.
	ms := append(base(),
		model("intermediate", "int_x", "select * from intermediate.int_y"),
		model("intermediate", "int_y", "select * from intermediate.int_x"))
	if _, err := resolve(ms); err == nil || !strings.Contains(err.Error(), "cycle: int_x → int_y → int_x") {
		t.Errorf("cycle: err = %v", err)
	}
	// Comments and string literals are not reads.
	m := model("intermediate", "int_x", "-- from staging.stg_gone\nselect 'staging.stg_gone' as s")
	if len(m.Refs) != 0 {
		t.Errorf("refs of comments and strings: %v", m.Refs)
	}
}

// queries/README.md shows the graph of the models as they are; after a
// change to the models run `kam graph --readme queries/README.md` (make
// graph).
func TestReadmeGraph(t *testing.T) {
	ms, err := AllModels()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../../queries/README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := WithGraph(string(b), ms)
	if err != nil {
		t.Fatal(err)
	}
	if want != string(b) {
		t.Errorf("queries/README.md shows a stale model graph: run make graph")
	}
}

// TestMartTable: the README's table of marts comes from the headers, so a
// new mart appears in it with no hand-written row, and a mart whose header
// has no grain and key is refused.
func TestMartTable(t *testing.T) {
	t.Parallel()
	ms := []Model{
		{Layer: "marts", Name: "b_mart", SQL: "-- b_mart: a test.\n-- grain: unit × month. key: (account_id, month). inputs: int_units\nselect 1"},
		{Layer: "marts", Name: "a_mart", SQL: "-- a_mart: a test.\n-- grain: KPI. key: kpi.\nselect 1"},
		{Layer: "intermediate", Name: "int_x", SQL: "-- int_x\nselect 1"},
	}
	got, err := MartTable(ms)
	if err != nil {
		t.Fatal(err)
	}
	want := "| mart | grain | key |\n|---|---|---|\n| `a_mart` | KPI | `kpi` |\n| `b_mart` | unit × month | (`account_id`, `month`) |\n"
	if got != want {
		t.Errorf("MartTable:\n%s\nwant\n%s", got, want)
	}
	ms = append(ms, Model{Layer: "marts", Name: "c_mart", SQL: "-- c_mart: no grain\nselect 1"})
	if _, err := MartTable(ms); err == nil || !strings.Contains(err.Error(), "marts/c_mart") {
		t.Errorf("a mart without grain and key: err = %v", err)
	}
}
