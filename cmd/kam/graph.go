package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"kam/pipeline"
)

func newGraphCmd() *cobra.Command {
	var mermaid, readme string
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Print the model graph (run order, period and history declarations, upstreams) and write it as Mermaid",
		Long: `Print the model graph: one line per model in run order, [period] when it
depends on the report period, [history] when each run keeps it, and the
models it reads. The graph is checked first (unknown references, cycles,
the layer rule, the period declarations); a broken graph exits 1.
--mermaid writes the graph as a Mermaid flowchart; --readme rewrites the
graph section of queries/README.md.`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ms, err := pipeline.AllModels()
			if err != nil {
				return err
			}
			fmt.Fprint(cmd.OutOrStdout(), pipeline.GraphText(ms))
			if mermaid != "" {
				if err := os.WriteFile(mermaid, []byte(pipeline.Mermaid(ms)), 0o644); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "graph written to %s\n", mermaid)
			}
			if readme != "" {
				b, err := os.ReadFile(readme)
				if err != nil {
					return err
				}
				s, err := pipeline.WithGraph(string(b), ms)
				if err != nil {
					return fmt.Errorf("%s: %w", readme, err)
				}
				if err := os.WriteFile(readme, []byte(s), 0o644); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&mermaid, "mermaid", "kam-graph.mmd", "write the graph as a Mermaid flowchart to this file (empty: do not write)")
	cmd.Flags().StringVar(&readme, "readme", "", "rewrite the graph section of this README (queries/README.md)")
	return cmd
}
