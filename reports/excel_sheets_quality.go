package reports

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"kam/i18n"
	"kam/pipeline"
)

// xlRejectRows is how many rejected rows the Data quality sheet lists; every
// one is in rejects.csv.
const xlRejectRows = 1000

// writeDataQuality: every input file with its accounting and what was
// detected, the reject reasons with counts, the first rejected rows,
// unattributed revenue per window and the data tests.
func writeDataQuality(ctx context.Context, b *xlBook) error {
	s := b.sheet("data_quality", false)
	s.title = b.t("sheet.data_quality")
	s.add(&xlBlock{
		id: "files", title: "xlsx.block.files", main: true, freeze: 1,
		query: `select path, kind, format, encoding, delimiter, sheet, header_line, preset, rows_read, rows_loaded,
			rows_rejected, rows_duplicate, rows_conflicting, reject_rate, top_reject_reason, unattributed_lines, unattributed_revenue,
			loaded_at, notes
			from main.data_quality order by path`,
		cols: []xlCol{
			xc("path", kText), xe("kind"), xc("format", kText), xc("encoding", kText), xc("delimiter", kText),
			xc("sheet", kText), xc("header_line", kInt), xc("preset", kText), xc("rows_read", kInt).bar(),
			xc("rows_loaded", kInt), xc("rows_rejected", kInt), xc("rows_duplicate", kInt), xc("rows_conflicting", kInt),
			xc("reject_rate", kPct),
			xe("top_reject_reason").softly(), xc("unattributed_lines", kInt), xc("unattributed_revenue", kMoney2),
			xc("loaded_at", kDateTime), {name: "notes", kind: kNotes, wrap: true},
		},
	})
	s.add(&xlBlock{
		id: "reject_reasons", title: "xlsx.block.reject_reasons", limit: xlRejectRows,
		query: `select path, kind, column_name, reason, detail, rows, first_line
			from main.reject_reasons order by rows desc, path, column_name, reason, detail`,
		cols: []xlCol{
			xc("path", kText), xe("kind"), xc("column_name", kText),
			xc("message", kReject).lab("col.reason"), xc("reason", kText).hide(), xc("detail", kText).hide(),
			xc("rows", kInt).bar(), xc("first_line", kInt),
		},
	})
	s.add(&xlBlock{
		id: "rejects", title: "xlsx.block.rejects", limit: xlRejectRows, note: "xlsx.note.first_rejects",
		query: `select path, source_line, column_name, raw_value, reason, detail
			from staging.stg_rejects order by path, source_line, column_name`,
		cols: []xlCol{
			xc("path", kText), xc("source_line", kInt).lab("xlsx.col.source_line"),
			xc("column_name", kText), xc("raw_value", kText).lab("xlsx.col.raw_value"),
			xc("message", kReject).lab("col.reason"), xc("reason", kText).hide(), xc("detail", kText).hide(),
		},
	})
	s.add(&xlBlock{
		id: "conflicts", title: "xlsx.block.conflicts", limit: xlRejectRows,
		query: `select path, source_line, kind, row_key, array_to_string(differences, '; ') as differences, kept_path, kept_line
			from staging.stg_duplicates where is_conflict order by path, source_line`,
		cols: []xlCol{
			xc("path", kText), xc("source_line", kInt).lab("xlsx.col.source_line"), xe("kind"),
			xc("row_key", kText).lab("xlsx.col.row_key"), {name: "differences", kind: kText, wrap: true, label: "xlsx.col.differences"},
			xc("kept_path", kText).lab("xlsx.col.kept_path"), xc("kept_line", kInt).lab("xlsx.col.kept_line"),
		},
	})
	s.add(&xlBlock{
		id: "reconciliation", title: "xlsx.block.reconciliation",
		query: `select time_window, loaded_revenue, attributed_revenue, unattributed_revenue, unattributed_lines, difference
			from main.revenue_reconciliation left join (values ('month', 1), ('ytd', 2), ('ltm', 3)) as o(time_window, ord)
			using (time_window) order by coalesce(o.ord, 9), time_window`,
		cols: []xlCol{
			xe("time_window"), xc("loaded_revenue", kMoney2), xc("attributed_revenue", kMoney2),
			xc("unattributed_revenue", kMoney2), xc("unattributed_lines", kInt), xc("difference", kMoney2),
		},
	})
	s.add(&xlBlock{
		id: "data_tests", title: "xlsx.block.data_tests",
		query: `select name, name as description, passed, offending_rows from main.data_tests order by passed, name`,
		cols: []xlCol{
			xc("name", kText), {name: "description", kind: kEnum, prefix: "check.", wrap: true}, xc("passed", kBool).with(cfFalseRed),
			xc("offending_rows", kInt),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}

// writeDefinitions: every metric the workbook shows with its definition and
// formula, then the parameters (weights, thresholds) in force for this run.
func writeDefinitions(ctx context.Context, b *xlBook) error {
	s := b.sheet("definitions", false)
	s.title = b.t("sheet.definitions")
	s.lines = []xlLine{{b.t("xlsx.line.config"), b.configSource(), kText}}
	var rows []string
	for i, c := range b.used {
		if !i18n.Has("def." + c) {
			continue // keys and descriptive attributes have no definition
		}
		rows = append(rows, fmt.Sprintf("(%s, %s, %d)", xlSQLText(c), xlSQLText(b.usedSheet[c]), i))
	}
	q := `select '' as name, '' as sheet where false`
	if len(rows) > 0 {
		q = `select name, name as label, name as definition, sheet from (values ` + strings.Join(rows, ", ") +
			`) as d(name, sheet, ord) order by ord`
	}
	s.add(&xlBlock{
		id: "metrics", title: "xlsx.block.metrics", main: true, freeze: 1, query: q,
		cols: []xlCol{
			{name: "label", kind: kEnum, prefix: "col.", label: "xlsx.col.metric"},
			{name: "definition", kind: kEnum, prefix: "def.", label: "xlsx.col.definition", wrap: true},
			xc("name", kText).lab("xlsx.col.column"), xc("sheet", kText).lab("xlsx.col.sheet"),
		},
	})
	s.add(&xlBlock{
		id: "params", title: "xlsx.block.params",
		// Every model threshold and weight is kam's default (the congruence
		// model gives no figures): origin says so, or that kam.yaml set it.
		query: `select p.key, p.key as label, p.num, p.txt,
				case when d.key is null then null when p.num is not distinct from d.def then 'default' else 'configured' end as origin
			from meta.params p left join ` + xlParamDefaults() + ` as d(key, def) using (key) order by p.key`,
		cols: []xlCol{
			xc("key", kText).lab("xlsx.col.key"), xc("num", kNum).lab("xlsx.col.value"),
			xc("txt", kText).lab("xlsx.col.text"),
			{name: "origin", kind: kEnum, prefix: "val.param_origin.", label: "col.param_origin"},
			{name: "label", kind: kEnum, prefix: "param.", soft: true, label: "xlsx.col.param", wrap: true},
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}

// xlParamDefaults lists the model parameters with their defaults as SQL
// values (constants of kam, not data); a parameter without a default is NULL.
func xlParamDefaults() string {
	v := make([]string, len(pipeline.DefaultParams))
	for i, p := range pipeline.DefaultParams {
		def := "null"
		if !math.IsNaN(p.Default) {
			def = strconv.FormatFloat(p.Default, 'g', -1, 64)
		}
		v[i] = fmt.Sprintf("(%s, cast(%s as double))", xlSQLText(p.Key), def)
	}
	return "(values " + strings.Join(v, ", ") + ")"
}

// xlSQLText quotes a constant of the workbook (a column name, a translated
// sheet name) as an SQL string literal; no data from the warehouse passes here.
func xlSQLText(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func (b *xlBook) configSource() string {
	if b.run.Manifest != nil && b.run.Manifest.Config.Source != "" {
		return b.run.Manifest.Config.Source
	}
	return "-"
}
