package reports

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"kam/i18n"
)

// xlKind is how a column's values are written and formatted.
type xlKind int

const (
	kText     xlKind = iota // text as it is, always a string cell
	kEnum                   // a code translated through val.<column>.<code> (or the column's prefix)
	kList                   // a list of codes, translated and joined
	kMoney                  // reporting currency, whole units
	kMoney2                 // reporting currency, cents
	kPct                    // a fraction shown as a percentage
	kScore                  // a 0–100 score
	kInt                    // a count
	kNum1                   // hours, years: one decimal
	kTimes                  // a multiple (ROI, coverage)
	kDate                   // a date
	kDateTime               // a timestamp
	kBool                   // a flag: 1 or 0, shown as yes or no
	kUnit                   // number formatted by the row's unit column (money, share, index, count, flag)
	kReject                 // reject message from the row's reason and detail
	kNum                    // a plain number (parameters)
	kNotes                  // a JSON list of notes, shown one after the other
)

// numeric reports whether a kind's cells are numbers.
func (k xlKind) numeric() bool {
	switch k {
	case kMoney, kMoney2, kPct, kScore, kInt, kNum1, kTimes, kUnit, kNum:
		return true
	}
	return false
}

// xlUnitKind maps a mart's unit column (kpi_summary, congruence_scorecard) to a kind.
func xlUnitKind(unit string) xlKind {
	switch unit {
	case "money":
		return kMoney
	case "share":
		return kPct
	case "index", "count", "flag":
		return kInt
	}
	return kNum
}

// xlStyles are the workbook's cell styles and conditional-format fills.
type xlStyles struct {
	cell                                    map[xlKind]int
	title, subtitle, note, block, header    int
	green, amber, red, grey, blue, lightGrn int // conditional formats (dxf)
	currency                                string
}

// xlNumFmts are number formats in Excel's neutral notation: Excel and
// LibreOffice show them with the reader's decimal and thousands separators
// in any language; the currency is the ISO code as a literal, placed and
// the dates written as the language's format entry says.
func xlNumFmts(lang, cur string) map[xlKind]string {
	lf := i18n.FormatOf(lang)
	c := `"` + strings.ReplaceAll(cur, `"`, "") + `"`
	money := func(n string) string {
		if lf.CurrencyAfter {
			return n + ` ` + c + `;[Red]-` + n + ` ` + c
		}
		return c + ` ` + n + `;[Red]-` + c + ` ` + n
	}
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, "") + `"` }
	yes, no := q(i18n.T(lang, "xlsx.yes")), q(i18n.T(lang, "xlsx.no"))
	date, dt := lf.XLSXDate, lf.XLSXDateTime
	return map[xlKind]string{
		kMoney: money("#,##0"), kMoney2: money("#,##0.00"),
		kPct: "0.0%;[Red]-0.0%", kScore: "0.0", kInt: "#,##0", kNum1: "#,##0.0",
		kTimes: `0.00"×";[Red]-0.00"×"`, kDate: date, kDateTime: dt, kNum: "#,##0.####",
		kBool: yes + ";" + yes + ";" + no,
	}
}

func xlNewStyles(f *excelize.File, lang, cur string) (*xlStyles, error) {
	s := &xlStyles{cell: map[xlKind]int{}, currency: cur}
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
	for k, code := range xlNumFmts(lang, cur) {
		c := code
		al := top
		if k == kBool {
			al = &excelize.Alignment{Horizontal: "center", Vertical: "top"}
		}
		s.cell[k] = add(&excelize.Style{CustomNumFmt: &c, Border: border, Alignment: al})
	}
	s.cell[kText] = add(&excelize.Style{Border: border, Alignment: top})
	s.cell[kEnum] = s.cell[kText]
	s.cell[kReject] = s.cell[kText]
	s.cell[kNotes] = s.cell[kText]
	s.cell[kList] = add(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
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
func (s *xlStyles) style(k xlKind) int { return s.cell[k] }

// xlTone names a conditional fill.
type xlTone int

const (
	toneGreen xlTone = iota + 1
	toneLightGreen
	toneAmber
	toneRed
	toneGrey
	toneBlue
)

func (s *xlStyles) dxf(t xlTone) int {
	return map[xlTone]int{toneGreen: s.green, toneLightGreen: s.lightGrn, toneAmber: s.amber,
		toneRed: s.red, toneGrey: s.grey, toneBlue: s.blue}[t]
}

// xlTones colour the codes of status-like columns: statuses, bands, quadrants,
// recommendations, classes.
var xlTones = map[string]map[string]xlTone{
	"status": {"on_track": toneGreen, "at_risk": toneAmber, "off_track": toneRed, "not_started": toneGrey,
		"green": toneGreen, "amber": toneAmber, "red": toneRed, "unavailable": toneGrey},
	"health_band":    {"champion": toneGreen, "healthy": toneLightGreen, "needs_attention": toneAmber, "at_risk": toneRed},
	"quadrant":       {"strategic": toneGreen, "star": toneBlue, "status": toneAmber, "streamline": toneGrey},
	"hhi_band":       {"unconcentrated": toneGreen, "moderate": toneAmber, "high": toneRed},
	"sow_band":       {"strategic_partner": toneGreen, "developing": toneBlue, "backup": toneAmber},
	"recommendation": {"promote": toneBlue, "confirm": toneGreen, "hold": toneAmber, "review": toneRed, "none": toneGrey},
	"service_band":   {"balanced": toneGreen, "over_served": toneAmber, "under_served": toneRed},
	"abc":            {"A": toneGreen, "B": toneAmber, "C": toneGrey},
}
