package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"kam/pipeline"
)

func newCheckCmd() *cobra.Command {
	var db, config string
	c := &cobra.Command{
		Use:   "check [--db FILE]",
		Short: "Run the data tests on the warehouse; exit 1 if one fails",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := os.Stat(db); err != nil {
				return usagef("no warehouse at %s; run kam run first or pass --db", db)
			}
			cfg, err := loadConfig(config, "")
			if err != nil {
				return err
			}
			w, err := pipeline.OpenWarehouse(cmd.Context(), db, cfg.DuckDB)
			if err != nil {
				return err
			}
			defer w.Close()
			if w.Recovered != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "kam: %s\n", w.Recovered)
			}
			if err := w.Begin(cmd.Context()); err != nil {
				return err
			}
			results, err := w.RunChecks(cmd.Context())
			if err != nil {
				return err
			}
			var failed []pipeline.CheckResult
			out := cmd.OutOrStdout()
			for _, r := range results {
				status := "ok  "
				if !r.Passed() {
					status = "FAIL"
					failed = append(failed, r)
				}
				fmt.Fprintf(out, "%s %s — %s\n", status, r.Name, r.Description)
			}
			if len(failed) > 0 {
				w.Rollback()
				return &pipeline.ChecksError{Failed: failed}
			}
			return w.Commit(cmd.Context())
		},
	}
	c.Flags().StringVar(&db, "db", "out/kam.duckdb", "warehouse file")
	c.Flags().StringVar(&config, "config", "", "YAML configuration (for the DuckDB settings)")
	return c
}
