// Package generator generates kam's sample dataset: the exports a Spanish
// industrial supplier would drop into kam's input folder (ERP invoice lines
// saved by Excel in Windows-1252, a header/line month-end extract, Salesforce
// Data Loader files, an Excel key account plan, finance CSVs), with a planted
// story that the models must find and a handful of bad rows that the loader
// must reject, quarantine or count as duplicates.
//
// The committed dataset (sample-data/input, the folder "make run" reads) is
// what Generate with default options reproduces byte for byte. Output depends
// only on the options: every random draw comes from a PCG stream seeded from
// Options.Seed, "today" is the last day of End, and nothing iterates a map.
// Files are streamed, so memory depends on the number of accounts, not of
// invoice lines.
package generator

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Options choose the size and rendering of a dataset. Zero values take the
// defaults.
type Options struct {
	Dir      string // output folder (created)
	Accounts int    // customers; default 300, or Lines/100 (300 … 100,000) when Lines is set
	Months   int    // months of history ending with End, default 40 (24 … 120)
	Lines    int    // invoice lines; 0: the natural volume, Accounts × Months × 25/12 (25,000 by default)
	Seed     uint64 // default 1
	Locale   string // "es" (default): the Spanish shapes; "en": the same rows as UTF-8 CSV with English headers
	End      string // last month "YYYY-MM", default "2026-10"
}

// Summary describes what Generate wrote.
type Summary struct {
	Options Options // in force, defaults filled in
	Files   []File
	Lines   int     // good invoice lines (bad rows not counted)
	Revenue float64 // company revenue over the LTM, EUR, quarantined lines excluded
	Story   []Finding
	BadRows []BadRow
}

// File is one written file.
type File struct {
	Path      string // relative to Options.Dir, slash-separated
	Kind      string // data-contract kind (sales, invoices, accounts, …) or "config"
	Format    string // csv, csv.gz, xlsx, yaml
	Encoding  string
	Delimiter string
	LineEnd   string
	Rows      int // data records, header excluded
}

// BadRow is a planted defect and what the loader must do with it.
type BadRow struct {
	File   string
	Line   int // physical line in the (decompressed) file, header = 1
	What   string
	Expect string // "rejected: …", "quarantined: …" or "duplicate"
}

func (o Options) withDefaults() (Options, error) {
	if o.Dir == "" {
		return o, fmt.Errorf("no output folder: set Dir")
	}
	if o.Months == 0 {
		o.Months = 40
	}
	if o.Months < 24 || o.Months > 120 {
		return o, fmt.Errorf("months %d: use 24 to 120, the models need two years for year-on-year figures", o.Months)
	}
	if o.End == "" {
		o.End = "2026-10"
	}
	if _, err := parseMonth(o.End); err != nil {
		return o, err
	}
	if o.Locale == "" {
		o.Locale = "es"
	}
	if o.Locale != "es" && o.Locale != "en" {
		return o, fmt.Errorf("locale %q: use es or en", o.Locale)
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Lines < 0 {
		return o, fmt.Errorf("lines %d: must not be negative", o.Lines)
	}
	if o.Accounts == 0 {
		o.Accounts = 300
		if o.Lines > 0 {
			o.Accounts = max(300, min(100000, o.Lines/100))
		}
	}
	if o.Accounts < 100 || o.Accounts > 100000 {
		return o, fmt.Errorf("accounts %d: use 100 to 100,000, the planted story needs a tail of customers", o.Accounts)
	}
	if o.Lines == 0 {
		o.Lines = o.Accounts * o.Months * 25 / 12
	}
	if o.Lines < 20*o.Months {
		return o, fmt.Errorf("lines %d: use at least %d for %d months", o.Lines, 20*o.Months, o.Months)
	}
	return o, nil
}

// Generate writes a dataset into o.Dir, leaving other files there alone.
func Generate(o Options) (Summary, error) {
	o, err := o.withDefaults()
	if err != nil {
		return Summary{}, err
	}
	loc := &localeES
	if o.Locale == "en" {
		loc = &localeEN
	}
	w := newWorld(o, loc)
	for _, d := range []string{"erp", "crm", "plan", loc.financeDir} {
		if err := os.MkdirAll(filepath.Join(o.Dir, d), 0o755); err != nil {
			return Summary{}, err
		}
	}
	var (
		t     = &tallies{}
		sales = newSalesGen(w, o.Dir)
		mu    sync.Mutex
		files []File
		bad   []BadRow
	)
	t.sales = &sales.tally
	keep := func(fs []File, bs []BadRow) {
		mu.Lock()
		defer mu.Unlock()
		files, bad = append(files, fs...), append(bad, bs...)
	}
	jobs := []func() error{
		func() error {
			err := sales.run()
			keep(sales.files, sales.bad)
			return err
		},
		func() error {
			fs, acts, bs, err := w.writeActivities(o.Dir)
			t.acts = acts
			keep(fs, bs)
			return err
		},
		func() error {
			f, opps, bs, err := w.writeOpportunities(o.Dir)
			t.opps = opps
			keep([]File{f}, bs)
			return err
		},
		func() error {
			f, costs, err := w.writeCosts(o.Dir)
			t.costs = costs
			keep([]File{f}, nil)
			return err
		},
		func() error {
			var fs []File
			for _, write := range []func(string) (File, error){w.writeAccounts, w.writeUsers, w.writeFX, w.writeProducts, w.writePlan, w.writeConfig} {
				f, err := write(o.Dir)
				if err != nil {
					return err
				}
				fs = append(fs, f)
			}
			keep(fs, nil)
			return nil
		},
	}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Go(func() { errs[i] = job() })
	}
	wg.Wait()
	if err := firstErr(errs...); err != nil {
		return Summary{}, fmt.Errorf("generate sample data in %s: %w", o.Dir, err)
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortFunc(bad, func(a, b BadRow) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	s := Summary{Options: o, Files: files, Lines: t.sales.lines, Story: w.findings(t), BadRows: bad}
	for _, r := range t.sales.revLTM {
		s.Revenue += r
	}
	return s, nil
}
