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
	"time"

	"github.com/xuri/excelize/v2"
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
		r, err := conn.Query("select * exclude (loaded_at) from " + tbl)
		if err != nil {
			r, err = conn.Query("select * from " + tbl)
		}
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

// TestCrashSafety kills a kam run with SIGKILL at many points — while it
// ingests, builds models, writes the workbook and the HTML report — and
// checks after each kill that the warehouse opens and holds exactly the
// previous state (or, past the commit, exactly the new one), that every
// report under its final name is whole, and that the next run gives the
// same result as an uninterrupted one.
func TestCrashSafety(t *testing.T) {
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
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&extra, "X%05d,1,2026-%02d-%02d,%s,Alpha,1,%d.00,%d.00,K1,EUR\n", i, 1+i%10, 1+i%28, []string{"A1", "A2", "B1", "S1"}[i%4], 100+i%50, 60+i%30)
	}
	os.WriteFile(filepath.Join(inB, "sales_extra.csv"), []byte(extra.String()), 0o644)

	run := func(in, out string) error {
		cmd := exec.Command(bin, "run", "-q", "--input", in, "--out", out, "--period", "2026-10")
		b, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, b)
		}
		return nil
	}
	// The previous state, and the result of an uninterrupted run from it.
	prev := filepath.Join(dir, "prev")
	if err := run(inA, prev); err != nil {
		t.Fatal(err)
	}
	prevPrint := fingerprint(t, filepath.Join(prev, "kam.duckdb"))
	prevReports := reportFiles(t, filepath.Join(prev, "2026-10"))
	ref := filepath.Join(dir, "ref")
	copyTree(t, prev, ref)
	start := time.Now()
	if err := run(inB, ref); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	refPrint := fingerprint(t, filepath.Join(ref, "kam.duckdb"))
	if refPrint == prevPrint {
		t.Fatal("the second input changes nothing; the test would prove nothing")
	}

	// Kill points: after a line of -v output (each stage), and at fixed
	// fractions of an uninterrupted run.
	type point struct {
		after string
		delay time.Duration
	}
	var points []point
	for _, line := range []string{"kam: [1/", "kam: [5/", "kam: ingest", "kam: model stg_sales_lines_checked",
		"kam: model int_units", "kam: model account_profitability", "kam: model congruence_scorecard",
		"kam: data tests", "kam: Excel workbook", "kam: HTML report"} {
		points = append(points, point{after: line})
	}
	for i := 1; i <= 9; i++ {
		points = append(points, point{delay: took * time.Duration(i) / 10})
	}
	kills, before, after := 0, 0, 0
	for i, p := range points {
		out := filepath.Join(dir, fmt.Sprintf("kill%02d", i))
		copyTree(t, prev, out)
		cmd := exec.Command(bin, "run", "-v", "--input", inB, "--out", out, "--period", "2026-10")
		stderr, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		killed := make(chan bool, 1)
		go func() {
			sc := bufio.NewScanner(stderr)
			done := false
			for sc.Scan() {
				if !done && p.after != "" && strings.HasPrefix(sc.Text(), p.after) {
					cmd.Process.Signal(syscall.SIGKILL)
					done = true
				}
			}
			killed <- done
		}()
		if p.delay > 0 {
			time.Sleep(p.delay)
			if cmd.Process.Signal(syscall.SIGKILL) == nil {
				kills++
			}
		}
		err := cmd.Wait()
		if <-killed {
			kills++
		}
		if err == nil {
			// The run finished before the kill point: nothing to check here.
			continue
		}
		// The warehouse opens and holds the previous or (after the commit)
		// the new state, never a mix.
		got := fingerprint(t, filepath.Join(out, "kam.duckdb"))
		switch got {
		case prevPrint:
			before++
			// Before the commit nothing was published either.
			if files := reportFiles(t, filepath.Join(out, "2026-10")); fmt.Sprint(files) != fmt.Sprint(prevReports) {
				t.Errorf("kill %d (%+v): the reports changed although the warehouse did not", i, p)
			}
		case refPrint:
			after++
			reportFiles(t, filepath.Join(out, "2026-10")) // old or new, but whole
		default:
			t.Errorf("kill %d (%+v): the warehouse holds neither the previous nor the new state", i, p)
		}
		// The next run recovers and gives the uninterrupted result.
		if err := run(inB, out); err != nil {
			t.Fatalf("kill %d (%+v): the next run fails: %v", i, p, err)
		}
		if fingerprint(t, filepath.Join(out, "kam.duckdb")) != refPrint {
			got, want := tableDigests(t, filepath.Join(out, "kam.duckdb")), tableDigests(t, filepath.Join(ref, "kam.duckdb"))
			var diff []string
			for k := range want {
				if got[k] != want[k] {
					diff = append(diff, k)
				}
			}
			sort.Strings(diff)
			t.Errorf("kill %d (%+v): the next run's warehouse differs from an uninterrupted run's in %v", i, p, diff)
		}
		leftovers, _ := filepath.Glob(filepath.Join(out, ".kam-tmp-*"))
		if len(leftovers) > 0 {
			t.Errorf("kill %d: the next run left temporary folders %v", i, leftovers)
		}
	}
	t.Logf("%d kills at %d points: %d before the commit, %d after; all recovered", kills, len(points), before, after)
	if before < 8 {
		t.Errorf("only %d kills landed before the commit; the kill points do not cover the run", before)
	}
}
