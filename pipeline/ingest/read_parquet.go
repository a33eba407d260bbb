package ingest

import (
	"context"
	"fmt"
	"strings"
)

// readParquet reads a Parquet file with DuckDB. Columns are cast to text so
// that every container goes through the same typing and rejects; numeric
// columns are marked so their decimal point is never taken for grouping.
func (w *loader) readParquet(ctx context.Context, f InputFile, name string) (*rawTable, error) {
	path, done, err := literalPath(f.Abs)
	if err != nil {
		return nil, err
	}
	defer done()
	src := fmt.Sprintf("read_parquet(%s, file_row_number = true)", sqlString(path))
	rows, err := w.Query(ctx, "select column_name, column_type from (describe select * from "+src+")")
	if err != nil {
		return nil, fmt.Errorf("not a readable Parquet file: %v", strings.ReplaceAll(firstLine(err.Error()), path, f.Rel))
	}
	rt := &rawTable{Name: name, Format: "parquet", Numeric: map[int]bool{}, NumberHint: "en"}
	var sel []string
	for rows.Next() {
		var col, typ string
		if err := rows.Scan(&col, &typ); err != nil {
			rows.Close()
			return nil, err
		}
		if col == "file_row_number" {
			continue
		}
		i := len(rt.Header)
		rt.Header = append(rt.Header, col)
		upper := strings.ToUpper(typ)
		switch {
		case strings.HasPrefix(upper, "DECIMAL"), strings.Contains(upper, "INT"),
			upper == "DOUBLE", upper == "FLOAT", upper == "REAL":
			rt.Numeric[i] = true
		}
		expr := "cast(" + sqlIdent(col) + " as varchar)"
		if upper == "DOUBLE" || upper == "FLOAT" || upper == "REAL" {
			// Whole numbers as integers: pandas stores an integer column
			// with a missing value as doubles, and the code 123 must not
			// become "123.0" that matches nothing. NaN is pandas' missing
			// value. Other values as exact decimal text, without exponent
			// when it fits.
			c := sqlIdent(col)
			expr = "(case when isnan(" + c + ") then null when abs(" + c + ") < 1e15 and " + c + " = trunc(" + c + ") then cast(cast(" + c + " as bigint) as varchar)" +
				" else coalesce(cast(try_cast(" + c + " as decimal(38,10)) as varchar), " + expr + ") end)"
		}
		sel = append(sel, expr+" as "+rawCol(i))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(sel) == 0 {
		return nil, fmt.Errorf("the Parquet file has no columns")
	}
	q := fmt.Sprintf("create or replace temp table %s as select %s, file_row_number + 1 as _line from %s",
		name, strings.Join(sel, ", "), src)
	if err := w.Exec(ctx, q); err != nil {
		return nil, fmt.Errorf("read the Parquet file: %v", strings.ReplaceAll(firstLine(err.Error()), path, f.Rel))
	}
	if err := w.QueryRow(ctx, "select count(*) from "+name).Scan(&rt.Rows); err != nil {
		return nil, err
	}
	rt.LineExpr = "_line"
	rt.note("note.parquet_rows")
	return rt, nil
}
