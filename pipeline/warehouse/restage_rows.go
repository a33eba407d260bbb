package warehouse

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// The checked activities, service costs and opportunities are incremental
// too, each by a partition of its rows: the rows whose fate (loaded,
// rejected, duplicate) and values can depend on each other. A run restages
// the partitions of the rows of files added, changed or removed (before
// and after), and those of rows that looked up a key that changed. The
// model's marker restage(col) names the partition of a row it reads, and
// the same column's qualifier (r. in r.file_id) is where the rows of the
// changed files are found.
//
//   - stg_service_costs_checked by file: costs are events, no row
//     supersedes another.
//   - stg_activities_checked by activity_key: the newest file's row wins
//     per activity_id, a newer export's rows supersede an older one's per
//     (date, account, KAM, type).
//   - stg_opportunities_checked by opportunity_id: the newest file's row
//     wins per id; the rows without one are one partition, since only the
//     newest keyless file counts.
//
// The proof that the refresh equals a full build is
// TestIncrementalEqualsScratch.

// rowRefresh is how an incremental checked model of a kind is refreshed.
type rowRefresh struct {
	kind string // the file kind, and raw.<kind>
	// part is a row's partition in the model's table t (as the model's
	// marker restage(col) computes it for a row it reads).
	part string
	// uses are the lookups the model reads: for each, the key a row of
	// the model's table t (or of raw.<kind> r, the row it was staged
	// from) looks up. A key whose hash changed restages the partitions of
	// the rows that look it up.
	uses []lookupUse
}

type lookupUse struct{ kind, key string }

// rawRef finds a reference to the raw row (r.) in a lookupUse's key.
var rawRef = regexp.MustCompile(`(^|[^a-z_.])r\.`)

// monthKey is the fx lookup's key of a currency and a date's month.
func monthKey(currency, date string) string {
	return currency + " || '|' || cast(cast(date_trunc('month', " + date + ") as date) as varchar)"
}

var rowRefreshes = map[string]rowRefresh{
	"stg_service_costs_checked": {kind: "service_costs", part: "t.file_id", uses: []lookupUse{
		{"account_key", "t.account_ref"},
		{"fx", monthKey("t.currency", "t.cost_date")},
	}},
	"stg_activities_checked": {kind: "activities", part: "t.activity_key", uses: []lookupUse{
		{"account_key", "t.account_ref"},
		{"kam_key", "r.kam_id"},
		{"fx", monthKey("coalesce(r.currency, param_text('currency'))", "t.activity_date")},
	}},
	// A deal closing after its currency's last month with a rate takes
	// that last rate: any change of a currency's rates restages its deals.
	"stg_opportunities_checked": {kind: "opportunities", part: "case when not t.is_keyless then t.opportunity_id end", uses: []lookupUse{
		{"account_key", "t.account_ref"},
		{"fx_currency", "t.currency"},
	}},
}

// rowLookups are the lookups of rowRefresh beside those of the sales
// lines (see lookups), as (k, h).
var rowLookups = map[string]string{
	"fx_currency": `select currency as k, cast(sum(hash(month, rate, last_month)) as varchar) as h
		from staging.stg_fx_monthly where currency is not null group by all`,
}

// RowRestage is what the refresh of one incremental checked model did,
// for the manifest.
type RowRestage struct {
	Mode    string         `json:"mode"`              // "full" or "incremental"
	Reason  string         `json:"reason"`            // why full, or what changed
	Changed map[string]int `json:"changed,omitempty"` // changed keys per input
	Keys    int64          `json:"partitions"`        // partitions restaged
	Rows    int64          `json:"rows"`              // rows written
	Kept    int64          `json:"rows_kept,omitempty"`
}

// partKey is a partition as text (NULL is one partition).
func partKey(col string) string { return "coalesce(cast(" + col + " as varchar), chr(0))" }

// restageRows refreshes an incremental checked model by partition.
func (w *Warehouse) restageRows(ctx context.Context, m Model, spec rowRefresh) error {
	target := "staging." + m.Name
	r := &RowRestage{Changed: map[string]int{}}
	if w.rowRestages == nil {
		w.rowRestages = map[string]*RowRestage{}
	}
	w.rowRestages[m.Name] = r
	fp, kept, have, err := w.keptState(ctx, m)
	if err != nil {
		return err
	}
	now := []string{fmt.Sprintf(`select 'file' as kind, cast(file_id as varchar) as k, cast(hash(mtime, path) as varchar) as h
		from staging.stg_files where kind = '%s' and not is_copy`, spec.kind)}
	for _, u := range spec.uses {
		q, ok := rowLookups[u.kind]
		for _, l := range lookups {
			if l.kind == u.kind {
				q, ok = l.query, true
			}
		}
		if !ok {
			return fmt.Errorf("model %s: no lookup %s", m.Name, u.kind)
		}
		now = append(now, fmt.Sprintf("select '%s' as kind, k, h from (%s)", u.kind, q))
	}
	if err := w.loadLookups(ctx, m.Name, now); err != nil {
		return err
	}
	defer w.Exec(ctx, "drop table if exists temp.main.restage_lookups")
	r.Reason = rebuildReason(have, kept, fp)
	if r.Reason != "" {
		r.Mode = "full"
		if err := w.buildWhole(ctx, m, m.SQL); err != nil {
			return err
		}
		if err := w.keepAllLookups(ctx, m.Name); err != nil {
			return err
		}
		if r.Rows, err = w.count(ctx, "select count(*) from "+target); err != nil {
			return err
		}
		if r.Keys, err = w.count(ctx, "select count(distinct "+partKey(spec.part)+") from "+target+" as t"); err != nil {
			return err
		}
		return w.recordModel(ctx, m.Name, fp)
	}

	// What changed since the last run, key by key.
	counts, err := w.lookupChanges(ctx, m.Name)
	defer w.Exec(ctx, "drop table if exists temp.main.restage_changes")
	if err != nil {
		return err
	}
	changedOf := func(kind string) string {
		return "(select k from temp.main.restage_changes where kind = '" + kind + "')"
	}
	var parts, why []string
	for _, c := range counts {
		var n int
		fmt.Sscan(c[1], &n)
		r.Changed[c[0]] = n
		why = append(why, fmt.Sprintf("%s: %d", c[0], n))
		if c[0] == "file" {
			files := "(select cast(k as bigint) from temp.main.restage_changes where kind = 'file')"
			// The partitions of the rows the changed files had, and of
			// those they have now (the model read from their rows only).
			fresh, err := narrow(m.SQL, "restage", func(col string) string {
				q, _, ok := strings.Cut(col, ".")
				if !ok {
					q = ""
				} else {
					q += "."
				}
				return q + "file_id in " + files
			})
			if err != nil {
				return fmt.Errorf("model %s: %w", m.Name, err)
			}
			parts = append(parts,
				"select "+partKey(spec.part)+" from "+target+" as t where t.file_id in "+files,
				"select "+partKey(spec.part)+" from (\n"+fresh+"\n) as t")
			continue
		}
		for _, u := range spec.uses {
			if u.kind != c[0] {
				continue
			}
			from := target + " as t"
			if rawRef.MatchString(u.key) {
				from += " inner join raw." + spec.kind + " as r on r.file_id = t.file_id and r.source_line = t.source_line"
			}
			parts = append(parts, fmt.Sprintf("select %s from %s where %s in %s", partKey(spec.part), from, u.key, changedOf(u.kind)))
		}
	}
	r.Mode = "incremental"
	sort.Strings(why)
	r.Reason = "changed since the last run: " + strings.Join(why, ", ")
	if len(why) == 0 {
		r.Reason = "nothing changed since the last run"
	}
	if len(parts) > 0 {
		if err := w.Exec(ctx, "create or replace temp table restage_keys as select distinct * from (\n"+strings.Join(parts, "\nunion all\n")+"\n) as p(k)"); err != nil {
			return fmt.Errorf("model %s: the partitions to restage: %w", m.Name, err)
		}
		defer w.Exec(ctx, "drop table if exists temp.main.restage_keys")
		if err := w.Exec(ctx, "delete from "+target+" as t where "+partKey(spec.part)+" in (select k from temp.main.restage_keys)"); err != nil {
			return err
		}
		q, err := narrow(m.SQL, "restage", func(col string) string {
			return partKey(col) + " in (select k from temp.main.restage_keys)"
		})
		if err != nil {
			return fmt.Errorf("model %s: %w", m.Name, err)
		}
		if err := w.Exec(ctx, "insert into "+target+" by name\n"+q); err != nil {
			return fmt.Errorf("model %s/%s (restaged): %w", m.Layer, m.Name, err)
		}
		if r.Keys, err = w.count(ctx, "select count(*) from temp.main.restage_keys"); err != nil {
			return err
		}
		if r.Rows, err = w.count(ctx, "select count(*) from "+target+" as t where "+partKey(spec.part)+" in (select k from temp.main.restage_keys)"); err != nil {
			return err
		}
	}
	r.Kept, err = w.finishRefresh(ctx, m.Name, fp, r.Rows)
	return err
}
