package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The exit codes of the command-line contract: 0 ok, 1 failed run, 2 usage.
func TestExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "ventas.csv"), []byte("factura;fecha;cliente;importe\nF1;01/10/2026;C1;10\n"), 0o644)
	bad := filepath.Join(dir, "bad")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "ventas.csv"), []byte("factura;fecha;cliente;importe\nF1;01/10/2026;C1;x\n"), 0o644)
	out := filepath.Join(dir, "out")
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"version"}, exitOK},
		{[]string{"ingest", "--input", in, "--out", out}, exitOK},
		{[]string{"ingest", "--input", bad, "--out", out}, exitFail},
		{[]string{"ingest"}, exitUsage},
		{[]string{"ingest", "--input", in, "--bogus"}, exitUsage},
		{[]string{"run", "--input", in, "--period", "10-2026"}, exitUsage},
		{[]string{"nonsense"}, exitUsage},
		{[]string{}, exitUsage},
		{[]string{"check", "--db", filepath.Join(dir, "none.duckdb")}, exitUsage},
		{[]string{"sample"}, exitUsage},
	}
	for _, c := range cases {
		var stdout, stderr bytes.Buffer
		if got := runCLI(context.Background(), c.args, &stdout, &stderr); got != c.want {
			t.Errorf("kam %v: exit %d, want %d\nstderr: %s", c.args, got, c.want, stderr.String())
		}
	}
}
