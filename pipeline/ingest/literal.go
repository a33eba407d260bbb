package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// globChars are what DuckDB's file readers (read_csv, read_parquet) take
// for a pattern even in a single path: ventas[1].csv would read
// ventas1.csv, ventas*.parquet every Parquet file beside it. A backslash
// escapes some of them, inconsistently, so no escaping is reliable.
const globChars = "*?[\\"

// literalPath gives a path that DuckDB reads as exactly that file: the path
// itself when it holds no pattern character, else a symbolic link with a
// plain name in a new temporary folder. done removes the link.
func literalPath(path string) (string, func(), error) {
	if !strings.ContainsAny(path, globChars) {
		return path, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "kam-link-")
	if err != nil {
		return "", nil, fmt.Errorf("a temporary folder for a plain name of the file: %w", err)
	}
	done := func() { os.RemoveAll(dir) }
	abs, err := filepath.Abs(path)
	if err != nil {
		done()
		return "", nil, err
	}
	link := filepath.Join(dir, "file"+strings.ToLower(filepath.Ext(path)))
	if strings.ContainsAny(link, globChars) {
		done()
		return "", nil, fmt.Errorf("the file name holds one of %s, which DuckDB reads as a pattern, and so does the temporary folder %s; "+
			"rename the file or set TMPDIR to a plain folder", "* ? [ \\", dir)
	}
	if err := os.Symlink(abs, link); err != nil {
		done()
		return "", nil, fmt.Errorf("a plain name for the file: %w", err)
	}
	return link, done, nil
}
