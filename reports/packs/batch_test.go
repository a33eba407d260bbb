package packs_test

import (
	"archive/zip"
	"context"
	"database/sql"
	"database/sql/driver"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	duckdb "github.com/duckdb/duckdb-go/v2"

	"kam/reports"
	"kam/reports/packs"
)

// oneConn is one connection to the sample's warehouse as a Source: the
// packs' temporary tables live on the connection that made them, as on
// the run's.
type oneConn struct{ c *sql.Conn }

func (s oneConn) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.c.QueryContext(ctx, q, args...)
}

func (s oneConn) ArrowQuery(ctx context.Context, q string, args ...any) (array.RecordReader, error) {
	var rr array.RecordReader
	err := s.c.Raw(func(c any) error {
		a, err := duckdb.NewArrowFromConn(c.(driver.Conn))
		if err != nil {
			return err
		}
		rr, err = a.QueryContext(ctx, q, args...)
		return err
	})
	return rr, err
}

// TestPacksReadInBoundedBatches: the packs hold a bounded batch of KAMs'
// rows at a time, not every KAM's. Written with batches of at most one row
// (every group a batch of its own: the KAMs, then the key accounts of no
// KAM) and with batches of a quarter of the rows, every batch read holds at
// most that many rows, or is one group; written in one batch, they read
// one. Whatever the batches, every file is the same, byte for byte (the
// workbooks' document dates aside).
func TestPacksReadInBoundedBatches(t *testing.T) {
	r := sample(t)
	ctx := context.Background()
	c, err := r.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	kams := len(r.column(t, `select kam_id from main.kam_performance`))
	type batch struct{ groups, rows int }
	write := func(limit int) (map[string]string, []batch) {
		var got []batch
		defer packs.SetBatches(limit, func(groups, rows int) { got = append(got, batch{groups, rows}) })()
		dir := t.TempDir()
		if _, err := reports.WritePacks(ctx, oneConn{c}, reports.Run{Period: period, Language: "en"}, dir); err != nil {
			t.Fatalf("batches of %d rows: %v", limit, err)
		}
		return files(t, dir), got
	}
	whole, one := write(1 << 30)
	if len(one) != 1 || one[0].groups != kams+1 {
		t.Fatalf("unbounded: batches %v, want one of the %d KAMs' groups and the group of no KAM", one, kams)
	}
	total := one[0].rows
	if kams < 4 || total < 8*kams {
		t.Fatalf("the sample's %d KAMs and %d rows are too few to tell batches apart", kams, total)
	}
	for _, limit := range []int{1, total / 4} {
		files, got := write(limit)
		groups, rows := 0, 0
		for _, b := range got {
			if b.rows > limit && b.groups != 1 {
				t.Errorf("batches of %d rows: a batch of %d groups holds %d rows", limit, b.groups, b.rows)
			}
			groups += b.groups
			rows += b.rows
		}
		if groups != kams+1 || rows != total {
			t.Errorf("batches of %d rows: %d groups and %d rows read, want %d and %d", limit, groups, rows, kams+1, total)
		}
		if limit == 1 && len(got) != kams+1 {
			t.Errorf("batches of 1 row: %d batches, want one per group (%d)", len(got), kams+1)
		}
		if limit > 1 && len(got) < 4 {
			t.Errorf("batches of %d rows (a quarter of %d): %d batches, want at least 4", limit, total, len(got))
		}
		if len(files) != len(whole) {
			t.Errorf("batches of %d rows: %d files, want %d", limit, len(files), len(whole))
		}
		t.Logf("batches of %d rows: %d batches of %d groups, %d rows", limit, len(got), groups, rows)
		for name, w := range whole {
			if files[name] != w {
				t.Errorf("batches of %d rows: %s differs from the one batch's", limit, name)
			}
		}
	}
}

var docDates = regexp.MustCompile(`<dcterms:(created|modified)[^>]*>[^<]*</dcterms:(created|modified)>`)

// files reads every file under dir by its relative path; a workbook as
// its zip parts, the document's dates left out.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if !strings.HasSuffix(p, ".xlsx") {
			b, err := os.ReadFile(p)
			out[rel] = string(b)
			return err
		}
		z, err := zip.OpenReader(p)
		if err != nil {
			return err
		}
		defer z.Close()
		for _, f := range z.File {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return err
			}
			out[rel+"!"+f.Name] = docDates.ReplaceAllString(string(b), "")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
