package excel

import (
	"bytes"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestIconSetsWhileWriting gives icon sets to workbooks and writes them out
// on two goroutines, as the report's workbook and the KAM packs are
// (cmd/kam/report.go), one of them streaming its sheet as the packs do
// (its flush encodes the rules too). excelize keeps each icon style's rule in
// a package variable that every such sheet points to: without iconSets the
// race detector reports the write of the rule's priority during the other
// workbook's marshalling (make test runs this test under -race). Without
// the race detector it checks that both go through and the workbooks written
// keep their icon set.
func TestIconSetsWhileWriting(t *testing.T) {
	lights := []excelize.ConditionalFormatOptions{{Type: "icon_set", IconStyle: "3TrafficLights1"}}
	// book gives a new workbook an icon set over A1:A3 and writes it out:
	// excelize marshals a sheet's rules once, when it is first written.
	book := func(out *bytes.Buffer, stream bool) error {
		f := excelize.NewFile()
		defer f.Close()
		var sw *excelize.StreamWriter
		if stream {
			var err error
			if sw, err = f.NewStreamWriter("Sheet1"); err != nil {
				return err
			}
		}
		for r := 1; r <= 3; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if stream {
				if err := sw.SetRow(cell, []any{r * 30}); err != nil {
					return err
				}
			} else {
				f.SetCellValue("Sheet1", cell, r*30)
			}
		}
		if err := setConditionalFormat(f, "Sheet1", "A1:A3", lights); err != nil {
			return err
		}
		if stream {
			if err := flushStream(sw); err != nil {
				return err
			}
		}
		out.Reset()
		return writeOut(f, out)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	outs := [2]bytes.Buffer{}
	for i := range outs {
		wg.Go(func() {
			for range 100 {
				if err := book(&outs[i], i == 1); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for i := range outs {
		back, err := excelize.OpenReader(&outs[i])
		if err != nil {
			t.Fatal(err)
		}
		got, err := back.GetConditionalFormats("Sheet1")
		back.Close()
		if err != nil {
			t.Fatal(err)
		}
		if rules := got["A1:A3"]; len(rules) != 1 || rules[0].Type != "icon_set" || rules[0].IconStyle != "3TrafficLights1" {
			t.Errorf("a workbook written has %+v on A1:A3, want its icon set", got)
		}
	}
}
