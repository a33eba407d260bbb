package reports

import "context"

// WriteHTML writes portfolio-<period>.html into dir and returns its path.
func WriteHTML(ctx context.Context, src Source, run Run, dir string) (string, error) {
	return "", ErrNotBuilt
}
