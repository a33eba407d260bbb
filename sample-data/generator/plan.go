package generator

import (
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

var objectives = []string{
	"Ampliar gama de hidráulica en todas las plantas",
	"Renegociar rappel y condiciones logísticas",
	"Homologación como proveedor preferente",
	"Implantar stock en consigna",
	"Crecer en servicios de mantenimiento",
	"Recuperar cuota en rodamientos frente a la competencia",
	"Plan de visitas trimestral con dirección técnica",
	"Cerrar contrato marco plurianual",
}

// writePlan writes the key account plan as the director keeps it in Excel:
// a target per key account for last year (FY) and for this year at
// whatever grain each KAM plans in — the year, quarters or months. The key
// account designated this year has no plan yet. Targets start from last
// year's same months plus the growth the KAM committed to.
func (w *world) writePlan(dir string) (File, error) {
	loc, r := w.loc, newRand(w.o.Seed, streamPlan)
	y := w.cal.end.year()
	rel := fmt.Sprintf(loc.planFile, y)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", loc.planSheet); err != nil {
		return File{}, err
	}
	director := w.people[personDirector].name
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: director, LastModifiedBy: director, Language: "es-ES",
		Title:   fmt.Sprintf("Plan de cuentas clave %d", y),
		Created: fmt.Sprintf("%d-01-15T09:30:00Z", y), Modified: w.cal.now().String() + "T18:00:00Z",
	}); err != nil {
		return File{}, err
	}
	euro := `#,##0.00\ "€"`
	money, err := f.NewStyle(&excelize.Style{CustomNumFmt: &euro})
	if err != nil {
		return File{}, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return File{}, err
	}
	sw, err := f.NewStreamWriter(loc.planSheet)
	if err != nil {
		return File{}, err
	}
	for col, width := range []float64{16, 12, 18, 18, 52} {
		if err := sw.SetColWidth(col+1, col+1, width); err != nil {
			return File{}, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return File{}, err
	}
	head := make([]any, len(loc.planHeader))
	for i, h := range loc.planHeader {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return File{}, err
	}
	row := 1
	put := func(code, period string, revenue, margin float64, objective string) error {
		row++
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return sw.SetRow(cell, []any{code, period,
			excelize.Cell{StyleID: money, Value: math.Round(revenue/1000) * 1000},
			excelize.Cell{StyleID: money, Value: math.Round(margin/100) * 100}, objective})
	}
	n := 0
	for ui := range w.units {
		u := &w.units[ui]
		if !u.key || (u.spec != nil && u.spec.story == storyNoPlan) {
			continue
		}
		code := w.accounts[u.members[0]].code
		margin := w.accounts[u.members[0]].margin
		goal := objectives[r.IntN(len(objectives))]
		last := w.yearRevenue(u, y-1, 1, 12)
		if err := put(code, fmt.Sprintf("FY%d", y-1), last*between(r, .97, 1.12), last*margin*between(r, .95, 1.05), goal); err != nil {
			return File{}, err
		}
		grow := between(r, 1.04, 1.12)
		var spans [][2]int // month ranges of this year's targets
		switch n % 3 {
		case 0:
			spans = [][2]int{{1, 12}}
		case 1:
			spans = [][2]int{{1, 3}, {4, 6}, {7, 9}, {10, 12}}
		default:
			for mo := 1; mo <= 12; mo++ {
				spans = append(spans, [2]int{mo, mo})
			}
		}
		n++
		for _, s := range spans {
			period := fmt.Sprint(y)
			switch {
			case s[0] == s[1]:
				period = fmt.Sprintf("%d-%02d", y, s[0])
			case s[1]-s[0] == 2:
				period = fmt.Sprintf("%d-Q%d", y, s[1]/3)
			}
			rev := w.yearRevenue(u, y-1, s[0], s[1]) * grow
			if err := put(code, period, rev, rev*margin, goal); err != nil {
				return File{}, err
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return File{}, err
	}
	out, err := os.Create(filepath.Join(dir, filepath.FromSlash(rel))) // SaveAs would make it executable
	if err != nil {
		return File{}, err
	}
	if _, err := f.WriteTo(out); err != nil {
		out.Close()
		return File{}, err
	}
	if err := out.Close(); err != nil {
		return File{}, err
	}
	return File{Path: rel, Kind: "targets", Format: "xlsx", Rows: row - 1}, nil
}

// yearRevenue is a unit's expected revenue in months lo..hi of a year; months
// outside the window borrow the same month of the next or previous year.
func (w *world) yearRevenue(u *unit, year, lo, hi int) float64 {
	s := 0.0
	for mo := lo; mo <= hi; mo++ {
		m := int(mkmonth(year, mo) - w.cal.start)
		for m < 0 {
			m += 12
		}
		for m >= w.cal.n {
			m -= 12
		}
		for _, ai := range u.members {
			s += w.expected(ai, m)
		}
	}
	return s
}
