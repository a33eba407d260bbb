package ingest

import (
	"context"
	"encoding/json"
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
	zones := w.pandasZones(ctx, path)
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
		if upper == "TIMESTAMP WITH TIME ZONE" {
			expr = w.instantExpr(ctx, rt, col, zones[col])
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

// instantExpr reads a TIMESTAMP WITH TIME ZONE column as the wall-clock
// time of one zone. Parquet keeps such a value as an instant in UTC, not
// the offset it was written with: cast as it is, its date would be that
// of whatever zone the machine running kam is in, so an invoice of
// 2026-10-31 23:30 in Bogotá would fall in November on a machine in
// Madrid and in October on one in Mexico. The export's own zone, when
// the file names it (pandas writes it in its metadata), gives the local
// date the invoice bears; without it the date is read in UTC, the same on
// every machine, and the file's note says so.
func (w *loader) instantExpr(ctx context.Context, rt *rawTable, col, zone string) string {
	if zone != "" {
		// Looked up rather than tried: a failed statement would abort the
		// run's transaction. A zone DuckDB does not know is read as none.
		var n int
		if w.QueryRow(ctx, "select count(*) from pg_timezone_names() where name = ?", zone).Scan(&n) != nil || n == 0 {
			zone = ""
		}
	}
	if zone == "" {
		rt.note("note.parquet_instants_utc", col)
		zone = "UTC"
	} else {
		rt.note("note.parquet_instants_zone", col, zone)
	}
	return "cast(timezone(" + sqlString(zone) + ", " + sqlIdent(col) + ") as varchar)"
}

// pandasZones returns the time zone of each timezone-aware column as the
// file's pandas metadata names it ({"columns": [{"name": …, "metadata":
// {"timezone": "America/Bogota"}}]}); none when the file has no such
// metadata (DuckDB, Spark and most ERPs write none).
func (w *loader) pandasZones(ctx context.Context, path string) map[string]string {
	var meta string
	err := w.QueryRow(ctx, "select decode(value) from parquet_kv_metadata("+sqlString(path)+") where decode(key) = 'pandas' limit 1").Scan(&meta)
	if err != nil {
		return nil
	}
	var doc struct {
		Columns []struct {
			Name     string `json:"name"`
			Metadata struct {
				Timezone string `json:"timezone"`
			} `json:"metadata"`
		} `json:"columns"`
	}
	if json.Unmarshal([]byte(meta), &doc) != nil {
		return nil
	}
	zones := map[string]string{}
	for _, c := range doc.Columns {
		if c.Metadata.Timezone != "" {
			zones[c.Name] = c.Metadata.Timezone
		}
	}
	return zones
}
