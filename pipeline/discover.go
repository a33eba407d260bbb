package pipeline

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"kam/pipeline/schema"
)

// InputFile is a file found in the input folder that kam will try to read.
type InputFile struct {
	Abs       string
	Rel       string // relative to the input folder, with forward slashes
	Size      int64
	ModTime   time.Time
	Container string    // "csv" (also .txt/.tsv), "csv.gz", "xlsx", "parquet"
	Rule      *FileRule // the configuration rule that matched, if any
	NameKinds []string  // kinds suggested by the name, most specific first
	// LinesIn names the file that holds this file's lines when the name
	// fits both sales and invoices and the folder splits orders into a
	// header file and a line file (see markHeaderFiles).
	LinesIn string
}

// Skipped is a file that kam did not load, with the reason.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Discover lists the files under dir recursively (symbolic links followed
// once, loops cut), in a stable order. excludes are absolute paths (the
// output folder, the warehouse) that are never read.
func Discover(dir string, cfg Config, excludes ...string) ([]InputFile, []Skipped, error) {
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
	d := discoverer{root: root, cfg: cfg, seen: map[[2]uint64]bool{}}
	for _, e := range excludes {
		if a, err := filepath.Abs(e); err == nil {
			d.excludes = append(d.excludes, a)
		}
	}
	d.walk(root, "")
	sort.Slice(d.files, func(i, j int) bool { return d.files[i].Rel < d.files[j].Rel })
	sort.Slice(d.skipped, func(i, j int) bool { return d.skipped[i].Path < d.skipped[j].Path })
	return d.files, d.skipped, nil
}

type discoverer struct {
	root     string
	cfg      Config
	excludes []string
	seen     map[[2]uint64]bool // device+inode of folders walked, against symlink loops
	files    []InputFile
	skipped  []Skipped
}

func (d *discoverer) skip(rel, format string, args ...any) {
	d.skipped = append(d.skipped, Skipped{Path: rel, Reason: fmt.Sprintf(format, args...)})
}

func (d *discoverer) walk(abs, rel string) {
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
		d.skip(rel+"/", "cannot read the folder: %v", err)
		return
	}
	for _, e := range entries {
		childAbs := filepath.Join(abs, e.Name())
		childRel := e.Name()
		if rel != "" {
			childRel = rel + "/" + e.Name()
		}
		if d.excluded(childAbs) {
			continue
		}
		info, err := os.Stat(childAbs) // follows symbolic links
		if err != nil {
			if e.Type()&fs.ModeSymlink != 0 {
				d.skip(childRel, "broken symbolic link")
			} else {
				d.skip(childRel, "cannot read: %v", err)
			}
			continue
		}
		if info.IsDir() {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			d.walk(childAbs, childRel)
			continue
		}
		if !info.Mode().IsRegular() {
			d.skip(childRel, "not a regular file")
			continue
		}
		d.file(childAbs, childRel, info)
	}
}

func (d *discoverer) excluded(abs string) bool {
	for _, e := range d.excludes {
		if abs == e || strings.HasPrefix(abs, e+string(filepath.Separator)) {
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
	container := containerOf(lower)
	switch container {
	case "":
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
func (d *discoverer) rule(rel string) *FileRule {
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
		for j, o := range ev {
			if j != i && o.lines && o.id == e.id {
				f.LinesIn = files[j].Rel
				break
			}
		}
	}
}
