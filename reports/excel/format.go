package excel

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"kam/reports/report"
)

// close finishes a sheet: an Excel table (or autofilter) over its blocks, a
// workbook name per block, conditional formats; a streamed sheet is flushed.
// Charts must be added before close.
func (s *worksheet) close() error {
	f := s.b.f
	var main *block
	filtered := false
	for _, bl := range s.blocks {
		n := len(bl.visible())
		last := max(bl.last, bl.header)
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "kam_" + bl.id,
			RefersTo: fmt.Sprintf("%s:%s", cellRef(s.name, 1, bl.header), strings.SplitN(cellRef(s.name, n, last), "!", 2)[1])}); err != nil {
			return err
		}
		if bl.last < bl.first {
			continue
		}
		rng := area(1, bl.header, n, bl.last)
		switch {
		case s.stream && bl.main:
			main = bl
		case !s.stream:
			if err := f.AddTable(s.name, &excelize.Table{Range: rng, Name: "Tbl_" + bl.id, StyleName: "TableStyleLight1"}); err != nil {
				return err
			}
		case bl.filter && !filtered:
			// A streamed sheet holds one Excel table; the next block gets the sheet's autofilter.
			if err := f.AutoFilter(s.name, rng, nil); err != nil {
				return err
			}
			filtered = true
		}
		if err := s.condFormats(bl); err != nil {
			return err
		}
	}
	if !s.stream {
		return nil
	}
	if main != nil {
		if err := s.sw.AddTable(&excelize.Table{Range: area(1, main.header, len(main.visible()), main.last),
			Name: "Tbl_" + main.id, StyleName: "TableStyleLight1"}); err != nil {
			return err
		}
	}
	return flushStream(s.sw)
}

func area(c1, r1, c2, r2 int) string {
	a, _ := excelize.CoordinatesToCellName(c1, r1)
	b, _ := excelize.CoordinatesToCellName(c2, r2)
	return a + ":" + b
}

// condFormats applies the columns' conditional formats to a block's rows.
func (s *worksheet) condFormats(bl *block) error {
	f, st := s.b.f, s.b.st
	for i, c := range bl.visible() {
		rng := area(i+1, bl.first, i+1, bl.last)
		var opts []excelize.ConditionalFormatOptions
		if c.Tones != "" {
			codes := bl.enumsMeasured[c.Name]
			if c.Kind == report.Text {
				codes = nil
				for code := range toneSets[c.Tones] {
					codes = append(codes, code)
				}
			}
			sort.Strings(codes)
			for _, code := range codes {
				t, ok := toneSets[c.Tones][code]
				if !ok {
					continue
				}
				text := code
				if c.Kind == report.Enum {
					text = s.b.display(c, code)
				}
				d := st.dxf(t)
				opts = append(opts, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==",
					Value: `"` + strings.ReplaceAll(text, `"`, `""`) + `"`, Format: &d})
			}
		}
		switch c.CF {
		case report.CFBar:
			opts = append(opts, excelize.ConditionalFormatOptions{Type: "data_bar", Criteria: "=",
				MinType: "min", MaxType: "max", BarColor: "#5B9BD5"})
		case report.CFScale:
			opts = append(opts, excelize.ConditionalFormatOptions{Type: "3_color_scale", Criteria: "=",
				MinType: "min", MidType: "percentile", MidValue: "50", MaxType: "max",
				MinColor: "#F8696B", MidColor: "#FFEB84", MaxColor: "#63BE7B"})
		case report.CFLights:
			opts = append(opts, excelize.ConditionalFormatOptions{Type: "icon_set", IconStyle: "3TrafficLights1"})
		case report.CFSign:
			g, r := st.dxf(toneGreen), st.dxf(toneRed)
			opts = append(opts,
				excelize.ConditionalFormatOptions{Type: "cell", Criteria: ">", Value: "0", Format: &g},
				excelize.ConditionalFormatOptions{Type: "cell", Criteria: "<", Value: "0", Format: &r})
		case report.CFTrueRed, report.CFTrueAmber:
			d := st.dxf(toneRed)
			if c.CF == report.CFTrueAmber {
				d = st.dxf(toneAmber)
			}
			opts = append(opts, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: "1", Format: &d})
		case report.CFPositiveRed:
			d := st.dxf(toneRed)
			opts = append(opts, excelize.ConditionalFormatOptions{Type: "cell", Criteria: ">", Value: "0", Format: &d})
		case report.CFFalseRed:
			d := st.dxf(toneRed)
			opts = append(opts, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: "0", Format: &d})
		}
		if len(opts) > 0 {
			if err := setConditionalFormat(f, s.name, rng, opts); err != nil {
				return fmt.Errorf("conditional format %s %s: %w", bl.id, c.Name, err)
			}
		}
	}
	return nil
}

// iconSets guards excelize's icon-set presets. excelize keeps the rule of
// each icon style in a package variable, sets its priority and options in it
// when a sheet is given an icon set, and every sheet with that style points
// to it until its workbook is written out. The report's workbook and the KAM
// packs are written at once (cmd/kam/report.go), so setting an icon set in
// one while another was being written was a data race (the race detector
// caught it in run-writers-at-once). Setting an icon set takes the lock
// alone; writing a workbook out, and flushing a streamed sheet (every sheet
// of a KAM's pack), take it shared, so workbooks still write at the same
// time.
var iconSets sync.RWMutex

// setConditionalFormat is f.SetConditionalFormat, under iconSets when opts
// hold an icon set.
func setConditionalFormat(f *excelize.File, sheet, rng string, opts []excelize.ConditionalFormatOptions) error {
	for _, o := range opts {
		if o.Type == "icon_set" {
			iconSets.Lock()
			defer iconSets.Unlock()
			break
		}
	}
	return f.SetConditionalFormat(sheet, rng, opts)
}

// flushStream ends a streamed sheet, under iconSets shared: the flush
// encodes the sheet with its conditional formats, which point at the
// icon-set presets.
func flushStream(sw *excelize.StreamWriter) error {
	iconSets.RLock()
	defer iconSets.RUnlock()
	return sw.Flush()
}

// writeOut writes a workbook out, under iconSets shared.
func writeOut(f *excelize.File, w io.Writer) error {
	iconSets.RLock()
	defer iconSets.RUnlock()
	_, err := f.WriteTo(w)
	return err
}
