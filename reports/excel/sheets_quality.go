package excel

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"kam/i18n"
	"kam/pipeline"
	"kam/reports/report"
)

// rejectRows is how many rejected rows the Data quality sheet lists; every
// one is in rejects.csv.
const rejectRows = 1000

// DataQuality: every input file with its accounting and what was
// detected, the reject reasons with counts, the first rejected rows,
// unattributed revenue per window and the data tests.
func DataQuality(ctx context.Context, b *Book) error {
	s := b.sheet("data_quality", false)
	s.title = b.t("sheet.data_quality")
	s.add(&block{
		id: "files", title: "xlsx.block.files", main: true, freeze: 1,
		query: `select path, kind, format, encoding, delimiter, sheet, header_line, preset, rows_read, rows_loaded,
			rows_rejected, rows_duplicate, rows_conflicting, reject_rate, top_reject_reason, unattributed_lines, unattributed_revenue,
			cancelled_lines, cancelled_revenue, not_issued_lines, not_issued_revenue, documents_in_doubt, revenue_in_doubt,
			targets_unattributed, revenue_target_unattributed, rows_unknown_account, amount_unknown_account, matching_notes, loaded_at, notes
			from main.data_quality order by path`,
		cols: []report.Col{
			report.C("path", report.Text), report.E("kind"), report.C("format", report.Text), report.C("encoding", report.Text), report.C("delimiter", report.Text),
			report.C("sheet", report.Text), report.C("header_line", report.Int), report.C("preset", report.Text), report.C("rows_read", report.Int).Bar(),
			report.C("rows_loaded", report.Int), report.C("rows_rejected", report.Int), report.C("rows_duplicate", report.Int), report.C("rows_conflicting", report.Int),
			report.C("reject_rate", report.Pct),
			report.E("top_reject_reason").Softly(), report.C("unattributed_lines", report.Int), report.C("unattributed_revenue", report.Money2),
			// Lines loaded but kept out of revenue: cancelled or returned
			// orders, and documents never issued (drafts, quotations).
			report.C("cancelled_lines", report.Int), report.C("cancelled_revenue", report.Money2),
			report.C("not_issued_lines", report.Int), report.C("not_issued_revenue", report.Money2),
			// Documents that may be the same sales as another file's (a register
			// beside the lines, orders beside invoices): revenue that may be double.
			report.C("documents_in_doubt", report.Int), report.C("revenue_in_doubt", report.Money2),
			// Targets naming an account or KAM kam does not know: left out of the plan.
			report.C("targets_unattributed", report.Int), report.C("revenue_target_unattributed", report.Money2),
			// Deals and activities naming an account kam does not know.
			report.C("rows_unknown_account", report.Int), report.C("amount_unknown_account", report.Money2),
			// How this run read the file's customers (matches kam guessed).
			{Name: "matching_notes", Kind: report.Notes, Wrap: true},
			report.C("loaded_at", report.DateTime), {Name: "notes", Kind: report.Notes, Wrap: true},
		},
	})
	s.add(&block{
		id: "reject_reasons", title: "xlsx.block.reject_reasons", limit: rejectRows,
		query: `select path, kind, column_name, reason, detail, rows, first_line
			from main.reject_reasons order by rows desc, path, column_name, reason, detail`,
		cols: []report.Col{
			report.C("path", report.Text), report.E("kind"), report.C("column_name", report.Text),
			report.C("message", report.Reject).Lab("col.reason"), report.C("reason", report.Text).Hide(), report.C("detail", report.Text).Hide(),
			report.C("rows", report.Int).Bar(), report.C("first_line", report.Int),
		},
	})
	s.add(&block{
		id: "rejects", title: "xlsx.block.rejects", limit: rejectRows, note: "xlsx.note.first_rejects",
		query: `select path, source_line, column_name, raw_value, reason, detail
			from main.rejected_rows order by path, source_line, column_name`,
		cols: []report.Col{
			report.C("path", report.Text), report.C("source_line", report.Int).Lab("xlsx.col.source_line"),
			report.C("column_name", report.Text), report.C("raw_value", report.Text).Lab("xlsx.col.raw_value"),
			report.C("message", report.Reject).Lab("col.reason"), report.C("reason", report.Text).Hide(), report.C("detail", report.Text).Hide(),
		},
	})
	s.add(&block{
		id: "conflicts", title: "xlsx.block.conflicts", limit: rejectRows,
		query: `select path, source_line, kind, row_key, differences, kept_path, kept_line
			from main.duplicate_conflicts order by path, source_line`,
		cols: []report.Col{
			report.C("path", report.Text), report.C("source_line", report.Int).Lab("xlsx.col.source_line"), report.E("kind"),
			report.C("row_key", report.Text).Lab("xlsx.col.row_key"), {Name: "differences", Kind: report.Text, Wrap: true, Label: "xlsx.col.differences"},
			report.C("kept_path", report.Text).Lab("xlsx.col.kept_path"), report.C("kept_line", report.Int).Lab("xlsx.col.kept_line"),
		},
	})
	s.add(&block{
		id: "reconciliation", title: "xlsx.block.reconciliation",
		query: `select time_window, loaded_revenue, attributed_revenue, unattributed_revenue, unattributed_lines, difference
			from main.revenue_reconciliation left join (values ('month', 1), ('ytd', 2), ('ltm', 3)) as o(time_window, ord)
			using (time_window) order by coalesce(o.ord, 9), time_window`,
		cols: []report.Col{
			report.E("time_window"), report.C("loaded_revenue", report.Money2), report.C("attributed_revenue", report.Money2),
			report.C("unattributed_revenue", report.Money2), report.C("unattributed_lines", report.Int), report.C("difference", report.Money2),
		},
	})
	s.add(&block{
		id: "data_tests", title: "xlsx.block.data_tests",
		query: `select name, name as description, passed, offending_rows from main.data_tests order by passed, name`,
		cols: []report.Col{
			report.C("name", report.Text), {Name: "description", Kind: report.Enum, Prefix: "check.", Wrap: true}, report.C("passed", report.Bool).With(report.CFFalseRed),
			report.C("offending_rows", report.Int),
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}

// Definitions: every metric the workbook shows with its definition and
// formula, then the parameters (weights, thresholds) in force for this run.
func Definitions(ctx context.Context, b *Book) error {
	s := b.sheet("definitions", false)
	s.title = b.t("sheet.definitions")
	s.lines = []infoLine{{b.t("xlsx.line.config"), b.configSource(), report.Text}}
	var rows []string
	for i, c := range b.used {
		if !i18n.Has("def." + c) {
			continue // keys and descriptive attributes have no definition
		}
		rows = append(rows, fmt.Sprintf("(%s, %s, %d)", sqlText(c), sqlText(b.usedSheet[c]), i))
	}
	q := `select '' as name, '' as sheet where false`
	if len(rows) > 0 {
		q = `select name, name as label, name as definition, sheet from (values ` + strings.Join(rows, ", ") +
			`) as d(name, sheet, ord) order by ord`
	}
	s.add(&block{
		id: "metrics", title: "xlsx.block.metrics", main: true, freeze: 1, query: q,
		cols: []report.Col{
			{Name: "label", Kind: report.Enum, Prefix: "col.", Label: "xlsx.col.metric"},
			{Name: "definition", Kind: report.Enum, Prefix: "def.", Label: "xlsx.col.definition", Wrap: true},
			report.C("name", report.Text).Lab("xlsx.col.column"), report.C("sheet", report.Text).Lab("xlsx.col.sheet"),
		},
	})
	s.add(&block{
		id: "params", title: "xlsx.block.params",
		// Every model threshold and weight is kam's default (the congruence
		// model gives no figures): origin says so, or that kam.yaml set it.
		query: `select p.key, p.key as label, p.num, p.txt,
				case when d.key is null then null when p.num is not distinct from d.def then 'default' else 'configured' end as origin
			from main.run_params p left join ` + paramDefaults() + ` as d(key, def) using (key) order by p.key`,
		cols: []report.Col{
			report.C("key", report.Text).Lab("xlsx.col.key"), report.C("num", report.Num).Lab("xlsx.col.value"),
			report.C("txt", report.Text).Lab("xlsx.col.text"),
			{Name: "origin", Kind: report.Enum, Prefix: "val.param_origin.", Label: "col.param_origin"},
			{Name: "label", Kind: report.Enum, Prefix: "param.", Soft: true, Label: "xlsx.col.param", Wrap: true},
		},
	})
	if err := s.write(ctx); err != nil {
		return err
	}
	return s.close()
}

// paramDefaults lists the model parameters with their defaults as SQL
// values (constants of kam, not data); a parameter without a default is NULL.
func paramDefaults() string {
	v := make([]string, len(pipeline.DefaultParams))
	for i, p := range pipeline.DefaultParams {
		def := "null"
		if !math.IsNaN(p.Default) {
			def = strconv.FormatFloat(p.Default, 'g', -1, 64)
		}
		v[i] = fmt.Sprintf("(%s, cast(%s as double))", sqlText(p.Key), def)
	}
	return "(values " + strings.Join(v, ", ") + ")"
}

// sqlText quotes a constant of the workbook (a column name, a translated
// sheet name) as an SQL string literal; no data from the warehouse passes here.
func sqlText(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func (b *Book) configSource() string {
	if b.run.Manifest != nil && b.run.Manifest.Config.Source != "" {
		return b.run.Manifest.Config.Source
	}
	return "-"
}
