package reports

import (
	"kam/i18n"
)

func (b *htmlBuilder) dataQuality(s *htmlSection) error {
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

	var tiles []htmlTile
	if m := b.run.Manifest; m != nil {
		tiles = append(tiles,
			htmlTile{Key: "rows_loaded", Label: b.t("col.rows_loaded"), Value: b.loc.Count(m.Totals.RowsLoaded),
				Changes: []htmlChange{{Label: b.t("col.rows_read"), Text: b.loc.Count(m.Totals.RowsRead), Class: "flat"}}},
			htmlTile{Key: "rows_rejected", Label: b.t("col.rows_rejected"), Value: b.loc.Count(m.Totals.RowsRejected),
				Changes: []htmlChange{{Label: b.t("col.rows_duplicate"), Text: b.loc.Count(m.Totals.RowsDuplicate), Class: "flat"}}})
	}
	for _, r := range recon {
		if r.str("time_window") == "ltm" {
			tiles = append(tiles, htmlTile{Key: "unattributed", Label: b.t("col.unattributed_revenue") + " · " + b.val("time_window", "ltm"),
				Value:   b.loc.Money(r["unattributed_revenue"]),
				Changes: []htmlChange{{Label: b.t("col.unattributed_lines"), Text: b.loc.Count(r["unattributed_lines"]), Class: "flat"}}})
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
		tiles = append(tiles, htmlTile{Key: "data_tests", Label: b.t("html.data_tests"), Value: b.loc.Count(passed) + " / " + b.loc.Count(len(tests)),
			Changes: []htmlChange{{Label: b.t("html.passed"), Text: b.t("html.tests_passed", b.loc.Count(passed), b.loc.Count(len(tests))), Class: class}}})
	}
	s.Blocks = append(s.Blocks, htmlBlock{Tiles: tiles})

	ft := b.newTable("files", hcol{Key: "path", Kind: "text"}, hcol{Key: "kind", Kind: "val"}, hcol{Key: "format", Kind: "text"},
		hcol{Key: "encoding", Kind: "text"}, hcol{Key: "rows_read", Kind: "count"}, hcol{Key: "rows_loaded", Kind: "count"},
		hcol{Key: "rows_rejected", Kind: "count"}, hcol{Key: "rows_duplicate", Kind: "count"}, hcol{Key: "rows_conflicting", Kind: "count"},
		hcol{Key: "reject_rate", Kind: "pct"},
		hcol{Key: "top_reject_reason", Kind: "val"}, hcol{Key: "unattributed_revenue", Kind: "money"})
	ft.add(b, files, 100)
	s.Blocks = append(s.Blocks, htmlBlock{Heading: b.t("html.files")}, htmlBlock{Table: ft})

	reasons, err := b.q(`select path, column_name, reason, detail, rows, first_line
		from main.reject_reasons order by rows desc, path, first_line`)
	if err != nil {
		return err
	}
	for _, r := range reasons {
		r["reason"] = i18n.Reject(b.lang, r.str("reason"), r.str("detail"))
	}
	rt := b.newTable("reasons", hcol{Key: "path", Kind: "text"}, hcol{Key: "column_name", Kind: "text", Label: b.t("html.column")},
		hcol{Key: "reason", Kind: "text", Label: b.t("html.reason")}, hcol{Key: "rows", Kind: "count", Label: b.t("html.rows")},
		hcol{Key: "first_line", Kind: "count", Label: b.t("html.first_line")})
	rt.Empty = b.t("html.no_rejects")
	rt.add(b, reasons, 30)
	s.Blocks = append(s.Blocks, htmlBlock{Heading: b.t("html.reject_reasons")}, htmlBlock{Table: rt})

	first, err := b.q(`select path, source_line, column_name, raw_value, reason, detail from staging.stg_rejects
		order by path, source_line, column_name limit 20`)
	if err != nil {
		return err
	}
	if len(first) > 0 {
		for _, r := range first {
			r["reason"] = i18n.Reject(b.lang, r.str("reason"), r.str("detail"))
		}
		et := b.newTable("rejects", hcol{Key: "path", Kind: "text"}, hcol{Key: "source_line", Kind: "count", Label: b.t("html.line")},
			hcol{Key: "column_name", Kind: "text", Label: b.t("html.column")}, hcol{Key: "raw_value", Kind: "text", Label: b.t("html.value")},
			hcol{Key: "reason", Kind: "text", Label: b.t("html.reason")})
		et.add(b, first, 0)
		s.Blocks = append(s.Blocks, htmlBlock{Heading: b.t("html.first_rejects")}, htmlBlock{Table: et})
	}

	conflicts, err := b.q(`select path, source_line, row_key, array_to_string(differences, '; ') as differences, kept_path, kept_line
		from staging.stg_duplicates where is_conflict order by path, source_line limit 20`)
	if err != nil {
		return err
	}
	if len(conflicts) > 0 {
		xt := b.newTable("conflicts", hcol{Key: "path", Kind: "text"}, hcol{Key: "source_line", Kind: "count", Label: b.t("html.line")},
			hcol{Key: "row_key", Kind: "text", Label: b.t("xlsx.col.row_key")}, hcol{Key: "differences", Kind: "text", Label: b.t("xlsx.col.differences")},
			hcol{Key: "kept_path", Kind: "text", Label: b.t("xlsx.col.kept_path")}, hcol{Key: "kept_line", Kind: "count", Label: b.t("xlsx.col.kept_line")})
		xt.add(b, conflicts, 0)
		s.Blocks = append(s.Blocks, htmlBlock{Heading: b.t("html.conflicts")}, htmlBlock{Table: xt})
	}

	for _, r := range recon {
		r["time_window"] = b.val("time_window", r.str("time_window"))
	}
	ct := b.newTable("reconciliation", hcol{Key: "time_window", Kind: "text"}, hcol{Key: "loaded_revenue", Kind: "money"},
		hcol{Key: "attributed_revenue", Kind: "money"}, hcol{Key: "unattributed_revenue", Kind: "money"},
		hcol{Key: "unattributed_lines", Kind: "count"}, hcol{Key: "difference", Kind: "money"})
	ct.add(b, recon, 0)
	s.Blocks = append(s.Blocks, htmlBlock{Heading: b.t("html.reconciliation")}, htmlBlock{Table: ct})

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
	tt := b.newTable("tests", hcol{Key: "name", Kind: "text", Label: b.t("html.test")}, hcol{Key: "description", Kind: "text"},
		hcol{Key: "result", Kind: "badge", Label: b.t("html.result"), Words: "html."}, hcol{Key: "offending_rows", Kind: "count"})
	tt.add(b, tests, 0)
	s.Blocks = append(s.Blocks, htmlBlock{Heading: b.t("html.data_tests")}, htmlBlock{Table: tt})
	return nil
}
