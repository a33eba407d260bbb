package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// fixtureInput copies the hand-computed model fixture into a new input
// folder and returns it.
func fixtureInput(t *testing.T, dir string) string {
	t.Helper()
	in := filepath.Join(dir, "in")
	copyTree(t, "../../pipeline/testdata/fixture/in", in)
	return in
}

// runKam runs the built command and returns its exit code and stderr.
func runKam(t *testing.T, args ...string) (int, string) {
	t.Helper()
	bin, err := kamBinary()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stderr = &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, stderr.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), stderr.String()
	default:
		t.Fatalf("kam %v: %v", args, err)
		return -1, ""
	}
}

// TestInterrupt: Ctrl-C (SIGINT) in the middle of a run stops it with exit 1
// and a message, and leaves the warehouse and the reports as they were.
func TestInterrupt(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("heavy (interrupts whole runs at several points); make test runs it")
	}
	bin, err := kamBinary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := fixtureInput(t, dir)
	out := filepath.Join(dir, "out")
	if code, msg := runKam(t, "run", "-q", "--input", in, "--out", out, "--period", "2026-09"); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, msg)
	}
	before := fingerprint(t, filepath.Join(out, "kam.duckdb"))
	reports := reportFiles(t, filepath.Join(out, "2026-09"))

	for _, at := range []string{"kam: ingest", "kam: model account_profitability", "kam: data tests", "kam: Excel workbook"} {
		cmd := exec.Command(bin, "run", "-v", "--input", in, "--out", out, "--period", "2026-10")
		stderr, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		sent := false
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			text.WriteString(sc.Text() + "\n")
			if !sent && strings.HasPrefix(sc.Text(), at) {
				cmd.Process.Signal(os.Interrupt)
				sent = true
			}
		}
		err := cmd.Wait()
		if !sent {
			t.Fatalf("the run never printed %q:\n%s", at, text.String())
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitFail {
			t.Fatalf("interrupted at %q: %v, want exit %d\n%s", at, err, exitFail, text.String())
		}
		if !strings.Contains(text.String(), "kam: interrupted") {
			t.Errorf("interrupted at %q: stderr does not say so:\n%s", at, text.String())
		}
		if strings.Contains(text.String(), "goroutine ") || strings.Contains(text.String(), "panic") {
			t.Errorf("interrupted at %q: a stack trace:\n%s", at, text.String())
		}
		if got := fingerprint(t, filepath.Join(out, "kam.duckdb")); got != before {
			t.Errorf("interrupted at %q: the warehouse changed", at)
		}
		if got := reportFiles(t, filepath.Join(out, "2026-09")); fmt.Sprint(got) != fmt.Sprint(reports) {
			t.Errorf("interrupted at %q: the previous reports changed", at)
		}
		if _, err := os.Stat(filepath.Join(out, "2026-10", "portfolio-2026-10.xlsx")); err == nil {
			t.Errorf("interrupted at %q: a report of the interrupted run was published", at)
		}
		if left, _ := filepath.Glob(filepath.Join(out, ".kam-tmp-*")); len(left) > 0 {
			t.Errorf("interrupted at %q: temporary folders left: %v", at, left)
		}
	}
}

// TestConcurrentRuns starts two runs against the same warehouse and output
// folder at once: each either finishes or stops with "warehouse in use",
// and what is left equals one uninterrupted run.
func TestConcurrentRuns(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("heavy (runs kam several times at once); make test runs it")
	}
	dir := t.TempDir()
	in := fixtureInput(t, dir)
	ref := filepath.Join(dir, "ref")
	if code, msg := runKam(t, "run", "-q", "--input", in, "--out", ref, "--period", "2026-10"); code != 0 {
		t.Fatalf("reference run: exit %d: %s", code, msg)
	}
	want := fingerprint(t, filepath.Join(ref, "kam.duckdb"))

	for round := 0; round < 3; round++ {
		out := filepath.Join(dir, fmt.Sprintf("out%d", round))
		var wg sync.WaitGroup
		codes, msgs := make([]int, 2), make([]string, 2)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], msgs[i] = runKam(t, "run", "-q", "--input", in, "--out", out, "--period", "2026-10")
			}()
		}
		wg.Wait()
		ok := 0
		for i := range 2 {
			switch {
			case codes[i] == 0:
				ok++
			case codes[i] == exitFail && strings.Contains(msgs[i], "warehouse in use") && strings.Contains(msgs[i], "wait for it to finish"):
			default:
				t.Errorf("round %d run %d: exit %d: %s", round, i, codes[i], msgs[i])
			}
		}
		if ok == 0 {
			t.Fatalf("round %d: neither run finished: %q", round, msgs)
		}
		if got := fingerprint(t, filepath.Join(out, "kam.duckdb")); got != want {
			t.Errorf("round %d: the warehouse differs from one uninterrupted run's", round)
		}
		reportFiles(t, filepath.Join(out, "2026-10"))
		if left, _ := filepath.Glob(filepath.Join(out, ".kam-tmp-*")); len(left) > 0 {
			t.Errorf("round %d: temporary folders left: %v", round, left)
		}
		t.Logf("round %d: exits %v", round, codes)
	}
}

// Hostile names from outside: each must stay inert text everywhere.
var injected = []string{
	`=HYPERLINK("http://evil.example/x","clic")`,
	`+cmd|' /C calc'!A0`,
	`@SUM(1)`,
	`-2+3`,
	`<script>alert(1)</script>`,
	`</script><img src=x onerror=alert(2)>`,
	`'; drop table sales; --`,
}

// TestInjection feeds formula-, script- and SQL-looking account, product and
// KAM names (and headers with quotes) through a whole run and checks that
// they come out as the same plain text in the warehouse, the workbook, the
// HTML page and rejects.csv.
func TestInjection(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := fixtureInput(t, dir)
	edit := func(name string, f func(recs [][]string) [][]string) {
		p := filepath.Join(in, name)
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(fh).ReadAll()
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.WriteAll(f(recs))
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	col := func(recs [][]string, name string) int {
		for i, h := range recs[0] {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s in %v", name, recs[0])
		return -1
	}
	// Every account and KAM gets a hostile name; the portfolio units
	// (groups and the stand-alone account) and the KAMs are what the
	// reports show.
	names := map[string]string{"G1": injected[1], "G2": injected[2], "S1": injected[5],
		"A1": injected[3], "A2": injected[6], "B1": injected[0],
		"D1": injected[4], "K1": injected[3], "K2": injected[0]}
	accountName := map[string]string{}
	edit("accounts.csv", func(r [][]string) [][]string {
		id, name := col(r, "account_id"), col(r, "account_name")
		for i := 1; i < len(r); i++ {
			r[i][name] = names[r[i][id]]
			accountName[r[i][id]] = r[i][name]
		}
		return r
	})
	edit("kams.csv", func(r [][]string) [][]string {
		id, name := col(r, "kam_id"), col(r, "kam_name")
		for i := 1; i < len(r); i++ {
			r[i][name] = names[r[i][id]]
		}
		return r
	})
	// Product lines, two extra columns whose headers hold quotes and SQL,
	// and one rejected line whose raw value is a formula.
	edit("sales.csv", func(r [][]string) [][]string {
		prod, amount := col(r, "product_line"), col(r, "net_amount")
		r[0] = append(r[0], `weird"header`, `'; drop table raw.sales; --`)
		for i := 1; i < len(r); i++ {
			if r[i][prod] == "Alpha" {
				r[i][prod] = injected[0]
			} else {
				r[i][prod] = injected[4]
			}
			r[i] = append(r[i], `x"y`, injected[6])
		}
		bad := append([]string(nil), r[1]...)
		bad[0] = "F-BAD"
		bad[amount] = `=1+2`
		return append(r, bad)
	})
	os.WriteFile(filepath.Join(in, "kam.yaml"), []byte("reject_limit: 100%\n"), 0o644)
	out := filepath.Join(dir, "out")
	if code, msg := runKam(t, "run", "-q", "--input", in, "--out", out, "--period", "2026-10"); code != 0 {
		t.Fatalf("run: exit %d: %s", code, msg)
	}

	// The warehouse holds the names verbatim and lost no table.
	conn, err := sql.Open("duckdb", filepath.Join(out, "kam.duckdb")+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for id, name := range accountName {
		var got string
		if err := conn.QueryRow("select account_name from raw.accounts where account_id = ? and reject is null", id).Scan(&got); err != nil {
			t.Fatalf("account %s: %v", id, err)
		}
		if got != name {
			t.Errorf("account %s: the warehouse holds %q, want %q", id, got, name)
		}
	}
	var n int
	if err := conn.QueryRow("select count(*) from raw.sales").Scan(&n); err != nil || n == 0 {
		t.Fatalf("raw.sales after a run with SQL in its headers: %d rows, %v", n, err)
	}
	var profitNames int
	conn.QueryRow("select count(*) from account_profitability where account_name in (?, ?, ?, ?, ?, ?, ?)",
		injected[0], injected[1], injected[2], injected[3], injected[4], injected[5], injected[6]).Scan(&profitNames)
	if profitNames == 0 {
		t.Error("no account_profitability row carries a hostile name; the test would prove nothing")
	}

	// The workbook: every cell holding a hostile name is a string, never a formula.
	f, err := excelize.OpenFile(filepath.Join(out, "2026-10", "portfolio-2026-10.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]int{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				for _, bad := range injected {
					if v != bad {
						continue
					}
					seen[bad]++
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
						t.Errorf("%s!%s: %q became the formula %q", sheet, cell, v, fm)
					}
					if ct, _ := f.GetCellType(sheet, cell); ct != excelize.CellTypeSharedString && ct != excelize.CellTypeInlineString {
						t.Errorf("%s!%s: %q is a cell of type %v, want a string", sheet, cell, v, ct)
					}
				}
			}
		}
	}
	for _, bad := range injected[:6] {
		if seen[bad] == 0 {
			t.Errorf("the workbook never shows %q; the test would prove nothing", bad)
		}
	}

	// The HTML page: the names are there as escaped data, never as markup.
	page, err := os.ReadFile(filepath.Join(out, "2026-10", "portfolio-2026-10.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"<script>alert(1)", "<img src=x onerror", "alert(2)>"} {
		if bytes.Contains(page, []byte(raw)) {
			t.Errorf("the page holds %q unescaped", raw)
		}
	}
	if !bytes.Contains(page, []byte("alert(1)")) {
		t.Error("the page never shows the script-looking name; the test would prove nothing")
	}

	// rejects.csv: the formula-looking raw value is defused.
	rej, err := os.ReadFile(filepath.Join(out, "2026-10", "rejects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(rej)).ReadAll()
	if err != nil {
		t.Fatalf("rejects.csv: %v", err)
	}
	found := false
	for _, rec := range recs[1:] {
		for _, v := range rec {
			if strings.Contains(v, "1+2") {
				found = true
				if v != "'=1+2" {
					t.Errorf("rejects.csv holds %q, want the CSV-injection prefix: '=1+2", v)
				}
			}
			if len(v) > 0 && strings.ContainsRune("=+@", rune(v[0])) {
				t.Errorf("rejects.csv has a cell starting with %q: %q", v[:1], v)
			}
		}
	}
	if !found {
		t.Errorf("rejects.csv does not list the rejected formula value:\n%s", rej)
	}
}

// TestDiskFull writes the reports into a small tmpfs that is full: the run
// fails with a clear message, the warehouse is as before, the previous
// reports are whole and unchanged, and once there is space the run works.
func TestDiskFull(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("heavy (runs kam three times against a full disk); make test runs it")
	}
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root (CI runs as root)")
	}
	dir := t.TempDir()
	in := fixtureInput(t, dir)
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	if b, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", out).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, b)
	}
	defer exec.Command("umount", "-l", out).Run()
	db := filepath.Join(dir, "kam.duckdb") // the warehouse lives on the big disk
	args := []string{"run", "-q", "--input", in, "--out", out, "--db", db, "--period", "2026-10"}
	if code, msg := runKam(t, args...); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, msg)
	}
	before := fingerprint(t, db)
	reports := reportFiles(t, filepath.Join(out, "2026-10"))

	// Fill the disk, leaving a few kilobytes.
	filler := filepath.Join(out, "filler")
	fh, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 64<<10)
	for {
		if _, err := fh.Write(chunk); err != nil {
			break
		}
	}
	fh.Close()
	var st syscall.Statfs_t
	syscall.Statfs(out, &st)
	t.Logf("free after filling: %d bytes", st.Bavail*uint64(st.Bsize))

	// A different input, so the run has something new to publish.
	os.WriteFile(filepath.Join(in, "kam.yaml"), []byte("language: es\n"), 0o644)
	code, msg := runKam(t, args...)
	if code != exitFail {
		t.Fatalf("run on a full disk: exit %d, want %d: %s", code, exitFail, msg)
	}
	for _, want := range []string{"disk", "full", out, "free some space"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message does not say %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "goroutine ") {
		t.Errorf("a stack trace: %s", msg)
	}
	if got := fingerprint(t, db); got != before {
		t.Error("the warehouse changed although the run failed")
	}
	if got := reportFiles(t, filepath.Join(out, "2026-10")); fmt.Sprint(got) != fmt.Sprint(reports) {
		t.Errorf("the previous reports changed: %v, want %v", got, reports)
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".kam-tmp-*")); len(left) > 0 {
		t.Errorf("temporary folders left on the full disk: %v", left)
	}

	os.Remove(filler)
	time.Sleep(10 * time.Millisecond)
	if code, msg := runKam(t, args...); code != 0 {
		t.Fatalf("run after freeing space: exit %d: %s", code, msg)
	}
	if got := reportFiles(t, filepath.Join(out, "2026-10")); fmt.Sprint(got) == fmt.Sprint(reports) {
		t.Error("the run after freeing space published nothing new")
	}
}

// TestMemoryLimit: a run whose sales files are larger than DuckDB's
// memory_limit completes by spilling to the temp directory, with every line
// accounted for; a limit too small to work fails with one clear message
// saying which setting to raise, and changes nothing. 1.5 M lines (179 MB of
// text) within 160 MB: since the restructuring of issue 15 (shared SQL
// macros, one-row input flags, the split run) the models no longer fit
// 128 MB with 1.2 M lines (they ran out at the marts; the cause is not yet
// found), so the files grow with the limit to stay larger than it.
func TestMemoryLimit(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("heavy (builds and loads 1.5 M sales lines); make test runs it")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if code, msg := runKam(t, "sample", "--out", in, "--lines", "1500000", "--locale", "en"); code != 0 {
		t.Fatalf("sample: exit %d: %s", code, msg)
	}
	var salesBytes int64 // as text, the .csv.gz expanded
	filepath.Walk(in, func(p string, info os.FileInfo, err error) error {
		switch {
		case err != nil || !strings.HasPrefix(info.Name(), "sales"):
		case strings.HasSuffix(info.Name(), ".csv"):
			salesBytes += info.Size()
		case strings.HasSuffix(info.Name(), ".csv.gz"):
			fh, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			zr, err := gzip.NewReader(fh)
			if err != nil {
				t.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, zr)
			salesBytes += n
		}
		return nil
	})
	const limit = 160 << 20
	if salesBytes <= limit {
		t.Fatalf("the plain sales files hold %d MB, not more than the %d MB limit; the test would prove nothing", salesBytes>>20, limit>>20)
	}
	spill := filepath.Join(dir, "spill")
	cfg := filepath.Join(dir, "kam.yaml")
	base, _ := os.ReadFile(filepath.Join(in, "kam.yaml"))
	os.WriteFile(cfg, append(base, fmt.Sprintf("duckdb:\n  memory_limit: %dMB\n  threads: 1\n  temp_directory: %s\n", limit>>20, spill)...), 0o644)
	out := filepath.Join(dir, "out")
	if code, msg := runKam(t, "run", "-q", "--input", in, "--out", out, "--config", cfg); code != 0 {
		t.Fatalf("run within %d MB: exit %d: %s", limit>>20, code, msg)
	}
	conn, err := sql.Open("duckdb", filepath.Join(out, "kam.duckdb")+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	var read, accounted int64
	err = conn.QueryRow(`select sum(rows_read), sum(rows_loaded + rows_rejected + rows_duplicate)
		from staging.stg_file_accounting where kind = 'sales'`).Scan(&read, &accounted)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	if read < 1_500_000 || read != accounted {
		t.Errorf("sales rows read %d, accounted for %d; want every one of at least 1,500,000", read, accounted)
	}
	t.Logf("%d MB of sales files within a %d MB memory_limit: %d rows", salesBytes>>20, limit>>20, read)

	// A limit DuckDB cannot work within.
	before := fingerprint(t, filepath.Join(out, "kam.duckdb"))
	os.WriteFile(cfg, append(base, "duckdb:\n  memory_limit: 40MB\n"...), 0o644)
	code, msg := runKam(t, "run", "-q", "--input", in, "--out", out, "--config", cfg, "--period", "2026-09")
	if code != exitFail {
		t.Fatalf("run within 40 MB: exit %d, want %d: %s", code, exitFail, msg)
	}
	for _, want := range []string{"ran out of memory", "memory_limit 40MB", "raise memory_limit", "as before"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message does not say %q: %s", want, msg)
		}
	}
	if n := strings.Count(msg, "\n"); n > 2 || strings.Contains(msg, "TransactionContext") {
		t.Errorf("the message should be one clear error, not one per file:\n%s", msg)
	}
	if fingerprint(t, filepath.Join(out, "kam.duckdb")) != before {
		t.Error("the failed run changed the warehouse")
	}
}

// TestManySmallFiles: a folder of many small exports (300 daily files of 20
// lines, as a shop or a till exports each day) loads within a memory_limit
// far below what a run of 6,000 lines needs. Each file's rows were once
// stored in pieces that held about 1 MB each to the end of the run: this
// folder needed over 300 MB and failed at 120 MB.
func TestManySmallFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for f := 0; f < 300; f++ {
		var b strings.Builder
		b.WriteString("Factura;Fecha;Cliente;Producto;Cantidad;Importe\n")
		for l := 0; l < 20; l++ {
			n++
			fmt.Fprintf(&b, "F%d;%s;C%03d;P%d;%d;%d,%02d\n", n, day.Format("02/01/2006"), n%97, n%13, 1+n%5, 10+n%900, n%100)
		}
		if err := os.WriteFile(filepath.Join(in, "ventas_"+day.Format("20060102")+".csv"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		day = day.AddDate(0, 0, 1)
	}
	cfg := filepath.Join(dir, "kam.yaml")
	if err := os.WriteFile(cfg, []byte("duckdb:\n  memory_limit: 120MB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if code, msg := runKam(t, "ingest", "-q", "--input", in, "--out", out, "--config", cfg); code != 0 {
		t.Fatalf("300 small files within 120 MB: exit %d: %s", code, msg)
	}
	conn, err := sql.Open("duckdb", filepath.Join(out, "kam.duckdb")+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var files, read, loaded int64
	if err := conn.QueryRow(`select count(*), sum(rows_read), sum(rows_loaded) from staging.stg_file_accounting where kind = 'sales'`).Scan(&files, &read, &loaded); err != nil {
		t.Fatal(err)
	}
	if files != 300 || read != 6000 || loaded != 6000 {
		t.Errorf("%d files, %d rows read, %d loaded; want 300 files and 6,000 rows loaded", files, read, loaded)
	}
}
