package reports

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"kam/pipeline"
)

func TestExcelBig(t *testing.T) {
	db := os.Getenv("KAM_XLSX_DB")
	if db == "" {
		t.Skip()
	}
	ctx := context.Background()
	w, err := pipeline.OpenWarehouse(ctx, db, pipeline.DuckDBSettings{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	p, err := WriteExcel(ctx, w, Run{Period: "2026-10", Language: os.Getenv("KAM_XLSX_LANG")}, os.Getenv("KAM_XLSX_OUT"))
	if err != nil {
		t.Fatal(err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	st, _ := os.Stat(p)
	t.Logf("%s %v size %d, Go allocated %d MB, heap sys %d MB", p, time.Since(start), st.Size(), (after.TotalAlloc-before.TotalAlloc)>>20, after.HeapSys>>20)
}
