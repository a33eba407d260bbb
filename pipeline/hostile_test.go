package pipeline

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"unicode/utf8"
)

const hostileDir = "../testdata/hostile"

// TestHostileCorpus runs every case of testdata/hostile through a whole run
// (see hostileCase for the archive format) and checks its expected outcome:
// no panic; the run fails only when the case says so, with the message it
// gives; the files skipped, the rows rejected (file, line, column, reason)
// and each file's accounting are exactly the listed ones; and every file
// accounts for its rows: rows_read = loaded + rejected + duplicate.
func TestHostileCorpus(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join(hostileDir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in %s: %v", hostileDir, err)
	}
	for _, p := range paths {
		c, err := readHostileCase(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t)
		})
	}
}

func (c *hostileCase) run(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, c.inPath), filepath.Join(dir, c.outPath)
	db := filepath.Join(out, "kam.duckdb")
	if c.dbPath != "" {
		db = filepath.Join(dir, c.dbPath)
	}
	paths := strings.NewReplacer("$IN", in, "$OUT", out, "$DB", db, "$DIR", dir)
	cfg := c.build(t, in, paths)
	kept := map[string][]byte{}
	for _, p := range c.kept {
		b, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatalf("kept: %v", err)
		}
		kept[p] = b
	}
	defer func() {
		for p, b := range kept {
			if now, err := os.ReadFile(filepath.Join(dir, p)); err != nil || !bytes.Equal(now, b) {
				t.Errorf("%s was changed or removed by the run (%v)", p, err)
			}
		}
		for _, p := range c.absent {
			if _, err := os.Lstat(filepath.Join(dir, p)); err == nil {
				t.Errorf("%s is still there after the run", p)
			}
		}
		for _, g := range c.exists {
			if m, _ := filepath.Glob(filepath.Join(dir, g)); len(m) == 0 {
				t.Errorf("nothing matches %s after the run", g)
			}
		}
	}()
	dbBefore, _ := os.ReadFile(db) // nil when there is none
	var m *Manifest
	var err error
	if c.args != nil {
		m, err = c.runCLI(t, dir, in, out, db)
	} else {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic: %v", r)
				}
			}()
			m, err = Run(context.Background(), RunOptions{Command: c.command, Input: in, Out: out, DB: db, Config: cfg})
		}()
	}
	if c.outcome == "fails" {
		if err == nil {
			t.Fatalf("the run succeeded; want it to fail with %q", c.errors)
		}
		for _, e := range c.errors {
			if !strings.Contains(err.Error(), e) {
				t.Errorf("error %q\n does not say %q", err, e)
			}
		}
		if len(c.errors) == 0 {
			t.Errorf("a failing case must list its error: lines; the error is %q", err)
		}
		// Nothing of a failed run is kept: a first run leaves no
		// warehouse behind, any other leaves it as it was.
		after, serr := os.ReadFile(db)
		switch {
		case dbBefore == nil && serr == nil:
			t.Errorf("a failed first run left a warehouse behind (%d bytes)", len(after))
		case dbBefore != nil && !bytes.Equal(after, dbBefore):
			t.Errorf("a failed run changed the file at --db %s", db)
		}
		if m != nil {
			c.checkRows(t, "manifest", manifestRows(m.Files))
		}
		return
	}
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	conn := hostileOpen(t, db)
	defer conn.Close()

	var skipped []hostileMatch
	for _, s := range m.Skipped {
		skipped = append(skipped, hostileMatch{s.Path, s.Reason})
	}
	matchAll(t, "skipped", skipped, c.skipped)

	acc := queryRows(t, conn, "staging.stg_file_accounting")
	c.checkRows(t, "staging.stg_file_accounting", acc)
	if c.command == "run" {
		c.checkRows(t, "main.data_quality", queryRows(t, conn, "main.data_quality"))
	}
	// What raw.<kind> holds for each file is what its accounting says it read.
	for _, r := range rows(t, conn, "select path, kind, rows_read from meta.files where duplicate_of is null") {
		if n := one(t, conn, "select count(*) from raw."+r[1]+" join meta.files using (file_id) where path = ?", r[0]); n != r[2] {
			t.Errorf("%s: raw.%s holds %s rows, rows_read says %s", r[0], r[1], n, r[2])
		}
	}
	// Every output is as readable as the manifest (rejects.csv was once
	// created 0600 while the others were 0644).
	if len(m.Outputs) > 0 {
		dir := filepath.Dir(m.Outputs[len(m.Outputs)-1])
		if !filepath.IsAbs(dir) && c.args != nil {
			dir = filepath.Join(filepath.Dir(out), dir)
		}
		want, err := os.Stat(filepath.Join(dir, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range m.Outputs {
			if !filepath.IsAbs(o) && c.args != nil {
				o = filepath.Join(filepath.Dir(out), o)
			}
			if st, err := os.Stat(o); err != nil {
				t.Errorf("output %s: %v", o, err)
			} else if st.Mode().Perm() != want.Mode().Perm() {
				t.Errorf("%s has mode %v, manifest.json %v", filepath.Base(o), st.Mode().Perm(), want.Mode().Perm())
			}
		}
	}

	c.checkRejects(t, conn)
	for _, n := range c.notes {
		notes := one(t, conn, "select coalesce(notes, '') from meta.files where path = ?", n.path)
		if !strings.Contains(notes, n.text) {
			t.Errorf("notes of %s: %s\n do not say %q", n.path, notes, n.text)
		}
	}
	for _, v := range c.values {
		if got := one(t, conn, v[0]); got != v[1] {
			t.Errorf("%s = %s, want %s", v[0], got, v[1])
		}
	}

	var rejected, nSkipped int64
	for _, r := range acc {
		rejected += r.rejected
	}
	nSkipped = int64(len(m.Skipped))
	switch c.outcome {
	case "loaded":
		if rejected > 0 {
			t.Errorf("outcome loaded, but %d row(s) were rejected", rejected)
		}
	case "rejected":
		if rejected == 0 {
			t.Errorf("outcome rejected, but no row was rejected")
		}
	case "skipped":
		if nSkipped == 0 {
			t.Errorf("outcome skipped, but no file was skipped")
		}
	}
}

// runCLI runs the case's args: with the real kam command, built once, as a
// user would (its configuration read by kam itself, its console output
// checked). It returns the published manifest, or an error holding what
// kam printed when it failed.
func (c *hostileCase) runCLI(t *testing.T, dir, in, out, db string) (*Manifest, error) {
	t.Helper()
	bin, err := hostileKam()
	if err != nil {
		t.Fatal(err)
	}
	args := make([]string, len(c.args))
	paths := strings.NewReplacer("$IN", in, "$OUT", out, "$DB", db, "$DIR", dir)
	for i, a := range c.args {
		args[i] = paths.Replace(a)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if len(c.chmods) > 0 && os.Geteuid() == 0 {
		// Permissions do not stop root: run as nobody, who needs to
		// reach the case's folder and write its outputs.
		hostileForNobody(t, dir)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	for _, ch := range c.chmods {
		mode, _ := strconv.ParseUint(ch[1], 8, 32)
		p := filepath.Join(in, ch[0])
		if err := os.Chmod(p, os.FileMode(mode)); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	runErr := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	text := stdout.String() + stderr.String()
	if runErr != nil && code < 0 {
		t.Fatalf("kam %v: %v", args, runErr)
	}
	if strings.Contains(text, "goroutine ") || strings.Contains(text, "panic:") {
		t.Fatalf("kam %v: a panic or stack trace:\n%s", args, text)
	}
	want := 0
	if c.outcome == "fails" {
		want = 1
	}
	if c.exit >= 0 {
		want = c.exit
	}
	if code != want {
		t.Errorf("kam %v: exit %d, want %d\n%s", args, code, want, text)
	}
	for _, s := range c.stdout {
		if !strings.Contains(stdout.String(), s) {
			t.Errorf("stdout does not say %q:\n%s", s, stdout.String())
		}
	}
	for _, s := range c.stderr {
		if !strings.Contains(stderr.String(), s) {
			t.Errorf("stderr does not say %q:\n%s", s, stderr.String())
		}
	}
	for _, s := range c.notPrinted {
		if strings.Contains(text, s) {
			t.Errorf("the console shows %q:\n%s", s, text)
		}
	}
	if code != 0 {
		return nil, errors.New(text)
	}
	manifests, _ := filepath.Glob(filepath.Join(out, "*", "manifest.json"))
	if len(manifests) == 0 {
		manifests, _ = filepath.Glob(filepath.Join(out, "manifest.json"))
	}
	if len(manifests) != 1 {
		t.Fatalf("want one manifest.json in %s, found %v", out, manifests)
	}
	b, err := os.ReadFile(manifests[0])
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", manifests[0], err)
	}
	return &m, nil
}

// hostileKam builds the kam command once for the cases run through it.
var hostileKam = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "kam-hostile-bin-")
	if err != nil {
		return "", err
	}
	os.Chmod(dir, 0o755)
	bin := filepath.Join(dir, "kam")
	cmd := exec.Command("go", "build", "-tags", "duckdb_arrow", "-o", bin, "../cmd/kam")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build kam: %v\n%s", err, out)
	}
	return bin, nil
})

// hostileForNobody lets the user nobody reach dir (and its parents) and
// write into it.
func hostileForNobody(t *testing.T, dir string) {
	t.Helper()
	for d := filepath.Dir(dir); d != "/" && d != "."; d = filepath.Dir(d) {
		st, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm()&0o001 == 0 {
			os.Chmod(d, st.Mode().Perm()|0o011)
		}
	}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			os.Lchown(p, 65534, 65534)
		}
		return nil
	})
}

func hostileOpen(t *testing.T, db string) *sql.DB {
	t.Helper()
	conn, err := sql.Open("duckdb", db+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

func manifestRows(files []FileAccounting) map[string]hostileRows {
	out := map[string]hostileRows{}
	for _, f := range files {
		out[f.Path] = hostileRows{f.RowsRead, f.RowsLoaded, f.RowsRejected, f.RowsDuplicate, f.RowsConflicting}
	}
	return out
}

func queryRows(t *testing.T, conn *sql.DB, table string) map[string]hostileRows {
	t.Helper()
	out := map[string]hostileRows{}
	r, err := conn.Query("select path, rows_read, rows_loaded, rows_rejected, rows_duplicate, rows_conflicting from " + table)
	if err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	defer r.Close()
	for r.Next() {
		var p string
		var h hostileRows
		if err := r.Scan(&p, &h.read, &h.loaded, &h.rejected, &h.duplicate, &h.conflicting); err != nil {
			t.Fatal(err)
		}
		out[p] = h
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkRows compares the accounting with the case's rows lines and checks
// that every file accounts for its rows.
func (c *hostileCase) checkRows(t *testing.T, where string, got map[string]hostileRows) {
	t.Helper()
	for p, r := range got {
		if r.read != r.loaded+r.rejected+r.duplicate {
			t.Errorf("%s %s: rows_read %d != loaded %d + rejected %d + duplicate %d", where, p, r.read, r.loaded, r.rejected, r.duplicate)
		}
		want, ok := c.rows[p]
		switch {
		case !ok:
			t.Errorf("%s: unexpected file; rows: %s %v", where, hostileQuote(p), r)
		case want != r:
			t.Errorf("%s %s: %v, want %v", where, p, r, want)
		}
	}
	for p := range c.rows {
		if _, ok := got[p]; !ok {
			t.Errorf("%s: file %s is missing", where, p)
		}
	}
}

// hostileQuote quotes a path or value for an archive line when it needs it.
func hostileQuote(s string) string {
	if s == "" || strings.ContainsAny(s, " \"\t") || !utf8.ValidString(s) {
		return strconv.Quote(s)
	}
	return s
}

// checkRejects compares staging.stg_rejects with the case's reject lines.
func (c *hostileCase) checkRejects(t *testing.T, conn *sql.DB) {
	t.Helper()
	got := map[string]string{} // key → value
	for _, r := range rows(t, conn, "select path, source_line, coalesce(column_name, '-'), reason, coalesce(raw_value, 'NULL') from staging.stg_rejects") {
		var line int64
		fmt.Sscan(r[1], &line)
		got[hostileReject{path: r[0], line: line, column: r[2], reason: r[3]}.key()] = r[4]
	}
	want := map[string]bool{}
	for _, w := range c.rejects {
		k := w.key()
		want[k] = true
		v, ok := got[k]
		switch {
		case !ok:
			t.Errorf("reject missing: %s", k)
		case w.hasValue && v != w.value:
			v := v
			if len(v) > 80 {
				v = v[:80] + "…"
			}
			t.Errorf("reject %s: value %q, want %q", k, v, w.value)
		}
	}
	var extra []string
	for k, v := range got {
		if !want[k] {
			if len(v) > 60 {
				v = v[:60] + "…"
			}
			extra = append(extra, fmt.Sprintf("reject: %s value=%s", k, hostileQuote(v)))
		}
	}
	sort.Strings(extra)
	for _, e := range extra {
		t.Errorf("unexpected %s", e)
	}
}

// matchAll: every got item matches one wanted (same path, text contained)
// and every wanted one is matched.
func matchAll(t *testing.T, what string, got, want []hostileMatch) {
	t.Helper()
	used := make([]bool, len(want))
	for _, g := range got {
		found := false
		for i, w := range want {
			if w.path == g.path && strings.Contains(g.text, w.text) {
				used[i], found = true, true
			}
		}
		if !found {
			t.Errorf("unexpected %s: %s: %s", what, g.path, g.text)
		}
	}
	for i, w := range want {
		if !used[i] {
			t.Errorf("%s missing: %s: %s (got %v)", what, w.path, w.text, got)
		}
	}
}

var hostileReadmeRow = regexp.MustCompile(`^\|\s*(\d{2,3}-[a-z0-9-]+)\s*\|.*\|\s*([a-z]+)\b[^|]*\|\s*$`)

// TestHostileReadme: testdata/hostile/README.md lists every case with its
// outcome, and nothing else.
func TestHostileReadme(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join(hostileDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if m := hostileReadmeRow.FindStringSubmatch(line); m != nil {
			listed[m[1]] = m[2]
		}
	}
	paths, _ := filepath.Glob(filepath.Join(hostileDir, "*.txtar"))
	var names []string
	for _, p := range paths {
		c, err := readHostileCase(p)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, c.name)
		switch o, ok := listed[c.name]; {
		case !ok:
			t.Errorf("README.md does not list %s; add: | %s | %s | %s … |", c.name, c.name, c.title, c.outcome)
		case o != c.outcome:
			t.Errorf("README.md gives %s the outcome %q, the archive %q", c.name, o, c.outcome)
		}
	}
	for n := range listed {
		if !slices.Contains(names, n) {
			t.Errorf("README.md lists %s, which has no archive", n)
		}
	}
	if len(names) < 60 {
		t.Errorf("%d cases; the corpus should hold at least 60", len(names))
	}
}
