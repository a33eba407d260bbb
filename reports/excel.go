package reports

import (
	"context"
	"errors"
)

// ErrNotBuilt marks a report writer that does not exist yet.
var ErrNotBuilt = errors.New("not built yet")

// WriteExcel writes portfolio-<period>.xlsx into dir and returns its path.
func WriteExcel(ctx context.Context, src Source, run Run, dir string) (string, error) {
	return "", ErrNotBuilt
}
