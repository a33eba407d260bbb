package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"time"

	"kam/pipeline/ingest"
	"kam/pipeline/warehouse"
)

// Manifest is manifest.json: what a run read, decided and wrote.
type Manifest struct {
	Tool         string             `json:"tool"`
	RunID        string             `json:"run_id,omitempty"` // as in the warehouse's meta.runs
	Version      string             `json:"version"`
	Command      string             `json:"command"`
	StartedAt    time.Time          `json:"started_at"`
	Input        string             `json:"input,omitempty"`
	Warehouse    string             `json:"warehouse"`
	Period       string             `json:"period,omitempty"`
	PeriodSource string             `json:"period_source,omitempty"`
	Language     string             `json:"language"`
	Config       ManifestConfig     `json:"configuration"`
	Files        []FileAccounting   `json:"files"`
	Kept         []FileAccounting   `json:"files_kept_from_earlier_runs,omitempty"`
	Skipped      []ingest.Skipped   `json:"skipped"`
	Conflicts    []Conflict         `json:"conflicting_duplicates,omitempty"` // the first ones; all are in staging.stg_duplicates
	Totals       Totals             `json:"totals"`
	Stages       []StageTime        `json:"stages"`
	Outputs      []string           `json:"outputs"`
	DataTests    []DataTest         `json:"data_tests,omitempty"`
	NotBuilt     []string           `json:"not_built_yet,omitempty"`
	Backfilled   []string           `json:"history_backfilled,omitempty"` // months before the period computed by this run
	History      []SnapshotDecision `json:"history_snapshots,omitempty"`  // the twelve months before the period, reused, built, rebuilt or left, and the report month
	Recovered    string             `json:"recovered,omitempty"`          // an interrupted earlier run completed or undone first
	// Incremental says what the kept sales lines and monthly fact restaged
	// and why (see warehouse.Restage).
	Incremental *warehouse.Restage `json:"incremental,omitempty"`
	// Unattributed is the revenue of the last twelve months to the period
	// that is in the company's totals but in no account's figures (sales
	// lines whose account is blank or unknown); nil when there is none.
	Unattributed *Unattributed `json:"unattributed_revenue,omitempty"`
	// PartialMonth is the report month when its sales stop well before
	// its end (an export taken mid-month; see int_input_spans); nil when
	// the month is complete.
	PartialMonth *PartialMonth `json:"partial_month,omitempty"`

	loaded []ingest.LoadedFile
}

// PartialMonth says how far the report month's sales run, and which month
// is the last complete one.
type PartialMonth struct {
	Month         string `json:"month"`         // YYYY-MM, the report month
	LastSale      string `json:"last_sale"`     // YYYY-MM-DD
	LastCompleted string `json:"last_complete"` // YYYY-MM, the month before
}

// Unattributed is revenue_reconciliation's last twelve months, when some of
// its revenue is attributed to no account.
type Unattributed struct {
	Lines   int64  `json:"lines"`
	Revenue string `json:"revenue"` // exact decimal, in the reporting currency
	Loaded  string `json:"loaded_revenue"`
	// Shared are the first few customers the unattributed lines write
	// that are the name or the tax id of several accounts ("B99887766 →
	// C003, C004"): kam cannot tell which one is meant, so none is taken.
	Shared      []string `json:"references_of_several_accounts,omitempty"`
	SharedCount int64    `json:"references_of_several_accounts_count,omitempty"`
}

// ManifestConfig is the configuration in force.
type ManifestConfig struct {
	Source   string `json:"source"`
	Currency string `json:"currency"`
	// CurrencySource says where the reporting currency came from:
	// "configured", "default", or "data" (the one currency the data carries).
	CurrencySource  string             `json:"currency_source"`
	FiscalYearStart int                `json:"fiscal_year_start"`
	DateOrder       string             `json:"date_order"`
	NumberLocale    string             `json:"number_locale"`
	RejectLimit     float64            `json:"reject_limit"`
	PortfolioLevel  string             `json:"portfolio_level"`
	MissingValues   []string           `json:"missing_values"`
	FollowSymlinks  bool               `json:"follow_symlinks"`
	HistoryAhead    bool               `json:"history_ahead"`
	Params          map[string]float64 `json:"params"`
	DuckDB          DuckDBSettings     `json:"duckdb"`
}

// Totals sums the accounting of the files of this run.
type Totals struct {
	RowsRead      int64 `json:"rows_read"`
	RowsLoaded    int64 `json:"rows_loaded"`
	RowsRejected  int64 `json:"rows_rejected"`
	RowsDuplicate int64 `json:"rows_duplicate"`
	// RowsConflicting: duplicates whose values differ from the row kept.
	RowsConflicting int64 `json:"rows_conflicting"`
}

// StageTime is how long a stage took.
type StageTime struct {
	Name    string  `json:"name"`
	Seconds float64 `json:"seconds"`
}

// SnapshotDecision says whether a month's history snapshot was reused or
// built by this run, and why: Action is reused, built (none was kept),
// rebuilt (its inputs changed, Reason names them) or left (kept from other
// inputs, but not compared with by this report: rebuilt when a report
// compares with it); Fingerprint is the sha256 of the inputs it stands for
// (as in meta.snapshots; for a month left, those it was kept from).
type SnapshotDecision struct {
	Period      string `json:"period"`
	Action      string `json:"action"`
	Reason      string `json:"reason"`
	Fingerprint string `json:"inputs_sha256"`
}

// DataTest is the result of one data test.
type DataTest struct {
	Name      string `json:"name"`
	Passed    bool   `json:"passed"`
	Offending int64  `json:"offending_rows"`
}

func newManifest(o RunOptions) *Manifest {
	params := map[string]float64{}
	for _, p := range DefaultParams {
		if v := o.Config.Param(p.Key); v == v { // not NaN
			params[p.Key] = v
		}
	}
	c := o.Config
	source := "default"
	if c.CurrencySet {
		source = "configured"
	}
	return &Manifest{
		Tool: "kam", Version: o.Version, Command: o.Command, StartedAt: time.Now().UTC().Truncate(time.Second),
		Input: o.Input, Warehouse: o.DB, Language: c.Language,
		Config: ManifestConfig{Source: c.Source, Currency: c.Currency, CurrencySource: source, FiscalYearStart: c.FiscalYearStart,
			DateOrder: c.DateOrder, NumberLocale: c.NumberLocale, RejectLimit: c.RejectLimit,
			PortfolioLevel: c.PortfolioLevel, MissingValues: c.MissingValues, FollowSymlinks: c.FollowSymlinks, HistoryAhead: c.HistoryAhead, Params: params, DuckDB: c.DuckDB},
		Files: []FileAccounting{}, Skipped: []ingest.Skipped{}, Outputs: []string{},
	}
}

// stage starts timing a stage; the returned func ends it.
func (m *Manifest) stage(p Progress, name string) func() {
	p.Stage(name)
	start := time.Now()
	return func() {
		d := time.Since(start)
		m.Stages = append(m.Stages, StageTime{Name: name, Seconds: d.Seconds()})
		p.StageDone(name, d)
	}
}

// AddStage records a stage timed by the caller (the report writers).
func (m *Manifest) AddStage(name string, d time.Duration) {
	m.Stages = append(m.Stages, StageTime{Name: name, Seconds: d.Seconds()})
}

// setFiles splits the warehouse's accounting into the files of this run
// and those kept from earlier runs.
func (m *Manifest) setFiles(acc []FileAccounting) {
	action := map[string]string{}
	notes := map[string][]string{}
	for _, l := range m.loaded {
		action[l.Path] = l.Action
		notes[l.Path] = l.Notes
	}
	m.Files, m.Kept, m.Totals = []FileAccounting{}, nil, Totals{}
	for _, f := range acc {
		a, inRun := action[f.Path]
		if !inRun && m.Command != "report" {
			m.Kept = append(m.Kept, f)
			continue
		}
		f.Action = a
		m.Files = append(m.Files, f)
		m.Totals.RowsRead += f.RowsRead
		m.Totals.RowsLoaded += f.RowsLoaded
		m.Totals.RowsRejected += f.RowsRejected
		m.Totals.RowsDuplicate += f.RowsDuplicate
		m.Totals.RowsConflicting += f.RowsConflicting
	}
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Path < m.Files[j].Path })
}

// write puts manifest.json into dir through a temporary name.
func (m *Manifest) write(dir, tmpDir string) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(tmpDir, "manifest.json")
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, "manifest.json"))
}
