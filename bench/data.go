package main

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// generate makes the sample at n lines in a locale once; later runs reuse
// the cache.
func generate(n, locale string) (string, error) {
	dir := filepath.Join(*dataDir, n+"-"+locale)
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return dir, nil
	}
	os.RemoveAll(dir)
	fmt.Fprintf(os.Stderr, "bench: generating %s lines (%s) into %s\n", n, locale, dir)
	cmd := exec.Command(*kam, "sample", "--out", dir, "--lines", n, "--locale", locale)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("generate: %w", err)
	}
	return dir, os.WriteFile(done, nil, 0o644)
}

// salesOnly is a folder holding the sales files of dir, expanded to plain
// CSV, plus kam's exchange rates: kam and DuckDB alone read the same sales
// bytes.
func salesOnly(dir string) (string, []string, error) {
	only := dir + "-sales"
	done := filepath.Join(only, ".complete")
	var files []string
	var rates string
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		name := strings.ToLower(info.Name())
		if !info.IsDir() && (strings.HasPrefix(name, "sales") || strings.HasPrefix(name, "ventas")) &&
			(strings.HasSuffix(name, ".csv") || strings.HasSuffix(name, ".csv.gz")) {
			files = append(files, abs(p))
		}
		if !info.IsDir() && (strings.HasPrefix(name, "fx") || strings.HasPrefix(name, "tipos_cambio")) {
			rates = abs(p)
		}
		return nil
	})
	if err != nil {
		return "", nil, err
	}
	if len(files) == 0 {
		return "", nil, fmt.Errorf("no sales files in %s", dir)
	}
	var plain []string
	for _, f := range files {
		plain = append(plain, abs(filepath.Join(only, strings.TrimSuffix(filepath.Base(f), ".gz"))))
	}
	if _, err := os.Stat(done); err == nil {
		return only, plain, nil
	}
	os.RemoveAll(only)
	if err := os.MkdirAll(only, 0o755); err != nil {
		return "", nil, err
	}
	// Links, not symlinks: kam skips symbolic links unless follow_symlinks
	// is set, and would read neither the rates nor the plain sales file.
	if rates != "" {
		if err := linkOrCopy(rates, filepath.Join(only, filepath.Base(rates))); err != nil {
			return "", nil, err
		}
	}
	// Compressed older years are expanded so that both sides read plain CSV.
	for i, f := range files {
		if strings.HasSuffix(f, ".gz") {
			if err := gunzip(f, plain[i]); err != nil {
				return "", nil, err
			}
		} else if err := linkOrCopy(f, plain[i]); err != nil {
			return "", nil, err
		}
	}
	return only, plain, os.WriteFile(done, nil, 0o644)
}

// withoutLastMonth is the input folder minus the month-end extract: the
// state before the monthly re-run adds it.
// priorYearMonth is the month a year before the generated data's last
// (2026-10, the month withoutLastMonth leaves out).
const priorYearMonth = "2025-10"

func withoutLastMonth(dir string) (string, error) {
	prev := dir + "-previous"
	done := filepath.Join(prev, ".complete")
	if _, err := os.Stat(done); err == nil {
		return prev, nil
	}
	os.RemoveAll(prev)
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if info.IsDir() {
			if rel == filepath.Join("erp", "2026-10") {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(prev, rel), 0o755)
		}
		if strings.HasPrefix(info.Name(), ".") {
			return nil
		}
		return os.Link(p, filepath.Join(prev, rel))
	})
	if err != nil {
		return "", err
	}
	return prev, os.WriteFile(done, nil, 0o644)
}

// fileSum is the SHA-256 of a file, in hex.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	return copyFile(src, dst)
}

func gunzip(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, zr); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// scenarios are the measurements for one size.
func scenarios(n string) ([]scenario, error) {
	en, err := generate(n, "en")
	if err != nil {
		return nil, err
	}
	es, err := generate(n, "es")
	if err != nil {
		return nil, err
	}
	enSales, enFiles, err := salesOnly(en)
	if err != nil {
		return nil, err
	}
	esSales, _, err := salesOnly(es)
	if err != nil {
		return nil, err
	}
	previous, err := withoutLastMonth(en)
	if err != nil {
		return nil, err
	}
	work := filepath.Join(*dataDir, "work")
	fresh := func(d string) func() error {
		return func() error { os.RemoveAll(d); return os.MkdirAll(d, 0o755) }
	}
	// The monthly re-run starts from the warehouse of the previous month,
	// built once and copied before each measurement.
	prevOut := filepath.Join(work, "previous-"+n)
	rerunOut := filepath.Join(work, "rerun-"+n)
	prepareRerun := func() error {
		// Built only when its run finished: a run writes its manifest last,
		// so a build that was interrupted is made again.
		// Built again by another kam binary: a warehouse kept by an older
		// build makes the re-run rebuild its history and restage its lines
		// (a new SQL changes their fingerprints), a cost no monthly user
		// pays twice.
		stamp, err := fileSum(*kam)
		if err != nil {
			return err
		}
		builtBy, _ := os.ReadFile(filepath.Join(prevOut, ".built-by"))
		if done, _ := filepath.Glob(filepath.Join(prevOut, "*", "manifest.json")); len(done) == 0 || string(builtBy) != stamp {
			fmt.Fprintf(os.Stderr, "bench: building the previous month's warehouse (%s lines)\n", n)
			os.RemoveAll(prevOut)
			cmd := exec.Command(*kam, "run", "-q", "--input", previous, "--out", prevOut)
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("previous month: %w", err)
			}
			if err := os.WriteFile(filepath.Join(prevOut, ".built-by"), []byte(stamp), 0o644); err != nil {
				return err
			}
		}
		if err := fresh(rerunOut)(); err != nil {
			return err
		}
		return copyFile(filepath.Join(prevOut, "kam.duckdb"), filepath.Join(rerunOut, "kam.duckdb"))
	}
	// The same re-run a year into monthly use: the runs of the past twelve
	// months kept their report month, so the prior-year month the re-run
	// compares with (2025-10) is kept too and nothing is backfilled. The
	// previous month's warehouse gets that month by one run for it.
	steadyOut := filepath.Join(work, "steady-"+n)
	steadyRerun := filepath.Join(work, "steady-rerun-"+n)
	prepareSteady := func() error {
		if err := prepareRerun(); err != nil {
			return err
		}
		stamp, _ := os.ReadFile(filepath.Join(prevOut, ".built-by"))
		builtBy, _ := os.ReadFile(filepath.Join(steadyOut, ".built-by"))
		if done, _ := filepath.Glob(filepath.Join(steadyOut, "*", "manifest.json")); len(done) == 0 || string(builtBy) != string(stamp) {
			fmt.Fprintf(os.Stderr, "bench: keeping the prior-year month in the previous month's warehouse (%s lines)\n", n)
			if err := fresh(steadyOut)(); err != nil {
				return err
			}
			if err := copyFile(filepath.Join(prevOut, "kam.duckdb"), filepath.Join(steadyOut, "kam.duckdb")); err != nil {
				return err
			}
			cmd := exec.Command(*kam, "run", "-q", "--period", priorYearMonth, "--input", previous, "--out", steadyOut)
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("prior-year month: %w", err)
			}
			if err := os.WriteFile(filepath.Join(steadyOut, ".built-by"), stamp, 0o644); err != nil {
				return err
			}
		}
		if err := fresh(steadyRerun)(); err != nil {
			return err
		}
		return copyFile(filepath.Join(steadyOut, "kam.duckdb"), filepath.Join(steadyRerun, "kam.duckdb"))
	}
	base := "baseline read_csv " + n
	run := "kam run UTF-8 " + n
	baseDB := filepath.Join(work, "baseline-"+n)
	out := []scenario{
		{name: base, setup: fresh(baseDB),
			args: append([]string{*baseBin, filepath.Join(baseDB, "b.duckdb")}, enFiles...)},
		{name: "kam ingest UTF-8 " + n, baseline: base, setup: fresh(filepath.Join(work, "en-"+n)),
			args: []string{*kam, "ingest", "-q", "--input", enSales, "--out", filepath.Join(work, "en-"+n)}},
		{name: "kam ingest Windows-1252 " + n, baseline: "kam ingest UTF-8 " + n, setup: fresh(filepath.Join(work, "es-"+n)),
			args: []string{*kam, "ingest", "-q", "--input", esSales, "--out", filepath.Join(work, "es-"+n)}},
		{name: run, baseline: base, setup: fresh(filepath.Join(work, "run-"+n)), stages: filepath.Join(work, "run-"+n),
			args: []string{*kam, "run", "-q", "--input", en, "--out", filepath.Join(work, "run-"+n)}},
		{name: "kam monthly re-run " + n, baseline: run, setup: prepareRerun, stages: rerunOut,
			args: []string{*kam, "run", "-q", "--input", en, "--out", rerunOut}},
		{name: "kam monthly re-run, prior year kept " + n, baseline: run, setup: prepareSteady, stages: steadyRerun,
			args: []string{*kam, "run", "-q", "--input", en, "--out", steadyRerun}},
	}
	if *peer && n == "1000000" {
		// Debian's python3 has pandas and openpyxl (apt-get install
		// python3-pandas python3-openpyxl); another python3 may not.
		py := "/usr/bin/python3"
		if exec.Command(py, "-c", "import pandas, openpyxl").Run() == nil {
			out = append(out, scenario{name: "pandas+openpyxl profitability " + n, baseline: run,
				args: []string{py, "bench/peer/profitability.py", en, filepath.Join(work, "peer-"+n+".xlsx")}})
		} else {
			fmt.Fprintln(os.Stderr, "bench: the pandas peer is skipped: apt-get install python3-pandas python3-openpyxl")
		}
	}
	return out, nil
}
