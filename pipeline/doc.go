// Package pipeline runs kam: the stages of a run, in order (see Run) —
// open the warehouse, ingest the input folder (package ingest), build the
// staging models and account for every row, decide the period, build the
// history and the marts and run the data tests (package warehouse), write
// the outputs, commit and publish. The stages keep their own vocabulary in
// their packages; this one only orchestrates them.
package pipeline
