package packs

import (
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// TestParallel: results come back in the jobs' order whatever the number
// of goroutines; the serial jobs never run two at a time (excelize's
// shared icon-set rules); a failure is reported, and it is the first
// failed job's in the jobs' order, not a later one's.
func TestParallel(t *testing.T) {
	for _, n := range []int{1, 2, 4} {
		var inSerial, overlap atomic.Int32
		var jobs, serial []func() (string, error)
		var want, wantSerial []string
		for i := range 40 {
			jobs = append(jobs, func() (string, error) {
				time.Sleep(time.Duration(i%3) * time.Millisecond) // finish out of order
				return fmt.Sprint("page", i), nil
			})
			want = append(want, fmt.Sprint("page", i))
		}
		for i := range 10 {
			serial = append(serial, func() (string, error) {
				if inSerial.Add(1) > 1 {
					overlap.Add(1)
				}
				time.Sleep(time.Millisecond)
				inSerial.Add(-1)
				return fmt.Sprint("book", i), nil
			})
			wantSerial = append(wantSerial, fmt.Sprint("book", i))
		}
		got, gotSerial, err := parallel(n, jobs, serial)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) || !slices.Equal(gotSerial, wantSerial) {
			t.Errorf("n=%d: results %v %v, want %v %v", n, got, gotSerial, want, wantSerial)
		}
		if overlap.Load() > 0 {
			t.Errorf("n=%d: serial jobs ran at the same time %d times", n, overlap.Load())
		}
	}

	boom := errors.New("boom")
	var jobs []func() (string, error)
	for i := range 20 {
		jobs = append(jobs, func() (string, error) {
			if i == 5 {
				return "", fmt.Errorf("job %d: %w", i, boom)
			}
			return "ok", nil
		})
	}
	for _, n := range []int{1, 2} {
		if _, _, err := parallel(n, jobs, nil); !errors.Is(err, boom) || err.Error() != "job 5: boom" {
			t.Errorf("n=%d: error %v, want job 5's", n, err)
		}
		serial := []func() (string, error){func() (string, error) { return "", boom }}
		if _, _, err := parallel(n, nil, serial); !errors.Is(err, boom) {
			t.Errorf("n=%d: a failed serial job gave %v", n, err)
		}
	}
}
