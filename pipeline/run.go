package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"

	"kam/reports/i18n"
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
}

// RejectLimitError is a run whose files reject more rows than allowed.
type RejectLimitError struct {
	Limit float64
	Files []FileAccounting // over the limit, worst first
	Top   map[string][]ReasonCount
	Lang  string
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
		b.WriteString("\n  " + i18n.T(e.Lang, "fail.reject_file", f.Path, f.Kind, f.RowsRejected, f.RowsRead, pct))
		for _, r := range e.Top[f.Path] {
			fmt.Fprintf(&b, "\n    %6d × %s", r.Rows, r.Reason)
		}
	}
	b.WriteString("\n" + i18n.T(e.Lang, "fail.reject_see"))
	return b.String()
}

// Language is the language the message is written in.
func (e *RejectLimitError) Language() string { return e.Lang }

// localNumber writes a decimal number the way lang does (2,5 in Spanish).
func localNumber(lang, s string) string {
	if lang == "es" {
		return strings.ReplaceAll(s, ".", ",")
	}
	return s
}

var periodRe = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

// ValidPeriod checks a --period value.
func ValidPeriod(p string) bool { return periodRe.MatchString(p) }

// Run does a whole invocation inside one warehouse transaction: ingest,
// staging and accounting, models and data tests, reports. Only when all of
// it succeeded is the transaction committed and are the outputs moved into
// place; any failure or interruption leaves warehouse and reports as they were.
func Run(ctx context.Context, o RunOptions) (*Manifest, error) {
	m, err := run(ctx, o)
	return m, memoryError(err, o.Config.DuckDB)
}

func run(ctx context.Context, o RunOptions) (*Manifest, error) {
	p := o.Progress
	if p == nil {
		p = NoProgress{}
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

	stage := m.stage(p, "open warehouse")
	w, err := OpenWarehouse(ctx, o.DB, o.Config.DuckDB)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	cleanStaleTemp(o.Out, tmpDir) // the warehouse lock says no other run is using them
	if err := w.Begin(ctx); err != nil {
		return nil, err
	}
	stage()

	if err := w.writeParams(ctx, o.Config, map[string]string{"period": o.Period}); err != nil {
		return nil, fmt.Errorf("write parameters: %w", err)
	}
	if o.Command != "report" {
		stage = m.stage(p, "ingest")
		excludes := []string{o.Out, o.DB}
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

	stage = m.stage(p, "staging")
	staging, err := LoadModels("staging")
	if err != nil {
		return nil, err
	}
	if err := w.RunModels(ctx, staging, p); err != nil {
		return nil, err
	}
	stage()

	acc, err := w.Accounting(ctx)
	if err != nil {
		return nil, err
	}
	m.setFiles(acc)
	if err := w.checkRejectLimit(ctx, acc, o.Config); err != nil {
		// Write rejects.csv so the user can see every rejected row, even
		// though nothing is committed.
		if dir, perr := w.periodDir(ctx, o); perr == nil {
			if path, werr := w.writeRejects(ctx, dir, o.Config.Language, tmpDir); werr == nil {
				m.Outputs = append(m.Outputs, path)
			}
		}
		return m, err
	}

	period, source, err := w.decidePeriod(ctx, o.Period)
	if err != nil && o.Command == "ingest" {
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
		rest, err := LoadModels("intermediate", "marts")
		if err != nil {
			return nil, err
		}
		// The comparison months' marts are computed once, on the first run
		// that needs them, from the data loaded now.
		stage = m.stage(p, "history backfill")
		first, err := w.firstSalesMonth(ctx)
		if err != nil {
			return nil, err
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
				return nil, err
			}
			if have || first == "" || q < first {
				continue
			}
			if err := w.setParam(ctx, "period", q); err != nil {
				return nil, err
			}
			if err := w.RunModels(ctx, backfill, p); err != nil {
				return nil, fmt.Errorf("history of %s: %w", q, err)
			}
			toRun, backfill = periodOnly, backfillModels(rest, history, periodOnly, false)
			if err := w.snapshot(ctx, q); err != nil {
				return nil, err
			}
			m.Backfilled = append(m.Backfilled, q)
		}
		if err := w.setParam(ctx, "period", period); err != nil {
			return nil, err
		}
		stage()

		stage = m.stage(p, "models")
		if err := w.RunModels(ctx, toRun, p); err != nil {
			return nil, err
		}
		if err := w.snapshot(ctx, period); err != nil {
			return nil, err
		}
		hist, err := LoadModels("history")
		if err != nil {
			return nil, err
		}
		if err := w.RunModels(ctx, hist, p); err != nil {
			return nil, err
		}
		stage()

		stage = m.stage(p, "data tests")
		results, err := w.RunChecks(ctx)
		if err != nil {
			return nil, err
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
			return m, &ChecksError{Failed: failed, Lang: o.Config.Language}
		}
	}

	dir := filepath.Join(o.Out, period)
	stage = m.stage(p, "outputs")
	staged := filepath.Join(tmpDir, "out")
	if err := os.MkdirAll(staged, 0o755); err != nil {
		return nil, err
	}
	rej, err := w.writeRejects(ctx, staged, o.Config.Language, tmpDir)
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
	stage()

	stage = m.stage(p, "commit")
	if err := w.Commit(ctx); err != nil {
		return nil, err
	}
	stage()
	// The warehouse is committed; move the outputs into place, each with one
	// rename, so no half-written file ever carries a final name.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, f := range outputs {
		final := filepath.Join(dir, filepath.Base(f))
		if err := os.Rename(f, final); err != nil {
			return nil, fmt.Errorf("move %s into place: %w", filepath.Base(f), err)
		}
		m.Outputs = append(m.Outputs, final)
	}
	if err := m.write(dir, tmpDir); err != nil {
		return nil, err
	}
	return m, nil
}

// decidePeriod: the --period, else the latest month with sales; a CRM
// export without sales reports the latest month with CRM activities, else
// the latest month in which an opportunity was created, so that its
// pipeline, activity and coverage parts are written (every sales-based
// metric unavailable).
func (w *Warehouse) decidePeriod(ctx context.Context, asked string) (string, string, error) {
	if asked != "" {
		return asked, "--period", nil
	}
	sources := []struct{ query, source string }{
		{"select strftime(max(invoice_date), '%Y-%m') from staging.stg_sales_lines", "latest month with sales"},
		{"select strftime(max(activity_date), '%Y-%m') from staging.stg_activities where activity_date <= current_date",
			"no sales lines: latest month with CRM activities"},
		{"select strftime(max(created_date), '%Y-%m') from staging.stg_opportunities where created_date <= current_date",
			"no sales lines: latest month an opportunity was created"},
	}
	for _, s := range sources {
		var latest sql.NullString
		if err := w.QueryRow(ctx, s.query).Scan(&latest); err != nil {
			return "", "", err
		}
		if latest.Valid {
			return latest.String, s.source, nil
		}
	}
	return "", "", errors.New("no sales lines are loaded, nor dated CRM activities or opportunities, so there is no period to report; add a sales file (invoice lines) to the input folder, or give --period")
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
// those whose process (its id is in the name) is gone.
func cleanStaleTemp(out, current string) {
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		p := filepath.Join(out, e.Name())
		if !e.IsDir() || !strings.HasPrefix(e.Name(), ".kam-tmp-") || p == current {
			continue
		}
		var pid int
		fmt.Sscanf(strings.TrimPrefix(e.Name(), ".kam-tmp-"), "%d-", &pid)
		if pid > 0 && pid != os.Getpid() && syscall.Kill(pid, 0) == nil {
			continue // still running: another run writing into the same folder
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
