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
	"strconv"
	"strings"
	"sync"
	"syscall"

	"kam/i18n"
	"kam/pipeline/ingest"
	"kam/pipeline/warehouse"
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
	return m, warehouse.MemoryError(err, o.Config.DuckDB)
}

// runner is one run's state: what Run needs after it (opened, committed)
// and what the stages hand on to each other.
type runner struct {
	o         RunOptions
	opened    bool // the warehouse was opened (and so locked) by this run
	committed bool

	p      Progress
	notice func(string)
	m      *Manifest
	tmpDir string     // the run's own temporary folder in the output folder
	w      *Warehouse // open from openWarehouse on
	period string     // decided by decidePeriod
	// shown: the failure comes with the manifest, so that the per-file
	// table still shows what each file was taken for.
	shown bool

	outDir                  string   // the output folder, absolute
	staged, final, shownDir string   // the outputs: written into staged, published as final (shownDir as the user named it)
	outputs                 []string // the files written into staged, the manifest aside
	journal                 *warehouse.Journal
	// fingerprints of the snapshots of the period and its comparison
	// months, from the data staged now (see backfillHistory).
	fingerprints map[string]warehouse.Fingerprint
}

// run is the list of a run's stages, in order.
func (r *runner) run(ctx context.Context) (*Manifest, error) {
	if err := r.prepare(); err != nil {
		return nil, err
	}
	defer os.RemoveAll(r.tmpDir)
	if err := r.openWarehouse(ctx); err != nil {
		return nil, err
	}
	defer r.w.Close()
	stages := []func(context.Context) error{
		r.ingest,
		r.staging,      // and the row accounting, and the reject limit
		r.decidePeriod, // the --period, else the latest month with sales
		r.models,       // the history backfill, the marts and the data tests (not for kam ingest)
		r.writeOutputs, // rejects.csv, the reports and manifest.json, whole, beside the period folder
		r.commit,       // the publish journal, then the warehouse commit
		r.publish,      // the outputs moved into place
	}
	for _, stage := range stages {
		if err := stage(ctx); err != nil {
			if r.shown {
				return r.m, err
			}
			return nil, err
		}
	}
	return r.m, nil
}

// prepare makes the output folder and the run's temporary folder in it.
func (r *runner) prepare() error {
	o := r.o
	r.p = o.Progress
	if r.p == nil {
		r.p = NoProgress{}
	}
	r.notice = o.Notice
	if r.notice == nil {
		r.notice = func(string) {}
	}
	r.m = newManifest(o)
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return fmt.Errorf("create the output folder: %w", err)
	}
	tmpDir, err := os.MkdirTemp(o.Out, fmt.Sprintf(".kam-tmp-%d-", os.Getpid()))
	if err != nil {
		return fmt.Errorf("create a temporary folder in %s: %w", o.Out, err)
	}
	r.tmpDir = tmpDir
	if r.tmpDir, err = filepath.Abs(tmpDir); err != nil {
		os.RemoveAll(tmpDir)
		return err
	}
	return nil
}

// openWarehouse opens and locks the warehouse, begins the run's
// transaction and writes the parameters.
func (r *runner) openWarehouse(ctx context.Context) error {
	o, m := r.o, r.m
	stage := m.stage(r.p, "open warehouse")
	w, err := OpenWarehouse(ctx, o.DB, o.Config.DuckDB)
	if err != nil {
		// A warehouse this run created before failing (its publish journal
		// refused, say) is this run's to remove; one in use is not.
		r.opened = !errors.Is(err, ErrInUse)
		return err
	}
	r.opened = true
	r.w = w
	if w.Recovered != "" {
		r.notice(w.Recovered)
		m.Recovered = w.Recovered
	}
	cleanStaleTemp(o.Out, r.tmpDir) // the warehouse lock says no other run is using them
	warehouse.StopAt(ctx, "opened")
	if err := w.Begin(ctx); err != nil {
		return err
	}
	stage()
	if err := w.WriteParams(ctx, o.Config, map[string]string{"period": o.Period}); err != nil {
		return fmt.Errorf("write parameters: %w", err)
	}
	return nil
}

// ingest loads the new and changed files of the input folder (a report
// alone reads none, but needs the raw tables).
func (r *runner) ingest(ctx context.Context) error {
	o, m := r.o, r.m
	if o.Command == "report" {
		if err := ingest.CreateKindTables(ctx, r.w); err != nil {
			return err
		}
	} else {
		stage := m.stage(r.p, "ingest")
		excludes := []string{o.Out, o.DB, o.DB + ".wal", o.DB + ".tmp", warehouse.JournalPath(o.DB)}
		loaded, skipped, err := ingest.Ingest(ctx, r.w, o.Input, o.Config, r.tmpDir, excludes, r.p)
		if err != nil {
			return err
		}
		m.Skipped = skipped
		m.loaded = loaded
		stage()
	}
	warehouse.StopAt(ctx, "ingested")
	return r.currencyFromData(ctx)
}

// staging builds the staging models, accounts for every row of every file
// and holds the files to the reject limit.
func (r *runner) staging(ctx context.Context) error {
	o, m, w := r.o, r.m, r.w
	stage := m.stage(r.p, "staging")
	staging, err := warehouse.LoadModels("staging")
	if err != nil {
		return err
	}
	if err := w.RunModels(ctx, staging, r.p); err != nil {
		return err
	}
	m.Incremental = w.Restaged()
	stage()
	warehouse.StopAt(ctx, "staged")

	acc, err := w.Accounting(ctx)
	if err != nil {
		return err
	}
	if err := w.WriteRunNotes(ctx, acc); err != nil {
		return err
	}
	m.setFiles(acc)
	if m.Conflicts, err = w.Conflicts(ctx, warehouse.MaxConflicts); err != nil {
		return err
	}
	if err := w.CheckRejectLimit(ctx, acc, o.Config); err != nil {
		// The rejects go beside the previous reports, under a name of
		// their own: the reports of the last good run stay as they were.
		var rle *RejectLimitError
		if errors.As(err, &rle) {
			if dir, perr := periodDir(ctx, w, o); perr == nil {
				name := "rejects-failed-" + m.StartedAt.Local().Format("20060102-150405") + ".csv"
				if path, werr := w.WriteRejects(ctx, dir, name, o.Config.Language, r.tmpDir); werr == nil {
					rle.RejectsPath = path
				}
			}
		}
		r.shown = true
		return err
	}
	return nil
}

// decidePeriod settles the report month and hands it to the models.
func (r *runner) decidePeriod(ctx context.Context) error {
	o, m, w := r.o, r.m, r.w
	period, source, err := w.DecidePeriod(ctx, o.Period)
	if errors.Is(err, warehouse.ErrNoSales) && o.Command == "ingest" {
		// Loading CRM files alone is fine; there is just no period yet.
		period, source, err = "", "no sales loaded yet", nil
	}
	if errors.Is(err, warehouse.ErrNoSales) {
		// Files read as invoice headers hold no line amounts: a register
		// whose only amount is a total (a nota fiscal's Valor total) is
		// taken for headers, and the user is told to add the lines
		// they do not have. Say which file it was and how to read it.
		var heads []string
		for _, f := range m.Files {
			if f.Kind == "invoices" && f.RowsLoaded > 0 {
				heads = append(heads, strconv.Quote(f.Path))
			}
		}
		if len(heads) > 0 {
			err = fmt.Errorf("%w\n  %s", err, i18n.T(o.Config.Language, "run.invoices_without_sales", strings.Join(heads, ", "), strings.Trim(heads[0], `"`)))
		}
	}
	if err != nil {
		r.shown = true
		return err
	}
	r.period = period
	m.Period, m.PeriodSource = period, source
	return w.SetParam(ctx, "period", period)
}

// models builds the history of the months before the period, the intermediate
// and mart models and the history models of the period, then runs the
// data tests. kam ingest stops before them.
func (r *runner) models(ctx context.Context) error {
	if r.o.Command == "ingest" {
		return nil
	}
	m, w, p := r.m, r.w, r.p
	rest, err := warehouse.LoadModels("intermediate", "marts")
	if err != nil {
		return err
	}
	stage := m.stage(p, "history backfill")
	toRun, err := r.backfillHistory(ctx, rest)
	if err != nil {
		return err
	}
	stage()
	warehouse.StopAt(ctx, "backfilled")

	stage = m.stage(p, "models")
	if err := w.RunModels(ctx, toRun, p); err != nil {
		return err
	}
	if err := w.Snapshot(ctx, r.period, warehouse.HistoryMarts(rest)); err != nil {
		return err
	}
	if err := w.RecordFingerprint(ctx, r.period, r.fingerprints[r.period]); err != nil {
		return err
	}
	r.m.History = append(r.m.History, SnapshotDecision{Period: r.period, Action: "built", Reason: "the report month", Fingerprint: r.fingerprints[r.period].Sum})
	hist, err := warehouse.LoadModels("history")
	if err != nil {
		return err
	}
	if err := w.RunModels(ctx, hist, p); err != nil {
		return err
	}
	stage()
	warehouse.StopAt(ctx, "modelled")

	stage = m.stage(p, "data tests")
	results, err := w.RunChecks(ctx)
	if err != nil {
		return err
	}
	stage()
	var failed []CheckResult
	for _, c := range results {
		m.DataTests = append(m.DataTests, DataTest{Name: c.Name, Passed: c.Passed(), Offending: c.Offending})
		if !c.Passed() {
			failed = append(failed, c)
		}
	}
	if len(failed) > 0 {
		r.shown = true
		return &ChecksError{Failed: failed, Lang: r.o.Config.Language}
	}
	if err := r.unattributed(ctx); err != nil {
		return err
	}
	if err := r.partialMonth(ctx); err != nil {
		return err
	}
	warehouse.StopAt(ctx, "tested")
	return nil
}

// unattributed records the revenue of the last twelve months that no
// account carries (Manifest.Unattributed), so that the console says it: a
// customer id the accounts file does not know, or a sales file without
// one, leaves revenue out of every account's figures.
func (r *runner) unattributed(ctx context.Context) error {
	var lines sql.NullInt64
	var revenue, loaded sql.NullString
	err := r.w.QueryRow(ctx, `select unattributed_lines, cast(round(unattributed_revenue, 2) as varchar), cast(round(loaded_revenue, 2) as varchar)
		from main.revenue_reconciliation where time_window = 'ltm'`).Scan(&lines, &revenue, &loaded)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read the unattributed revenue: %w", err)
	}
	if lines.Int64 == 0 {
		return nil
	}
	u := &Unattributed{Lines: lines.Int64, Revenue: revenue.String, Loaded: loaded.String}
	r.m.Unattributed = u
	// A name or a tax id of several accounts names none of them
	// (stg_account_keys): the reader can only fix such lines if told
	// which accounts share it.
	var shared []any
	err = r.w.QueryRow(ctx, `with refs as (
			select distinct account_ref from staging.stg_sales_lines_checked
			where row_status = 'loaded' and not is_attributed and account_ref is not null
		),
		several as (`+warehouse.SeveralAccounts+`),
		named as (
			select r.account_ref, s.ids from refs as r inner join several as s on s.k = r.account_ref
			union
			select r.account_ref, s.ids from refs as r inner join several as s on s.k = tax_id_key(r.account_ref)
		)
		select coalesce(list_sort(list(account_ref || ' → ' || array_to_string(ids, ', ')))[1:3], []), count(*) from named`).Scan(&shared, &u.SharedCount)
	if err != nil {
		return fmt.Errorf("read the customers of several accounts: %w", err)
	}
	for _, s := range shared {
		u.Shared = append(u.Shared, fmt.Sprint(s))
	}
	return nil
}

// partialMonth records a report month whose sales stop well before its end
// (Manifest.PartialMonth), so that the console says it: its figures are a
// part of a month, and its changes against complete months are shown as
// not comparable.
func (r *runner) partialMonth(ctx context.Context) error {
	var last, complete sql.NullString
	err := r.w.QueryRow(ctx, `select strftime(last_date, '%Y-%m-%d'), strftime(last_complete_month, '%Y-%m') from main.input_coverage
		where kind = 'sales' and time_window = 'month' and partial_month = start_month`).Scan(&last, &complete)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read the sales' last day: %w", err)
	}
	if last.Valid {
		r.m.PartialMonth = &PartialMonth{Month: r.period, LastSale: last.String, LastCompleted: complete.String}
	}
	return nil
}

// backfillHistory makes sure the history holds the months the report
// compares with (the previous month and the same month a year before) —
// with history_ahead, the twelve months before the period (see
// warehouse.KeptAhead) — from the first month with sales on, and returns
// the models left to build for the period. A month not kept yet is built
// from the data staged now; a kept one built from the same inputs as those
// staged now (see Warehouse.SnapshotFingerprints) is reused. A kept one
// whose inputs changed is rebuilt when the report compares with it; any
// other is left stale until a later report compares with it. So a monthly
// run builds the year-ago month, unless a run with history_ahead kept it:
// that run builds twelve months, and each monthly run of the next eleven
// builds none. history_ahead is off by default: every month built in the
// run's one transaction stays in memory until its commit (TestMemoryLimit
// runs out of its 160 MB with it), and the first run takes about 1.3 times
// as long for a re-run about 6 % shorter (bench/results.md). Models that do
// not depend on the period are built once, with the first period; the
// others again for each period. A kept month needs only the marts its
// history keeps and what they read. The manifest says, per month, what was
// reused, built, rebuilt or left, and why.
func (r *runner) backfillHistory(ctx context.Context, rest []warehouse.Model) ([]warehouse.Model, error) {
	w := r.w
	first, err := w.FirstSalesMonth(ctx)
	if err != nil {
		return nil, err
	}
	periodOnly := warehouse.PeriodDependent(rest)
	history := warehouse.Feeding(rest, warehouse.HistoryMarts(rest))
	compared := map[string]bool{}
	for _, q := range warehouse.ComparisonPeriods(r.period) {
		compared[q] = true
	}
	// The comparison months only, unless the configuration asks to keep
	// the year ahead (history_ahead).
	wanted := warehouse.ComparisonPeriods(r.period)
	if r.o.Config.HistoryAhead {
		wanted = warehouse.KeptAhead(r.period)
	}
	var months []string
	for _, q := range wanted {
		if first != "" && q >= first { // before the first sales: nothing to compare with
			months = append(months, q)
		}
	}
	done := r.m.stage(r.p, "history fingerprints") // part of the history backfill
	r.fingerprints, err = w.SnapshotFingerprints(ctx, history, append([]string{r.period}, months...))
	if err != nil {
		return nil, err
	}
	done()
	kept, err := w.KeptFingerprints(ctx)
	if err != nil {
		return nil, err
	}
	have, err := w.KeptSnapshots(ctx)
	if err != nil {
		return nil, err
	}
	toRun, backfill := rest, warehouse.BackfillModels(rest, history, periodOnly, true)
	for _, q := range months {
		fp := r.fingerprints[q]
		k, recorded := kept[q]
		d := SnapshotDecision{Period: q, Fingerprint: fp.Sum}
		switch {
		case have[q] && recorded && k.Sum == fp.Sum:
			d.Action, d.Reason = "reused", "built from the same inputs"
		case have[q] && !compared[q]:
			// Not read by this report: rebuilt when a report compares
			// with it, if its inputs are still not those it was kept from.
			d.Action, d.Reason = "left", "not compared with by this report; kept without a record of its inputs (by an earlier kam), rebuilt when a report compares with it"
			if recorded {
				d.Reason = "not compared with by this report; inputs changed since it was kept (" + strings.Join(fp.Changed(k), ", ") + "), rebuilt when a report compares with it"
			}
			d.Fingerprint = k.Sum
		case have[q] && recorded:
			d.Action, d.Reason = "rebuilt", "inputs changed: "+strings.Join(fp.Changed(k), ", ")
		case have[q]:
			d.Action, d.Reason = "rebuilt", "kept without a record of its inputs (by an earlier kam)"
		case compared[q]:
			d.Action, d.Reason = "built", "not kept yet"
		default:
			d.Action, d.Reason = "built", "not kept yet; kept ahead as the prior year of "+warehouse.YearAfter(q)
		}
		r.m.History = append(r.m.History, d)
		if d.Action == "reused" || d.Action == "left" {
			continue
		}
		if err := w.SetParam(ctx, "period", q); err != nil {
			return nil, err
		}
		if err := w.RunModels(ctx, backfill, r.p); err != nil {
			return nil, fmt.Errorf("history of %s: %w", q, err)
		}
		toRun, backfill = periodOnly, warehouse.BackfillModels(rest, history, periodOnly, false)
		if err := w.Snapshot(ctx, q, warehouse.HistoryMarts(rest)); err != nil {
			return nil, err
		}
		if err := w.RecordFingerprint(ctx, q, fp); err != nil {
			return nil, err
		}
		r.m.Backfilled = append(r.m.Backfilled, q)
	}
	return toRun, w.SetParam(ctx, "period", r.period)
}

// writeOutputs writes the outputs whole, in a folder of their own, before
// the commit: rejects.csv, the reports (not for kam ingest) and
// manifest.json, with the user's own files of the period folder carried
// over.
func (r *runner) writeOutputs(ctx context.Context) error {
	o, m, w, period := r.o, r.m, r.w, r.period
	stage := m.stage(r.p, "outputs")
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return err
	}
	r.outDir = out
	r.staged = filepath.Join(r.tmpDir, "new")
	if err := os.MkdirAll(r.staged, 0o755); err != nil {
		return diskError(o.Out, err)
	}
	r.final = filepath.Join(out, period)
	if period != "" {
		if st, err := os.Lstat(r.final); err == nil && !st.IsDir() {
			return fmt.Errorf("%s is not a folder, but the reports of %s go into a folder of that name; move it away and run again", r.final, period)
		}
		if err := warehouse.CarryOver(r.final, r.staged, period); err != nil {
			return diskError(o.Out, err)
		}
	}
	rej, err := w.WriteRejects(ctx, r.staged, "rejects.csv", o.Config.Language, r.tmpDir)
	if err != nil {
		return diskError(o.Out, err)
	}
	r.outputs = []string{rej}
	if o.Command != "ingest" {
		// The marts as Parquet for BI tools, in the same staged folder
		// (published with the rest by the one rename, never half a set),
		// written while the reports are: DuckDB's COPY waits on the disk
		// while the writers work in Go, and the statements of both take
		// turns on the run's connection (Warehouse.qmu).
		octx, cancel := context.WithCancel(ctx)
		defer cancel()
		var marts []string
		var martsErr error
		var wg sync.WaitGroup
		wg.Go(func() {
			if marts, martsErr = w.WriteMartsParquet(octx, r.staged); martsErr != nil {
				cancel()
			}
		})
		var files []string
		if o.Reports == nil {
			m.NotBuilt = append(m.NotBuilt, "Excel workbook", "HTML report")
		} else if files, err = o.Reports(octx, w, m, r.staged); err != nil {
			cancel()
		}
		wg.Wait()
		if martsErr != nil && (err == nil || errors.Is(err, context.Canceled)) {
			err = martsErr // the cause, not the other writer's cancellation
		}
		if err != nil {
			return diskError(o.Out, err)
		}
		r.outputs = append(append(r.outputs, files...), marts...)
	}
	r.shownDir = filepath.Join(o.Out, period) // as the user named it
	for _, f := range r.outputs {
		rel, err := filepath.Rel(r.staged, f)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = filepath.Base(f)
		}
		m.Outputs = append(m.Outputs, filepath.Join(r.shownDir, rel))
	}
	m.Outputs = append(m.Outputs, filepath.Join(r.shownDir, "manifest.json"))
	m.RunID = warehouse.NewRunID(m.StartedAt)
	if err := m.write(r.staged, r.tmpDir); err != nil {
		return diskError(o.Out, err)
	}
	if err := warehouse.SyncTree(r.staged); err != nil {
		return diskError(o.Out, err)
	}
	stage()
	warehouse.StopAt(ctx, "written")
	return nil
}

// commit writes the publish journal, then commits the warehouse: from here
// on the run completes, even when interrupted (the commit is the point of
// no return, and what follows takes milliseconds).
func (r *runner) commit(ctx context.Context) error {
	o, m, w, period := r.o, r.m, r.w, r.period
	db, err := filepath.Abs(o.DB)
	if err != nil {
		return err
	}
	j := &warehouse.Journal{RunID: m.RunID, Command: o.Command, StartedAt: m.StartedAt, Warehouse: db, Period: period, Temp: r.tmpDir}
	if period != "" {
		j.Moves = []warehouse.Move{{New: r.staged, Final: r.final, Aside: filepath.Join(r.tmpDir, "old")}}
	} else {
		// No period (an ingest without sales): the outputs are files of
		// the output folder itself, each moved in with one rename.
		for _, f := range append(r.outputs, filepath.Join(r.staged, "manifest.json")) {
			j.Moves = append(j.Moves, warehouse.Move{New: filepath.Join(r.staged, filepath.Base(f)), Final: filepath.Join(r.outDir, filepath.Base(f))})
		}
	}
	r.journal = j
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(r.tmpDir, warehouse.PendingMarker), []byte(warehouse.JournalPath(db)), 0o644); err != nil {
		return diskError(o.Out, err)
	}
	if err := warehouse.WriteJournal(warehouse.JournalPath(o.DB), j); err != nil {
		return diskError(o.Out, err)
	}
	warehouse.StopAt(ctx, "journaled")
	if err := ctx.Err(); err != nil {
		os.Remove(warehouse.JournalPath(o.DB))
		return err
	}
	stage := m.stage(r.p, "commit")
	bg := context.WithoutCancel(ctx)
	if err := w.Exec(bg, "insert into meta.runs values (?, ?, ?, ?, now(), ?)", m.RunID, o.Command, sql.NullString{String: period, Valid: period != ""}, m.StartedAt, o.Version); err != nil {
		os.Remove(warehouse.JournalPath(o.DB))
		return err
	}
	if err := w.Commit(bg); err != nil {
		// Not committed: nothing was moved, the journal goes.
		os.Remove(warehouse.JournalPath(o.DB))
		return err
	}
	r.committed = true
	stage()
	warehouse.StopAt(ctx, "committed")
	return nil
}

// publish moves the outputs into place as the journal says.
func (r *runner) publish(ctx context.Context) error {
	o := r.o
	// The manifest again, now with the commit's time (the one written before
	// the commit is whole too, should the run stop here).
	if err := r.m.write(r.staged, r.tmpDir); err != nil {
		r.notice(fmt.Sprintf("could not add the commit's time to manifest.json (%v); the manifest written before the commit is kept", err))
	}
	if err := r.journal.Publish(ctx, warehouse.JournalPath(o.DB)); err != nil {
		return &CommittedError{fmt.Errorf("the warehouse is committed, but its outputs could not be moved into %s: %w; "+
			"the next kam command on this warehouse moves them in (the journal %s says where they are)", r.shownDir, err, warehouse.JournalPath(o.DB))}
	}
	warehouse.StopAt(ctx, "done")
	if ctx.Err() != nil {
		r.notice(fmt.Sprintf("interrupted after the warehouse commit, so the run was completed: the warehouse and the outputs in %s are this run's", r.shownDir))
	}
	return nil
}

// periodDir is where the outputs of a failed run that still knows its
// period go; without sales it is the output folder itself.
func periodDir(ctx context.Context, w *Warehouse, o RunOptions) (string, error) {
	period, _, err := w.DecidePeriod(ctx, o.Period)
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
		if b, err := os.ReadFile(filepath.Join(p, warehouse.PendingMarker)); err == nil {
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
// code the data carries is the reporting currency (see
// Warehouse.DataCurrency), and the run says so.
func (r *runner) currencyFromData(ctx context.Context) error {
	if r.o.Config.CurrencySet {
		return nil
	}
	cur, err := r.w.DataCurrency(ctx)
	if err != nil || cur == "" {
		return err
	}
	r.o.Config.Currency = cur
	r.m.Config.Currency, r.m.Config.CurrencySource = cur, "data"
	if err := r.w.SetParam(ctx, "currency", cur); err != nil {
		return err
	}
	r.notice(i18n.T(r.o.Config.Language, "run.currency_from_data", cur))
	return nil
}
