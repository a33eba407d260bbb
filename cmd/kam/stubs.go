package main

import "github.com/spf13/cobra"

func newRunCmd() *cobra.Command     { return &cobra.Command{Use: "run"} }
func newIngestCmd() *cobra.Command  { return &cobra.Command{Use: "ingest"} }
func newReportCmd() *cobra.Command  { return &cobra.Command{Use: "report"} }
func newCheckCmd() *cobra.Command   { return &cobra.Command{Use: "check"} }
func newSampleCmd() *cobra.Command  { return &cobra.Command{Use: "sample"} }
func newVersionCmd() *cobra.Command { return &cobra.Command{Use: "version"} }
