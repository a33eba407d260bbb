// Command bench measures kam against DuckDB alone on generated data, as
// whole processes, alternating the scenarios so that a noisy shared
// machine affects them alike. It prints medians, ratios, peak memory and
// each stage's share of a run, and writes bench/results.md. Run it with
// make bench (BENCHFLAGS='-lines 1000000,10000000' for both sizes).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
)

type scenario struct {
	name     string
	baseline string // the scenario whose median this one is compared with
	setup    func() error
	args     []string
	stages   string // output folder whose manifest.json has the stage timings
}

type result struct {
	wall   []time.Duration
	rss    []int64 // KiB
	stages map[string][]float64
}

var (
	dataDir = flag.String("data", "bench/data", "cache of generated inputs")
	rounds  = flag.Int("rounds", 5, "runs of each scenario")
	sizes   = flag.String("lines", "1000000", "comma-separated invoice line counts to generate and measure")
	kam     = flag.String("kam", "bin/kam", "kam binary")
	baseBin = flag.String("baseline", "bin/baseline", "baseline binary")
	peer    = flag.Bool("peer", true, "also time the pandas + openpyxl peer script at 1 M lines")
	out     = flag.String("out", "bench/results.md", "results file")
)

func main() {
	flag.Parse()
	var all []scenario
	for _, s := range strings.Split(*sizes, ",") {
		sc, err := scenarios(strings.TrimSpace(s))
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		all = append(all, sc...)
	}
	results := map[string]*result{}
	for r := 0; r < *rounds; r++ {
		for _, s := range all {
			if s.setup != nil {
				if err := s.setup(); err != nil {
					fmt.Fprintln(os.Stderr, "bench:", s.name, err)
					os.Exit(1)
				}
			}
			d, rss, err := timeRun(s.args)
			if err != nil {
				fmt.Fprintf(os.Stderr, "bench: %s: %v\n", s.name, err)
				os.Exit(1)
			}
			res := results[s.name]
			if res == nil {
				res = &result{stages: map[string][]float64{}}
				results[s.name] = res
			}
			res.wall = append(res.wall, d)
			res.rss = append(res.rss, rss)
			if s.stages != "" {
				for name, secs := range readStages(s.stages) {
					res.stages[name] = append(res.stages[name], secs)
				}
			}
			fmt.Fprintf(os.Stderr, "round %d %-34s %8.2fs %6d MB\n", r+1, s.name, d.Seconds(), rss/1024)
		}
		// The results so far, so that a long run stopped early keeps them.
		if err := writeResults(table(all, results), all, r+1); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
	}
	fmt.Print(table(all, results))
}

// timeRun runs a command and returns its wall time and peak RSS.
func timeRun(args []string) (time.Duration, int64, error) {
	cmd := exec.Command(args[0], args[1:]...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%v: %s", err, stderr.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return d, rss, nil
}

// readStages reads the stage timings of the run's manifest.
func readStages(dir string) map[string]float64 {
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "manifest.json"))
	out := map[string]float64{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		var m struct {
			Stages []struct {
				Name    string  `json:"name"`
				Seconds float64 `json:"seconds"`
			} `json:"stages"`
		}
		if json.Unmarshal(b, &m) == nil {
			for _, s := range m.Stages {
				out[s.Name] += s.Seconds
			}
		}
	}
	return out
}

func median[T int64 | float64 | time.Duration](xs []T) T {
	s := append([]T(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func table(all []scenario, res map[string]*result) string {
	var b strings.Builder
	b.WriteString("| scenario | median s | min s | max s | peak RSS MB | ratio | compared with |\n|---|---|---|---|---|---|---|\n")
	for _, s := range all {
		r := res[s.name]
		if r == nil || len(r.wall) == 0 {
			continue // -rounds 0: only the data was prepared
		}
		sorted := append([]time.Duration(nil), r.wall...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
		var peak int64
		for _, x := range r.rss {
			peak = max(peak, x)
		}
		ratio, with := "", ""
		if s.baseline != "" {
			ratio = fmt.Sprintf("%.2f", median(r.wall).Seconds()/median(res[s.baseline].wall).Seconds())
			with = s.baseline
		}
		fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.2f | %d | %s | %s |\n", s.name, median(r.wall).Seconds(),
			sorted[0].Seconds(), sorted[len(sorted)-1].Seconds(), peak/1024, ratio, with)
	}
	for _, s := range all {
		r := res[s.name]
		if r == nil || len(r.stages) == 0 {
			continue
		}
		total := median(r.wall).Seconds()
		fmt.Fprintf(&b, "\nStages of %s (median seconds, share of the run's median wall time):\n\n| stage | s | share |\n|---|---|---|\n", s.name)
		names := make([]string, 0, len(r.stages))
		for n := range r.stages {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool { return median(r.stages[names[i]]) > median(r.stages[names[j]]) })
		for _, n := range names {
			m := median(r.stages[n])
			fmt.Fprintf(&b, "| %s | %.2f | %.0f %% |\n", n, m, 100*m/total)
		}
	}
	return b.String()
}

func writeResults(report string, all []scenario, done int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmark results\n\nDate: %s. Machine: %d cores, %s memory, %s/%s.\n\n",
		time.Now().Format("2006-01-02 15:04"), runtime.NumCPU(), memTotal(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "Medians of %d of %d rounds per scenario, scenarios alternated in each round; ratios are medians over the median of the scenario compared with, measured in the same run. Produced by `make bench` (`go run ./bench %s`), measuring %s.\n\n",
		done, *rounds, strings.Join(os.Args[1:], " "), kamVersion())
	b.WriteString(report)
	b.WriteString("\n## Commands\n\n")
	for _, s := range all {
		fmt.Fprintf(&b, "- %s: `%s`\n", s.name, strings.Join(s.args, " "))
	}
	return os.WriteFile(*out, []byte(b.String()), 0o644)
}

func kamVersion() string {
	out, err := exec.Command(*kam, "version").Output()
	if err != nil {
		return "(version unknown)"
	}
	return strings.TrimSpace(string(out))
}

func memTotal() string {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return "unknown"
	}
	var kb int64
	fmt.Sscanf(strings.SplitN(string(b), "\n", 2)[0], "MemTotal: %d kB", &kb)
	return fmt.Sprintf("%.0f GB", float64(kb)/1024/1024)
}

func abs(p string) string { a, _ := filepath.Abs(p); return a }
