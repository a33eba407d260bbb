package packs

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileInPlace: a page is written at its name, readable by all
// whatever the umask, and a page whose writing fails leaves no file (the
// period folder is published whole, so nothing half written is seen).
func TestWriteFileInPlace(t *testing.T) {
	dir := t.TempDir()
	path, err := writeFile(dir, "accounts/a.html", func(bw *bufio.Writer) error {
		_, err := bw.WriteString("<p>ok</p>")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "accounts", "a.html") {
		t.Errorf("path %s", path)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "<p>ok</p>" {
		t.Fatalf("read back %q, %v", b, err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want 0644", st.Mode().Perm(), err)
	}

	failed := errors.New("template failed")
	_, err = writeFile(dir, "accounts/b.html", func(bw *bufio.Writer) error {
		bw.WriteString("<p>half")
		bw.Flush()
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("err %v, want the write's", err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "accounts"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "a.html" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files after a failed write: %v, want [a.html]", names)
	}
}
