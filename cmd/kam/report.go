package main

import (
	"context"
	"errors"
	"time"

	"kam/pipeline"
	"kam/reports"
)

// reportWriters writes the workbook and the HTML report of the run into dir.
func reportWriters(p pipeline.Progress) func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, dir string) ([]string, error) {
	return func(ctx context.Context, w *pipeline.Warehouse, m *pipeline.Manifest, dir string) ([]string, error) {
		run := reports.Run{Period: m.Period, Language: m.Language, Manifest: m}
		var files []string
		for _, wr := range []struct {
			name  string
			write func(context.Context, reports.Source, reports.Run, string) (string, error)
		}{{"Excel workbook", reports.WriteExcel}, {"HTML report", reports.WriteHTML}} {
			start := time.Now()
			p.Stage(wr.name)
			path, err := wr.write(ctx, w, run, dir)
			d := time.Since(start)
			p.StageDone(wr.name, d)
			m.AddStage(wr.name, d)
			if errors.Is(err, reports.ErrNotBuilt) {
				m.NotBuilt = append(m.NotBuilt, wr.name)
				continue
			}
			if err != nil {
				return nil, err
			}
			files = append(files, path)
		}
		// The KAM packs and key-account pages, beside the report they link back to.
		start := time.Now()
		p.Stage("KAM packs")
		packFiles, err := reports.WritePacks(ctx, w, run, dir)
		d := time.Since(start)
		p.StageDone("KAM packs", d)
		m.AddStage("KAM packs", d)
		if errors.Is(err, reports.ErrNoChartLibrary) {
			return files, nil // as the HTML report, not built, and said so
		}
		if err != nil {
			return nil, err
		}
		return append(files, packFiles...), nil
	}
}
