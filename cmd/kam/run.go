package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"kam/i18n"
	"kam/pipeline"
)

// runFlags are the flags shared by run, ingest and report.
type runFlags struct {
	input, out, db, period, config, lang string
	quiet, verbose                       bool
}

func (f *runFlags) register(c *cobra.Command, input bool) {
	if input {
		c.Flags().StringVar(&f.input, "input", "", "folder with the sales and CRM exports (scanned recursively)")
	}
	c.Flags().StringVar(&f.out, "out", "out", "output folder: the warehouse and one folder per period")
	c.Flags().StringVar(&f.db, "db", "", "warehouse file (default: kam.duckdb inside --out)")
	c.Flags().StringVar(&f.period, "period", "", "report month YYYY-MM (default: the latest month with sales)")
	c.Flags().StringVar(&f.config, "config", "", "YAML configuration (default: kam.yaml in the input folder, if any)")
	c.Flags().StringVar(&f.lang, "lang", "", "report language: "+strings.Join(i18n.Languages, " or ")+" (default: the configuration's, else "+i18n.Default+")")
	c.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "print only errors")
	c.Flags().BoolVarP(&f.verbose, "verbose", "v", false, "print every step")
}

func newRunCmd() *cobra.Command {
	var f runFlags
	c := &cobra.Command{
		Use:   "run --input DIR --out DIR",
		Short: "Ingest the exports, run the models and write the period's reports",
		RunE:  func(cmd *cobra.Command, _ []string) error { return execute(cmd, "run", f) },
	}
	f.register(c, true)
	return c
}

func newIngestCmd() *cobra.Command {
	var f runFlags
	c := &cobra.Command{
		Use:   "ingest --input DIR",
		Short: "Load the exports into the warehouse and print the per-file accounting",
		RunE:  func(cmd *cobra.Command, _ []string) error { return execute(cmd, "ingest", f) },
	}
	f.register(c, true)
	return c
}

func newReportCmd() *cobra.Command {
	var f runFlags
	c := &cobra.Command{
		Use:   "report --out DIR",
		Short: "Run the models and write the reports from what is already loaded",
		RunE:  func(cmd *cobra.Command, _ []string) error { return execute(cmd, "report", f) },
	}
	f.register(c, false)
	return c
}

func execute(cmd *cobra.Command, command string, f runFlags) error {
	if command != "report" && f.input == "" {
		return usagef("%s needs --input: the folder with the exports", command)
	}
	if f.period != "" && !pipeline.ValidPeriod(f.period) {
		return usagef("--period %q is not a month kam can report; write it as YYYY-MM with a year from 1900 to 2100, e.g. 2026-10", f.period)
	}
	if f.lang != "" && !slices.Contains(i18n.Languages, f.lang) {
		return usagef("--lang %q is not supported; use %s", f.lang, strings.Join(i18n.Languages, " or "))
	}
	if f.input != "" {
		if st, err := os.Stat(f.input); err != nil || !st.IsDir() {
			return usagef("--input %s is not a folder", f.input)
		}
		// An output folder inside the input folder is left out of the scan;
		// the other way round, every input would be.
		if in, out := pipeline.RealPath(f.input), pipeline.RealPath(f.out); pipeline.Within(in, out) {
			what := "is the input folder"
			if in != out {
				what = "holds the input folder " + f.input
			}
			return usagef("--out %s %s: kam would take the exports for its own outputs and leave them all out; choose an output folder outside the input folder, e.g. --out %s",
				f.out, what, filepath.Join(filepath.Dir(in), "kam-out"))
		}
	}
	cfg, err := loadConfig(f.config, f.input)
	if err != nil {
		var ce *configError
		if errors.As(err, &ce) && f.lang != "" {
			ce.lang = f.lang
		}
		return err
	}
	if f.lang != "" {
		cfg.Language = f.lang
	}
	db := f.db
	if db == "" {
		db = filepath.Join(f.out, "kam.duckdb")
	}
	if err := pipeline.CheckWarehouseFile(db); err != nil {
		return usageError{err}
	}
	if command == "report" {
		if _, err := os.Stat(db); err != nil {
			return fmt.Errorf("no warehouse at %s; load the exports first with kam ingest --input DIR or kam run", db)
		}
	}
	stderr := cmd.ErrOrStderr()
	progress := newProgress(stderr, f.quiet, f.verbose)
	m, err := pipeline.Run(cmd.Context(), pipeline.RunOptions{
		Command: command, Input: f.input, Out: f.out, DB: db, Period: f.period, Config: cfg,
		Progress: progress, Version: version, Reports: reportWriters(progress),
		// Always shown, even with -q: they say which state the warehouse
		// and the reports are in.
		Notice: func(s string) { fmt.Fprintf(stderr, "kam: %s\n", s) },
	})
	if m != nil && command != "report" && !f.quiet {
		printFiles(cmd.OutOrStdout(), m)
	}
	if err != nil {
		var fe *pipeline.FileError
		if errors.As(err, &fe) || strings.Contains(err.Error(), "\n") {
			// The lead-in speaks the language of the message it leads: a
			// Spanish reject report is not introduced in English, and an
			// English-only message is not introduced in Spanish.
			lang := i18n.Default
			var localized interface{ Language() string }
			if errors.As(err, &localized) {
				lang = localized.Language()
			}
			return fmt.Errorf("%s\n%w", i18n.T(lang, "fail.run"), err)
		}
		return err
	}
	if !f.quiet {
		for _, nb := range m.NotBuilt {
			fmt.Fprintf(stderr, "kam: not built yet: %s\n", nb)
		}
		if m.Period == "" {
			fmt.Fprintf(cmd.OutOrStdout(), "no sales loaded yet, so no period; outputs in %s\n", f.out)
		} else {
			fmt.Fprintf(cmd.OutOrStdout(), "period %s (%s); outputs in %s\n", m.Period, m.PeriodSource, filepath.Join(f.out, m.Period))
		}
	}
	return nil
}

// printFiles prints the per-file accounting table.
func printFiles(out io.Writer, m *pipeline.Manifest) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\tkind\tformat\tencoding\tread\tloaded\trejected\tduplicate\t")
	for _, f := range m.Files {
		enc := f.Encoding
		if enc == "" {
			enc = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t\n", pipeline.Printable(f.Path), f.Kind, f.Format, enc,
			f.RowsRead, f.RowsLoaded, f.RowsRejected, f.RowsDuplicate)
	}
	t := m.Totals
	fmt.Fprintf(tw, "total\t\t\t\t%d\t%d\t%d\t%d\t\n", t.RowsRead, t.RowsLoaded, t.RowsRejected, t.RowsDuplicate)
	tw.Flush()
	for _, f := range m.Files {
		if f.UnknownTargets > 0 {
			ids := strings.Join(f.UnknownTargetIDs, ", ")
			if f.UnknownTargetIDCount > int64(len(f.UnknownTargetIDs)) {
				ids += ", …"
			}
			known := "kam knows none"
			if f.KnownIDCount > 0 {
				known = fmt.Sprintf("kam knows %d: %s", f.KnownIDCount, strings.Join(f.KnownIDs, ", "))
				if f.KnownIDCount > int64(len(f.KnownIDs)) {
					known += ", …"
				}
			}
			fmt.Fprintf(out, "%s: %d target(s) name %d %s that kam does not know (%s): they are left out of the plan; %s — check that the targets use the same ids as the sales, accounts and kams files\n",
				f.Path, f.UnknownTargets, f.UnknownTargetIDCount, f.UnknownTargetOf, ids, known)
		}
		if f.ZeroIDRows > 0 {
			ids := strings.Join(f.ZeroIDs, ", ")
			if f.ZeroIDCount > int64(len(f.ZeroIDs)) {
				ids += ", …"
			}
			fmt.Fprintf(out, "%s: %d row(s) name %d account code(s) that kam knows only once leading zeros are dropped (%s): read as those accounts, each the only one with that number (a file opened in Excel loses leading zeros; SAP pads them); if they are different accounts, give the accounts file both codes\n",
				f.Path, f.ZeroIDRows, f.ZeroIDCount, ids)
		}
		if f.NameIDRows > 0 {
			ids := strings.Join(f.NameIDs, ", ")
			if f.NameIDCount > int64(len(f.NameIDs)) {
				ids += ", …"
			}
			fmt.Fprintf(out, "%s: %d row(s) name their account by %d name(s), not by its code (%s): read as those accounts, the only one of each name; if a name is another account's, give the file the accounts' codes\n",
				f.Path, f.NameIDRows, f.NameIDCount, ids)
		}
		if f.TaxIDNote != "" {
			fmt.Fprintf(out, "%s: %s\n", pipeline.Printable(f.Path), pipeline.Printable(f.TaxIDNote))
		}
		if f.UnknownAccountIDCount > 0 {
			printUnknownAccounts(out, f)
		}
		for _, n := range slices.Concat(f.KeyListNotes, f.InvoiceTotalsNotes, f.OrderNotes) {
			fmt.Fprintf(out, "%s: %s\n", pipeline.Printable(f.Path), pipeline.Printable(n))
		}
		if f.CancelledLines > 0 {
			fmt.Fprintf(out, "%s: %d sales line(s) of cancelled or returned orders (%s %s) are loaded but kept out of revenue (see data_quality)\n",
				f.Path, f.CancelledLines, f.CancelledRevenue, m.Config.Currency)
		}
		if f.NotIssuedLines > 0 {
			fmt.Fprintf(out, "%s: %d sales line(s) of documents not issued or that sell nothing (drafts, quotations, pro formas, orders not invoiced yet, payment, payroll or transfer receipts: %s %s) are loaded but kept out of revenue (see data_quality)\n",
				f.Path, f.NotIssuedLines, f.NotIssuedRevenue, m.Config.Currency)
		}
		if f.ActivitiesNotDone > 0 {
			fmt.Fprintf(out, "%s: %d activit(ies) whose status says they have not taken place (planned, open or cancelled) are loaded but kept out of the KAMs' time, cost and contacts\n",
				f.Path, f.ActivitiesNotDone)
		}
	}
	// Skipped files, one line per reason (a folder of source code or
	// documents beside the exports would otherwise drown the table).
	var reasons []string
	byReason := map[string][]string{}
	for _, s := range m.Skipped {
		if byReason[s.Reason] == nil {
			reasons = append(reasons, s.Reason)
		}
		byReason[s.Reason] = append(byReason[s.Reason], pipeline.Printable(s.Path))
	}
	for _, r := range reasons {
		paths := byReason[r]
		if len(paths) == 1 {
			fmt.Fprintf(out, "skipped %s: %s\n", paths[0], pipeline.Printable(r))
			continue
		}
		shown := paths
		if len(shown) > 5 {
			shown = append(shown[:5:5], fmt.Sprintf("… %d more (see manifest.json)", len(paths)-5))
		}
		fmt.Fprintf(out, "skipped %d files: %s: %s\n", len(paths), pipeline.Printable(r), strings.Join(shown, ", "))
	}
	if len(m.Kept) > 0 {
		fmt.Fprintf(out, "%d file(s) loaded by earlier runs are kept in the warehouse\n", len(m.Kept))
	}
	if u := m.Unattributed; u != nil {
		fmt.Fprintf(out, "%d sales line(s) of the last twelve months (%s %s of %s loaded) have a blank customer or one the accounts do not know: their revenue is in the company's totals but in no account's figures (see revenue_reconciliation); check that the sales and the accounts use the same customer ids\n",
			u.Lines, u.Revenue, m.Config.Currency, u.Loaded)
		if len(u.Shared) > 0 {
			more := ""
			if u.SharedCount > int64(len(u.Shared)) {
				more = fmt.Sprintf("; … %d in all", u.SharedCount)
			}
			fmt.Fprintf(out, "among their customers, %s%s: each is the name or the tax id of several accounts, so kam cannot tell which one is meant and takes none; give the sales the accounts' own codes, or the accounts different names and tax ids\n",
				pipeline.Printable(strings.Join(u.Shared, "; ")), more)
		}
	}
	if pm := m.PartialMonth; pm != nil {
		fmt.Fprintf(out, "the sales of %s run only until %s, while the months before it run to their ends: %s is a partial month, so its figures cover part of it and its changes against complete months are shown as not comparable; --period %s reports the last complete month\n",
			pm.Month, pm.LastSale, pm.Month, pm.LastCompleted)
	}
	printConflicts(out, m)
}

// printUnknownAccounts says how many deals or activities of a file name an
// account kam does not know, and why when it can tell: without it, a deals
// file keyed otherwise than the accounts loads whole and fills no
// account's pipeline. Rows without an account (an internal meeting, a deal
// not associated yet) are only counted beside them.
func printUnknownAccounts(out io.Writer, f pipeline.FileAccounting) {
	rows := "deal(s)"
	if f.Kind == "activities" {
		rows = "activit(ies)"
	}
	var why []string
	if n := f.UnknownAccountRows - f.UnknownAccountBlank; n > 0 {
		why = append(why, fmt.Sprintf("%d name %d account(s) kam does not know: %s", n, f.UnknownAccountIDCount, pipeline.Printable(f.UnknownIDList())))
	}
	if f.UnknownAccountBlank > 0 {
		why = append(why, fmt.Sprintf("%d have no account", f.UnknownAccountBlank))
	}
	fmt.Fprintf(out, "%s: %d %s belong to no account (%s): they are loaded but in no account's figures; check that the file and the accounts use the same ids\n",
		pipeline.Printable(f.Path), f.UnknownAccountRows, rows, strings.Join(why, "; "))
	if len(f.CaseLostIDs) > 0 {
		fmt.Fprintf(out, "%s: %s: a 15-character Salesforce id whose case was lost, and case tells records apart: kam cannot tell which account is meant, so none is taken; export the 18-character id (Data Loader's, or CASESAFEID in a report)\n",
			pipeline.Printable(f.Path), pipeline.Printable(strings.Join(f.CaseLostIDs, "; ")))
	}
	if len(f.SharedNames) > 0 {
		fmt.Fprintf(out, "%s: %s name several accounts each: which one is meant kam cannot tell, so none is taken; give the file the accounts' codes, or the accounts different names\n",
			pipeline.Printable(f.Path), pipeline.Printable(strings.Join(f.SharedNames, "; ")))
	}
	if len(f.OtherNamedIDs) > 0 {
		fmt.Fprintf(out, "%s: %s write a known account's code in brackets under another name: not taken for that account, since the names disagree; if it is the same account, give it that name or map the column that holds the code alone\n",
			pipeline.Printable(f.Path), pipeline.Printable(strings.Join(f.OtherNamedIDs, "; ")))
	}
}

// printConflicts lists the first duplicates whose values differ from the
// row kept: the newest row wins, but the user must see what it overruled.
func printConflicts(out io.Writer, m *pipeline.Manifest) {
	var n int64
	for _, f := range append(append([]pipeline.FileAccounting(nil), m.Files...), m.Kept...) {
		n += f.RowsConflicting
	}
	if n == 0 {
		return
	}
	fmt.Fprintf(out, "%d duplicate row(s) conflict with the row kept (the same key with other values; the newest row was kept):\n", n)
	const shown = 5
	for i, c := range m.Conflicts {
		if i == shown {
			break
		}
		fmt.Fprintf(out, "  %s line %d (%s %s): %s (kept: %s line %d)\n", pipeline.Printable(c.Path), c.Line, c.Kind,
			pipeline.Printable(c.Key), pipeline.Printable(strings.Join(c.Differences, "; ")), pipeline.Printable(c.KeptPath), c.KeptLine)
	}
	if n > shown {
		fmt.Fprintf(out, "  … %d more: manifest.json (conflicting_duplicates) lists the first %d, the warehouse's staging.stg_duplicates all\n", n-shown, len(m.Conflicts))
	}
}
