package main

import (
	"context"
	"errors"
	"sync"
	"time"

	"kam/pipeline"
	"kam/reports"
)

// reportWriters writes the workbook, the HTML report and the KAM packs of
// the run into dir.
//
// The packs (one page per key account, an HTML page and a workbook per
// KAM) are written while the workbook and the report are, on the other
// core: each writer is mostly Go work between its queries, and their
// queries take turns on the run's one connection (Warehouse.qmu; every
// result is materialised, so one writer's open result does not stop
// another's query). The stages are recorded after both are done, in the
// order of the manifest's stage list.
func reportWriters(p pipeline.Progress) func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, dir string) ([]string, error) {
	return func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, dir string) ([]string, error) {
		run := reports.Run{Period: m.Period, Language: m.Language, Manifest: m}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()

		// The KAM packs and key-account pages, beside the report they link back to.
		var packFiles []string
		var packErr error
		var packTime time.Duration
		var wg sync.WaitGroup
		p.Stage("KAM packs")
		wg.Go(func() {
			start := time.Now()
			packFiles, packErr = reports.WritePacks(ctx, w, run, dir)
			packTime = time.Since(start)
			if packErr != nil && !errors.Is(packErr, reports.ErrNoChartLibrary) {
				cancel() // the run fails: the other writers stop too
			}
		})

		type done struct {
			name     string
			d        time.Duration
			notBuilt bool
		}
		var stages []done
		var files []string
		var err error
		for _, wr := range []struct {
			name  string
			write func(context.Context, reports.Source, reports.Run, string) (string, error)
		}{{"Excel workbook", reports.WriteExcel}, {"HTML report", reports.WriteHTML}} {
			start := time.Now()
			p.Stage(wr.name)
			var path string
			path, err = wr.write(ctx, w, run, dir)
			d := time.Since(start)
			if errors.Is(err, reports.ErrNotBuilt) {
				stages = append(stages, done{wr.name, d, true})
				err = nil
				continue
			}
			if err != nil {
				cancel()
				break
			}
			stages = append(stages, done{wr.name, d, false})
			files = append(files, path)
		}
		wg.Wait()
		if packErr != nil && !errors.Is(packErr, reports.ErrNoChartLibrary) && (err == nil || errors.Is(err, context.Canceled)) {
			err = packErr // the cause, not the other writers' cancellation
		}
		if err != nil {
			return nil, err
		}
		for _, s := range stages {
			p.StageDone(s.name, s.d)
			m.AddStage(s.name, s.d)
			if s.notBuilt {
				m.NotBuilt = append(m.NotBuilt, s.name)
			}
		}
		p.StageDone("KAM packs", packTime)
		m.AddStage("KAM packs", packTime)
		if errors.Is(packErr, reports.ErrNoChartLibrary) {
			return files, nil // as the HTML report, not built, and said so
		}
		return append(files, packFiles...), nil
	}
}
