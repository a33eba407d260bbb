package main

import (
	"fmt"
	"io"
	"time"

	"kam/pipeline"
)

// lineProgress prints one line per stage (and per file with --verbose).
type lineProgress struct {
	w              io.Writer
	quiet, verbose bool
}

func newProgress(w io.Writer, quiet, verbose bool) pipeline.Progress {
	return &lineProgress{w: w, quiet: quiet, verbose: verbose}
}

func (p *lineProgress) File(i, n int, path string, size int64) {
	if p.verbose {
		fmt.Fprintf(p.w, "kam: [%d/%d] %s (%.1f MB)\n", i, n, path, float64(size)/1e6)
	}
}

func (p *lineProgress) FileDone(path string, size int64, d time.Duration) {
	if p.verbose {
		fmt.Fprintf(p.w, "kam:   %s done in %s (%.0f MB/s)\n", path, d.Round(time.Millisecond), float64(size)/1e6/max(d.Seconds(), 1e-3))
	}
}

func (p *lineProgress) Stage(name string) {}

func (p *lineProgress) StageDone(name string, d time.Duration) {
	if p.quiet {
		return
	}
	if len(name) > 6 && name[:6] == "model " && !p.verbose {
		return
	}
	fmt.Fprintf(p.w, "kam: %s %s\n", name, d.Round(time.Millisecond))
}
