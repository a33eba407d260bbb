// Package warehouse is the DuckDB file and what happens in it after the
// ingest: the SQL models of queries/ and their parameters, the data tests,
// the row accounting and the reject limit, the history of each period, and
// the publish that commits the warehouse and moves the outputs in together.
package warehouse

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"kam/pipeline/config"
)

// Warehouse is the embedded DuckDB file. A run holds one connection and one
// transaction from the first load to the last model, so that a failed or
// interrupted run leaves the file exactly as it was.
type Warehouse struct {
	Path string
	db   *sql.DB
	conn *sql.Conn
	// qmu lets one statement at a time run on conn, and no Arrow fetch
	// while one runs: the report writers work at once and share the
	// connection. database/sql serializes its own calls on it; duckdb-go's
	// Arrow readers fetch outside them, so their fetches take qmu too.
	qmu sync.Mutex
	tx  bool
	// tempViews point at temp models; replaced before a commit.
	tempViews []tempView
	// restage is what the incremental models refreshed (see incremental.go).
	restage *Restage
	// rowRestages are what the other incremental models refreshed.
	rowRestages map[string]*RowRestage
	// tempTargets are the targets of tempViews, each once: a temp model
	// built again (for another month of history) keeps its view.
	tempTargets map[string]bool
	// catalog is the type of every table and view of the warehouse while
	// RunModels builds ("schema.name" -> "BASE TABLE" or "VIEW"), read
	// once per call and kept by the builds; nil outside it (see
	// objectType).
	catalog map[string]string
	// Recovered says how an interrupted publish was completed or undone
	// when the warehouse was opened; "" when there was none.
	Recovered string
}

// DefaultMemoryLimit bounds DuckDB when the configuration does not: beyond
// it, large runs spill to the temp directory (by default the warehouse's
// name plus .tmp) instead of taking the machine's memory.
const DefaultMemoryLimit = "2GB"

// EngineFailed reports whether DuckDB failed as an engine (out of memory, I/O, an aborted
// transaction, an internal error), not because of one file's content: the
// run's transaction cannot go on, so neither can the run.
func EngineFailed(err error) bool {
	var de *duckdb.Error
	if !errors.As(err, &de) {
		return false
	}
	switch de.Type {
	case duckdb.ErrorTypeOutOfMemory, duckdb.ErrorTypeIO, duckdb.ErrorTypeTransaction, duckdb.ErrorTypeFatal,
		duckdb.ErrorTypeInternal, duckdb.ErrorTypeInterrupt:
		return true
	}
	return false
}

// MemoryError says what to do when DuckDB ran out of memory within its
// limit; other errors pass through.
func MemoryError(err error, s config.DuckDBSettings) error {
	var de *duckdb.Error
	if err == nil || !errors.As(err, &de) || de.Type != duckdb.ErrorTypeOutOfMemory {
		return err
	}
	limit := s.MemoryLimit
	if limit == "" {
		limit = DefaultMemoryLimit + " (the default)"
	}
	spill := s.TempDirectory
	if spill == "" {
		spill = "the warehouse's name plus .tmp"
	}
	first, _, _ := strings.Cut(err.Error(), "\n\n")
	return fmt.Errorf("DuckDB ran out of memory within duckdb.memory_limit %s, although it spills what it can to %s: "+
		"raise memory_limit under duckdb: in kam.yaml (or lower threads), and run again; the warehouse and the reports are as before (%s)", limit, spill, first)
}

// ErrInUse is returned when another process holds the warehouse.
var ErrInUse = errors.New("warehouse in use")

var lockHolderRe = regexp.MustCompile(`\(PID (\d+)\)`)

// OpenWarehouse opens (or creates) the warehouse file and applies the DuckDB
// settings of the configuration.
//
// A warehouse left with a publish journal by a run killed while publishing
// is brought to one state first (see publish.go); Recovered says what was done.
func OpenWarehouse(ctx context.Context, path string, s config.DuckDBSettings) (*Warehouse, error) {
	if err := CheckWarehouseFile(path); err != nil {
		return nil, err
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create the warehouse folder: %w", err)
		}
	}
	init := func(execer driver.ExecerContext) error {
		var stmts []string
		limit := s.MemoryLimit
		if limit == "" {
			limit = DefaultMemoryLimit
		}
		stmts = append(stmts, "set memory_limit = "+QuoteString(limit))
		if s.Threads > 0 {
			stmts = append(stmts, fmt.Sprintf("set threads = %d", s.Threads))
		}
		if s.TempDirectory != "" {
			stmts = append(stmts, "set temp_directory = "+QuoteString(s.TempDirectory))
		}
		for _, q := range stmts {
			if _, err := execer.ExecContext(ctx, q, nil); err != nil {
				return fmt.Errorf("duckdb setting %q: %w", q, err)
			}
		}
		return nil
	}
	connector, err := duckdb.NewConnector(path, init)
	if err != nil {
		return nil, openError(path, err)
	}
	db := sql.OpenDB(connector)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	w := &Warehouse{Path: path, db: db, conn: conn}
	if err := w.exec(ctx, metaSchema); err != nil {
		w.Close()
		return nil, fmt.Errorf("prepare the warehouse %s: %w", path, err)
	}
	if w.Recovered, err = w.finishPending(ctx); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// duckdbMagic is at byte 8 of every DuckDB database file.
var duckdbMagic = []byte("DUCK")

// CheckWarehouseFile refuses a --db that DuckDB would not keep as a
// warehouse: an existing file of another kind (DuckDB would try to attach a
// SQLite file through an extension, or fail deep inside), an in-memory
// database that keeps nothing, a name DuckDB's driver reads as options.
func CheckWarehouseFile(path string) error {
	switch {
	case path == "" || strings.HasPrefix(path, ":memory:"):
		return fmt.Errorf("the warehouse %q would be kept in memory and lost at the end of the run; point --db at a file", path)
	case strings.ContainsRune(path, '?'):
		return fmt.Errorf("the warehouse path %s holds a '?', which DuckDB's driver reads as the start of connection options; choose a path without it", path)
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("the warehouse %s: %w", path, err)
	}
	if st.IsDir() {
		return fmt.Errorf("the warehouse %s is a folder; point --db at a file (kam.duckdb by default)", path)
	}
	head := make([]byte, 16)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("the warehouse %s: %w", path, err)
	}
	n, _ := f.Read(head)
	f.Close()
	head = head[:n]
	if n >= 12 && bytes.Equal(head[8:12], duckdbMagic) {
		return nil
	}
	what := "its first bytes are not a DuckDB database's"
	switch {
	case n == 0:
		what = "it is an empty file"
	case bytes.HasPrefix(head, []byte("SQLite format 3")):
		what = "it is a SQLite database"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		what = "it is a zip archive (an .xlsx workbook is one)"
	case bytes.HasPrefix(head, []byte("PAR1")):
		what = "it is a Parquet file"
	}
	return fmt.Errorf("%s is not a kam warehouse: %s; kam would not write into it. Point --db at a new or DuckDB file, or move it away", path, what)
}

func openError(path string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "Could not set lock") || strings.Contains(msg, "Conflicting lock") {
		holder := ""
		if m := lockHolderRe.FindStringSubmatch(msg); m != nil {
			holder = " (process " + m[1] + ")"
		}
		return fmt.Errorf("%w: %s is open in another kam run or DuckDB client%s; wait for it to finish and run again",
			ErrInUse, path, holder)
	}
	if strings.Contains(msg, "not a valid DuckDB database") || strings.Contains(msg, "Corrupt") {
		return fmt.Errorf("%s is not a kam warehouse (DuckDB could not open it); point --db at another file or move it away: %w", path, err)
	}
	return fmt.Errorf("open the warehouse %s: %w", path, err)
}

// Close rolls back an open transaction and closes the file.
func (w *Warehouse) Close() error {
	if w.tx {
		w.conn.ExecContext(context.Background(), "rollback")
		w.tx = false
	}
	err := w.conn.Close()
	if err2 := w.db.Close(); err == nil {
		err = err2
	}
	return err
}

// Begin starts the run's transaction.
func (w *Warehouse) Begin(ctx context.Context) error {
	if err := w.exec(ctx, "begin transaction"); err != nil {
		return err
	}
	w.tx = true
	return nil
}

// Commit makes the run's changes durable.
func (w *Warehouse) Commit(ctx context.Context) error {
	if !w.tx {
		return nil
	}
	if err := w.persistTempViews(ctx); err != nil {
		return err
	}
	if err := w.exec(ctx, "commit"); err != nil {
		return fmt.Errorf("commit the warehouse: %w", err)
	}
	w.tx = false
	return nil
}

// Rollback discards the run's changes.
func (w *Warehouse) Rollback() error {
	if !w.tx {
		return nil
	}
	w.tx = false
	w.tempViews, w.tempTargets = nil, nil // the views went with the transaction
	_, err := w.conn.ExecContext(context.Background(), "rollback")
	return err
}

// Conn is the run's connection: every query of a run goes through it so that
// it sees the run's uncommitted changes.
func (w *Warehouse) Conn() *sql.Conn { return w.conn }

// Raw gives the driver connection, for duckdb-go's Arrow API.
func (w *Warehouse) Raw(f func(driver.Conn) error) error {
	w.qmu.Lock()
	defer w.qmu.Unlock()
	return w.conn.Raw(func(c any) error { return f(c.(driver.Conn)) })
}

func (w *Warehouse) exec(ctx context.Context, q string, args ...any) error {
	w.qmu.Lock()
	defer w.qmu.Unlock()
	defer traceSQL(time.Now(), q) // the statement's time, not the wait for the connection
	_, err := w.conn.ExecContext(ctx, q, args...)
	return err
}

// traceSQL prints a statement that took 100 ms or more (KAM_TRACE_MS
// milliseconds, if set) when KAM_TRACE is set: a developer's tool for
// finding where a run's SQL time goes.
func traceSQL(start time.Time, q string) {
	if !traceOn {
		return
	}
	if d := time.Since(start); d >= traceMin {
		q = strings.Join(strings.Fields(q), " ")
		if len(q) > 160 {
			q = q[:160] + "…"
		}
		fmt.Fprintf(os.Stderr, "trace sql %8.3fs  %s\n", d.Seconds(), q)
	}
}

var traceOn = os.Getenv("KAM_TRACE") != ""

var traceMin = func() time.Duration {
	if ms, err := strconv.Atoi(os.Getenv("KAM_TRACE_MS")); err == nil && ms >= 0 {
		return time.Duration(ms) * time.Millisecond
	}
	return 100 * time.Millisecond
}()

// Exec runs a statement on the run's connection.
func (w *Warehouse) Exec(ctx context.Context, q string, args ...any) error {
	return w.exec(ctx, q, args...)
}

// QueryRow runs a one-row query on the run's connection.
func (w *Warehouse) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	w.qmu.Lock()
	defer w.qmu.Unlock()
	defer traceSQL(time.Now(), q) // the statement's time, not the wait for the connection
	return w.conn.QueryRowContext(ctx, q, args...)
}

// Query runs a query on the run's connection.
func (w *Warehouse) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	w.qmu.Lock()
	defer w.qmu.Unlock()
	defer traceSQL(time.Now(), q) // the statement's time, not the wait for the connection
	return w.conn.QueryContext(ctx, q, args...)
}

// QuoteString quotes s as a SQL string literal. Only for values that DuckDB
// cannot take as bound parameters (SET, read_csv options, file paths).
func QuoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// QuoteIdent quotes s as an identifier; header names from files always go
// through it.
func QuoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// metaSchema is the bookkeeping of loads: which files were loaded and how
// they were read. The rows, rejected ones included, live in schema raw.
const metaSchema = `
create schema if not exists meta;
create schema if not exists raw;
create table if not exists meta.files (
	file_id        integer primary key,
	path           varchar not null,   -- relative to the input folder, forward slashes
	kind           varchar not null,
	sha256         varchar not null,
	size_bytes     bigint not null,
	mtime          timestamp not null,
	format         varchar not null,   -- csv, csv.gz, xlsx, parquet
	encoding       varchar,
	delimiter      varchar,
	sheet          varchar,
	header_line    integer,
	preset         varchar,
	mapping        varchar,            -- json: canonical column → header
	notes          varchar,            -- json list of decisions (ambiguous dates, footers, …)
	rows_read      bigint not null,
	rows_parse_rejected bigint not null,
	duplicate_of   integer,            -- the same bytes were already loaded from that file
	loaded_at      timestamp not null
);
create sequence if not exists meta.file_ids start 1;
-- Each file's notes of the last run's reading (matches kam guessed, rows
-- naming no account: FileAccounting.note), replaced by every run; the
-- data_quality mart shows them after the file's own notes.
create table if not exists meta.run_notes (
	file_id        integer not null,
	notes          varchar not null    -- json list of notes, as meta.files.notes
);
create table if not exists meta.runs (
	run_id       varchar primary key,  -- also in the run's manifest.json
	command      varchar not null,
	period       varchar,
	started_at   timestamp not null,
	committed_at timestamp not null,
	kam_version  varchar
);
`
