package main

import (
	"bufio"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"kam/pipeline"
)

// kamBinary builds the real command once for the tests that run it as a
// separate process (to kill it, interrupt it, or run two at once).
var kamBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "kam-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "kam")
	cmd := exec.Command("go", "build", "-tags", "duckdb_arrow", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build kam: %v\n%s", err, out)
	}
	return bin, nil
})

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fingerprint digests the warehouse's content: every table of the raw,
// meta and main schemas, rows sorted, load timestamps left out. Two
// warehouses with the same fingerprint hold the same data and results.
// volatileColumns are the columns that say when a row was written; the
// warehouse fingerprint leaves them out.
var volatileColumns = []string{"loaded_at", "built_at"}

func fingerprint(t *testing.T, db string) string {
	t.Helper()
	parts := tableDigests(t, db)
	h := sha256.New()
	for _, k := range sortedKeys(parts) {
		fmt.Fprintf(h, "%s %s\n", k, parts[k])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tableDigests digests each table on its own, to say which ones differ.
func tableDigests(t *testing.T, db string) map[string]string {
	t.Helper()
	conn, err := sql.Open("duckdb", db+"?access_mode=read_only")
	if err != nil {
		t.Fatalf("open %s: %v", db, err)
	}
	defer conn.Close()
	rows, err := conn.Query(`select table_schema, table_name from information_schema.tables
		where table_schema in ('raw', 'meta', 'main') and table_type = 'BASE TABLE' order by 1, 2`)
	if err != nil {
		t.Fatalf("the warehouse %s does not open for reading: %v", db, err)
	}
	var tables []string
	for rows.Next() {
		var s, n string
		rows.Scan(&s, &n)
		tables = append(tables, s+"."+n)
	}
	rows.Close()
	digests := map[string]string{}
	for _, tbl := range tables {
		if tbl == "meta.runs" {
			continue // the log of runs: one more row per run, by design
		}
		// When a row was written differs between two runs of the same
		// inputs by nature: a file's load time, a history month's build time.
		schema, name, _ := strings.Cut(tbl, ".")
		var volatile []string
		for _, c := range volatileColumns {
			var n int
			conn.QueryRow("select count(*) from information_schema.columns where table_schema = ? and table_name = ? and column_name = ?", schema, name, c).Scan(&n)
			if n > 0 {
				volatile = append(volatile, c)
			}
		}
		q := "select * from " + tbl
		if len(volatile) > 0 {
			q = "select * exclude (" + strings.Join(volatile, ", ") + ") from " + tbl
		}
		r, err := conn.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", tbl, err)
		}
		cols, _ := r.Columns()
		var lines []string
		for r.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			r.Scan(ptrs...)
			lines = append(lines, fmt.Sprint(vals...))
		}
		r.Close()
		sort.Strings(lines)
		sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
		digests[tbl] = fmt.Sprintf("%d:%s", len(lines), hex.EncodeToString(sum[:8]))
	}
	return digests
}

// reportFiles maps each file under out/<period>/ to its digest, and checks
// that every one is whole: the workbook opens, the page ends, the manifest
// parses.
func reportFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(p) {
		case ".xlsx":
			f, err := excelize.OpenFile(p)
			if err != nil {
				t.Errorf("%s is not a whole workbook: %v", e.Name(), err)
			} else {
				f.Close()
			}
		case ".html":
			if !strings.Contains(string(b[max(0, len(b)-200):]), "</html>") {
				t.Errorf("%s does not end like a whole page", e.Name())
			}
		case ".json":
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Errorf("%s is not whole JSON: %v", e.Name(), err)
			}
		}
		sum := sha256.Sum256(b)
		out[e.Name()] = hex.EncodeToString(sum[:])
	}
	return out
}

// runState is what a user finds in an output folder: the warehouse's
// content, the id of its last committed run, and the period folder's
// reports with the id of the run that wrote them.
type runState struct {
	print     string            // fingerprint of the warehouse
	lastRun   string            // meta.runs: the last committed run
	folderRun string            // the period folder's manifest.json run_id
	reports   map[string]string // file → digest
}

func readState(t *testing.T, out, period string) runState {
	t.Helper()
	db := filepath.Join(out, "kam.duckdb")
	s := runState{print: fingerprint(t, db), reports: reportFiles(t, filepath.Join(out, period))}
	conn, err := sql.Open("duckdb", db+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.QueryRow("select run_id from meta.runs order by committed_at desc limit 1").Scan(&s.lastRun)
	if b, err := os.ReadFile(filepath.Join(out, period, "manifest.json")); err == nil {
		var m struct {
			RunID string `json:"run_id"`
		}
		json.Unmarshal(b, &m)
		s.folderRun = m.RunID
	}
	return s
}

// TestCrashSafety stops a kam run at every boundary between its stages
// (pipeline.StopPoints: after opening the warehouse, the ingest, staging,
// the history backfill, the models, the data tests, writing the outputs,
// writing the publish journal, the commit, moving the old period folder
// aside, moving the new one in, the end) and there kills it (SIGKILL) or
// interrupts it (Ctrl-C); it also kills two runs in the middle of a stage.
// After each, the warehouse and the period folder are both the previous
// state or both the new one: at once, or — after a kill between the commit
// and the move — once the next kam command has finished the publish from
// its journal and said so. Every report is whole; a Ctrl-C before the commit
// exits 1 saying nothing was kept, after it exits 0 saying the run was
// completed; and the run after a kill gives what an uninterrupted run gives.
func TestCrashSafety(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("heavy (kills kam at every step of a run); make test runs it")
	}
	bin, err := kamBinary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	inA := filepath.Join(dir, "a")
	copyTree(t, "../../pipeline/testdata/fixture/in", inA)
	os.WriteFile(filepath.Join(inA, "kam.yaml"), []byte("reject_limit: 100%\n"), 0o644)
	inB := filepath.Join(dir, "b")
	copyTree(t, inA, inB)
	var extra strings.Builder
	extra.WriteString("invoice_id,line_no,invoice_date,account_id,product_line,quantity,net_amount,cost_amount,kam_id,currency\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&extra, "X%05d,1,2026-%02d-%02d,%s,Alpha,1,%d.00,%d.00,K1,EUR\n", i, 1+i%10, 1+i%28, []string{"A1", "A2", "B1", "S1"}[i%4], 100+i%50, 60+i%30)
	}
	os.WriteFile(filepath.Join(inB, "sales_extra.csv"), []byte(extra.String()), 0o644)
	const period = "2026-10"
	run := func(in, out string) error {
		b, err := exec.Command(bin, "run", "-q", "--input", in, "--out", out, "--period", period).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, b)
		}
		return nil
	}
	// The previous state, and the state an uninterrupted run makes from it.
	prev := filepath.Join(dir, "prev")
	if err := run(inA, prev); err != nil {
		t.Fatal(err)
	}
	old := readState(t, prev, period)
	ref := filepath.Join(dir, "ref")
	copyTree(t, prev, ref)
	if err := run(inB, ref); err != nil {
		t.Fatal(err)
	}
	neu := readState(t, ref, period)
	if neu.print == old.print || old.lastRun == "" || old.folderRun != old.lastRun || neu.folderRun != neu.lastRun {
		t.Fatalf("the reference runs do not set up the test: previous %+v, new %+v", old, neu)
	}

	type crash struct {
		name   string
		env    string         // KAM_TEST_STOP_AT
		after  string         // or: a line of -v output to kill after
		signal syscall.Signal // SIGKILL or SIGINT
	}
	var crashes []crash
	for _, p := range pipeline.StopPoints {
		crashes = append(crashes, crash{"kill-at-" + p, p, "kam: stopped at " + p, syscall.SIGKILL})
		crashes = append(crashes, crash{"ctrl-c-at-" + p, p, "kam: stopped at " + p, syscall.SIGINT})
	}
	crashes = append(crashes,
		crash{"kill-in-models", "", "kam: model account_profitability", syscall.SIGKILL},
		crash{"kill-in-workbook", "", "kam: Excel workbook", syscall.SIGKILL})
	committed := map[string]bool{"committed": true, "moved-aside": true, "published": true, "done": true}

	sem := make(chan struct{}, 2) // the machine is shared: two runs at a time
	for i, c := range crashes {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			sem <- struct{}{}
			defer func() { <-sem }()
			out := filepath.Join(dir, fmt.Sprintf("crash%02d", i))
			copyTree(t, prev, out)
			cmd := exec.Command(bin, "run", "-v", "--input", inB, "--out", out, "--period", period)
			cmd.Env = append(os.Environ(), "KAM_TEST_STOP_AT="+c.env)
			stderr, _ := cmd.StderrPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			sent := false
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				text.WriteString(sc.Text() + "\n")
				if !sent && strings.HasPrefix(sc.Text(), c.after) {
					cmd.Process.Signal(c.signal)
					sent = true
				}
			}
			err := cmd.Wait()
			if !sent {
				t.Fatalf("the run never printed %q:\n%s", c.after, text.String())
			}
			code := cmd.ProcessState.ExitCode()
			if c.signal == syscall.SIGINT {
				switch {
				case committed[c.env]:
					if code != 0 || !strings.Contains(text.String(), "interrupted after the warehouse commit, so the run was completed") {
						t.Errorf("Ctrl-C after the commit: exit %d (want 0, completed), stderr:\n%s", code, text.String())
					}
				case code != exitFail || !strings.Contains(text.String(), "kam: interrupted; nothing half-written was kept"):
					t.Errorf("Ctrl-C before the commit: exit %d (want %d, interrupted), stderr:\n%s", code, exitFail, text.String())
				}
				if strings.Contains(text.String(), "goroutine ") {
					t.Errorf("a stack trace:\n%s", text.String())
				}
			} else if err == nil {
				t.Fatalf("the run finished before the kill:\n%s", text.String())
			}

			// What the user finds: both old or both new, or a journal that
			// the next kam command resolves (and says how).
			s := readState(t, out, period)
			journal := filepath.Join(out, "kam.duckdb.journal")
			if s.lastRun != s.folderRun {
				if _, err := os.Stat(journal); err != nil {
					t.Fatalf("the warehouse (run %s) and the period folder (run %s) differ, and there is no journal to finish the publish", s.lastRun, s.folderRun)
				}
				code, msg := runKam(t, "check", "--db", filepath.Join(out, "kam.duckdb"))
				if code != 0 || !strings.Contains(msg, "its outputs were moved into place now") {
					t.Errorf("the next kam command (check) after the kill: exit %d, stderr:\n%s", code, msg)
				}
				s = readState(t, out, period)
			}
			if _, err := os.Stat(journal); err == nil && !committed[c.env] {
				// A journal of a run stopped before its commit is harmless
				// (the next command drops it); it must not be mistaken.
				if code, msg := runKam(t, "check", "--db", filepath.Join(out, "kam.duckdb")); code != 0 || !strings.Contains(msg, "before its warehouse commit") {
					t.Errorf("the next kam command after a kill before the commit: exit %d, stderr:\n%s", code, msg)
				}
			}
			switch {
			case s.lastRun != s.folderRun:
				t.Errorf("the warehouse holds run %s, the period folder run %s", s.lastRun, s.folderRun)
			case s.print == old.print:
				if fmt.Sprint(s.reports) != fmt.Sprint(old.reports) {
					t.Errorf("the warehouse is the previous one, the reports are not: %v, want %v", s.reports, old.reports)
				}
				if committed[c.env] {
					t.Errorf("stopped after the commit, yet the warehouse is the previous one")
				}
			case s.print == neu.print:
				if fmt.Sprint(sortedKeys(s.reports)) != fmt.Sprint(sortedKeys(neu.reports)) {
					t.Errorf("the warehouse is the new one, the period folder holds %v, want %v", sortedKeys(s.reports), sortedKeys(neu.reports))
				}
				if !committed[c.env] && c.env != "" {
					t.Errorf("stopped before the commit, yet the warehouse is the new one")
				}
			default:
				got, want := tableDigests(t, filepath.Join(out, "kam.duckdb")), tableDigests(t, filepath.Join(ref, "kam.duckdb"))
				var diff []string
				for k := range want {
					if got[k] != want[k] {
						diff = append(diff, k)
					}
				}
				sort.Strings(diff)
				t.Fatalf("the warehouse holds neither the previous nor the new state (differs from the new in %v)", diff)
			}
			if c.signal == syscall.SIGINT {
				if left, _ := filepath.Glob(filepath.Join(out, ".kam-tmp-*")); len(left) > 0 {
					t.Errorf("temporary folders left after Ctrl-C: %v", left)
				}
				return
			}
			// The next run recovers and gives the uninterrupted result.
			if err := run(inB, out); err != nil {
				t.Fatalf("the next run fails: %v", err)
			}
			if got := readState(t, out, period); got.print != neu.print {
				gotT, wantT := tableDigests(t, filepath.Join(out, "kam.duckdb")), tableDigests(t, filepath.Join(ref, "kam.duckdb"))
				var diff []string
				for k := range wantT {
					if gotT[k] != wantT[k] {
						diff = append(diff, k)
					}
				}
				sort.Strings(diff)
				t.Errorf("the next run's warehouse differs from an uninterrupted run's in %v", diff)
			} else if got.lastRun != got.folderRun {
				t.Errorf("after the next run, the warehouse holds run %s and the period folder run %s", got.lastRun, got.folderRun)
			}
			leftovers, _ := filepath.Glob(filepath.Join(out, ".kam-tmp-*"))
			if _, err := os.Stat(journal); err == nil {
				leftovers = append(leftovers, journal)
			}
			if len(leftovers) > 0 {
				t.Errorf("the next run left %v", leftovers)
			}
		})
	}
}
