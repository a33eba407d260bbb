package warehouse

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"time"

	"kam/queries"
)

// Model is one SQL file of queries/.
type Model struct {
	Layer string // staging, intermediate, marts, history
	Name  string // file name without .sql: the table name
	SQL   string
	View  bool
	// Temp models are sales-sized working tables: kept in memory (spilled
	// to the temp directory when large), never written to the warehouse
	// file, where compressing millions of text values would cost more than
	// computing them. During the run a view of the same name in the model's
	// schema points at them; before the run commits it becomes a view of the
	// model's own query, so the warehouse still answers it.
	Temp     bool
	TempView bool // -- materialized: temp view
	// Incremental models are tables kept from run to run and refreshed
	// only where their inputs changed (-- materialized: incremental; see
	// incremental.go).
	Incremental bool
	// Period is the header's "-- period: yes": the model's result depends
	// on the report period (it reads the period parameter or a model that
	// does). The graph check holds the declaration to the SQL.
	Period bool
	// History is the header's "-- history: yes": each run keeps the mart
	// under its period in main.history_<mart>.
	History bool
	// Refs are the schema-qualified names the SQL reads and the header's
	// "-- reads:" declares; Reads the models among them, by name.
	Refs  []string
	Reads []string
}

// Schema is where the model's table lives.
func (m Model) Schema() string {
	if m.Layer == "marts" || m.Layer == "history" {
		return "main"
	}
	return m.Layer
}

var layers = []string{"staging", "intermediate", "marts", "history"}

// LoadModels reads the models of the given layers (all when none is
// given) in run order: layer by layer, and inside a layer each model after
// the models it reads, else by name. It checks the whole graph first (see
// resolve), so a broken graph never runs.
func LoadModels(only ...string) ([]Model, error) {
	all, err := AllModels()
	if err != nil {
		return nil, err
	}
	var out []Model
	for _, m := range all {
		if len(only) == 0 || contains(only, m.Layer) {
			out = append(out, m)
		}
	}
	return out, nil
}

// AllModels reads every model of queries/ and returns the checked graph
// in run order.
func AllModels() ([]Model, error) {
	var ms []Model
	for _, layer := range layers {
		entries, err := fs.ReadDir(queries.FS, layer)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".sql") {
				continue
			}
			b, err := fs.ReadFile(queries.FS, path.Join(layer, e.Name()))
			if err != nil {
				return nil, err
			}
			m := Model{Layer: layer, Name: strings.TrimSuffix(e.Name(), ".sql"), SQL: string(b)}
			if err := parseHeader(&m); err != nil {
				return nil, err
			}
			ms = append(ms, m)
		}
	}
	return resolve(ms)
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

// RunModels builds every model in order inside the run's transaction.
func (w *Warehouse) RunModels(ctx context.Context, ms []Model, p Progress) error {
	for _, s := range []string{"staging", "intermediate"} {
		if err := w.Exec(ctx, "create schema if not exists "+s); err != nil {
			return err
		}
	}
	// The catalog is read once for the call: a lookup in
	// information_schema took about 10 ms, once per model, a second of
	// each run. Only the builds below create or drop a model's target,
	// and they keep the map.
	if err := w.loadCatalog(ctx); err != nil {
		return err
	}
	defer func() { w.catalog = nil }()
	for _, m := range ms {
		start := time.Now()
		target := m.Schema() + "." + m.Name
		if m.Incremental {
			if err := w.refreshIncremental(ctx, m); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return err
			}
			p.StageDone("model "+m.Name, time.Since(start))
			continue
		}
		if m.Temp && w.tempTargets[target] {
			// Built before in this run (the history of another month): the
			// view of it is in place, only the temp model is built again.
			if err := w.buildTemp(ctx, m); err != nil {
				return err
			}
			p.StageDone("model "+m.Name, time.Since(start))
			continue
		}
		if err := w.dropObject(ctx, m.Schema(), m.Name); err != nil {
			return err
		}
		var q string
		switch {
		case m.Temp:
			if err := w.buildTemp(ctx, m); err != nil {
				return err
			}
			q = "create view " + target + " as select * from temp.main." + m.Name
			w.tempViews = append(w.tempViews, tempView{target, m.SQL})
			if w.tempTargets == nil {
				w.tempTargets = map[string]bool{}
			}
			w.tempTargets[target] = true
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
		w.catalog[target] = "BASE TABLE"
		if m.Temp || m.View {
			w.catalog[target] = "VIEW"
		}
		p.StageDone("model "+m.Name, time.Since(start))
	}
	return nil
}

// loadCatalog reads the type of every table and view of the warehouse
// (not the temporary ones, as information_schema.tables of the current
// database) into w.catalog.
func (w *Warehouse) loadCatalog(ctx context.Context) error {
	rows, err := w.summary(ctx, `select schema_name || '.' || table_name, 'BASE TABLE' from duckdb_tables() where database_name = current_database()
		union all select schema_name || '.' || view_name, 'VIEW' from duckdb_views() where database_name = current_database()`)
	if err != nil {
		return err
	}
	w.catalog = make(map[string]string, len(rows))
	for _, r := range rows {
		w.catalog[r[0]] = r[1]
	}
	return nil
}

// objectType is the type of schema.name ("BASE TABLE", "VIEW"), "" when
// there is none: from the catalog RunModels read, else from
// information_schema.
func (w *Warehouse) objectType(ctx context.Context, schema, name string) (string, error) {
	if w.catalog != nil {
		return w.catalog[schema+"."+name], nil
	}
	rows, err := w.summary(ctx, "select table_type from information_schema.tables where table_catalog = current_database() and table_schema = ? and table_name = ?", schema, name)
	if err != nil || len(rows) == 0 {
		return "", err
	}
	return rows[0][0], nil
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
	w.tempViews, w.tempTargets = nil, nil
	return nil
}

// dropObject drops whatever table or view has the name, checking its type
// first: a failed statement would abort the run's transaction.
func (w *Warehouse) dropObject(ctx context.Context, schema, name string) error {
	typ, err := w.objectType(ctx, schema, name)
	if err != nil || typ == "" {
		return err
	}
	what := "table"
	if typ == "VIEW" {
		what = "view"
	}
	if err := w.Exec(ctx, "drop "+what+" "+schema+"."+QuoteIdent(name)); err != nil {
		return err
	}
	if w.catalog != nil {
		delete(w.catalog, schema+"."+name)
	}
	return nil
}

// PeriodDependent keeps, in order, the models whose result depends on the
// report period: those whose header declares "-- period: yes" (the graph
// check holds the declaration to the SQL). The others give the same table
// for every period, so a run that builds several periods (the history
// backfill) builds them once.
func PeriodDependent(ms []Model) []Model {
	var out []Model
	for _, m := range ms {
		if m.Period {
			out = append(out, m)
		}
	}
	return out
}

// HistoryMarts are the marts whose header declares "-- history: yes": each
// run keeps them under its period in main.history_<mart>, so reports
// compare with the previous month and the prior year and find the movers.
func HistoryMarts(ms []Model) []string {
	var out []string
	for _, m := range ms {
		if m.History {
			out = append(out, m.Name)
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
		if needed[ms[i].Name] {
			for _, r := range ms[i].Reads {
				needed[r] = true
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

// BackfillModels keeps, in order, the models a kept month of history is
// built with: those of ms that feed the history (in history) and depend on the
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

// buildTemp builds a temp model (a temp table, or a temp view).
func (w *Warehouse) buildTemp(ctx context.Context, m Model) error {
	kind := "table"
	if m.TempView {
		kind = "view"
	}
	if err := w.Exec(ctx, "create or replace temp "+kind+" "+m.Name+" as\n"+m.SQL); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("model %s/%s: %w", m.Layer, m.Name, err)
	}
	return nil
}
