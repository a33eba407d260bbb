package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"kam/i18n"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"kam/pipeline/config"
	"kam/pipeline/ingest/schema"
)

// InputFile is a file found in the input folder that kam will try to read.
type InputFile struct {
	Abs       string
	Rel       string // relative to the input folder, with forward slashes
	Size      int64
	ModTime   time.Time
	Container string           // "csv" (also .txt/.tsv), "csv.gz", "xlsx", "parquet"
	Rule      *config.FileRule // the configuration rule that matched, if any
	NameKinds []string         // kinds suggested by the name, most specific first
	// LinesIn names the file that holds this file's lines when the name
	// fits both sales and invoices and the folder splits orders into a
	// header file and a line file (see markHeaderFiles).
	LinesIn string
	// A sheet of a workbook read as a source of its own (read_xlsx_sheets.go):
	// the sheet, and its kind decided from its name and header.
	Sheet, Kind string
	KindHow     i18n.Note
}

// Skipped is a file that kam did not load, with the reason.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Discover lists the files under dir recursively, in a stable order.
// Symbolic links are followed inside the input folder (loops cut); a link
// that leaves it is followed only when the configuration says so
// (follow_symlinks), else listed as not followed. excludes are kam's own
// files and folders (the output folder, the warehouse): never read, also
// when a link reaches them. A folder or file that cannot be read fails the
// discovery, naming it, unless a skip rule of the configuration covers it.
func Discover(dir string, cfg config.Config, excludes ...string) ([]InputFile, []Skipped, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, nil, err
	}
	st, err := os.Stat(root)
	if err != nil {
		return nil, nil, fmt.Errorf("input folder %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("input %s is not a folder; pass the folder that holds the exports", dir)
	}
	d := discoverer{root: root, real: RealPath(root), cfg: cfg, seen: map[[2]uint64]bool{}}
	for _, e := range excludes {
		real := RealPath(e)
		if Within(d.real, real) {
			return nil, nil, fmt.Errorf("the input folder %s is kam's own output (%s) or inside it: every file in it would be left out as kam's; "+
				"choose an output folder outside the input folder", dir, e)
		}
		d.excludes = append(d.excludes, real)
	}
	d.walk(root, d.real, "")
	sort.Slice(d.files, func(i, j int) bool { return d.files[i].Rel < d.files[j].Rel })
	sort.Slice(d.skipped, func(i, j int) bool { return d.skipped[i].Path < d.skipped[j].Path })
	if len(d.errs) > 0 {
		return nil, nil, errors.Join(d.errs...)
	}
	return d.files, d.skipped, nil
}

// RealPath is the absolute path with symbolic links resolved; for a path
// that does not exist yet, its nearest existing folder's real path and the
// rest.
func RealPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	rest := ""
	for cur := abs; ; cur = filepath.Dir(cur) {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(cur) == cur {
			return abs
		}
		rest = filepath.Join(filepath.Base(cur), rest)
	}
}

// Within reports whether path is dir or inside it (both real paths).
func Within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

type discoverer struct {
	root, real string // the input folder, as given (absolute) and resolved
	cfg        config.Config
	excludes   []string           // real paths
	seen       map[[2]uint64]bool // device+inode of folders walked, against symlink loops
	files      []InputFile
	skipped    []Skipped
	errs       []error
}

func (d *discoverer) skip(rel, format string, args ...any) {
	d.skipped = append(d.skipped, Skipped{Path: rel, Reason: fmt.Sprintf(format, args...)})
}

// unreadable fails the run for an input kam cannot read, unless the
// configuration skips it.
func (d *discoverer) unreadable(rel string, isDir bool, err error) {
	if r := d.skipRule(rel, isDir); r != nil {
		d.skip(displayRel(rel, isDir), "not readable (%v); excluded by the configuration (files: match %q, skip: true)", pathErrReason(err), r.Glob)
		return
	}
	what, example := "file", rel
	if isDir {
		what, example = "folder", rel+"/*"
	}
	d.errs = append(d.errs, &FileError{Path: displayRel(rel, isDir), Err: fmt.Errorf(
		"cannot read the %s (%v), so its data would be missing from the run; give kam read access to it, "+
			"or exclude it in kam.yaml (files: - match: %q, skip: true)", what, pathErrReason(err), example)})
}

func displayRel(rel string, isDir bool) string {
	if isDir {
		return rel + "/"
	}
	return rel
}

// pathErrReason is the system's reason without the path it repeats.
func pathErrReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// skipRule is the configuration's skip rule that covers a path: one that
// matches it, or, for a folder, one that matches the files in it.
func (d *discoverer) skipRule(rel string, isDir bool) *config.FileRule {
	for i := range d.cfg.Files {
		r := &d.cfg.Files[i]
		if !r.Skip {
			continue
		}
		if ok, _ := filepath.Match(r.Glob, rel); ok {
			return r
		}
		if isDir && strings.HasPrefix(r.Glob, rel+"/") {
			return r
		}
	}
	return nil
}

// walk scans the folder abs (real is its resolved path).
func (d *discoverer) walk(abs, real, rel string) {
	if st, err := os.Stat(abs); err == nil {
		if sys, ok := st.Sys().(*syscall.Stat_t); ok {
			key := [2]uint64{uint64(sys.Dev), uint64(sys.Ino)}
			if d.seen[key] {
				d.skip(rel+"/", "folder already scanned (a symbolic link loops back to it)")
				return
			}
			d.seen[key] = true
		}
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		if rel == "" {
			d.errs = append(d.errs, fmt.Errorf("cannot read the input folder %s: %v", d.root, pathErrReason(err)))
		} else {
			d.unreadable(rel, true, err)
		}
		return
	}
	for _, e := range entries {
		childAbs := filepath.Join(abs, e.Name())
		childRel := e.Name()
		if rel != "" {
			childRel = rel + "/" + e.Name()
		}
		childReal := filepath.Join(real, e.Name())
		if e.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(childAbs)
			if err != nil {
				if _, lerr := os.Stat(childAbs); errors.Is(lerr, fs.ErrNotExist) {
					d.skip(childRel, "broken symbolic link")
				} else {
					d.skip(childRel, "symbolic link that cannot be followed (%v)", pathErrReason(err))
				}
				continue
			}
			childReal = target
			if d.excluded(childReal) {
				d.skip(childRel, "symbolic link to kam's own output (%s): not read", Printable(target))
				continue
			}
			if !Within(childReal, d.real) {
				if !d.cfg.FollowSymlinks {
					d.skip(childRel, "symbolic link to %s, outside the input folder: not followed (set follow_symlinks: true in kam.yaml to read what it points to)", Printable(target))
					continue
				}
			}
		} else if d.excluded(childReal) {
			continue // the output folder or the warehouse inside the input folder
		}
		info, err := os.Stat(childAbs) // follows symbolic links
		if err != nil {
			d.unreadable(childRel, e.IsDir(), err)
			continue
		}
		if info.IsDir() {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			d.walk(childAbs, childReal, childRel)
			continue
		}
		if !info.Mode().IsRegular() {
			d.skip(childRel, "not a regular file")
			continue
		}
		d.file(childAbs, childRel, info)
	}
}

// excluded: the real path is one of kam's own, or inside one.
func (d *discoverer) excluded(real string) bool {
	for _, e := range d.excludes {
		if Within(real, e) {
			return true
		}
	}
	return false
}

// configFiles are read by kam itself, never as data.
var configFiles = map[string]bool{"kam.yaml": true, "kam.yml": true}

func (d *discoverer) file(abs, rel string, info fs.FileInfo) {
	name := filepath.Base(rel)
	lower := strings.ToLower(name)
	rule := d.rule(rel)
	switch {
	case configFiles[lower] && !strings.Contains(rel, "/"):
		return
	case rule != nil && rule.Skip:
		d.skip(rel, "skipped by the configuration (files: match %q)", rule.Glob)
		return
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$"):
		d.skip(rel, "hidden or temporary file")
		return
	}
	// Trailing spaces and dots are not part of the extension (Windows drops
	// them; a name typed with one is still the export).
	container := containerOf(strings.TrimRight(lower, " ."))
	switch container {
	case "":
		for _, ext := range unfinished {
			if strings.HasSuffix(lower, ext) && containerOf(strings.TrimSuffix(lower, ext)) != "" {
				d.skip(rel, "an unfinished download or a temporary copy (%s): not read; let it finish, or rename it without %s", ext, ext)
				return
			}
		}
		d.skip(rel, "not a data file (kam reads .csv, .txt, .tsv, .csv.gz, .xlsx and .parquet)")
		return
	case "xls":
		d.skip(rel, "old Excel .xls format: open it in Excel and save it as .xlsx")
		return
	}
	if info.Size() == 0 {
		d.skip(rel, "empty file (0 bytes)")
		return
	}
	if container == "csv" && info.Size() <= int64(len(utf8BOM)) && onlyBOM(abs) {
		// What Excel saves for an empty sheet as "CSV UTF-8".
		d.skip(rel, "empty file (only a byte order mark)")
		return
	}
	f := InputFile{Abs: abs, Rel: rel, Size: info.Size(), ModTime: info.ModTime(), Container: container, Rule: rule}
	f.NameKinds = schema.KindsFromName(rel)
	d.files = append(d.files, f)
}

// rule returns the first configuration rule whose glob matches the relative
// path or the base name.
func (d *discoverer) rule(rel string) *config.FileRule {
	for i := range d.cfg.Files {
		r := &d.cfg.Files[i]
		if ok, _ := filepath.Match(r.Glob, rel); ok {
			return r
		}
		if !strings.Contains(r.Glob, "/") {
			if ok, _ := filepath.Match(r.Glob, filepath.Base(rel)); ok {
				return r
			}
		}
	}
	return nil
}

// unfinished are the suffixes browsers and copy tools give a file while it
// is being written.
var unfinished = []string{".crdownload", ".part", ".partial", ".download", ".tmp", ".filepart"}

func containerOf(lowerName string) string {
	switch {
	case strings.HasSuffix(lowerName, ".csv.gz"), strings.HasSuffix(lowerName, ".txt.gz"), strings.HasSuffix(lowerName, ".tsv.gz"):
		return "csv.gz"
	case strings.HasSuffix(lowerName, ".csv"), strings.HasSuffix(lowerName, ".txt"), strings.HasSuffix(lowerName, ".tsv"):
		return "csv"
	case strings.HasSuffix(lowerName, ".xlsx"), strings.HasSuffix(lowerName, ".xlsm"):
		return "xlsx"
	case strings.HasSuffix(lowerName, ".parquet"), strings.HasSuffix(lowerName, ".pq"):
		return "parquet"
	case strings.HasSuffix(lowerName, ".xls"):
		return "xls"
	}
	return ""
}

// onlyBOM reports whether a tiny file is a byte order mark and nothing else.
func onlyBOM(abs string) bool {
	b, err := os.ReadFile(abs)
	if err != nil {
		return false
	}
	return bytes.Equal(b, utf8BOM) || bytes.Equal(b, []byte{0xFF, 0xFE}) || bytes.Equal(b, []byte{0xFE, 0xFF})
}

// markHeaderFiles decides the files whose name fits both invoice headers
// and sales lines ("salesOrder.csv", "pedidos.csv") when the folder holds
// the lines of the same orders in another file: ERP exports write order
// totals on the header (SAP's GROSSAMOUNT, NETAMOUNT), so amounts alone
// would take the header for lines too and count every order twice. A file
// is the header of another when both give the order id under the same
// header name and only the other has line columns (line number, product,
// quantity or unit price). Only the head of each candidate is read.
func markHeaderFiles(files []InputFile) {
	type evidence struct {
		id    string
		lines bool
	}
	ev := map[int]evidence{}
	for i, f := range files {
		if f.Rule != nil && f.Rule.Kind != "" || (f.Container != "csv" && f.Container != "csv.gz") {
			continue
		}
		if !slices.Contains(f.NameKinds, schema.Sales) && !slices.Contains(f.NameKinds, schema.Invoices) {
			continue
		}
		header, err := peekHeader(f)
		if err != nil {
			continue // the load says what is wrong with it
		}
		if id, lines := schema.LineEvidence(header); id != "" {
			ev[i] = evidence{schema.Normalize(id), lines}
		}
	}
	for i := range files {
		e, ok := ev[i]
		f := &files[i]
		if !ok || e.lines || !slices.Contains(f.NameKinds, schema.Sales) || !slices.Contains(f.NameKinds, schema.Invoices) {
			continue
		}
		// The first line file in the folder's order: a map's order would
		// name another one each run.
		for j := range files {
			if o, ok := ev[j]; ok && j != i && o.lines && o.id == e.id {
				f.LinesIn = files[j].Rel
				break
			}
		}
	}
}
