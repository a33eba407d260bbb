package excel

import (
	"maps"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"kam/i18n"
	"kam/reports/report"
)

// unitKind maps a mart's unit column (kpi_summary, congruence_scorecard) to a kind.
func unitKind(unit string) report.Kind {
	switch unit {
	case "money":
		return report.Money
	case "share":
		return report.Pct
	case "index", "count", "flag":
		return report.Int
	}
	return report.Num
}

// styles are the workbook's cell styles and conditional-format fills.
type styles struct {
	cell                                    map[report.Kind]int
	title, subtitle, note, block, header    int
	green, amber, red, grey, blue, lightGrn int // conditional formats (dxf)
	currency                                string
}

// numFmts are number formats in Excel's neutral notation: Excel and
// LibreOffice show them with the reader's decimal and thousands separators
// in any language; the currency is its symbol (the ISO code when it has
// none), placed and spaced as in the HTML page — the language's format
// entry says where — and the dates written as that entry says.
func numFmts(lang, cur string) map[report.Kind]string {
	lf := i18n.FormatOf(lang)
	sym, known := report.CurrencySymbol(cur)
	c := `"` + strings.ReplaceAll(sym, `"`, "") + `"`
	sp := ""
	if lf.CurrencySpace || !known {
		sp = " "
	}
	money := func(n string) string {
		if lf.CurrencyAfter {
			return n + sp + c + `;[Red]-` + n + sp + c
		}
		return c + sp + n + `;[Red]-` + c + sp + n
	}
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, "") + `"` }
	yes, no := q(i18n.T(lang, "xlsx.yes")), q(i18n.T(lang, "xlsx.no"))
	date, dt := lf.XLSXDate, lf.XLSXDateTime
	return map[report.Kind]string{
		report.Money: money("#,##0"), report.Money2: money("#,##0.00"),
		report.Pct: "0.0%;[Red]-0.0%", report.Score: "0.0", report.Int: "#,##0", report.Num1: "#,##0.0",
		report.Times: `0.00"×";[Red]-0.00"×"`, report.Date: date, report.DateTime: dt, report.Num: "#,##0.####",
		report.Bool: yes + ";" + yes + ";" + no,
	}
}

func newStyles(f *excelize.File, lang, cur string) (*styles, error) {
	s := &styles{cell: map[report.Kind]int{}, currency: cur}
	border := []excelize.Border{{Type: "bottom", Color: "D9D9D9", Style: 1}}
	var err error
	add := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	top := &excelize.Alignment{Vertical: "top"}
	// In the order of the kinds, not of the map: the style ids are then
	// the same on every run, and so is the workbook's every byte but its
	// dates.
	fmts := numFmts(lang, cur)
	for _, k := range slices.Sorted(maps.Keys(fmts)) {
		c := fmts[k]
		al := top
		if k == report.Bool {
			al = &excelize.Alignment{Horizontal: "center", Vertical: "top"}
		}
		s.cell[k] = add(&excelize.Style{CustomNumFmt: &c, Border: border, Alignment: al})
	}
	s.cell[report.Text] = add(&excelize.Style{Border: border, Alignment: top})
	s.cell[report.Enum] = s.cell[report.Text]
	s.cell[report.Reject] = s.cell[report.Text]
	s.cell[report.Notes] = s.cell[report.Text]
	s.cell[report.List] = add(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.title = add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 15, Color: "1F3864"}})
	s.subtitle = add(&excelize.Style{Font: &excelize.Font{Color: "595959"}})
	s.note = add(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "9C5700"}})
	s.block = add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: "1F3864"}})
	s.header = add(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
		Border:    []excelize.Border{{Type: "bottom", Color: "1F3864", Style: 2}},
	})
	if err != nil {
		return nil, err
	}
	fill := func(bg, fg string) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewConditionalStyle(&excelize.Style{
			Font: &excelize.Font{Color: fg},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{bg}},
		})
		return id
	}
	s.green = fill("C6EFCE", "006100")
	s.lightGrn = fill("E2EFDA", "375623")
	s.amber = fill("FFEB9C", "9C5700")
	s.red = fill("FFC7CE", "9C0006")
	s.grey = fill("EDEDED", "595959")
	s.blue = fill("DDEBF7", "1F4E78")
	return s, err
}

// style returns the cell style of a kind.
func (s *styles) style(k report.Kind) int { return s.cell[k] }

// tone names a conditional fill.
type tone int

const (
	toneGreen tone = iota + 1
	toneLightGreen
	toneAmber
	toneRed
	toneGrey
	toneBlue
)

func (s *styles) dxf(t tone) int {
	return map[tone]int{toneGreen: s.green, toneLightGreen: s.lightGrn, toneAmber: s.amber,
		toneRed: s.red, toneGrey: s.grey, toneBlue: s.blue}[t]
}

// toneSets colour the codes of status-like columns: statuses, bands, quadrants,
// recommendations, classes.
var toneSets = map[string]map[string]tone{
	"status": {"on_track": toneGreen, "at_risk": toneAmber, "off_track": toneRed, "not_started": toneGrey, "met": toneGreen, "missed": toneRed,
		"green": toneGreen, "amber": toneAmber, "red": toneRed, "unavailable": toneGrey},
	"health_band":    {"champion": toneGreen, "healthy": toneLightGreen, "needs_attention": toneAmber, "at_risk": toneRed},
	"quadrant":       {"strategic": toneGreen, "star": toneBlue, "status": toneAmber, "streamline": toneGrey},
	"hhi_band":       {"unconcentrated": toneGreen, "moderate": toneAmber, "high": toneRed},
	"sow_band":       {"strategic_partner": toneGreen, "developing": toneBlue, "backup": toneAmber},
	"recommendation": {"promote": toneBlue, "confirm": toneGreen, "hold": toneAmber, "review": toneRed, "none": toneGrey},
	"service_band":   {"balanced": toneGreen, "over_served": toneAmber, "under_served": toneRed},
	"abc":            {"A": toneGreen, "B": toneAmber, "C": toneGrey},
}
