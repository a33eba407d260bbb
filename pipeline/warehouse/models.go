package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"kam/queries"
)

// Model is one SQL file of queries/.
type Model struct {
	Layer string // staging, intermediate, marts
	Name  string // file name without .sql: the table name
	SQL   string
	View  bool
	// Temp models are sales-sized working tables: kept in memory (spilled
	// to the temp directory when large), never written to the warehouse
	// file, where compressing millions of text values would cost more than
	// computing them. During the run a view of the same name in the model's
	// schema points at them; before the run commits it becomes a view of the
	// model's own query, so the warehouse still answers it.
	Temp bool
	deps []string
}

// Schema is where the model's table lives.
func (m Model) Schema() string {
	if m.Layer == "marts" || m.Layer == "history" {
		return "main"
	}
	return m.Layer
}

var layers = []string{"staging", "intermediate", "marts", "history"}

// LoadModels reads the models of the given layers in run order: layer by
// layer, and inside a layer each model after the models it reads, else by
// name.
func LoadModels(only ...string) ([]Model, error) {
	var out []Model
	for _, layer := range layers {
		if len(only) > 0 && !contains(only, layer) {
			continue
		}
		entries, err := fs.ReadDir(queries.FS, layer)
		if err != nil {
			return nil, err
		}
		var ms []Model
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".sql") {
				continue
			}
			b, err := fs.ReadFile(queries.FS, path.Join(layer, e.Name()))
			if err != nil {
				return nil, err
			}
			sql := string(b)
			ms = append(ms, Model{Layer: layer, Name: strings.TrimSuffix(e.Name(), ".sql"), SQL: sql,
				View: strings.Contains(sql, "-- materialized: view"), Temp: strings.Contains(sql, "-- materialized: temp")})
		}
		sorted, err := orderModels(ms)
		if err != nil {
			return nil, err
		}
		out = append(out, sorted...)
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var commentRe = regexp.MustCompile(`(?m)--.*$`)

// mentions reports whether a model's SQL (comments removed) names the
// model called name as a whole word: that is how a model reads another.
func mentions(body, name string) bool {
	return regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(body)
}

// orderModels sorts a layer topologically by the names its models mention.
func orderModels(ms []Model) ([]Model, error) {
	sort.Slice(ms, func(i, j int) bool { return ms[i].Name < ms[j].Name })
	byName := map[string]int{}
	for i, m := range ms {
		byName[m.Name] = i
	}
	for i, m := range ms {
		body := commentRe.ReplaceAllString(m.SQL, "")
		for name := range byName {
			if name != m.Name && mentions(body, name) {
				ms[i].deps = append(ms[i].deps, name)
			}
		}
	}
	var out []Model
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(i int) error
	visit = func(i int) error {
		m := ms[i]
		switch state[m.Name] {
		case 1:
			return fmt.Errorf("models in %s read each other in a cycle through %s", m.Layer, m.Name)
		case 2:
			return nil
		}
		state[m.Name] = 1
		deps := append([]string(nil), m.deps...)
		sort.Strings(deps)
		for _, d := range deps {
			if err := visit(byName[d]); err != nil {
				return err
			}
		}
		state[m.Name] = 2
		out = append(out, m)
		return nil
	}
	for i := range ms {
		if err := visit(i); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// RunModels builds every model in order inside the run's transaction.
func (w *Warehouse) RunModels(ctx context.Context, ms []Model, p Progress) error {
	for _, s := range []string{"staging", "intermediate"} {
		if err := w.Exec(ctx, "create schema if not exists "+s); err != nil {
			return err
		}
	}
	for _, m := range ms {
		start := time.Now()
		target := m.Schema() + "." + m.Name
		if err := w.dropObject(ctx, m.Schema(), m.Name); err != nil {
			return err
		}
		var q string
		switch {
		case m.Temp:
			kind := "table"
			if strings.Contains(m.SQL, "-- materialized: temp view") {
				kind = "view"
			}
			if err := w.Exec(ctx, "create or replace temp "+kind+" "+m.Name+" as\n"+m.SQL); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return fmt.Errorf("model %s/%s: %w", m.Layer, m.Name, err)
			}
			q = "create view " + target + " as select * from temp.main." + m.Name
			w.tempViews = append(w.tempViews, tempView{target, m.SQL})
		case m.View:
			q = "create view " + target + " as\n" + m.SQL
		default:
			q = "create table " + target + " as\n" + m.SQL
		}
		if err := w.Exec(ctx, q); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("model %s/%s: %w", m.Layer, m.Name, err)
		}
		p.StageDone("model "+m.Name, time.Since(start))
	}
	return nil
}

// tempView is the view that stands for a temp model during a run.
type tempView struct{ target, sql string }

// persistTempViews turns the views of temp models into views of the
// models' queries (in run order, so each finds the ones it reads), so the
// committed warehouse never holds a view of something that is gone.
func (w *Warehouse) persistTempViews(ctx context.Context) error {
	for _, v := range w.tempViews {
		if err := w.Exec(ctx, "create or replace view "+v.target+" as\n"+v.sql); err != nil {
			return fmt.Errorf("keep the view %s: %w", v.target, err)
		}
	}
	w.tempViews = nil
	return nil
}

// dropObject drops whatever table or view has the name, checking its type
// first: a failed statement would abort the run's transaction.
func (w *Warehouse) dropObject(ctx context.Context, schema, name string) error {
	var typ string
	err := w.QueryRow(ctx, "select table_type from information_schema.tables where table_catalog = current_database() and table_schema = ? and table_name = ?", schema, name).Scan(&typ)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	what := "table"
	if typ == "VIEW" {
		what = "view"
	}
	return w.Exec(ctx, "drop "+what+" "+schema+"."+QuoteIdent(name))
}

// PeriodDependent keeps, in order, the models whose result depends on the
// report period: those that read the period parameter or a model that does.
// The others give the same table for every period, so a run that builds
// several periods (the history backfill) builds them once.
func PeriodDependent(ms []Model) []Model {
	dependent := map[string]bool{}
	var out []Model
	for _, m := range ms { // ms is in run order: a model's inputs come first
		body := commentRe.ReplaceAllString(m.SQL, "")
		dep := strings.Contains(body, "param_text('period')")
		for name := range dependent {
			if !dep && mentions(body, name) {
				dep = true
			}
		}
		if dep {
			dependent[m.Name] = true
			out = append(out, m)
		}
	}
	return out
}

// Feeding keeps, in order, the models the named targets are built from:
// the targets and every model they read, directly or through another. ms
// must be in run order (a model's inputs before it), so one pass from the
// end finds them all.
func Feeding(ms []Model, targets []string) []Model {
	needed := map[string]bool{}
	for _, t := range targets {
		needed[t] = true
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if !needed[ms[i].Name] {
			continue
		}
		body := commentRe.ReplaceAllString(ms[i].SQL, "")
		for _, in := range ms[:i] {
			if !needed[in.Name] && mentions(body, in.Name) {
				needed[in.Name] = true
			}
		}
	}
	var out []Model
	for _, m := range ms {
		if needed[m.Name] {
			out = append(out, m)
		}
	}
	return out
}

// BackfillModels keeps, in order, the models a comparison month is built
// with: those of ms that feed the history (in history) and depend on the
// period, and, for the first period a run builds (first), every model that
// does not depend on it, since those are built only once.
func BackfillModels(ms, history, periodOnly []Model, first bool) []Model {
	feeds, dep := map[string]bool{}, map[string]bool{}
	for _, m := range history {
		feeds[m.Name] = true
	}
	for _, m := range periodOnly {
		dep[m.Name] = true
	}
	var out []Model
	for _, m := range ms {
		if dep[m.Name] && feeds[m.Name] || first && !dep[m.Name] {
			out = append(out, m)
		}
	}
	return out
}
