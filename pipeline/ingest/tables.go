package ingest

import (
	"context"
	"fmt"
	"strings"

	"kam/pipeline/ingest/schema"
	"kam/pipeline/warehouse"
)

// sqlType is the DuckDB type a canonical column is stored as in raw.<kind>.
// Money is exact DECIMAL, never DOUBLE.
func sqlType(t schema.Type) string {
	switch t {
	case schema.Money:
		return "decimal(18,4)"
	case schema.Number:
		return "decimal(18,8)"
	case schema.Share:
		return "decimal(9,6)"
	case schema.Score:
		return "tinyint"
	case schema.Date:
		return "date"
	case schema.Bool:
		return "boolean"
	}
	return "varchar"
}

// storedColumns are the columns of raw.<kind>: canonical columns only
// (auxiliary ones are folded into them at load), a period as its label,
// first day and length.
func storedColumns(k schema.Kind) []storedColumn {
	var out []storedColumn
	for _, c := range k.Columns {
		if c.Source != "" {
			continue
		}
		if c.Type == schema.Period {
			out = append(out,
				storedColumn{c.Name, "varchar", c},
				storedColumn{c.Name + "_start", "date", c},
				storedColumn{c.Name + "_months", "integer", c})
			continue
		}
		out = append(out, storedColumn{c.Name, sqlType(c.Type), c})
	}
	return out
}

type storedColumn struct {
	Name, Type string
	Col        schema.Column
}

// rejectType is why a row was rejected: the column (the file's header and
// the canonical name), its raw text, the reason code and its detail.
const rejectType = "struct(\"column\" varchar, \"value\" varchar, reason varchar, detail varchar)"

// CreateKindTables makes raw.<kind> for every kind, the tables the ingest
// loads (a report alone needs them too, empty).
func CreateKindTables(ctx context.Context, wh *warehouse.Warehouse) error {
	return (&loader{wh}).createKindTables(ctx)
}

// createKindTables makes raw.<kind> for every kind: every row read from
// every file, typed, with its file and line; rows that did not read carry
// their reject (and NULL values) and stay out of every model.
func (w *loader) createKindTables(ctx context.Context) error {
	for _, k := range schema.Kinds {
		var b strings.Builder
		fmt.Fprintf(&b, "create table if not exists raw.%s (\n\tfile_id integer not null,\n\tsource_line bigint not null", k.Name)
		for _, c := range storedColumns(k) {
			fmt.Fprintf(&b, ",\n\t%s %s", sqlIdent(c.Name), c.Type)
		}
		b.WriteString(",\n\treject " + rejectType + "\n)")
		if err := w.Exec(ctx, b.String()); err != nil {
			return fmt.Errorf("create raw.%s: %w", k.Name, err)
		}
		// A warehouse made by an older kam lacks the columns added since.
		for _, c := range storedColumns(k) {
			if err := w.Exec(ctx, fmt.Sprintf("alter table raw.%s add column if not exists %s %s", k.Name, sqlIdent(c.Name), c.Type)); err != nil {
				return fmt.Errorf("upgrade raw.%s: %w", k.Name, err)
			}
		}
		if err := w.Exec(ctx, "alter table raw."+k.Name+" add column if not exists reject "+rejectType); err != nil {
			return fmt.Errorf("upgrade raw.%s: %w", k.Name, err)
		}
	}
	return nil
}
