package warehouse

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// MartsFolder is the folder of the period's outputs that holds the public
// marts as Parquet files, for BI tools without a DuckDB driver.
const MartsFolder = "marts"

// PublicMarts lists the models a report or a BI tool may read: the marts
// and the history models (schema main), in run order.
func PublicMarts() ([]string, error) {
	ms, err := LoadModels("marts", "history")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(ms))
	for _, m := range ms {
		names = append(names, m.Name)
	}
	return names, nil
}

// WriteMartsParquet writes each public mart to dir/marts/<mart>.parquet with
// DuckDB's COPY (DECIMAL columns stay Parquet decimals, so money reads back
// exact) and returns the files written. dir is the run's staged output
// folder: the files are published with the rest of the period's outputs,
// by the one rename of the folder, never half a set.
func (w *Warehouse) WriteMartsParquet(ctx context.Context, dir string) ([]string, error) {
	names, err := PublicMarts()
	if err != nil {
		return nil, err
	}
	folder := filepath.Join(dir, MartsFolder)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return nil, err
	}
	files := make([]string, 0, len(names))
	for _, name := range names {
		path := filepath.Join(folder, name+".parquet")
		q := fmt.Sprintf("COPY (SELECT * FROM main.%s) TO %s (FORMAT parquet, COMPRESSION zstd)", QuoteIdent(name), QuoteString(path))
		if err := w.exec(ctx, q); err != nil {
			return nil, fmt.Errorf("write the mart %s as Parquet to %s: %w", name, path, err)
		}
		files = append(files, path)
	}
	return files, nil
}
