package packs

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// kamWorkbook writes the KAM's pack as a workbook: the same accounts,
// plan and decisions as the HTML pack, each sheet one Excel table with a
// filter, numbers as numbers, key accounts linked to their pages.
func (w *writer) kamWorkbook(id, file string) (string, error) {
	l := w.l
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLStyles(f, l)
	if err != nil {
		return "", err
	}
	accounts := w.theirs(id)
	mine := map[string]bool{}
	for _, r := range accounts {
		mine[r.str("account_id")] = true
	}
	type col struct {
		key  string
		kind string // text, money, pct, score
		val  func(r row) any
	}
	sheets := []struct {
		name string
		rows []row
		cols []col
	}{}
	var accCols []col
	accCols = append(accCols, col{"account_id", "text", func(r row) any { return r.str("account_id") }},
		col{"account_name", "text", func(r row) any { return r.str("account_name") }},
		col{"is_key_account", "text", func(r row) any {
			return l.t(map[bool]string{true: "xlsx.yes", false: "xlsx.no"}[r.is("is_key_account")])
		}},
		col{"quadrant", "text", func(r row) any { return l.val("quadrant", w.d.matrix[r.str("account_id")].str("quadrant")) }})
	for _, c := range []string{"gross_sales", "revenue", "gross_margin", "cost_to_serve", "net_contribution"} {
		accCols = append(accCols, col{c, "money", func(r row) any { return r[c] }})
	}
	accCols = append(accCols, col{"net_contribution_pct", "pct", func(r row) any { return r["net_contribution_pct"] }},
		col{"health_score", "score", func(r row) any { return w.d.health[r.str("account_id")]["health_score"] }},
		col{"health_band", "text", func(r row) any { return l.val("health_band", w.d.health[r.str("account_id")].str("health_band")) }},
		col{"weighted_pipeline", "money", func(r row) any { return w.d.growth[r.str("account_id")]["weighted_pipeline"] }},
		col{"share_of_wallet", "pct", func(r row) any { return w.d.growth[r.str("account_id")]["share_of_wallet"] }})
	sheets = append(sheets, struct {
		name string
		rows []row
		cols []col
	}{l.t("pack.sheet_accounts"), accounts, accCols})
	var plan []row
	for _, r := range accounts {
		plan = append(plan, w.d.plan[r.str("account_id")]...)
	}
	planCols := []col{{"account_id", "text", func(r row) any { return r.str("account_id") }},
		{"account_name", "text", func(r row) any { return r.str("account_name") }},
		{"target_period", "text", func(r row) any { return r.str("target_period") }}}
	for _, c := range []string{"revenue_target", "target_to_date", "revenue_actual"} {
		planCols = append(planCols, col{c, "money", func(r row) any { return r[c] }})
	}
	planCols = append(planCols, col{"attainment_pct", "pct", func(r row) any { return r["attainment_pct"] }},
		col{"remaining_gap", "money", func(r row) any { return r["remaining_gap"] }},
		col{"status", "text", func(r row) any { return l.val("status", r.str("status")) }})
	sheets = append(sheets, struct {
		name string
		rows []row
		cols []col
	}{l.t("pack.sheet_plan"), plan, planCols})
	var dec []row
	for _, r := range w.d.decisions {
		if a := r.str("account_id"); (a != "" && mine[a]) || (a == "" && r.str("kam_id") == id) {
			dec = append(dec, r)
		}
	}
	decCols := []col{{"decision_rank", "int", func(r row) any { return r["decision_rank"] }},
		{"decision_type", "text", func(r row) any { return l.val("decision_type", r.str("decision_type")) }},
		{"account_id", "text", func(r row) any { return r.str("account_id") }},
		{"account_name", "text", func(r row) any { return r.str("account_name") }},
		{"amount_at_stake", "money", func(r row) any { return r["amount_at_stake"] }},
		{"next_step", "text", func(r row) any { return l.t("decision.step." + r.str("decision_type")) }}}
	sheets = append(sheets, struct {
		name string
		rows []row
		cols []col
	}{l.t("pack.sheet_decisions"), dec, decCols})

	for i, s := range sheets {
		name := s.name
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return "", err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return "", err
		}
		for c, cl := range s.cols {
			ref, _ := excelize.CoordinatesToCellName(c+1, 1)
			head := l.t("col." + cl.key)
			if cl.key == "next_step" {
				head = l.t("pack.next_step")
			}
			if err := f.SetCellValue(name, ref, head); err != nil {
				return "", err
			}
			width := 14.0
			if cl.kind == "text" && (cl.key == "account_name" || cl.key == "next_step") {
				width = 36
			}
			colName, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetColWidth(name, colName, colName, width); err != nil {
				return "", err
			}
		}
		for r, rw := range s.rows {
			for c, cl := range s.cols {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+2)
				v := cl.val(rw)
				if cl.kind != "text" {
					if x, ok := toFloat(v); ok {
						v = x
					} else {
						v = nil
					}
				}
				if v != nil {
					if err := f.SetCellValue(name, ref, v); err != nil {
						return "", err
					}
				}
				if sid, ok := st[cl.kind]; ok {
					if err := f.SetCellStyle(name, ref, ref, sid); err != nil {
						return "", err
					}
				}
				if cl.key == "account_name" {
					if p := w.d.paths.Account(rw.str("account_id")); p != "" {
						if err := f.SetCellHyperLink(name, ref, path.Join("..", p), "External"); err != nil {
							return "", err
						}
					}
				}
			}
		}
		last, _ := excelize.CoordinatesToCellName(len(s.cols), max(len(s.rows)+1, 2))
		if err := f.AddTable(name, &excelize.Table{Range: "A1:" + last, Name: fmt.Sprintf("Tbl_pack_%d", i+1), StyleName: "TableStyleLight1"}); err != nil {
			return "", err
		}
		if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return "", err
		}
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".pack-*.tmp")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := f.WriteTo(tmp); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return file, os.Rename(tmp.Name(), file)
}

// newXLStyles are the number formats of the pack's cells, in Excel's
// neutral notation, the currency's ISO code placed as the language writes it.
func newXLStyles(f *excelize.File, l locale) (map[string]int, error) {
	c := `"` + strings.ReplaceAll(l.currency(), `"`, "") + `"`
	money := `"` + "" + `"`
	if l.f.CurrencyAfter {
		money = `#,##0 ` + c + `;[Red]-#,##0 ` + c
	} else {
		money = c + ` #,##0;[Red]-` + c + ` #,##0`
	}
	out := map[string]int{}
	for kind, code := range map[string]string{"money": money, "pct": "0.0%;[Red]-0.0%", "score": "0.0", "int": "#,##0"} {
		code := code
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			return nil, err
		}
		out[kind] = id
	}
	return out, nil
}
