package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"

	"kam/i18n"
	"kam/pipeline/schema"
)

// RunOptions are one invocation of kam run, ingest or report.
type RunOptions struct {
	Command  string // "run", "ingest", "report"
	Input    string // input folder ("" for report)
	Out      string // output folder
	DB       string // warehouse file
	Period   string // YYYY-MM, "" for the latest month with sales
	Config   Config
	Progress Progress
	Version  string
	// Reports writes the report files of the period into dir (temporary
	// names are renamed by the caller's writer). Nil: not built yet.
	Reports func(ctx context.Context, w *Warehouse, m *Manifest, dir string) ([]string, error)
	// Notice hears what the user must know besides the result: an
	// interrupted publish completed or undone, an interrupt that came
	// after the commit.
	Notice func(string)
}

// RejectLimitError is a run whose files reject more rows than allowed.
type RejectLimitError struct {
	Limit float64
	Files []FileAccounting // over the limit, worst first
	Top   map[string][]ReasonCount
	Lang  string
	// RejectsPath is the file that lists every rejected row of the failed
	// run, beside the previous reports (never over their rejects.csv).
	RejectsPath string
}

// ReasonCount is how many rows of a file a reason rejected.
type ReasonCount struct {
	Reason, Detail string
	Rows           int64
}

// Error is in the run's language, like the reasons it quotes.
func (e *RejectLimitError) Error() string {
	var b strings.Builder
	b.WriteString(i18n.T(e.Lang, "fail.reject_limit", len(e.Files), localNumber(e.Lang, fmt.Sprintf("%.4g", e.Limit*100))))
	for _, f := range e.Files {
		pct := localNumber(e.Lang, fmt.Sprintf("%.1f", 100*float64(f.RowsRejected)/float64(max(f.RowsRead, 1))))
		b.WriteString("\n  " + i18n.T(e.Lang, "fail.reject_file", Printable(f.Path), f.Kind, f.RowsRejected, f.RowsRead, pct))
		for _, r := range e.Top[f.Path] {
			fmt.Fprintf(&b, "\n    %6d × %s", r.Rows, r.Reason)
		}
	}
	if e.RejectsPath != "" {
		b.WriteString("\n" + i18n.T(e.Lang, "fail.reject_see", e.RejectsPath))
	} else {
		b.WriteString("\n" + i18n.T(e.Lang, "fail.reject_see_none"))
	}
	return b.String()
}

// Language is the language the message is written in.
func (e *RejectLimitError) Language() string { return e.Lang }

// localNumber writes a decimal number the way lang does (2,5 in Spanish).
func localNumber(lang, s string) string { return i18n.FormatOf(lang).Decimals(s) }

// CommittedError is a failure after the warehouse was committed: the run
// cannot be said to have changed nothing.
type CommittedError struct{ Err error }

func (e *CommittedError) Error() string { return e.Err.Error() }
func (e *CommittedError) Unwrap() error { return e.Err }

var periodRe = regexp.MustCompile(`^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$`)

// ValidPeriod checks a --period value: a month of the years the data
// contract accepts (1900–2100).
func ValidPeriod(p string) bool { return periodRe.MatchString(p) }

// Run does a whole invocation inside one warehouse transaction: ingest,
// staging and accounting, models and data tests, reports. The outputs are
// written whole before the commit and moved into place after it (see
// publish.go): any failure or interruption leaves the warehouse and the
// period folder both as they were or both as the run made them.
func Run(ctx context.Context, o RunOptions) (*Manifest, error) {
	_, statErr := os.Stat(o.DB)
	newDB := errors.Is(statErr, fs.ErrNotExist)
	_, statErr = os.Stat(o.Out)
	newOut := errors.Is(statErr, fs.ErrNotExist)
	r := &runner{o: o}
	m, err := r.run(ctx)
	if err != nil && newDB && r.opened && !r.committed {
		// A failed first run leaves no empty warehouse behind (the next
		// run would take it for one that holds data), nor an empty
		// output folder it made.
		for _, p := range []string{o.DB, o.DB + ".wal"} {
			os.Remove(p)
		}
		os.RemoveAll(o.DB + ".tmp")
		if newOut {
			os.Remove(o.Out) // only if empty
		}
	}
	return m, memoryError(err, o.Config.DuckDB)
}

// runner is one run's state that Run needs after it.
type runner struct {
	o         RunOptions
	opened    bool // the warehouse was opened (and so locked) by this run
	committed bool
}

func (r *runner) run(ctx context.Context) (*Manifest, error) {
	o := r.o
	p := o.Progress
	if p == nil {
		p = NoProgress{}
	}
	notice := o.Notice
	if notice == nil {
		notice = func(string) {}
	}
	m := newManifest(o)
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return nil, fmt.Errorf("create the output folder: %w", err)
	}
	tmpDir, err := os.MkdirTemp(o.Out, fmt.Sprintf(".kam-tmp-%d-", os.Getpid()))
	if err != nil {
		return nil, fmt.Errorf("create a temporary folder in %s: %w", o.Out, err)
	}
	defer os.RemoveAll(tmpDir)
	if tmpDir, err = filepath.Abs(tmpDir); err != nil {
		return nil, err
	}

	stage := m.stage(p, "open warehouse")
	w, err := OpenWarehouse(ctx, o.DB, o.Config.DuckDB)
	if err != nil {
		// A warehouse this run created before failing (its publish journal
		// refused, say) is this run's to remove; one in use is not.
		r.opened = !errors.Is(err, ErrInUse)
		return nil, err
	}
	r.opened = true
	defer w.Close()
	if w.Recovered != "" {
		notice(w.Recovered)
		m.Recovered = w.Recovered
	}
	cleanStaleTemp(o.Out, tmpDir) // the warehouse lock says no other run is using them
	stopAt(ctx, "opened")
	if err := w.Begin(ctx); err != nil {
		return nil, err
	}
	stage()

	if err := w.writeParams(ctx, o.Config, map[string]string{"period": o.Period}); err != nil {
		return nil, fmt.Errorf("write parameters: %w", err)
	}
	if o.Command != "report" {
		stage = m.stage(p, "ingest")
		excludes := []string{o.Out, o.DB, o.DB + ".wal", o.DB + ".tmp", journalPath(o.DB)}
		loaded, skipped, err := Ingest(ctx, w, o.Input, o.Config, tmpDir, excludes, p)
		if err != nil {
			return nil, err
		}
		m.Skipped = skipped
		m.loaded = loaded
		stage()
	} else if err := w.createKindTables(ctx); err != nil {
		return nil, err
	}
	stopAt(ctx, "ingested")
	if err := r.currencyFromData(ctx, w, m, notice); err != nil {
		return nil, err
	}
	o.Config.Currency = r.o.Config.Currency

	stage = m.stage(p, "staging")
	staging, err := LoadModels("staging")
	if err != nil {
		return nil, err
	}
	if err := w.RunModels(ctx, staging, p); err != nil {
		return nil, err
	}
	stage()
	stopAt(ctx, "staged")

	acc, err := w.Accounting(ctx)
	if err != nil {
		return nil, err
	}
	m.setFiles(acc)
	if m.Conflicts, err = w.Conflicts(ctx, maxConflicts); err != nil {
		return nil, err
	}
	if err := w.checkRejectLimit(ctx, acc, o.Config); err != nil {
		// The rejects go beside the previous reports, under a name of
		// their own: the reports of the last good run stay as they were.
		var rle *RejectLimitError
		if errors.As(err, &rle) {
			if dir, perr := w.periodDir(ctx, o); perr == nil {
				name := "rejects-failed-" + m.StartedAt.Local().Format("20060102-150405") + ".csv"
				if path, werr := w.writeRejects(ctx, dir, name, o.Config.Language, tmpDir); werr == nil {
					rle.RejectsPath = path
				}
			}
		}
		return m, err
	}

	period, source, err := w.decidePeriod(ctx, o.Period)
	if errors.Is(err, errNoSales) && o.Command == "ingest" {
		// Loading CRM files alone is fine; there is just no period yet.
		period, source, err = "", "no sales loaded yet", nil
	}
	if err != nil {
		// The per-file table still shows what each file was taken for.
		return m, err
	}
	m.Period, m.PeriodSource = period, source
	if err := w.setParam(ctx, "period", period); err != nil {
		return nil, err
	}

	if o.Command != "ingest" {
		if err := r.models(ctx, w, m, p, period); err != nil {
			var ce *ChecksError
			if errors.As(err, &ce) {
				return m, err
			}
			return nil, err
		}
	}

	// The outputs, whole, in a folder of their own before the commit.
	stage = m.stage(p, "outputs")
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return nil, err
	}
	staged := filepath.Join(tmpDir, "new")
	if err := os.MkdirAll(staged, 0o755); err != nil {
		return nil, diskError(o.Out, err)
	}
	final := filepath.Join(out, period)
	if period != "" {
		if st, err := os.Lstat(final); err == nil && !st.IsDir() {
			return nil, fmt.Errorf("%s is not a folder, but the reports of %s go into a folder of that name; move it away and run again", final, period)
		}
		if err := carryOver(final, staged, period); err != nil {
			return nil, diskError(o.Out, err)
		}
	}
	rej, err := w.writeRejects(ctx, staged, "rejects.csv", o.Config.Language, tmpDir)
	if err != nil {
		return nil, diskError(o.Out, err)
	}
	outputs := []string{rej}
	if o.Command != "ingest" {
		if o.Reports == nil {
			m.NotBuilt = append(m.NotBuilt, "Excel workbook", "HTML report")
		} else {
			files, err := o.Reports(ctx, w, m, staged)
			if err != nil {
				return nil, diskError(o.Out, err)
			}
			outputs = append(outputs, files...)
		}
	}
	shown := filepath.Join(o.Out, period) // as the user named it
	for _, f := range outputs {
		m.Outputs = append(m.Outputs, filepath.Join(shown, filepath.Base(f)))
	}
	m.Outputs = append(m.Outputs, filepath.Join(shown, "manifest.json"))
	m.RunID = newRunID(m.StartedAt)
	if err := m.write(staged, tmpDir); err != nil {
		return nil, diskError(o.Out, err)
	}
	if err := syncTree(staged); err != nil {
		return nil, diskError(o.Out, err)
	}
	stage()
	stopAt(ctx, "written")

	// The journal, then the commit: from here on the run completes, even
	// when interrupted (the commit is the point of no return, and what
	// follows takes milliseconds).
	db, err := filepath.Abs(o.DB)
	if err != nil {
		return nil, err
	}
	j := &journal{RunID: m.RunID, Command: o.Command, StartedAt: m.StartedAt, Warehouse: db, Period: period, Temp: tmpDir}
	if period != "" {
		j.Moves = []move{{New: staged, Final: final, Aside: filepath.Join(tmpDir, "old")}}
	} else {
		// No period (an ingest without sales): the outputs are files of
		// the output folder itself, each moved in with one rename.
		for _, f := range append(outputs, filepath.Join(staged, "manifest.json")) {
			j.Moves = append(j.Moves, move{New: filepath.Join(staged, filepath.Base(f)), Final: filepath.Join(out, filepath.Base(f))})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmpDir, pendingMarker), []byte(journalPath(db)), 0o644); err != nil {
		return nil, diskError(o.Out, err)
	}
	if err := writeJournal(journalPath(o.DB), j); err != nil {
		return nil, diskError(o.Out, err)
	}
	stopAt(ctx, "journaled")
	if err := ctx.Err(); err != nil {
		os.Remove(journalPath(o.DB))
		return nil, err
	}
	stage = m.stage(p, "commit")
	bg := context.WithoutCancel(ctx)
	if err := w.Exec(bg, "insert into meta.runs values (?, ?, ?, ?, now(), ?)", m.RunID, o.Command, nullStr(period), m.StartedAt, o.Version); err != nil {
		os.Remove(journalPath(o.DB))
		return nil, err
	}
	if err := w.Commit(bg); err != nil {
		// Not committed: nothing was moved, the journal goes.
		os.Remove(journalPath(o.DB))
		return nil, err
	}
	r.committed = true
	stage()
	stopAt(ctx, "committed")
	// The manifest again, now with the commit's time (the one written before
	// the commit is whole too, should the run stop here).
	if err := m.write(staged, tmpDir); err != nil {
		notice(fmt.Sprintf("could not add the commit's time to manifest.json (%v); the manifest written before the commit is kept", err))
	}
	if err := j.publish(ctx, journalPath(o.DB)); err != nil {
		return nil, &CommittedError{fmt.Errorf("the warehouse is committed, but its outputs could not be moved into %s: %w; "+
			"the next kam command on this warehouse moves them in (the journal %s says where they are)", shown, err, journalPath(o.DB))}
	}
	stopAt(ctx, "done")
	if ctx.Err() != nil {
		notice(fmt.Sprintf("interrupted after the warehouse commit, so the run was completed: the warehouse and the outputs in %s are this run's", shown))
	}
	return m, nil
}

// models runs the intermediate and mart models (with the history backfill
// of the comparison months) and the data tests.
func (r *runner) models(ctx context.Context, w *Warehouse, m *Manifest, p Progress, period string) error {
	rest, err := LoadModels("intermediate", "marts")
	if err != nil {
		return err
	}
	// The comparison months' marts are computed once, on the first run
	// that needs them, from the data loaded now.
	stage := m.stage(p, "history backfill")
	first, err := w.firstSalesMonth(ctx)
	if err != nil {
		return err
	}
	// Models that do not depend on the period are built once, with the
	// first period; the others again for each period. A comparison month
	// needs only the marts its history keeps and what they read.
	periodOnly := PeriodDependent(rest)
	history := Feeding(rest, historyMarts)
	toRun, backfill := rest, backfillModels(rest, history, periodOnly, true)
	for _, q := range comparisonPeriods(period) {
		have, err := w.hasSnapshot(ctx, q)
		if err != nil {
			return err
		}
		if have || first == "" || q < first {
			continue
		}
		if err := w.setParam(ctx, "period", q); err != nil {
			return err
		}
		if err := w.RunModels(ctx, backfill, p); err != nil {
			return fmt.Errorf("history of %s: %w", q, err)
		}
		toRun, backfill = periodOnly, backfillModels(rest, history, periodOnly, false)
		if err := w.snapshot(ctx, q); err != nil {
			return err
		}
		m.Backfilled = append(m.Backfilled, q)
	}
	if err := w.setParam(ctx, "period", period); err != nil {
		return err
	}
	stage()
	stopAt(ctx, "backfilled")

	stage = m.stage(p, "models")
	if err := w.RunModels(ctx, toRun, p); err != nil {
		return err
	}
	if err := w.snapshot(ctx, period); err != nil {
		return err
	}
	hist, err := LoadModels("history")
	if err != nil {
		return err
	}
	if err := w.RunModels(ctx, hist, p); err != nil {
		return err
	}
	stage()
	stopAt(ctx, "modelled")

	stage = m.stage(p, "data tests")
	results, err := w.RunChecks(ctx)
	if err != nil {
		return err
	}
	stage()
	var failed []CheckResult
	for _, r := range results {
		m.DataTests = append(m.DataTests, DataTest{Name: r.Name, Passed: r.Passed(), Offending: r.Offending})
		if !r.Passed() {
			failed = append(failed, r)
		}
	}
	if len(failed) > 0 {
		return &ChecksError{Failed: failed, Lang: r.o.Config.Language}
	}
	stopAt(ctx, "tested")
	return nil
}

// errNoSales: nothing to report on yet.
var errNoSales = errors.New("no sales lines are loaded, nor dated CRM activities or opportunities, so there is no period to report; add a sales file (invoice lines) to the input folder, or give --period")

// decidePeriod: the --period, else the latest month with sales; a CRM
// export without sales reports the latest month with CRM activities, else
// the latest month in which an opportunity was created, so that its
// pipeline, activity and coverage parts are written (every sales-based
// metric unavailable). A --period with no sales and no other dated data
// (activities, opportunities, service costs) in the twelve months up to it
// (the LTM window, the widest the report's figures cover) would give a
// report of zeros: it is an error naming the months that have data. A
// month after the last sale within a year is a real report (nothing sold
// this month is a finding).
func (w *Warehouse) decidePeriod(ctx context.Context, asked string) (string, string, error) {
	var latest sql.NullString
	if err := w.QueryRow(ctx, "select strftime(max(invoice_date), '%Y-%m') from staging.stg_sales_lines").Scan(&latest); err != nil {
		return "", "", err
	}
	if !latest.Valid && asked == "" {
		sources := []struct{ query, source string }{
			{"select strftime(max(activity_date), '%Y-%m') from staging.stg_activities where activity_date <= current_date",
				"no sales lines: latest month with CRM activities"},
			{"select strftime(max(created_date), '%Y-%m') from staging.stg_opportunities where created_date <= current_date",
				"no sales lines: latest month an opportunity was created"},
		}
		for _, s := range sources {
			var month sql.NullString
			if err := w.QueryRow(ctx, s.query).Scan(&month); err != nil {
				return "", "", err
			}
			if month.Valid {
				return month.String, s.source, nil
			}
		}
		return "", "", errNoSales
	}
	if asked == "" {
		return latest.String, "latest month with sales", nil
	}
	var inPeriod int64
	var salesFrom, otherFrom, otherTo sql.NullString
	err := w.QueryRow(ctx, `with months as (
			select strftime(invoice_date, '%Y-%m') as month, true as is_sales from staging.stg_sales_lines
			union all select strftime(activity_date, '%Y-%m'), false from staging.stg_activities
			union all select strftime(close_date, '%Y-%m'), false from staging.stg_opportunities
			union all select strftime(created_date, '%Y-%m'), false from staging.stg_opportunities
			union all select strftime(cost_date, '%Y-%m'), false from staging.stg_service_costs
		)
		select count(*) filter (where month between strftime(cast(? || '-01' as date) - interval 11 month, '%Y-%m') and ?),
			min(month) filter (where is_sales),
			min(month) filter (where not is_sales), max(month) filter (where not is_sales)
		from months where month is not null`, asked, asked).Scan(&inPeriod, &salesFrom, &otherFrom, &otherTo)
	if err != nil {
		return "", "", err
	}
	if inPeriod == 0 {
		other := ""
		if otherFrom.Valid {
			other = fmt.Sprintf("other dated data (activities, opportunities, service costs) from %s to %s", otherFrom.String, otherTo.String)
		}
		if !latest.Valid {
			if other == "" {
				return "", "", errNoSales
			}
			return "", "", fmt.Errorf("--period %s has no sales (none are loaded) and no other dated data in the twelve months up to it, so its report would be empty: there is %s; choose a --period in those months", asked, other)
		}
		if other != "" {
			other = ", " + other
		}
		return "", "", fmt.Errorf("--period %s has no sales and no other dated data in the twelve months up to it, so its report would be all zeros: the sales run from %s to %s%s; "+
			"choose a --period with data, or leave it out for the latest month with sales (%s)", asked, salesFrom.String, latest.String, other, latest.String)
	}
	return asked, "--period", nil
}

// periodDir is where the outputs of a failed run that still knows its
// period go; without sales it is the output folder itself.
func (w *Warehouse) periodDir(ctx context.Context, o RunOptions) (string, error) {
	period, _, err := w.decidePeriod(ctx, o.Period)
	if err != nil {
		return o.Out, nil
	}
	dir := filepath.Join(o.Out, period)
	return dir, os.MkdirAll(dir, 0o755)
}

// cleanStaleTemp removes temporary folders left by runs that were killed:
// those whose process (its id is in the name) is gone, unless they hold the
// outputs of a publish that the journal of another warehouse still names.
func cleanStaleTemp(out, current string) {
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		p, err := filepath.Abs(filepath.Join(out, e.Name()))
		if err != nil || !e.IsDir() || !strings.HasPrefix(e.Name(), ".kam-tmp-") || p == current {
			continue
		}
		var pid int
		fmt.Sscanf(strings.TrimPrefix(e.Name(), ".kam-tmp-"), "%d-", &pid)
		if pid > 0 && pid != os.Getpid() && syscall.Kill(pid, 0) == nil {
			continue // still running: another run writing into the same folder
		}
		if b, err := os.ReadFile(filepath.Join(p, pendingMarker)); err == nil {
			if _, err := os.Stat(string(b)); err == nil {
				continue // that warehouse's next run completes it
			}
		}
		os.RemoveAll(p)
	}
}

// diskError says what to do when the output disk is full; other errors
// pass through.
func diskError(out string, err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return fmt.Errorf("the disk of %s is full while writing the reports (%w); free some space and run again — the warehouse and the previous reports are as they were", out, err)
	}
	return err
}

// currencyFromData: with no reporting currency configured, the one currency
// code the data carries (every currency column of every loaded row, no
// exchange-rate file) is the reporting currency, and the run says so. With
// none or several, the default stays (several need rates and a choice).
func (r *runner) currencyFromData(ctx context.Context, w *Warehouse, m *Manifest, notice func(string)) error {
	if r.o.Config.CurrencySet {
		return nil
	}
	var rates int64
	if err := w.QueryRow(ctx, "select count(*) from raw.fx_rates where reject is null").Scan(&rates); err != nil {
		return err
	}
	if rates > 0 {
		return nil
	}
	var parts []string
	for _, k := range schema.Kinds {
		if k.Name == schema.FXRates {
			continue
		}
		if _, ok := k.Column("currency"); ok {
			parts = append(parts, fmt.Sprintf("select distinct currency from raw.%s where reject is null and currency is not null", k.Name))
		}
	}
	rows, err := w.Query(ctx, "select distinct currency from ("+strings.Join(parts, " union all ")+") order by 1 limit 2")
	if err != nil {
		return err
	}
	var found []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		found = append(found, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(found) != 1 {
		return nil
	}
	cur := found[0]
	r.o.Config.Currency = cur
	m.Config.Currency, m.Config.CurrencySource = cur, "data"
	if err := w.setParam(ctx, "currency", cur); err != nil {
		return err
	}
	notice(i18n.T(r.o.Config.Language, "run.currency_from_data", cur))
	return nil
}
