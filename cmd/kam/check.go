package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newCheckCmd() *cobra.Command {
	var db string
	c := &cobra.Command{
		Use:   "check",
		Short: "Run the data tests on the warehouse; non-zero exit if one fails",
		RunE: func(cmd *cobra.Command, _ []string) error {
			return fmt.Errorf("data tests are not built yet")
		},
	}
	c.Flags().StringVar(&db, "db", "out/kam.duckdb", "warehouse file")
	return c
}
