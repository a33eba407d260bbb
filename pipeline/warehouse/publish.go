package warehouse

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Publishing a run: the warehouse and the period folder change together.
//
// Every output of a run (rejects.csv, the workbook, the HTML report,
// manifest.json, and the files a user had put in the period folder, linked
// over) is written whole into a new folder inside the run's temporary
// folder. Then a journal is written beside the warehouse, the warehouse
// commits (its meta.runs gets the run's id in the same transaction), and the
// new folder replaces the period folder: the old one is renamed aside and the
// new one renamed in, so the period folder is never a mix of two runs. The
// journal is removed last.
//
// A run killed between the commit and the rename leaves the journal behind.
// The next kam command that opens the warehouse reads it: when meta.runs holds
// the run's id the commit happened and the new folder is moved in (rolled
// forward); when it does not, the new folder is dropped (rolled back). Either
// way the warehouse and the period folder end both old or both new, and the
// command says which.

// journal is a publish in progress: written before the commit, removed
// after the outputs are in place.
type Journal struct {
	RunID     string    `json:"run_id"`
	Command   string    `json:"command"`
	StartedAt time.Time `json:"started_at"`
	Warehouse string    `json:"warehouse"` // absolute path
	Period    string    `json:"period,omitempty"`
	Temp      string    `json:"temp"` // the run's temporary folder
	Moves     []Move    `json:"moves"`
}

// move puts one new folder or file in place. A folder's old version is
// renamed aside first (a folder cannot be renamed over a full one).
type Move struct {
	New   string `json:"new"`
	Final string `json:"final"`
	Aside string `json:"aside,omitempty"`
}

// PendingMarker, in a run's temporary folder, names the journal that may
// still need the folder (so that a run of another warehouse sharing the
// output folder does not clean it away).
const PendingMarker = "journal-path"

// JournalPath is where the journal of a warehouse lives.
func JournalPath(db string) string { return db + ".journal" }

// NewRunID names a run in the journal, meta.runs and manifest.json.
func NewRunID(start time.Time) string {
	b := make([]byte, 4)
	rand.Read(b)
	return start.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b)
}

// WriteJournal writes the journal durably: a crash after the commit must
// find it.
func WriteJournal(path string, j *Journal) error {
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := writeFileSync(tmp, append(b, '\n'), 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write the publish journal %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write the publish journal %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

func readJournal(path string) (*Journal, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var j Journal
	if err := json.Unmarshal(b, &j); err != nil {
		return nil, fmt.Errorf("the publish journal %s is not readable (%v); move it away and run again", path, err)
	}
	return &j, nil
}

// apply performs the move; done already is fine (a publish completed by
// the next run after a kill).
func (m Move) apply(ctx context.Context) error {
	if _, err := os.Lstat(m.New); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if m.Aside != "" {
		if _, err := os.Lstat(m.Final); err == nil {
			if err := os.Rename(m.Final, m.Aside); err != nil {
				return fmt.Errorf("move the previous %s aside: %w", filepath.Base(m.Final), err)
			}
			StopAt(ctx, "moved-aside")
		}
	}
	if err := os.Rename(m.New, m.Final); err != nil {
		return fmt.Errorf("move %s into place: %w", filepath.Base(m.Final), err)
	}
	return nil
}

// publish moves every output into place and removes the journal. ctx only
// wakes a test's stop point: once the warehouse is committed, the publish
// goes on whatever happens.
func (j *Journal) Publish(ctx context.Context, journalFile string) error {
	dirs := map[string]bool{}
	for _, m := range j.Moves {
		if err := m.apply(ctx); err != nil {
			return err
		}
		dirs[filepath.Dir(m.Final)] = true
	}
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	StopAt(ctx, "published")
	for _, m := range j.Moves {
		if m.Aside != "" {
			os.RemoveAll(m.Aside)
		}
	}
	if err := os.Remove(journalFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return syncDir(filepath.Dir(journalFile))
}

// finishPending completes or undoes the publish of a run that was killed
// while publishing, and says what it did. It runs with the warehouse open
// (and so locked): no other run can be publishing.
func (w *Warehouse) finishPending(ctx context.Context) (string, error) {
	path := JournalPath(w.Path)
	j, err := readJournal(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	abs, _ := filepath.Abs(w.Path)
	if j.Warehouse != abs {
		return "", fmt.Errorf("the publish journal %s belongs to the warehouse %s (it was copied or moved with this one); "+
			"if that run's outputs do not matter, delete the journal and run again", path, j.Warehouse)
	}
	var n int
	if err := w.QueryRow(ctx, "select count(*) from meta.runs where run_id = ?", j.RunID).Scan(&n); err != nil {
		return "", err
	}
	what := "the reports"
	if j.Period != "" {
		what = "the reports of " + j.Period
	}
	when := j.StartedAt.Local().Format("2006-01-02 15:04:05")
	if n == 0 {
		// Not committed: nothing of the run is in the warehouse, and
		// nothing was moved (moves come after the commit).
		if err := os.RemoveAll(j.Temp); err != nil {
			return "", err
		}
		if err := os.Remove(path); err != nil {
			return "", err
		}
		return fmt.Sprintf("the kam %s started %s was stopped before its warehouse commit; what it had written was discarded: the warehouse and %s are as before it",
			j.Command, when, what), nil
	}
	for _, m := range j.Moves {
		if _, err := os.Lstat(m.New); err == nil {
			continue
		}
		if _, err := os.Lstat(m.Final); errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("the kam %s started %s was stopped after its warehouse commit, and its output %s is gone from %s; run kam again to write %s",
				j.Command, when, filepath.Base(m.Final), j.Temp, what)
		}
	}
	if err := j.Publish(ctx, path); err != nil {
		return "", fmt.Errorf("complete the kam %s started %s, stopped after its warehouse commit: %w", j.Command, when, err)
	}
	os.RemoveAll(j.Temp)
	return fmt.Sprintf("the kam %s started %s was stopped after its warehouse commit; its outputs were moved into place now: the warehouse and %s are both that run's",
		j.Command, when, what), nil
}

// ownedOutput reports the names kam writes into a period folder; any other
// file there is the user's and is carried over to the new folder.
func ownedOutput(name, period string) bool {
	switch name {
	case "manifest.json", "rejects.csv", "portfolio-" + period + ".xlsx", "portfolio-" + period + ".html", MartsFolder:
		return true
	}
	return false
}

// CarryOver links (or copies) into the new folder what the period folder
// holds besides kam's own outputs: notes a user saved there, the rejects of
// failed runs. The old folder stays whole until it is replaced.
func CarryOver(old, staged, period string) error {
	entries, err := os.ReadDir(old)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read the period folder %s: %w", old, err)
	}
	for _, e := range entries {
		if ownedOutput(e.Name(), period) {
			continue
		}
		if err := linkTree(filepath.Join(old, e.Name()), filepath.Join(staged, e.Name())); err != nil {
			return fmt.Errorf("keep %s of the period folder: %w", e.Name(), err)
		}
	}
	return nil
}

// linkTree recreates src at dst with hard links (a copy where links are
// not possible), symbolic links as links.
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			to, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(to, target)
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		}
		if err := os.Link(p, target); err == nil {
			return nil
		}
		return copyFile(p, target)
	})
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	st, err := os.Stat(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, st.Mode().Perm())
}

// SyncTree flushes every file and folder under dir to disk, so that a
// crash of the machine after the commit finds the outputs whole.
func SyncTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

func writeFileSync(path string, b []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// StopPoints are the boundaries of a run, in order, at which
// KAM_TEST_STOP_AT can hold it: the crash tests kill or interrupt a run at
// each of them.
var StopPoints = []string{
	"opened", "ingested", "staged", "backfilled", "modelled", "tested",
	"written", "journaled", "committed", "moved-aside", "published", "done",
}

// StopAt holds the run at a named point when the environment variable
// KAM_TEST_STOP_AT names it (a test hook, never set in normal use): it says
// so on stderr and waits for an interrupt (or a kill).
func StopAt(ctx context.Context, point string) {
	want := os.Getenv("KAM_TEST_STOP_AT")
	if want == "" || !strings.EqualFold(want, point) {
		return
	}
	fmt.Fprintf(os.Stderr, "kam: stopped at %s\n", point)
	select {
	case <-ctx.Done():
	case <-time.After(2 * time.Minute):
	}
}
