package i18n

import (
	"bufio"
	"database/sql"
	"flag"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	_ "github.com/duckdb/duckdb-go/v2"
)

// The mart columns the report writers label are listed in
// testdata/columns.txt (one name a line, sorted). Refresh it from a
// warehouse that the real pipeline produced:
//
//	go build -tags duckdb_arrow -o /tmp/kam ./cmd/kam
//	/tmp/kam run --input sample-data/input --out /tmp/kam-out
//	go test -tags duckdb_arrow ./i18n -run TestColumnLabels -update-columns -kam-db /tmp/kam-out/kam.duckdb
//
// (The package cannot run the pipeline itself: kam/pipeline imports i18n.)
var (
	updateColumns = flag.Bool("update-columns", false, "rewrite testdata/columns.txt from the warehouse named by -kam-db")
	kamDB         = flag.String("kam-db", "", "path of a kam.duckdb written by `kam run` (with -update-columns)")
)

const columnsFile = "testdata/columns.txt"

// martColumns lists the distinct columns of every mart in schema main (the
// history_* snapshots repeat them).
func martColumns(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`select distinct column_name from information_schema.columns
		where table_schema = 'main' and table_name not like 'history_%' order by column_name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("%s has no mart columns: is it a warehouse written by kam run?", path)
	}
	return out
}

func readColumns(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(columnsFile)
	if err != nil {
		t.Fatalf("%v (refresh it: see the comment at the top of labels_test.go)", err)
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if c := strings.TrimSpace(s.Text()); c != "" {
			out = append(out, c)
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 100 {
		t.Fatalf("%s lists only %d columns", columnsFile, len(out))
	}
	return out
}

func TestColumnLabels(t *testing.T) {
	if *updateColumns {
		if *kamDB == "" {
			t.Fatal("-update-columns needs -kam-db PATH")
		}
		cols := martColumns(t, *kamDB)
		if err := os.WriteFile(columnsFile, []byte(strings.Join(cols, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d columns to %s", len(cols), columnsFile)
	}
	for _, c := range readColumns(t) {
		if !Has("col." + c) {
			t.Errorf("no header label col.%s", c)
		}
	}
}

// sameInBothLanguages are texts that are rightly identical in Spanish and
// English: acronyms and class letters.
var sameInBothLanguages = map[string]bool{
	"A": true, "B": true, "C": true, "ABC": true, "HHI": true, "KAM": true, "KAMs": true, "KPI": true,
}

// ownPrefixes are the key prefixes of the label files (rejects.go has its own).
var ownPrefixes = []string{
	"col.", "val.", "kpi.", "ind.", "pillar.", "def.", "param.", "sheet.", "section.", "unavailable.",
}

func hasOwnPrefix(k string) bool {
	for _, p := range ownPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

func TestBothLanguages(t *testing.T) {
	verb := regexp.MustCompile(`%[-+# 0]*[0-9.*]*[sdvfgqxXeE]`)
	n := 0
	for _, k := range Keys() {
		en, es := Both(k)
		if strings.TrimSpace(en) == "" || strings.TrimSpace(es) == "" {
			t.Errorf("%s: empty text (en %q, es %q)", k, en, es)
			continue
		}
		if !hasOwnPrefix(k) {
			continue
		}
		n++
		if en == es && !sameInBothLanguages[en] {
			t.Errorf("%s: Spanish is the English text %q", k, en)
		}
		for _, s := range []string{en, es} {
			// Labels and definitions are printed as they are: no fmt verbs
			// (a "%" before a word, as in "% de cuentas", is text).
			if m := verb.FindString(strings.ReplaceAll(s, "% ", "")); m != "" {
				t.Errorf("%s: fmt verb %q in %q", k, m, s)
			}
			if s != strings.TrimSpace(s) {
				t.Errorf("%s: surrounding spaces in %q", k, s)
			}
		}
	}
	if n < 700 {
		t.Errorf("only %d label keys", n)
	}
}

// plainColumns are keys and descriptive attributes: they get a header label
// but no definition.
var plainColumns = map[string]bool{
	"account_id": true, "account_name": true, "change": true, "compared_with": true, "delimiter": true,
	"description": true, "dimension": true, "encoding": true, "file_id": true, "format": true,
	"from_value": true, "header_line": true, "indicator": true, "indicator_order": true, "kam_id": true,
	"kam_name": true, "kind": true, "kpi": true, "loaded_at": true, "manager_id": true, "manager_name": true,
	"month": true, "name": true, "notes": true, "path": true, "period": true, "period_end": true,
	"period_start": true, "pillar": true, "preset": true, "product_line": true, "role": true, "scope": true,
	"segment": true, "sha256": true, "sheet": true, "size_bytes": true, "target_period": true,
	"time_window": true, "to_value": true, "unit": true, "value": true,
	"column_name": true, "detail": true, "reason": true, "first_line": true,
	// the rejected rows, conflicting duplicates, parameters and input kinds the reports list
	"source_line": true, "raw_value": true, "row_key": true, "differences": true, "kept_path": true,
	"kept_line": true, "key": true, "num": true, "txt": true, "is_loaded": true,
}

// longHeaders may exceed maxHeader characters.
var longHeaders = map[string]bool{}

const maxHeader = 28

func TestColumnHeadersAndDefinitions(t *testing.T) {
	cols := readColumns(t)
	for _, c := range cols {
		en, es := Both("col." + c)
		for _, s := range []string{en, es} {
			if utf8.RuneCountInString(s) > maxHeader && !longHeaders[c] {
				t.Errorf("col.%s: %q is longer than %d characters", c, s, maxHeader)
			}
		}
		if plainColumns[c] {
			continue
		}
		if !Has("def." + c) {
			t.Errorf("metric column %s has no definition def.%s (or list it in plainColumns)", c, c)
		}
	}
	// Every definition is of a column that exists.
	for _, k := range Keys() {
		if c, ok := strings.CutPrefix(k, "def."); ok && !slices.Contains(cols, c) {
			t.Errorf("%s defines a column that no mart has", k)
		}
	}
}
