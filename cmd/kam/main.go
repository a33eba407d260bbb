// Command kam loads sales and CRM exports into an embedded DuckDB warehouse,
// runs the key account management models and writes the monthly workbook and
// HTML report. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/cobra"

	"kam/pipeline"
)

func main() { os.Exit(main1()) }

// Exit codes, as README.md ("Using kam") promises them.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// usageError marks errors that are the caller's: wrong flags or arguments.
type usageError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

func main1() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// KAM_CPUPROFILE=file writes a Go CPU profile of the run: a developer's
	// tool for finding where the Go side spends its time (go tool pprof).
	if path := os.Getenv("KAM_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			defer f.Close()
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "kam: KAM_CPUPROFILE: %v (running without a profile)\n", err)
		} else {
			defer pprof.StopCPUProfile()
		}
	}
	return runCLI(ctx, os.Args[1:], os.Stdout, os.Stderr)
}

func runCLI(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	stdout, stderr = console{stdout}, console{stderr}
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ue usageError
	var ce *pipeline.CommittedError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "kam: %v\nRun 'kam --help' for usage.\n", err)
		return exitUsage
	case ctx.Err() != nil && !errors.As(err, &ce):
		fmt.Fprintf(stderr, "kam: interrupted; nothing half-written was kept, the warehouse and reports are as before the run\n")
		return exitFail
	default:
		fmt.Fprintf(stderr, "kam: %v\n", err)
		return exitFail
	}
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "kam",
		Short:         "Key account management analytics: ingest exports, run models, write reports",
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.Help()
			return usagef("name a command")
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newRunCmd(),
		newIngestCmd(),
		newReportCmd(),
		newCheckCmd(),
		newSampleCmd(),
		newVersionCmd(),
		newGraphCmd(),
	)
	// Unknown subcommands and stray arguments are usage errors too.
	for _, c := range append(root.Commands(), root) {
		c.Args = wrapArgs(c.Args)
	}
	return root
}

func wrapArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if check == nil {
			check = cobra.NoArgs
		}
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
