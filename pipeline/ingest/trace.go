package ingest

import (
	"fmt"
	"os"
	"time"
)

// tracer prints how long each phase of a step took when KAM_TRACE is set:
// a developer's tool for finding where a run spends its time.
type tracer struct {
	name string
	last time.Time
	on   bool
}

func newTracer(name string) *tracer {
	return &tracer{name: name, last: time.Now(), on: os.Getenv("KAM_TRACE") != ""}
}

func (t *tracer) mark(phase string) {
	if !t.on {
		return
	}
	now := time.Now()
	fmt.Fprintf(os.Stderr, "trace %s %-14s %8.3fs\n", t.name, phase, now.Sub(t.last).Seconds())
	t.last = now
}
