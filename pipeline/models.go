package pipeline

import (
	"context"
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
	deps  []string
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
				View: strings.Contains(sql, "-- materialized: view")})
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
			if name != m.Name && regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\b`).MatchString(body) {
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
		var q string
		if m.View {
			// A table of the same name from an older version goes first.
			w.Exec(ctx, "drop table if exists "+target)
			q = "create or replace view " + target + " as\n" + m.SQL
		} else {
			w.Exec(ctx, "drop view if exists "+target)
			q = "create or replace table " + target + " as\n" + m.SQL
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
