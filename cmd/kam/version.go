package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print kam's version and the DuckDB library it embeds",
		RunE: func(cmd *cobra.Command, _ []string) error {
			duck := "unknown"
			if info, ok := debug.ReadBuildInfo(); ok {
				for _, d := range info.Deps {
					if d.Path == "github.com/duckdb/duckdb-go/v2" {
						duck = d.Version
					}
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "kam %s (duckdb-go %s)\n", version, duck)
			return nil
		},
	}
}
