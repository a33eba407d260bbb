package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// generate makes the sample at n lines in both locales once; later runs
// reuse the cache.
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

// salesOnly is a folder holding (links to) the sales files of dir, so that
// kam and DuckDB alone read the same sales bytes, plus kam's exchange rates.
func salesOnly(dir string) (string, []string, error) {
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
		return "", nil, fmt.Errorf("no uncompressed sales files in %s", dir)
	}
	only := dir + "-sales"
	os.RemoveAll(only)
	if err := os.MkdirAll(only, 0o755); err != nil {
		return "", nil, err
	}
	// The exchange rates come along (a few kB) so that kam converts the
	// USD and MXN lines instead of rejecting them.
	if rates != "" {
		if err := os.Symlink(rates, filepath.Join(only, filepath.Base(rates))); err != nil {
			return "", nil, err
		}
	}
	// Compressed older years are expanded so that both sides read plain CSV.
	var plain []string
	for _, f := range files {
		target := filepath.Join(only, filepath.Base(f))
		if strings.HasSuffix(f, ".gz") {
			target = strings.TrimSuffix(target, ".gz")
			if err := gunzip(f, target); err != nil {
				return "", nil, err
			}
		} else if err := os.Symlink(f, target); err != nil {
			return "", nil, err
		}
		plain = append(plain, abs(target))
	}
	return only, plain, nil
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
	work := filepath.Join(*dataDir, "work")
	fresh := func(d string) func() error {
		return func() error { os.RemoveAll(d); return os.MkdirAll(d, 0o755) }
	}
	baseDB := filepath.Join(work, "baseline-"+n)
	return []scenario{
		{name: "baseline read_csv " + n, setup: fresh(baseDB),
			args: append([]string{*base, filepath.Join(baseDB, "b.duckdb")}, enFiles...)},
		{name: "kam ingest UTF-8 " + n, baseline: "baseline read_csv " + n, setup: fresh(filepath.Join(work, "en-"+n)),
			args: []string{*kam, "ingest", "-q", "--input", enSales, "--out", filepath.Join(work, "en-"+n)}},
		{name: "kam ingest Windows-1252 " + n, baseline: "kam ingest UTF-8 " + n, setup: fresh(filepath.Join(work, "es-"+n)),
			args: []string{*kam, "ingest", "-q", "--input", esSales, "--out", filepath.Join(work, "es-"+n)}},
	}, nil
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
