package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"kam/sample-data/generator"
)

func newSampleCmd() *cobra.Command {
	var o generator.Options
	c := &cobra.Command{
		Use:   "sample --out DIR",
		Short: "Generate realistic sample exports of a Spanish industrial supplier, deterministically from a seed",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.Dir == "" {
				return usagef("sample needs --out: the folder to write the exports into")
			}
			if o.Locale != "es" && o.Locale != "en" {
				return usagef("--locale %q is not supported; use es (Spanish PC shapes) or en", o.Locale)
			}
			s, err := generator.Generate(o)
			if err != nil {
				return usagef("%v", err)
			}
			out := cmd.OutOrStdout()
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "file\tkind\tformat\tencoding\trows")
			for _, f := range s.Files {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", f.Path, f.Kind, f.Format, f.Encoding, f.Rows)
			}
			tw.Flush()
			fmt.Fprintf(out, "%d invoice lines, %d planted bad rows, in %s\n", s.Lines, len(s.BadRows), o.Dir)
			return nil
		},
	}
	c.Flags().StringVar(&o.Dir, "out", "", "folder to write into (created)")
	c.Flags().IntVar(&o.Accounts, "accounts", 0, "customers (default 300, or lines/100)")
	c.Flags().IntVar(&o.Months, "months", 40, "months of history ending with --end")
	c.Flags().IntVar(&o.Lines, "lines", 0, "invoice lines (default: the natural volume for accounts × months)")
	c.Flags().Uint64Var(&o.Seed, "seed", 1, "random seed: the same seed gives the same files")
	c.Flags().StringVar(&o.Locale, "locale", "es", "es: Windows-1252, ';', decimal commas, Spanish headers; en: UTF-8, ',', English headers")
	c.Flags().StringVar(&o.End, "end", "2026-10", "last month of the history, YYYY-MM")
	return c
}
