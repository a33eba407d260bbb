package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"kam/pipeline"
)

// newProgress draws a bar (files, MB, MB/s) for the ingest when stderr is a
// terminal, and prints one line per stage otherwise (per file and per model
// with --verbose); --quiet prints nothing.
func newProgress(w io.Writer, quiet, verbose bool) pipeline.Progress {
	if quiet {
		return pipeline.NoProgress{}
	}
	raw := w
	if c, ok := w.(console); ok {
		raw = c.w // the bar draws with control characters of its own
	}
	if f, ok := raw.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !verbose {
		return &barProgress{lines: lineProgress{w: w}, raw: raw}
	}
	return &lineProgress{w: w, verbose: verbose}
}

// lineProgress prints one line per stage.
type lineProgress struct {
	w       io.Writer
	verbose bool
}

func (p *lineProgress) File(i, n int, path string, size int64) {
	if p.verbose {
		fmt.Fprintf(p.w, "kam: [%d/%d] %s (%.1f MB)\n", i, n, pipeline.Printable(path), float64(size)/1e6)
	}
}

func (p *lineProgress) FileDone(path string, size int64, d time.Duration) {
	if p.verbose {
		fmt.Fprintf(p.w, "kam:   %s done in %s (%.1f MB/s)\n", pipeline.Printable(path), d.Round(time.Millisecond), float64(size)/1e6/max(d.Seconds(), 1e-3))
	}
}

func (p *lineProgress) Stage(string) {}

func (p *lineProgress) StageDone(name string, d time.Duration) {
	if strings.HasPrefix(name, "model ") && !p.verbose {
		return
	}
	fmt.Fprintf(p.w, "kam: %s %s\n", name, d.Round(time.Millisecond))
}

// barProgress shows the ingest as a bar over the bytes of the input files.
type barProgress struct {
	lines lineProgress
	raw   io.Writer
	bar   *progressbar.ProgressBar
	total int64
}

func (p *barProgress) File(i, n int, path string, size int64) {
	if p.bar == nil {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(p.raw),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	p.bar.Describe(fmt.Sprintf("kam: ingest [%d/%d] %s", i, n, pipeline.Printable(path)))
}

func (p *barProgress) FileDone(path string, size int64, d time.Duration) {
	if p.bar != nil {
		p.bar.Add64(size)
	}
}

func (p *barProgress) Stage(string) {}

func (p *barProgress) StageDone(name string, d time.Duration) {
	if p.bar != nil && name == "ingest" {
		p.bar.Finish()
		p.bar = nil
	}
	p.lines.StageDone(name, d)
}
