package html

import (
	"kam/i18n"
	"kam/reports/report"
)

func (b *Builder) DataQuality(s *Section) error {
	files, err := b.q(`select * from main.data_quality order by path`)
	if err != nil {
		return err
	}
	tests, err := b.q(`select * from main.data_tests order by passed, name`)
	if err != nil {
		return err
	}
	recon, err := b.q(`select * from main.revenue_reconciliation
		order by case time_window when 'month' then 1 when 'ytd' then 2 when 'ltm' then 3 else 4 end`)
	if err != nil {
		return err
	}

	var tiles []tile
	if m := b.run.Manifest; m != nil {
		tiles = append(tiles,
			tile{Key: "rows_loaded", Label: b.t("col.rows_loaded"), Value: b.loc.Count(m.Totals.RowsLoaded),
				Changes: []change{{Label: b.t("col.rows_read"), Text: b.loc.Count(m.Totals.RowsRead), Class: "flat"}}},
			tile{Key: "rows_rejected", Label: b.t("col.rows_rejected"), Value: b.loc.Count(m.Totals.RowsRejected),
				Changes: []change{{Label: b.t("col.rows_duplicate"), Text: b.loc.Count(m.Totals.RowsDuplicate), Class: "flat"}}})
	}
	for _, r := range recon {
		if r.str("time_window") == "ltm" && r.f("lines_in_doubt") > 0 {
			tiles = append(tiles, tile{Key: "in_doubt", Label: b.t("col.revenue_in_doubt") + " · " + b.val("time_window", "ltm"),
				Value:   b.loc.Money(r["revenue_in_doubt"]),
				Changes: []change{{Label: b.t("col.lines_in_doubt"), Text: b.loc.Count(r["lines_in_doubt"]), Class: "bad"}}})
		}
		if r.str("time_window") == "ltm" {
			tiles = append(tiles, tile{Key: "unattributed", Label: b.t("col.unattributed_revenue") + " · " + b.val("time_window", "ltm"),
				Value:   b.loc.Money(r["unattributed_revenue"]),
				Changes: []change{{Label: b.t("col.unattributed_lines"), Text: b.loc.Count(r["unattributed_lines"]), Class: "flat"}}})
		}
	}
	if len(tests) > 0 {
		passed := 0
		for _, r := range tests {
			if r.is("passed") {
				passed++
			}
		}
		class := "good"
		if passed < len(tests) {
			class = "bad"
		}
		tiles = append(tiles, tile{Key: "data_tests", Label: b.t("html.data_tests"), Value: b.loc.Count(passed) + " / " + b.loc.Count(len(tests)),
			Changes: []change{{Label: b.t("html.passed"), Text: b.t("html.tests_passed", b.loc.Count(passed), b.loc.Count(len(tests))), Class: class}}})
	}
	s.Blocks = append(s.Blocks, block{Tiles: tiles})

	ft := b.newTable("files", report.C("path", report.Text), report.C("kind", report.Enum), report.C("format", report.Text),
		report.C("encoding", report.Text), report.C("rows_read", report.Int), report.C("rows_loaded", report.Int),
		report.C("rows_rejected", report.Int), report.C("rows_duplicate", report.Int), report.C("rows_conflicting", report.Int),
		report.C("reject_rate", report.Pct),
		report.C("top_reject_reason", report.Enum), report.C("unattributed_revenue", report.Money),
		report.C("cancelled_revenue", report.Money), report.C("not_issued_revenue", report.Money), report.C("revenue_in_doubt", report.Money))
	ft.add(b, files, 100)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.files")}, block{Table: ft})

	// How this run read each file's customers: the matches kam made
	// by its own reading (a code without its zeros, a name, a tax id
	// written another way) and the rows it could not place, one note a
	// row, so that a reader sees where a figure rests on kam's guess.
	var matching []martRow
	for _, r := range files {
		for _, n := range i18n.Notes(b.lang, r.str("matching_notes")) {
			if n != "" {
				matching = append(matching, martRow{"path": r["path"], "matching_notes": n})
			}
		}
	}
	if len(matching) > 0 {
		mt := b.newTable("matching", report.C("path", report.Text), report.C("matching_notes", report.Text))
		mt.add(b, matching, 50)
		s.Blocks = append(s.Blocks, block{Heading: b.t("html.matching")}, block{Table: mt})
	}

	reasons, err := b.q(`select path, column_name, reason, detail, rows, first_line
		from main.reject_reasons order by rows desc, path, first_line`)
	if err != nil {
		return err
	}
	for _, r := range reasons {
		r["reason"] = i18n.Reject(b.lang, r.str("reason"), r.str("detail"))
	}
	rt := b.newTable("reasons", report.C("path", report.Text), report.C("column_name", report.Text).Lab("html.column"),
		report.C("reason", report.Text).Lab("html.reason"), report.C("rows", report.Int).Lab("html.rows"),
		report.C("first_line", report.Int).Lab("html.first_line"))
	rt.Empty = b.t("html.no_rejects")
	rt.add(b, reasons, 30)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.reject_reasons")}, block{Table: rt})

	first, err := b.q(`select path, source_line, column_name, raw_value, reason, detail from main.rejected_rows
		order by path, source_line, column_name limit 20`)
	if err != nil {
		return err
	}
	if len(first) > 0 {
		for _, r := range first {
			r["reason"] = i18n.Reject(b.lang, r.str("reason"), r.str("detail"))
		}
		et := b.newTable("rejects", report.C("path", report.Text), report.C("source_line", report.Int).Lab("html.line"),
			report.C("column_name", report.Text).Lab("html.column"), report.C("raw_value", report.Text).Lab("html.value"),
			report.C("reason", report.Text).Lab("html.reason"))
		et.add(b, first, 0)
		s.Blocks = append(s.Blocks, block{Heading: b.t("html.first_rejects")}, block{Table: et})
	}

	conflicts, err := b.q(`select path, source_line, row_key, differences, kept_path, kept_line
		from main.duplicate_conflicts order by path, source_line limit 20`)
	if err != nil {
		return err
	}
	if len(conflicts) > 0 {
		xt := b.newTable("conflicts", report.C("path", report.Text), report.C("source_line", report.Int).Lab("html.line"),
			report.C("row_key", report.Text).Lab("xlsx.col.row_key"), report.C("differences", report.Text).Lab("xlsx.col.differences"),
			report.C("kept_path", report.Text).Lab("xlsx.col.kept_path"), report.C("kept_line", report.Int).Lab("xlsx.col.kept_line"))
		xt.add(b, conflicts, 0)
		s.Blocks = append(s.Blocks, block{Heading: b.t("html.conflicts")}, block{Table: xt})
	}

	for _, r := range recon {
		r["time_window"] = b.val("time_window", r.str("time_window"))
	}
	ct := b.newTable("reconciliation", report.C("time_window", report.Text), report.C("loaded_revenue", report.Money),
		report.C("attributed_revenue", report.Money), report.C("unattributed_revenue", report.Money),
		report.C("unattributed_lines", report.Int), report.C("difference", report.Money), report.C("revenue_in_doubt", report.Money))
	ct.add(b, recon, 0)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.reconciliation")}, block{Table: ct})

	for _, r := range tests {
		if key := "check." + r.str("name"); i18n.Has(key) {
			r["description"] = b.t(key)
		}
		if r.is("passed") {
			r["result"] = "pass"
		} else {
			r["result"] = "fail"
		}
	}
	tt := b.newTable("tests", report.C("name", report.Text).Lab("html.test"), report.C("description", report.Text),
		report.C("result", report.Enum).AsBadge().Lab("html.result").Pre("html."), report.C("offending_rows", report.Int))
	tt.add(b, tests, 0)
	s.Blocks = append(s.Blocks, block{Heading: b.t("html.data_tests")}, block{Table: tt})
	return nil
}
