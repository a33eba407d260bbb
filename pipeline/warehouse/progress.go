package warehouse

import "time"

// Progress hears about long steps; cmd/kam draws it (a bar on a terminal,
// one line per stage otherwise).
type Progress interface {
	File(i, n int, path string, size int64)
	FileDone(path string, size int64, d time.Duration)
	Stage(name string)
	StageDone(name string, d time.Duration)
}

// NoProgress ignores everything.
type NoProgress struct{}

func (NoProgress) File(int, int, string, int64)          {}
func (NoProgress) FileDone(string, int64, time.Duration) {}
func (NoProgress) Stage(string)                          {}
func (NoProgress) StageDone(string, time.Duration)       {}
