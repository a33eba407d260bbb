package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newSampleCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "sample --out DIR",
		Short: "Generate realistic sample exports, deterministically from a seed",
		RunE: func(cmd *cobra.Command, _ []string) error {
			return fmt.Errorf("the sample generator is not built yet")
		},
	}
	return c
}
