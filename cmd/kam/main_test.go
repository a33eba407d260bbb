package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run the real kam command in-process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"kam":     func() { os.Exit(main1()) },
		"kamfix":  func() { os.Exit(kamfix(os.Args[1:])) },
		"kamsql":  func() { os.Exit(kamsql(os.Args[1:])) },
		"kamhold": func() { os.Exit(kamhold(os.Args[1:])) },
	})
}

// TestScripts runs testdata/script/*.txtar: the CLI end to end, one case
// per file, each opening with a comment on what it proves.
func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: false,
		Setup: func(e *testscript.Env) error {
			e.Setenv("HOME", e.WorkDir)
			return nil
		},
	})
}
