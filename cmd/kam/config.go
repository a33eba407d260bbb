package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"kam/i18n"
	"kam/pipeline"
	"kam/pipeline/ingest/schema"
)

// loadConfig reads the YAML configuration: the --config file, else kam.yaml in
// the input folder, else the defaults. Unknown keys and invalid values are
// errors naming the key, its line and what is allowed.
func loadConfig(path, inputDir string) (pipeline.Config, error) {
	cfg := pipeline.DefaultConfig()
	if path == "" && inputDir != "" {
		for _, name := range []string{"kam.yaml", "kam.yml"} {
			p := filepath.Join(inputDir, name)
			if _, err := os.Stat(p); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		return cfg, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return cfg, usagef("configuration file %s does not exist", path)
		}
		return cfg, fmt.Errorf("read configuration: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return cfg, &configError{lang: cfg.Language, yamlPath: path, yamlErr: err}
	}
	cfg.Source = path
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	p := configParser{path: path}
	p.root(doc.Content[0], &cfg)
	if len(p.errs) > 0 {
		return cfg, &configError{lang: cfg.Language, path: path, items: p.errs}
	}
	return cfg, nil
}

type configParser struct {
	path string
	errs []configItem
}

// configItem is one error of the configuration, rendered in the run's
// language when it is shown.
type configItem struct {
	line   int
	format string
	args   []any
}

// configError is every error of a configuration file, one per line, in the
// language of the run (--lang, else the file's own language key, else
// English).
type configError struct {
	lang     string
	path     string
	items    []configItem
	yamlPath string
	yamlErr  error
}

func (e *configError) Language() string { return e.lang }

func (e *configError) Error() string {
	if e.yamlErr != nil {
		return i18n.T(e.lang, "config.not_yaml", e.yamlPath, e.yamlErr)
	}
	lines := make([]string, len(e.items))
	for i, it := range e.items {
		args := slices.Clone(it.args)
		for j, a := range args {
			if a == "the configuration" {
				args[j] = i18n.T(e.lang, "config.where_root")
			}
		}
		msg := fmt.Sprintf(it.format, args...)
		if i18n.Has(it.format) {
			msg = i18n.T(e.lang, it.format, args...)
		}
		lines[i] = i18n.T(e.lang, "config.line", e.path, it.line, msg)
	}
	return strings.Join(lines, "\n")
}

func (p *configParser) fail(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, configItem{n.Line, format, args})
}

// deref follows a YAML alias (*name) to the node its anchor (&name) marks.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// entries are a mapping's key/value pairs with YAML merge keys (<<: *base)
// expanded: a key written in the mapping wins over a merged one. A key
// written twice is an error (YAML would keep the last one silently).
func (p *configParser) entries(n *yaml.Node, where string) [][2]*yaml.Node {
	var own, merged [][2]*yaml.Node
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Tag == "!!merge" || (k.Value == "<<" && k.Style == 0) {
			v = deref(v)
			sources := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				sources = v.Content
			}
			for _, src := range sources {
				src = deref(src)
				if src.Kind != yaml.MappingNode {
					p.fail(k, "the merge key << in %s must name a mapping (<<: *name)", where)
					continue
				}
				merged = append(merged, p.entries(src, where)...)
			}
			continue
		}
		if first, ok := seen[k.Value]; ok {
			p.fail(k, "key %q appears twice in %s (lines %d and %d); keep one of them", k.Value, where, first.Line, k.Line)
			continue
		}
		seen[k.Value] = k
		own = append(own, [2]*yaml.Node{k, v})
	}
	for _, e := range merged {
		if _, ok := seen[e[0].Value]; !ok {
			seen[e[0].Value] = e[0]
			own = append(own, e)
		}
	}
	return own
}

// mapping walks a YAML mapping, calling set for every key in allowed and
// reporting the others.
func (p *configParser) mapping(n *yaml.Node, where string, allowed []string, set func(key string, v *yaml.Node)) {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		p.fail(n, "%s must be a mapping of keys to values", where)
		return
	}
	for _, e := range p.entries(n, where) {
		k, v := e[0], deref(e[1])
		if allowed != nil && !slices.Contains(allowed, k.Value) {
			p.fail(k, "unknown key %q in %s; allowed keys: %s", k.Value, where, strings.Join(allowed, ", "))
			continue
		}
		set(k.Value, v)
	}
}

var topKeys = []string{"language", "currency", "fiscal_year_start", "date_order", "number_locale",
	"reject_limit", "portfolio_level", "missing_values", "follow_symlinks", "history_ahead", "files", "columns", "scale", "params", "duckdb"}

func (p *configParser) root(n *yaml.Node, cfg *pipeline.Config) {
	p.mapping(n, "the configuration", topKeys, func(key string, v *yaml.Node) {
		switch key {
		case "language":
			cfg.Language = p.oneOf(v, key, i18n.Languages...)
		case "currency":
			cfg.Currency = p.currency(v, key)
			cfg.CurrencySet = true
		case "fiscal_year_start":
			cfg.FiscalYearStart = int(p.number(v, key, 1, 12))
		case "date_order":
			cfg.DateOrder = p.oneOf(v, key, "dmy", "mdy", "ymd")
		case "number_locale":
			cfg.NumberLocale = p.oneOf(v, key, "es", "en")
		case "reject_limit":
			cfg.RejectLimit = p.share(v, key)
		case "portfolio_level":
			cfg.PortfolioLevel = p.oneOf(v, key, "group", "account")
		case "missing_values":
			cfg.MissingValues = p.strList(v, key)
		case "follow_symlinks":
			cfg.FollowSymlinks = p.boolean(v, key)
		case "history_ahead":
			cfg.HistoryAhead = p.boolean(v, key)
		case "files":
			p.files(v, cfg)
		case "columns":
			p.mapping(v, "columns", schema.KindNames(), func(kind string, m *yaml.Node) {
				cfg.Columns[kind] = p.columns(m, kind, "columns."+kind)
			})
		case "scale":
			p.mapping(v, "scale", schema.KindNames(), func(kind string, m *yaml.Node) {
				cfg.Scale[kind] = p.scale(m, kind, "scale."+kind)
			})
		case "params":
			p.params(v, cfg)
		case "duckdb":
			p.duckdb(v, cfg)
		}
	})
}

func (p *configParser) files(n *yaml.Node, cfg *pipeline.Config) {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		p.fail(n, "files must be a list of {match, kind, ...} entries")
		return
	}
	for i, item := range n.Content {
		item = deref(item)
		where := fmt.Sprintf("files[%d]", i)
		var r pipeline.FileRule
		p.mapping(item, where, []string{"match", "kind", "sheet", "date_order", "columns", "skip", "headers", "scale", "encoding"}, func(key string, v *yaml.Node) {
			switch key {
			case "match":
				r.Glob = p.str(v, where+".match")
				if _, err := filepath.Match(r.Glob, ""); err != nil {
					p.fail(v, "%s.match %q is not a valid glob pattern", where, r.Glob)
				}
			case "kind":
				r.Kind = p.oneOf(v, where+".kind", schema.KindNames()...)
			case "sheet":
				r.Sheet = p.str(v, where+".sheet")
			case "date_order":
				r.DateOrder = p.oneOf(v, where+".date_order", "dmy", "mdy", "ymd")
			case "skip":
				r.Skip = p.boolean(v, where+".skip")
			case "columns":
				r.Columns = map[string]string{}
			case "headers":
				r.Headers = p.names(v, where+".headers")
			case "encoding":
				r.Encoding = p.oneOf(v, where+".encoding", pipeline.Encodings...)
			}
		})
		if r.Glob == "" {
			p.fail(item, "%s needs a match: a glob such as \"crm/*.csv\"", where)
		}
		if r.Kind == "" && !r.Skip && len(r.Headers) == 0 && !hasKey(item, "scale") && r.Encoding == "" {
			p.fail(item, "%s needs a kind (%s), skip: true, headers, scale or encoding", where, strings.Join(schema.KindNames(), ", "))
		}
		// Columns and scales are checked against the kind, so they are read
		// once the kind is known; without a kind a scale may name a money or
		// number column of any kind.
		if item.Kind == yaml.MappingNode {
			quiet := configParser{path: p.path} // entries' errors were reported above
			for _, e := range quiet.entries(item, where) {
				switch e[0].Value {
				case "columns":
					if r.Kind != "" {
						r.Columns = p.columns(e[1], r.Kind, where+".columns")
					} else {
						p.fail(e[0], "%s.columns needs the rule's kind", where)
					}
				case "scale":
					r.Scale = p.scale(e[1], r.Kind, where+".scale")
				}
			}
		}
		cfg.Files = append(cfg.Files, r)
	}
}

func (p *configParser) columns(n *yaml.Node, kind, where string) map[string]string {
	out := map[string]string{}
	allowed := schema.ColumnNames(kind)
	p.mapping(n, where, allowed, func(col string, v *yaml.Node) {
		out[col] = p.str(v, where+"."+col)
	})
	return out
}

func hasKey(n *yaml.Node, key string) bool {
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value == key {
			return true
		}
	}
	return false
}

// names reads a list of column names (files: headers:).
func (p *configParser) names(n *yaml.Node, key string) []string {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		p.fail(n, "%s must be a list of the file's column names, in order, e.g. [id, name, amount]", key)
		return nil
	}
	out := make([]string, len(n.Content))
	for i, c := range n.Content {
		out[i] = p.str(c, fmt.Sprintf("%s[%d]", key, i))
	}
	return out
}

var plainDecimal = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// scale reads canonical column → factor for the money and number columns
// of kind (of any kind when kind is "").
func (p *configParser) scale(n *yaml.Node, kind, where string) map[string]string {
	out := map[string]string{}
	var allowed []string
	for _, k := range schema.Kinds {
		if kind != "" && k.Name != kind {
			continue
		}
		for _, c := range k.Columns {
			if (c.Type == schema.Money || c.Type == schema.Number) && !slices.Contains(allowed, c.Name) {
				allowed = append(allowed, c.Name)
			}
		}
	}
	p.mapping(n, where, allowed, func(col string, v *yaml.Node) {
		s := strings.TrimSpace(p.str(v, where+"."+col))
		if !plainDecimal.MatchString(s) || strings.Trim(s, "0.") == "" {
			p.fail(v, "%s.%s is %q; write the factor each value is multiplied by as a positive decimal, e.g. 0.01 for amounts in cents or 1000 for thousands", where, col, v.Value)
			return
		}
		out[col] = s
	})
	return out
}

func (p *configParser) params(n *yaml.Node, cfg *pipeline.Config) {
	byKey := map[string]pipeline.Param{}
	keys := make([]string, 0, len(pipeline.DefaultParams))
	for _, prm := range pipeline.DefaultParams {
		byKey[prm.Key] = prm
		keys = append(keys, prm.Key)
	}
	sort.Strings(keys)
	p.mapping(n, "params", keys, func(key string, v *yaml.Node) {
		prm := byKey[key]
		cfg.Params[key] = p.number(v, "params."+key, prm.Min, prm.Max)
	})
}

func (p *configParser) duckdb(n *yaml.Node, cfg *pipeline.Config) {
	p.mapping(n, "duckdb", []string{"memory_limit", "threads", "temp_directory"}, func(key string, v *yaml.Node) {
		switch key {
		case "memory_limit":
			s := p.str(v, "duckdb.memory_limit")
			if !memoryRe.MatchString(s) {
				p.fail(v, "duckdb.memory_limit %q must be an amount such as 4GB, 800MB or 75%%", s)
			}
			cfg.DuckDB.MemoryLimit = s
		case "threads":
			cfg.DuckDB.Threads = int(p.number(v, "duckdb.threads", 1, 1024))
		case "temp_directory":
			cfg.DuckDB.TempDirectory = p.str(v, "duckdb.temp_directory")
		}
	})
}

var memoryRe = regexp.MustCompile(`^(?i)\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)\s*$`)

// strList reads a list of texts; an empty list is allowed (no marker).
func (p *configParser) strList(n *yaml.Node, key string) []string {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		p.fail(n, "%s must be a list of texts, such as [\"NULL\", \"N/A\", \"-\"]", key)
		return nil
	}
	out := []string{}
	for _, item := range n.Content {
		if s := strings.TrimSpace(p.str(item, key)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *configParser) str(n *yaml.Node, key string) string {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		p.fail(n, "%s must be a non-empty text value", key)
		return ""
	}
	return n.Value
}

func (p *configParser) oneOf(n *yaml.Node, key string, allowed ...string) string {
	s := strings.ToLower(strings.TrimSpace(p.str(n, key)))
	if s != "" && !slices.Contains(allowed, s) {
		p.fail(n, "%s is %q; allowed values: %s", key, n.Value, strings.Join(allowed, ", "))
	}
	return s
}

func (p *configParser) currency(n *yaml.Node, key string) string {
	s := strings.ToUpper(strings.TrimSpace(p.str(n, key)))
	if s != "" && !regexp.MustCompile(`^[A-Z]{3}$`).MatchString(s) {
		p.fail(n, "%s is %q; use a three-letter ISO 4217 code such as EUR, USD or MXN", key, n.Value)
	}
	return s
}

func (p *configParser) number(n *yaml.Node, key string, lo, hi float64) float64 {
	s := strings.TrimSpace(p.str(n, key))
	f, err := strconv.ParseFloat(s, 64)
	if s == "" {
		return 0
	}
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		p.fail(n, "%s is %q; it must be a number between %g and %g", key, n.Value, lo, hi)
		return 0
	}
	if f < lo || f > hi {
		p.fail(n, "%s is %g; it must be between %g and %g", key, f, lo, hi)
	}
	return f
}

// share accepts 0.02, 2% or 2 %.
func (p *configParser) share(n *yaml.Node, key string) float64 {
	s := strings.TrimSpace(p.str(n, key))
	pct := strings.HasSuffix(s, "%")
	f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	if err != nil {
		p.fail(n, "%s is %q; write a share such as 0.02 or 2%%", key, n.Value)
		return 0
	}
	if pct {
		f /= 100
	}
	if f < 0 || f > 1 {
		p.fail(n, "%s is %q; it must be between 0 and 1 (0%% and 100%%)", key, n.Value)
	}
	return f
}

func (p *configParser) boolean(n *yaml.Node, key string) bool {
	switch strings.ToLower(p.str(n, key)) {
	case "true", "yes":
		return true
	case "false", "no":
		return false
	}
	p.fail(n, "%s is %q; use true or false", key, n.Value)
	return false
}
